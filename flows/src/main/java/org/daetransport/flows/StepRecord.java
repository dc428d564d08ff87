package org.daetransport.flows;

/** One step of a flow: step 0 is the initial cloud. */
public record StepRecord(int step, double time, double energy) {
}

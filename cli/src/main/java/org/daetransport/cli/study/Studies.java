package org.daetransport.cli.study;

import java.util.List;

/** The study {@code dae reproduce} runs, in the order of the report. */
public final class Studies {

    private Studies() {
    }

    public static Study standard() {
        return new Study(List.of(new GaussianDepthExperiment(), new MixtureExperiment(), new ToyDataExperiment(),
                new DaeVsWgfExperiment(), new TimeReversalExperiment(), new DigitsExperiment()));
    }
}

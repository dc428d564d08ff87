package org.daetransport.flows;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * How a flow result was produced.
 *
 * @param scheme     the scheme's name
 * @param functional the functional, with its parameters (bandwidth included)
 * @param totalTime  the flow time
 * @param steps      the number of reported steps
 * @param dt         the time step between reports
 * @param bandwidth  the blob bandwidth, if the functional has one
 * @param settings   scheme-specific settings and counters (tolerances, iterations, sub-steps)
 */
public record Provenance(String scheme, String functional, double totalTime, int steps, double dt,
                         OptionalDouble bandwidth, Map<String, Object> settings) {
    public Provenance {
        settings = Map.copyOf(settings);
    }
}

package org.daetransport.flows;

import java.util.Map;

/**
 * Creates one kind of functional from the JSON fields of an energy term, e.g.
 * {@code {"type":"renyi","m":2,"weight":1}}. Plug-ins implement it and list the class in
 * {@code META-INF/services/org.daetransport.flows.FunctionalFactory}; {@link FunctionalRegistry}
 * finds them through {@link java.util.ServiceLoader} (they need a public no-argument constructor).
 */
public interface FunctionalFactory {

    /** The {@code "type"} this factory answers to. */
    String name();

    /**
     * Creates the functional. The fields {@code "type"} and {@code "weight"} are handled by
     * {@link Energy#parse} (the result is multiplied by the weight), so a factory may ignore them.
     *
     * @param params the term's JSON fields (numbers, strings, lists); not modified
     * @param dim    the dimension of the particles
     * @throws IllegalArgumentException naming the bad field
     */
    Functional create(Map<String, Object> params, int dim);
}

package org.daetransport.flows;

import java.util.List;

/**
 * The factories of the built-in energy terms ({@code entropy}, {@code potential},
 * {@code interaction}, {@code renyi}), for callers that assemble their own
 * {@link FunctionalRegistry} (e.g. through dependency injection) instead of
 * {@link FunctionalRegistry#withBuiltins()}.
 */
public final class BuiltinFunctionalFactories {

    private BuiltinFunctionalFactories() {
    }

    /** A new instance of every built-in factory. */
    public static List<FunctionalFactory> all() {
        return BuiltinFunctionals.factories();
    }
}

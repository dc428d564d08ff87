package org.daetransport.flows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Functional factories by name. {@link #withBuiltins()} holds the built-in functionals
 * ({@code entropy}, {@code potential}, {@code interaction}, {@code renyi}) and every
 * {@link FunctionalFactory} a plug-in jar declares for {@link ServiceLoader}.
 * Not thread-safe while being filled; safe to share once filled.
 */
public final class FunctionalRegistry {

    private final Map<String, FunctionalFactory> factories = new TreeMap<>();

    /** An empty registry. */
    public FunctionalRegistry() {
    }

    /** A registry with the built-ins and the factories found by {@link ServiceLoader}. */
    public static FunctionalRegistry withBuiltins() {
        FunctionalRegistry r = new FunctionalRegistry();
        BuiltinFunctionals.factories().forEach(r::register);
        r.registerServices(FunctionalRegistry.class.getClassLoader());
        return r;
    }

    /**
     * Adds a factory (modifies this registry).
     *
     * @throws IllegalArgumentException if a factory of that name is already registered
     */
    public FunctionalRegistry register(FunctionalFactory factory) {
        String name = factory.name();
        FunctionalFactory old = factories.get(name);
        if (old != null) {
            throw new IllegalArgumentException("functional '" + name + "' is registered twice: by "
                    + old.getClass().getName() + " and by " + factory.getClass().getName());
        }
        factories.put(name, factory);
        return this;
    }

    /** Adds every factory declared for {@link ServiceLoader} on {@code loader} (modifies this registry). */
    public FunctionalRegistry registerServices(ClassLoader loader) {
        for (FunctionalFactory f : ServiceLoader.load(FunctionalFactory.class, loader)) {
            register(f);
        }
        return this;
    }

    /** The registered names, sorted. */
    public List<String> names() {
        return new ArrayList<>(factories.keySet());
    }

    /**
     * Creates the functional of that type.
     *
     * @throws IllegalArgumentException for an unknown type (listing the known ones) or bad fields
     */
    public Functional create(String type, Map<String, Object> params, int dim) {
        if (dim < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + dim);
        }
        FunctionalFactory f = factories.get(type);
        if (f == null) {
            throw new IllegalArgumentException("unknown functional '" + type + "'; known functionals: "
                    + String.join(", ", factories.keySet()));
        }
        return f.create(params, dim);
    }
}

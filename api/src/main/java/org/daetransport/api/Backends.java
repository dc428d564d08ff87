package org.daetransport.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/** Selecting a backend by name without Guice, through {@link ServiceLoader}. */
public final class Backends {

    /** The backend used when none is named. */
    public static final String DEFAULT = "ejml";

    private Backends() {
    }

    /** Every provider on the class path, sorted by name (constructs providers only: nothing native). */
    public static List<BackendProvider> providers() {
        List<BackendProvider> out = new ArrayList<>();
        ServiceLoader.load(BackendProvider.class).forEach(out::add);
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    /** The provider of that name; fails with the list of known names. */
    public static BackendProvider provider(String name) {
        List<BackendProvider> all = providers();
        String wanted = name.toLowerCase(Locale.ROOT);
        for (BackendProvider p : all) {
            if (p.name().equals(wanted)) {
                return p;
            }
        }
        throw unknown(name, all.stream().map(BackendProvider::name).toList());
    }

    /** Creates the backend of that name; fails with the list of known names. */
    public static Backend load(String name) {
        return provider(name).create();
    }

    /** Creates the default backend. */
    public static Backend loadDefault() {
        return load(DEFAULT);
    }

    static UnknownBackendException unknown(String name, List<String> known) {
        return new UnknownBackendException("unknown backend '" + name + "'; known backends: " + String.join(", ", known));
    }
}

package org.daetransport.api;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Selecting a backend by name with dependency injection: each backend module contributes a lazy
 * {@code MapBinder<String, Backend>} entry, and this registry creates only the backend asked for.
 */
public final class BackendRegistry {

    private final Map<String, Provider<Backend>> backends;

    @Inject
    public BackendRegistry(Map<String, Provider<Backend>> backends) {
        this.backends = new TreeMap<>(backends);
    }

    public List<String> names() {
        return List.copyOf(backends.keySet());
    }

    /** The backend of that name (created on first request); fails with the list of known names. */
    public Backend select(String name) {
        Provider<Backend> p = backends.get(name.toLowerCase(Locale.ROOT));
        if (p == null) {
            throw Backends.unknown(name, names());
        }
        return p.get();
    }
}

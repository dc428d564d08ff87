package org.daetransport.flows;

import org.daetransport.api.NotPositiveDefiniteException;

import java.util.List;
import java.util.Map;

/** Builds the functional of an energy file: {@code {"terms":[term,..]}}, the weighted sum of its terms. */
public final class Energy {

    private Energy() {
    }

    /**
     * Parses {@code {"terms":[..]}}.
     *
     * @throws IllegalArgumentException if {@code "terms"} is missing or a term is bad
     */
    @SuppressWarnings("unchecked")
    public static Functional parse(Map<String, Object> energy, FunctionalRegistry registry, int dim) {
        Object terms = energy.get("terms");
        if (!(terms instanceof List<?> list)) {
            throw new IllegalArgumentException("an energy needs a \"terms\" list, got " + terms);
        }
        for (Object o : list) {
            if (!(o instanceof Map)) {
                throw new IllegalArgumentException("every energy term must be a JSON object, got " + o);
            }
        }
        return parse((List<Map<String, Object>>) (List<?>) list, registry, dim);
    }

    /**
     * The sum of the terms, each created by the registry from its {@code "type"} and multiplied
     * by its optional {@code "weight"} (default 1). Modifies nothing.
     *
     * @throws IllegalArgumentException naming the term (index and type) and the cause
     */
    public static Functional parse(List<Map<String, Object>> terms, FunctionalRegistry registry, int dim) {
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("an energy needs at least one term");
        }
        Functional sum = null;
        for (int i = 0; i < terms.size(); i++) {
            Map<String, Object> term = terms.get(i);
            Object type = term.get("type");
            if (!(type instanceof String name)) {
                throw new IllegalArgumentException("energy term " + i + " has no \"type\" string");
            }
            Functional f;
            double weight;
            try {
                weight = Params.number(term, "weight", 1.0);
                f = registry.create(name, term, dim);
            } catch (NotPositiveDefiniteException e) {
                throw new NotPositiveDefiniteException("energy term " + i + " (" + name + "): " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("energy term " + i + " (" + name + "): " + e.getMessage(), e);
            }
            Functional weighted = f.times(weight);
            sum = sum == null ? weighted : sum.plus(weighted);
        }
        return sum;
    }
}

package org.daetransport.transport.ot;

/**
 * A W2 distance and how it was obtained; {@code iterations} and {@code converged} are null for
 * methods that do not iterate.
 */
public record W2Result(double w2, String method, Integer iterations, Boolean converged) {

    public static W2Result direct(double w2, String method) {
        return new W2Result(w2, method, null, null);
    }
}

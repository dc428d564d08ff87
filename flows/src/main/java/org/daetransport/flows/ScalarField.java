package org.daetransport.flows;

/** A smooth function {@code R^d -> R} with its gradient: a potential {@code V} or an interaction kernel {@code W}. */
public interface ScalarField {

    /** {@code f(x)}; reads {@code x}, modifies nothing. */
    double value(double[] x);

    /** Writes {@code grad f(x)} into {@code out} (modified; length d); reads {@code x}. */
    void gradient(double[] x, double[] out);
}

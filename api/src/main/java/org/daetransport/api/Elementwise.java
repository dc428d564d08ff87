package org.daetransport.api;

/** Element-wise maps. Results are new tensors. */
public interface Elementwise {

    /** {@code f(a)} entry by entry. */
    Tensor apply(Tensor a, Activation f);

    /** {@code f'(a)} entry by entry. */
    Tensor derivative(Tensor a, Activation f);

    /** The Hadamard product {@code a .* b} (same shapes). */
    Tensor multiply(Tensor a, Tensor b);

    /** {@code a .^ 2}. */
    default Tensor square(Tensor a) {
        return multiply(a, a);
    }
}

package org.daetransport.api;

/**
 * A numerical failure that the mathematics predicts (a flow past its collapse time, a solver that
 * did not converge, an unstable time step): reported instead of returning NaN. The CLI maps it to
 * exit code 4, while {@link IllegalArgumentException} (bad input) maps to exit code 3.
 */
public class NumericalFailureException extends ArithmeticException {

    public NumericalFailureException(String message) {
        super(message);
    }
}

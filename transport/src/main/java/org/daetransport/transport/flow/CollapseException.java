package org.daetransport.transport.flow;

import org.daetransport.api.NumericalFailureException;
import org.daetransport.transport.law.Numbers;

/**
 * The continuous DAE of a Gaussian (or Gaussian mixture) law was asked to run to or past its
 * finite collapse time {@code t* = lambda_min / 2}, where a covariance {@code S - 2tI} stops being
 * positive definite and the law degenerates.
 */
public class CollapseException extends NumericalFailureException {

    private final double collapseTime;

    public CollapseException(double collapseTime, double requestedTime) {
        super("the continuous DAE collapses at t* = " + Numbers.plain(collapseTime)
                + " (half the smallest covariance eigenvalue); the requested time " + Numbers.plain(requestedTime)
                + " reaches or passes it");
        this.collapseTime = collapseTime;
    }

    /** The collapse time {@code t*}. */
    public double collapseTime() {
        return collapseTime;
    }
}

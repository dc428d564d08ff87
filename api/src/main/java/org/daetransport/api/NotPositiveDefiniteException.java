package org.daetransport.api;

/** A matrix that had to be symmetric positive definite was not. */
public class NotPositiveDefiniteException extends IllegalArgumentException {

    public NotPositiveDefiniteException(String message) {
        super(message);
    }
}

package org.daetransport.api;

/** An operation was given a tensor owned by another backend. */
public class BackendMismatchException extends IllegalArgumentException {

    public BackendMismatchException(String message) {
        super(message);
    }
}

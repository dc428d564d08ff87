package org.daetransport.api;

/** No backend of the requested name; the message lists the known ones. */
public class UnknownBackendException extends IllegalArgumentException {

    public UnknownBackendException(String message) {
        super(message);
    }
}

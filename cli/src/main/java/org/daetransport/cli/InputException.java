package org.daetransport.cli;

/** Bad input data (a file, a law, an option value): exit code 3. */
public class InputException extends IllegalArgumentException {

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}

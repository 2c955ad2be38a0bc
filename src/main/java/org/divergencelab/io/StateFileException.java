package org.divergencelab.io;

/** A saved state file that cannot be loaded; the message names the file and says why. */
public final class StateFileException extends Exception {
    public StateFileException(String message, Throwable cause) {
        super(message, cause);
    }
}

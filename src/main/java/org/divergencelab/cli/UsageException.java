package org.divergencelab.cli;

/** Bad command-line input: the message says what was wrong and what was expected. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}

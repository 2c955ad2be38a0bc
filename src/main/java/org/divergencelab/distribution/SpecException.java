package org.divergencelab.distribution;

/**
 * A malformed distribution spec. The message names the column, repeats the spec with a caret under the
 * offending character, and says what was expected.
 */
public final class SpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int column;

    SpecException(String spec, int index, String problem) {
        super(format(spec, index, problem));
        this.column = index + 1;
    }

    /** 1-based column of the offending character. */
    public int column() {
        return column;
    }

    private static String format(String spec, int index, String problem) {
        return "bad distribution spec at column " + (index + 1) + ": " + problem + "\n  " + spec + "\n  "
                + " ".repeat(Math.max(0, index)) + "^";
    }
}

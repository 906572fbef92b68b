package dev.cadenza.petri.io;

/**
 * A net file that cannot be read: its message is the one line the user sees,
 * {@code file:line:col: what is wrong, and what would be right} (or {@code file: …} where no
 * position is known).
 */
public final class NetFormatException extends RuntimeException {

    private final String source;
    private final int line;
    private final int column;
    private final String problem;

    public NetFormatException(String source, int line, int column, String problem) {
        super(format(source, line, column, problem));
        this.source = source;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /** Without a known position (a missing file, an empty one). */
    public NetFormatException(String source, String problem) {
        this(source, 0, 0, problem);
    }

    private static String format(String source, int line, int column, String problem) {
        if (line <= 0) {
            return source + ": " + problem;
        }
        return source + ":" + line + ":" + Math.max(column, 1) + ": " + problem;
    }

    public String source() {
        return source;
    }

    /** 1-based, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based, or 0 when unknown. */
    public int column() {
        return column;
    }

    public String problem() {
        return problem;
    }
}

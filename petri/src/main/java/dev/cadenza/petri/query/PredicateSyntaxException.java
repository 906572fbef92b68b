package dev.cadenza.petri.query;

/**
 * A predicate that cannot be read or resolved. The message is the one line the user sees:
 * {@code source:1:column: what is wrong, and what would be right}.
 */
public final class PredicateSyntaxException extends RuntimeException {

    private final int column;
    private final String problem;

    public PredicateSyntaxException(String source, int column, String problem) {
        super(source + ":1:" + column + ": " + problem);
        this.column = column;
        this.problem = problem;
    }

    /** 1-based column in the predicate text. */
    public int column() {
        return column;
    }

    public String problem() {
        return problem;
    }
}

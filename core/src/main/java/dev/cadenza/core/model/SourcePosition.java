package dev.cadenza.core.model;

/** Where a model element was written: file, 1-based line and column. */
public record SourcePosition(String file, int line, int column) {

    /** For elements built in code rather than parsed. */
    public static final SourcePosition NONE = new SourcePosition("<built>", 0, 0);

    /** {@code file:line:col}, the prefix of every message about this element. */
    @Override
    public String toString() {
        return line <= 0 ? file : file + ":" + line + ":" + column;
    }
}

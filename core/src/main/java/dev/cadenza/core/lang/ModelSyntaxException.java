package dev.cadenza.core.lang;

import dev.cadenza.core.model.SourcePosition;

/**
 * The first syntax error of a model file. The message is complete as it stands:
 * {@code file:line:col: what is wrong}, printed alone on stderr by the command line.
 */
public final class ModelSyntaxException extends RuntimeException {

    private final transient SourcePosition position;
    private final String detail;

    public ModelSyntaxException(SourcePosition position, String detail) {
        super(position + ": " + detail);
        this.position = position;
        this.detail = detail;
    }

    public SourcePosition position() {
        return position;
    }

    /** The message without its position. */
    public String detail() {
        return detail;
    }
}

package dev.cadenza.core.lang;

import dev.cadenza.core.model.SourcePosition;

/**
 * Something wrong in a model, where it is written. Printed as {@code file:line:col: message}
 * (warnings as {@code file:line:col: warning: message}); the message says what is wrong and
 * what would be right.
 */
public record Problem(SourcePosition position, Severity severity, String message) {

    static Problem error(SourcePosition at, String message) {
        return new Problem(at, Severity.ERROR, message);
    }

    static Problem warning(SourcePosition at, String message) {
        return new Problem(at, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return position + ": " + (severity == Severity.WARNING ? "warning: " : "") + message;
    }
}

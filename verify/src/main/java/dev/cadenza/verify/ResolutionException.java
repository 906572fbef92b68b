package dev.cadenza.verify;

import dev.cadenza.core.model.SourcePosition;

/**
 * A name in a program, assembly or property that does not resolve to a model element
 * ({@code file:line:col: unknown instance 'x'; instances are a, b}). The message is complete:
 * the command line prints it alone, exit code 2.
 */
public final class ResolutionException extends RuntimeException {

    public ResolutionException(SourcePosition where, String what) {
        super(where + ": " + what);
    }
}

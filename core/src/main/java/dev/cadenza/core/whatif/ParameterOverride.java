package dev.cadenza.core.whatif;

import dev.cadenza.core.model.SourcePosition;

/**
 * {@code --param n=8} (every program that declares n) or {@code --param to_galera.n=8} (that
 * program only). {@code program} is null in the first form. {@code given} is the option's
 * text and {@code at} where it stands on the command line ({@code --param:2:1} for the second
 * {@code --param}), for messages.
 */
public record ParameterOverride(String program, String name, long value, String given, SourcePosition at) {

    /** The name as written: {@code n} or {@code to_galera.n}. */
    public String target() {
        return program == null ? name : program + "." + name;
    }
}

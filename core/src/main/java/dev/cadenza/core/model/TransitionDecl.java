package dev.cadenza.core.model;

/**
 * A transition of a component type: from one place to another, within one behavior, taking a
 * duration; {@code action} is the shell command run for real execution, or null.
 */
public record TransitionDecl(String name, String source, String destination, Duration duration,
                             String action, SourcePosition position) {
}

package dev.cadenza.core.model;

/** {@code instance.transition}. */
public record TransitionRef(String instance, String transition, SourcePosition position) {
    @Override
    public String toString() {
        return instance + "." + transition;
    }
}

package dev.cadenza.core.model;

import java.util.List;

/** A named set of transitions that run together when the behavior is active (Concerto). */
public record Behavior(String name, List<TransitionDecl> transitions, SourcePosition position) {
    public Behavior {
        transitions = List.copyOf(transitions);
    }
}

package dev.cadenza.petri;

import java.util.List;

/**
 * A transition: its identity {@code name}, an optional user label, its static interval, input
 * arcs (normal, read, inhibitor) and output arcs (normal). At most one arc of each kind per place
 * and direction: readers add up repeated declarations before building.
 */
public record Transition(String name, String label, TimeInterval interval, List<Arc> inputs, List<Arc> outputs) {
    public Transition {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        for (Arc a : outputs) {
            if (a.kind() != ArcKind.NORMAL) {
                throw new IllegalArgumentException("output arc of " + name + " must be a normal arc");
            }
        }
    }

    public String displayName() {
        return label != null ? label : name;
    }
}

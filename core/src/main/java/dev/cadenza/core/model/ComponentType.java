package dev.cadenza.core.model;

import java.util.List;
import java.util.Optional;

/**
 * A Madeus/Concerto component type: places, behaviors of transitions, groups, ports, joins.
 * {@code initialAt} is where {@code initial PLACE} names its place (an unknown one is reported
 * there, not at the component's line).
 */
public record ComponentType(String name, List<PlaceDecl> places, String initialPlace,
                            List<Behavior> behaviors, List<Group> groups, List<Port> ports,
                            List<Join> joins, SourcePosition position, SourcePosition initialAt) {

    /** A type built in code: its initial place is placed at the type. */
    public ComponentType(String name, List<PlaceDecl> places, String initialPlace, List<Behavior> behaviors,
                         List<Group> groups, List<Port> ports, List<Join> joins, SourcePosition position) {
        this(name, places, initialPlace, behaviors, groups, ports, joins, position, position);
    }

    public ComponentType {
        if (initialAt == null) {
            initialAt = position;
        }
        places = List.copyOf(places);
        behaviors = List.copyOf(behaviors);
        groups = List.copyOf(groups);
        ports = List.copyOf(ports);
        joins = List.copyOf(joins);
    }

    public Optional<PlaceDecl> place(String name) {
        return places.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<Behavior> behavior(String name) {
        return behaviors.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    public Optional<Group> group(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    public Optional<Port> port(String name) {
        return ports.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The transition named {@code name} in any behavior (names are unique in a type). */
    public Optional<TransitionDecl> transition(String name) {
        for (Behavior b : behaviors) {
            for (TransitionDecl t : b.transitions()) {
                if (t.name().equals(name)) {
                    return Optional.of(t);
                }
            }
        }
        return Optional.empty();
    }

    /** The behavior that holds the transition named {@code name}. */
    public Optional<Behavior> behaviorOf(String transition) {
        for (Behavior b : behaviors) {
            for (TransitionDecl t : b.transitions()) {
                if (t.name().equals(transition)) {
                    return Optional.of(b);
                }
            }
        }
        return Optional.empty();
    }
}

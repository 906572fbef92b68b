package dev.cadenza.core.model;

/** A provide or use port of a component type, of a kind, bound to places, groups or transitions. */
public record Port(String name, PortDirection direction, PortKind kind, PortBinding binding,
                   SourcePosition position) {
}

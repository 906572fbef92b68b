package dev.cadenza.core.model;

/** A place of a component type. */
public record PlaceDecl(String name, SourcePosition position) {
}

package dev.cadenza.core.model;

/** A component instance {@code name : type}. */
public record Instance(String name, String type, SourcePosition position) {
}

package dev.cadenza.core.model;

/** {@code param n = 3}. */
public record Parameter(String name, long value, SourcePosition position) {
}

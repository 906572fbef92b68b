package dev.cadenza.core.model;

/**
 * A predicate over model names ({@code c.running and not s.running}) kept as written: the
 * predicate language is parsed once, by the net side, and resolved to places by verify.
 * {@code position} is where the text starts, so errors inside it can be placed exactly.
 */
public record PredicateText(String text, SourcePosition position) {
}

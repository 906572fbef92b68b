package dev.cadenza.core.model;

/** A connection from a provide port to a use port. */
public record Connection(PortRef provider, PortRef user, SourcePosition position) {
}

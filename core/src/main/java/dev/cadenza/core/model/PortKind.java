package dev.cadenza.core.model;

/** What a port carries: a service (may be withdrawn) or data (once provided, kept). */
public enum PortKind {
    SERVICE, DATA;

    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

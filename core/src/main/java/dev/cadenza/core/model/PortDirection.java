package dev.cadenza.core.model;

/** A provide port offers; a use port needs. */
public enum PortDirection {
    PROVIDE, USE;

    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

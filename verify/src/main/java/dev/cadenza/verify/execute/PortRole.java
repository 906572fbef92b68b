package dev.cadenza.verify.execute;

/**
 * What a port is to the runtime (concerto/dependency.py's DepType, plus cadenza's {@code from}).
 * Every port counts its users ({@code nb_users}): a use port is in use while it is above 0, a
 * provide port active.
 */
enum PortRole {
    /** A service use port: served when a connected provider is active; while in use it locks the provider. */
    USE,
    /** A data use port (bound to transitions): served like USE; never locks (data providers do not lock). */
    DATA_USE,
    /** A service provide port {@code at} places/groups: active while one holds a token; may be locked. */
    PROVIDE,
    /** A data provide port: active from the first time its place is reached, never withdrawn, never locked. */
    DATA_PROVIDE,
    /**
     * {@code provide p from P} (Madeus' "reached places"; no DepType in the Python): active from
     * the first time P is reached, forever, never locked — read as a data provide on P.
     */
    FROM_PROVIDE;

    boolean isUse() {
        return this == USE || this == DATA_USE;
    }

    /** Whether leaving the place (or deactivating the group) it is bound to withdraws it (component.py:761-771). */
    boolean withdrawn() {
        return this != DATA_PROVIDE && this != FROM_PROVIDE;
    }
}

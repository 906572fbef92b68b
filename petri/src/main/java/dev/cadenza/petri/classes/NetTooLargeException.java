package dev.cadenza.petri.classes;

/**
 * A net whose arc weight or initial marking does not fit the timed engines' token counts (at most
 * 2^30, so that a sum of two never overflows an int). It names the element — the arc of
 * {@code transition} on {@code place}, or the marking of {@code place} when {@code transition} is
 * null — so that a reader that knows where the element was written can place the error in the
 * file ({@code file:line:col}), which the engine, given only the net, cannot.
 */
public final class NetTooLargeException extends IllegalArgumentException {

    private final String transition;
    private final String place;

    NetTooLargeException(String message, String transition, String place) {
        super(message);
        this.transition = transition;
        this.place = place;
    }

    /** The transition of the arc, or null for an initial marking. */
    public String transition() {
        return transition;
    }

    public String place() {
        return place;
    }
}

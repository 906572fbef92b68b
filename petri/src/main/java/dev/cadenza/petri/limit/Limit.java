package dev.cadenza.petri.limit;

/**
 * Why a search stopped before it was complete; {@link #NONE} when it was not stopped. Every value
 * but NONE means what was found is partial: "not found" is then no answer at all, and a verdict
 * built on it is inconclusive. {@link Budget#reason(Limit)} says it in the user's words.
 */
public enum Limit {
    /** The search ran to its end: "not found" is a proof. */
    NONE,
    /** The command's class budget ({@code --max-classes}) was used up. */
    CLASSES,
    /** The command's time budget ({@code --timeout}) ran out. */
    TIME,
    /** The next allocation would not fit in the heap: stopped before an OutOfMemoryError. */
    MEMORY,
    /** A place would hold more tokens than a long counts (marking graphs). */
    TOKENS;

    public boolean reached() {
        return this != NONE;
    }

    /** The first limit of two searches whose findings are combined. */
    public Limit and(Limit other) {
        return this != NONE ? this : other;
    }
}

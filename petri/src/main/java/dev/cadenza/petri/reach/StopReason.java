package dev.cadenza.petri.reach;

/** Why an exploration ended. Every reason but {@link #COMPLETE} means the graph is partial. */
public enum StopReason {
    COMPLETE("complete"),
    STATE_LIMIT("the state limit was reached"),
    TIMEOUT("the time limit was reached"),
    MEMORY("the heap is nearly full"),
    TOKEN_OVERFLOW("a place would hold more than 2^62 tokens");

    private final String description;

    StopReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}

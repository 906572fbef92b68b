package dev.cadenza.petri;

/**
 * A place. {@code name} is its identity in the net (unique); {@code label} is what a user
 * called it, where the format keeps both (PNML ids and names, TINA labels), else null.
 */
public record Place(String name, String label, long initialTokens) {
    public Place {
        if (initialTokens < 0) {
            throw new IllegalArgumentException("negative initial marking " + initialTokens + " in " + name);
        }
    }

    /** The label if there is one, else the name: what to show the user. */
    public String displayName() {
        return label != null ? label : name;
    }
}

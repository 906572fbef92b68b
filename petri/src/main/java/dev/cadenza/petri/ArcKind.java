package dev.cadenza.petri;

/** How an input arc constrains its transition. Output arcs are always {@link #NORMAL}. */
public enum ArcKind {
    /** Consumes {@code weight} tokens; needs at least that many. */
    NORMAL,
    /** Test arc (TINA {@code p?k}): needs at least {@code weight} tokens, consumes none. */
    READ,
    /** Inhibitor arc (TINA {@code p?-k}): needs fewer than {@code weight} tokens, consumes none. */
    INHIBITOR
}

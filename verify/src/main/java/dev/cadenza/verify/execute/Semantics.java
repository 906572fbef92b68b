package dev.cadenza.verify.execute;

import java.util.Locale;

/**
 * Which Concerto runtime a model is read as. Both run one loop — the program phase, then one
 * sweep of every active component — and differ in a few rules (see {@link ComponentRules},
 * {@link ProgramRules} and docs/semantics.md).
 */
public enum Semantics {

    /** The centralized runtime of the Concerto papers (Concerto-D/concerto-decentralized at d829503). */
    CONCERTO("concerto"),

    /**
     * Concerto-D (HEAD 9ffb1e3), one assembly: provide ports refuse new users while their component
     * wants to leave, {@code dcon} does not wait, each loop iteration sleeps 50 ms, and the run
     * ends with the program.
     */
    CONCERTO_D("concerto-d");

    private final String keyword;

    Semantics(String keyword) {
        this.keyword = keyword;
    }

    /** As written in a model or on the command line: {@code concerto}, {@code concerto-d}. */
    public String keyword() {
        return keyword;
    }

    public static Semantics of(String keyword) {
        for (Semantics s : values()) {
            if (s.keyword.equals(keyword.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown semantics '" + keyword + "'; write concerto or concerto-d");
    }
}

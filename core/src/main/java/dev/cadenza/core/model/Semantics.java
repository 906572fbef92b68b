package dev.cadenza.core.model;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which runtime a model's verdicts are held to (docs/semantics.md). Both run the same loop —
 * each iteration the program phase, then one sweep of every active component — and differ in a
 * few rules: refusing, {@code dcon}, {@code del}, and the polling pause after each iteration.
 */
public enum Semantics {

    /** The centralized Concerto of the papers (Concerto-D/concerto-decentralized at d829503): a busy loop. */
    CONCERTO("concerto", new Duration(BigDecimal.ZERO, BigDecimal.ZERO)),

    /**
     * Concerto-D (the same repository at 9ffb1e3), one assembly: refusing provide ports, a
     * {@code dcon} that does not wait, and a 50 ms sleep after every iteration.
     */
    CONCERTO_D("concerto-d", new Duration(new BigDecimal("0.05"), new BigDecimal("0.05")));

    private final String keyword;
    private final Duration defaultStep;

    Semantics(String keyword, Duration defaultStep) {
        this.keyword = keyword;
        this.defaultStep = defaultStep;
    }

    /** As written in a model or on the command line: {@code concerto}, {@code concerto-d}. */
    public String keyword() {
        return keyword;
    }

    /** How long one loop iteration takes when neither the model nor the command line says. */
    public Duration defaultStep() {
        return defaultStep;
    }

    public static Optional<Semantics> byKeyword(String word) {
        return Arrays.stream(values()).filter(s -> s.keyword.equals(word)).findFirst();
    }

    /** "concerto or concerto-d", for messages. */
    public static String keywords() {
        return String.join(" or ", Arrays.stream(values()).map(Semantics::keyword).toList());
    }
}

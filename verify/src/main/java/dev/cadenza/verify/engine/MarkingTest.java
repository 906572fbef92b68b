package dev.cadenza.verify.engine;

/** A condition on a marking ({@code dead}: no transition is enabled there). */
@FunctionalInterface
public interface MarkingTest {

    boolean test(long[] marking, boolean dead);

    default MarkingTest and(MarkingTest o) {
        return (m, dead) -> test(m, dead) && o.test(m, dead);
    }

    default MarkingTest negate() {
        return (m, dead) -> !test(m, dead);
    }
}

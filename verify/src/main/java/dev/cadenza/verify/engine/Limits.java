package dev.cadenza.verify.engine;

/** When an exploration stops early: at most {@code maxStates} states/classes, {@code maxSeconds} seconds. */
public record Limits(long maxStates, double maxSeconds) {

    public static final Limits DEFAULT = new Limits(2_000_000, 300);
}

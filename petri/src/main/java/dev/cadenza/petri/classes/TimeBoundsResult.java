package dev.cadenza.petri.classes;

/**
 * Minimum and maximum elapsed time from the start to the first class satisfying the target, with
 * witnesses. {@code reachable} false: no run reaches the target (min, max and traces are null).
 * {@code max} is infinite when some run can let time grow without bound without reaching the
 * target; maxTrace is then null and {@code divergence} says why. {@code limit} other than NONE: the search stopped early and the
 * values are not to be trusted.
 */
public record TimeBoundsResult(boolean reachable, TimeValue min, TimeValue max, TimedTrace minTrace,
        TimedTrace maxTrace, Divergence divergence, Limit limit, long classes, double seconds) {

    public boolean complete() {
        return limit == Limit.NONE;
    }
}

package dev.cadenza.petri.classes;

import dev.cadenza.petri.limit.Limit;

/**
 * Minimum and maximum elapsed time from the start to the first class satisfying the target, with
 * witnesses.
 * <ul>
 * <li>{@code reachable}: a run to the target was found; {@code minTrace} is then that run (the
 * fastest when {@code min} is known; any run to it from {@link TimeBounds#reachAny}). False with {@code limit} NONE: no run reaches the target;
 * false at a limit: none was found before it, which proves nothing.</li>
 * <li>{@code min}: the exact minimum; null when unreachable, when the min search was cut, or
 * when no min was asked for ({@link TimeBounds#reachAny}).</li>
 * <li>{@code max}: the exact maximum, infinite when some run can let time grow without bound
 * without reaching the target (maxTrace is then null and {@code divergence} says why); null when
 * not asked for ({@link TimeBounds#reach}), unreachable, or the search was cut.</li>
 * <li>{@code limit}: NONE when every search asked for completed; else which limit stopped one,
 * and only what is stated above as certain may be used.</li>
 * </ul>
 */
public record TimeBoundsResult(boolean reachable, TimeValue min, TimeValue max, TimedTrace minTrace,
        TimedTrace maxTrace, Divergence divergence, Limit limit, long classes, double seconds) {

    public boolean complete() {
        return limit == Limit.NONE;
    }
}

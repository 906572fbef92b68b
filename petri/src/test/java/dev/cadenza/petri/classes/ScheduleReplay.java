package dev.cadenza.petri.classes;

import dev.cadenza.petri.Arc;
import dev.cadenza.petri.ArcKind;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.TimeInterval;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * Replays a timed trace in dense time, independently of the engine, and says what is wrong with
 * it (null when it is a valid run of the net): each transition enabled when it fires, after its
 * eft and by its lft since it was last newly enabled, dates non-decreasing, and no enabled
 * transition overstaying its lft (strong semantics). Bounds are taken closed, as the schedules are.
 */
final class ScheduleReplay {

    private ScheduleReplay() {
    }

    static String check(PetriNet net, TimedTrace trace) {
        return check(net, trace, false);
    }

    /**
     * The same with open bounds taken as written: a transition fires strictly after an open eft
     * and strictly before an open lft, and none is still enabled at its open lft when another
     * fires. A trace not marked {@link TimedTrace#limit()} must pass this: it is a real run.
     */
    static String checkOpen(PetriNet net, TimedTrace trace) {
        return check(net, trace, true);
    }

    private static String check(PetriNet net, TimedTrace trace, boolean open) {
        long[] m = net.initialMarking();
        int n = net.transitionCount();
        BigFraction[] since = new BigFraction[n];
        for (int t = 0; t < n; t++) {
            since[t] = enabled(net, t, m) ? BigFraction.ZERO : null;
        }
        BigFraction now = BigFraction.ZERO;
        for (TimedTrace.Step s : trace.steps()) {
            int f = net.transitionIndex(s.transition());
            if (s.time().compareTo(now) < 0) {
                return "time goes back at " + s;
            }
            for (int t = 0; t < n; t++) {
                TimeInterval iv = net.transition(t).interval();
                int c = since[t] == null || iv.upper() == null ? -1 : s.time().subtract(since[t]).compareTo(iv.upper());
                if (c > 0 || c == 0 && open && iv.upperOpen()) {
                    return net.transition(t).name() + " overstays its upper bound before " + s;
                }
            }
            if (since[f] == null) {
                return "fires disabled: " + s;
            }
            int lo = s.time().subtract(since[f]).compareTo(net.transition(f).interval().lower());
            if (lo < 0 || lo == 0 && open && net.transition(f).interval().lowerOpen()) {
                return "fires before its lower bound: " + s;
            }
            now = s.time();
            long[] mid = m.clone();
            for (Arc a : net.transition(f).inputs()) {
                if (a.kind() == ArcKind.NORMAL) {
                    mid[a.place()] -= a.weight();
                }
            }
            long[] next = mid.clone();
            for (Arc a : net.transition(f).outputs()) {
                next[a.place()] += a.weight();
            }
            for (int t = 0; t < n; t++) {
                boolean on = enabled(net, t, next);
                boolean persistent = on && t != f && since[t] != null && enabled(net, t, mid);
                since[t] = !on ? null : persistent ? since[t] : now;
            }
            m = next;
        }
        return null;
    }

    private static boolean enabled(PetriNet net, int t, long[] m) {
        for (Arc a : net.transition(t).inputs()) {
            if (a.kind() == ArcKind.INHIBITOR ? m[a.place()] >= a.weight() : m[a.place()] < a.weight()) {
                return false;
            }
        }
        return true;
    }
}

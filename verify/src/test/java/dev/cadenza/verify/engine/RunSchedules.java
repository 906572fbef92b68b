package dev.cadenza.verify.engine;

import dev.cadenza.petri.Arc;
import dev.cadenza.petri.ArcKind;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.TimeInterval;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * A run of the engine checked as a schedule of the net, in dense time and apart from the engine's
 * own code (the property tests' oracle for the runs of the reduced searches).
 */
public final class RunSchedules {

    private RunSchedules() {
    }

    /**
     * What is wrong with the run as a schedule of the net (null: nothing), in dense time, apart from
     * the engine: each transition enabled when it fires, no earlier than its lower bound and no later
     * than its upper bound since it was last newly enabled (the intermediate marking decides), dates
     * non-decreasing, and no enabled transition overstaying its upper bound.
     */
    public static String scheduleProblem(PetriNet net, TimedRun run) {
        long[] m = net.initialMarking();
        int n = net.transitionCount();
        BigFraction[] since = new BigFraction[n];
        for (int t = 0; t < n; t++) {
            since[t] = enabled(net, t, m) ? BigFraction.ZERO : null;
        }
        BigFraction now = BigFraction.ZERO;
        for (TimedRun.Step s : run.steps()) {
            int f = s.transition();
            if (s.time().compareTo(now) < 0) {
                return "time goes back at " + s;
            }
            for (int t = 0; t < n; t++) {
                TimeInterval iv = net.transition(t).interval();
                if (since[t] != null && iv.upper() != null && s.time().subtract(since[t]).compareTo(iv.upper()) > 0) {
                    return net.transition(t).name() + " overstays its upper bound before " + s;
                }
            }
            if (since[f] == null) {
                return "fires disabled: " + s;
            }
            if (s.time().subtract(since[f]).compareTo(net.transition(f).interval().lower()) < 0) {
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

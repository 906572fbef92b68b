package dev.cadenza.cli;

import dev.cadenza.cli.picture.GanttData;
import dev.cadenza.verify.bounds.CriticalPath;
import dev.cadenza.verify.bounds.TransitionWindow;
import dev.cadenza.verify.report.Times;
import dev.cadenza.verify.trace.Run;
import dev.cadenza.verify.trace.TransitionSpan;
import dev.cadenza.verify.trace.WaitReason;
import dev.cadenza.verify.trace.Waiting;
import org.apache.commons.math3.fraction.BigFraction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of a Gantt chart, read off a run in model terms ({@link Run}, the one trace type):
 * per run of a component transition its bar, its waits (ready but held back, and by what: a
 * port, a lock, a join), whether it is on the critical path, and its window over all runs when
 * bounds give one. Used by {@code gantt} and {@code report}, for the slowest run of the bounds
 * and for each counterexample or witness.
 */
final class ScheduleRows {

    private ScheduleRows() {
    }

    /**
     * The rows of {@code run}: every transition run that started or waited, in the schedule's
     * order; {@code critical} names the transitions on the critical path ({@code c.configure}),
     * {@code windows} the windows by the same names (may be empty).
     */
    static List<GanttData.Row> of(Run run, Set<String> critical, Map<String, TransitionWindow> windows) {
        BigFraction stop = run.duration();
        List<GanttData.Row> rows = new ArrayList<>();
        for (TransitionSpan s : run.schedule()) {
            List<GanttData.Wait> waits = new ArrayList<>();
            for (Waiting w : s.waits()) {
                if (w.reasons().isEmpty() || (w.to() != null && w.to().equals(w.from()))) {
                    continue; // nothing to show: no reason, or no time spent
                }
                GanttData.Wait next = wait(w);
                GanttData.Wait last = waits.isEmpty() ? null : waits.get(waits.size() - 1);
                if (last != null && last.kind() == next.kind() && last.what().equals(next.what()) && last.to() == next.from()) {
                    // one wait on the same thing whose words changed (the provider moved on): one bar,
                    // told in the latest words (where things stand when it ends, or at a deadlock)
                    waits.set(waits.size() - 1, new GanttData.Wait(last.from(), next.to(), last.kind(), last.what(),
                            next.why().replaceFirst(" \\([^()]*\\)$", "") + " (" + number(last.from()) + " to "
                                    + (Double.isInfinite(next.to()) ? "the end" : number(next.to()) + " s") + ")"));
                } else {
                    waits.add(next);
                }
            }
            GanttData.Span bar = null;
            if (s.started()) {
                BigFraction end = s.end() != null ? s.end() : stop;
                bar = new GanttData.Span(s.start().doubleValue(), end.doubleValue());
            }
            if (bar == null && waits.isEmpty()) {
                continue; // never ready, nothing held it back that the run says
            }
            TransitionWindow w = windows.get(s.label());
            GanttData.Span window = w == null ? null : new GanttData.Span(w.earliestStart().doubleValue(),
                    w.latestEnd() == null ? Double.POSITIVE_INFINITY : w.latestEnd().doubleValue());
            rows.add(new GanttData.Row(s.label(), bar, window, s.stillRunning(),
                    s.started() && critical.contains(s.label()), waits));
        }
        return rows;
    }

    /** The rows of a run that has no waits to tell: each window's witness bar (the fast path's schedule). */
    static List<GanttData.Row> ofWindows(List<TransitionWindow> windows, Set<String> critical) {
        List<GanttData.Row> rows = new ArrayList<>();
        for (TransitionWindow w : windows) {
            if (w.witnessStart() == null || w.witnessEnd() == null) {
                continue; // does not run in the slowest schedule
            }
            String label = w.instance() + "." + w.transition();
            rows.add(new GanttData.Row(label, new GanttData.Span(w.witnessStart().doubleValue(), w.witnessEnd().doubleValue()),
                    new GanttData.Span(w.earliestStart().doubleValue(),
                            w.latestEnd() == null ? Double.POSITIVE_INFINITY : w.latestEnd().doubleValue()),
                    false, critical.contains(label), List.of()));
        }
        rows.sort((a, b) -> Double.compare(a.bar().start(), b.bar().start()));
        return rows;
    }

    /** The windows by transition name. */
    static Map<String, TransitionWindow> byName(List<TransitionWindow> windows) {
        Map<String, TransitionWindow> out = new HashMap<>();
        for (TransitionWindow w : windows) {
            out.put(w.instance() + "." + w.transition(), w);
        }
        return out;
    }

    /** The transitions of a critical path ({@code c.configure}). */
    static Set<String> names(List<CriticalPath.Step> path) {
        Set<String> out = new HashSet<>();
        for (CriticalPath.Step s : path) {
            out.add(s.instance() + "." + s.transition());
        }
        return out;
    }

    /** A wait as the chart shows it: its kind (from its first reason), what it waited for, the full sentence. */
    static GanttData.Wait wait(Waiting w) {
        WaitReason first = w.reasons().get(0);
        GanttData.WaitKind kind;
        String what;
        if (first instanceof WaitReason.NotServed n) {
            kind = GanttData.WaitKind.PORT;
            what = n.provider() != null ? n.provider() : n.usePort();
        } else if (first instanceof WaitReason.Refusing r) {
            kind = GanttData.WaitKind.PORT;
            what = r.providePort() + " refusing";
        } else if (first instanceof WaitReason.Locked l) {
            kind = GanttData.WaitKind.LOCK;
            what = l.providePort() + " used by " + l.usePort();
        } else if (first instanceof WaitReason.InUse u) {
            kind = GanttData.WaitKind.LOCK;
            what = u.usePort() + " in use";
        } else if (first instanceof WaitReason.JoinIncomplete j) {
            kind = GanttData.WaitKind.JOIN;
            what = String.join(", ", j.missing());
        } else if (first instanceof WaitReason.PlaceMarked p) {
            kind = GanttData.WaitKind.OTHER;
            what = p.instance() + " in " + p.place();
        } else if (first instanceof WaitReason.InstanceBusy b) {
            kind = GanttData.WaitKind.OTHER;
            what = b.instance() + " busy";
        } else {
            kind = GanttData.WaitKind.OTHER;
            what = first.ports().isEmpty() ? "blocked" : String.join(", ", first.ports());
        }
        double to = w.to() == null ? Double.POSITIVE_INFINITY : w.to().doubleValue();
        return new GanttData.Wait(w.from().doubleValue(), to, kind, what,
                w.describe() + " (" + Times.format(w.from()) + " to " + (w.to() == null ? "the end" : Times.format(w.to()) + " s") + ")");
    }

    /** A time already in double, as {@link Times#format} writes it (at most six decimals). */
    private static String number(double t) {
        java.math.BigDecimal d = java.math.BigDecimal.valueOf(t).setScale(6, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }
}

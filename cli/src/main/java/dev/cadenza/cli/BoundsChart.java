package dev.cadenza.cli;

import dev.cadenza.cli.picture.GanttData;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.bounds.BoundsReport;
import dev.cadenza.verify.bounds.TimeBoundsAnalysis;
import dev.cadenza.verify.bounds.TransitionWindow;
import dev.cadenza.verify.engine.TimedRun;
import dev.cadenza.verify.fastpath.ConflictFreeDeployment;
import dev.cadenza.verify.report.NetRuns;
import dev.cadenza.verify.trace.Run;

import java.util.List;

/**
 * A subject's time bounds as a Gantt chart: the slowest run (its bars, what each transition
 * waited for, its critical path) over each transition's window of all runs. The bounds and the
 * slowest run come from the state classes; the windows from critical-path arithmetic when the
 * assembly is conflict-free (exact and cheap, see docs/performance.md), else from the state
 * classes when asked for (two explorations per transition). {@code data} is null when there is
 * nothing to draw, and {@code note} says why or what is left out.
 */
record BoundsChart(BoundsReport report, List<TransitionWindow> windows, Run slowest, GanttData data, String note) {

    /** The chart of {@code subject}; {@code windows}: compute windows even where they cost explorations. */
    static BoundsChart of(Subject subject, String deployment, boolean windows) {
        ConflictFreeDeployment fast = deployment == null ? ConflictFreeDeployment.of(subject.model(), subject.name()) : null;
        boolean quick = fast != null && fast.applies();
        BoundsReport r = TimeBoundsAnalysis.of(subject, deployment, windows && !quick);
        if (!r.statistics().complete()) {
            return new BoundsChart(r, List.of(), null, null,
                    "A limit was reached (" + r.statistics().states() + " classes): no bounds.");
        }
        if (!r.reachable()) {
            return new BoundsChart(r, List.of(), null, null, "The end is never reached: no schedule to draw.");
        }
        List<TransitionWindow> ws = quick ? fast.windows() : r.windows();
        TimedRun slowest = r.maxRun() != null ? r.maxRun() : r.minRun();
        Run run = slowest == null ? null
                : NetRuns.read(slowest, subject.net(Subject.Mode.TIMED), false, "the slowest run");
        List<GanttData.Row> rows = run != null
                ? ScheduleRows.of(run, ScheduleRows.names(r.criticalPath()), ScheduleRows.byName(ws))
                : ScheduleRows.ofWindows(ws, ScheduleRows.names(r.criticalPath()));
        double max = r.max() == null ? Double.POSITIVE_INFINITY : r.max().doubleValue();
        GanttData data = rows.isEmpty() ? null : new GanttData(subject.name() + ": the slowest run", rows, r.min().doubleValue(), max);
        String note = ws.isEmpty() && !windows
                ? "Windows over all runs are left out above " + dev.cadenza.verify.property.TimeBoundsProperty.WINDOWS_UP_TO
                + " net transitions (this net has " + subject.net(Subject.Mode.TIMED).net().transitionCount()
                + "); cadenza gantt and cadenza bounds --windows compute them."
                : null;
        return new BoundsChart(r, ws, run, data, note);
    }
}

package dev.cadenza.cli.picture;

import java.util.List;

/**
 * What a Gantt chart shows, in seconds from the start: one row per transition run, a bar for
 * when it ran in one schedule (a witness run), the window it can run in over all runs
 * (earliest start, latest end: {@code Double.POSITIVE_INFINITY} when unbounded), and the least
 * and greatest total time. For one run ({@link #run}): bars only, a bar {@code stillRunning}
 * when the transition has not ended where the run stops. Verification fills it from its bounds; the chart knows nothing else.
 */
public record GanttData(String title, List<Row> rows, double totalMin, double totalMax, String endLabel) {

    /** Bounds over all runs: the dashed lines are the least and greatest total time. */
    public GanttData(String title, List<Row> rows, double totalMin, double totalMax) {
        this(title, rows, totalMin, totalMax, null);
    }

    /**
     * One run that stops at {@code end} (a counterexample's or witness's): no windows, one dashed
     * line at {@code end} labelled {@code endLabel} (e.g. "violation").
     */
    public static GanttData run(String title, List<Row> rows, double end, String endLabel) {
        return new GanttData(title, rows, end, end, endLabel);
    }

    public GanttData {
        rows = List.copyOf(rows);
        if (!(totalMin >= 0) || !(totalMax >= totalMin)) {
            throw new IllegalArgumentException("total time [" + totalMin + ", " + totalMax + "] is not an interval from 0");
        }
    }

    /** One transition run: {@code label} like {@code c.configure}. */
    public record Row(String label, double barStart, double barEnd, double windowStart, double windowEnd,
                      boolean stillRunning) {

        public Row(String label, double barStart, double barEnd, double windowStart, double windowEnd) {
            this(label, barStart, barEnd, windowStart, windowEnd, false);
        }

        public Row {
            if (!(barStart >= 0) || !(barEnd >= barStart)) {
                throw new IllegalArgumentException(label + ": bar [" + barStart + ", " + barEnd + "] is not an interval from 0");
            }
            if (!(windowStart >= 0) || !(windowEnd >= windowStart)) {
                throw new IllegalArgumentException(label + ": window [" + windowStart + ", " + windowEnd + "] is not an interval from 0");
            }
        }
    }
}

package dev.cadenza.cli.picture;

import java.util.List;

/**
 * What a Gantt chart shows, in seconds from the start: one row per transition run, with when it
 * ran in one run ({@code bar}), when it waited before or after (ready but blocked by a port, a
 * lock or a join: {@code waits}), whether it lies on the critical path, and the window it can run
 * in over all runs ({@code window}: earliest start, latest end, {@code Double.POSITIVE_INFINITY}
 * when unbounded); plus the least and greatest total time. For one run ({@link #run}): no
 * windows, one line where the run stops. Verification fills it; the chart knows nothing else.
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

    /** How many rows have a bar (a transition that never started has none). */
    public int bars() {
        return (int) rows.stream().filter(r -> r.bar() != null).count();
    }

    /** How many waits all rows have. */
    public int waits() {
        return rows.stream().mapToInt(r -> r.waits().size()).sum();
    }

    /** How many rows lie on the critical path. */
    public int critical() {
        return (int) rows.stream().filter(Row::critical).count();
    }

    /** How many rows have a window. */
    public int windows() {
        return (int) rows.stream().filter(r -> r.window() != null).count();
    }

    /** From {@code start} to {@code end} ({@code Double.POSITIVE_INFINITY}: open). */
    public record Span(double start, double end) {
        public Span {
            if (!(start >= 0) || !(end >= start)) {
                throw new IllegalArgumentException("[" + start + ", " + end + "] is not an interval from 0");
            }
        }
    }

    /** What held a step back. */
    public enum WaitKind {
        /** a use port not served, or a provide port refusing new users */
        PORT("port"),
        /** a provide port that cannot stop being provided while a user uses it */
        LOCK("lock"),
        /** a join waiting for the other transitions of its set */
        JOIN("join"),
        /** anything else (a place still held, a component still busy) */
        OTHER("other");

        private final String word;

        WaitKind(String word) {
            this.word = word;
        }

        /** "port", "lock", "join", "other": shown in the chart and used in element ids. */
        public String word() {
            return word;
        }
    }

    /**
     * A wait of the step, from {@code from} to {@code to} ({@code Double.POSITIVE_INFINITY}: still
     * waiting where the run stops); {@code what} is short ("s.ip", "c.server", "a.x, a.y"),
     * {@code why} the full sentence (shown as the tooltip).
     */
    public record Wait(double from, double to, WaitKind kind, String what, String why) {
        public Wait {
            if (!(from >= 0) || !(to >= from)) {
                throw new IllegalArgumentException(what + ": wait [" + from + ", " + to + "] is not an interval from 0");
            }
        }

        /** "port s.ip". */
        public String tag() {
            return kind.word() + " " + what;
        }
    }

    /**
     * One transition run: {@code label} like {@code c.configure}; {@code bar} when it ran (null:
     * it never started, it only waited); {@code window} over all runs (null: none known);
     * {@code stillRunning} when it has not ended where the run stops.
     */
    public record Row(String label, Span bar, Span window, boolean stillRunning, boolean critical, List<Wait> waits) {

        /** A bar inside a window, nothing else known. */
        public Row(String label, double barStart, double barEnd, double windowStart, double windowEnd) {
            this(label, new Span(barStart, barEnd), new Span(windowStart, windowEnd), false, false, List.of());
        }

        public Row {
            waits = List.copyOf(waits);
            if (bar == null && waits.isEmpty()) {
                throw new IllegalArgumentException(label + ": a row needs a bar or a wait");
            }
        }
    }
}

package dev.cadenza.verify.property;

import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.bounds.BoundsReport;
import dev.cadenza.verify.bounds.CriticalPath;
import dev.cadenza.verify.bounds.TimeBoundsAnalysis;
import dev.cadenza.verify.bounds.TransitionWindow;
import dev.cadenza.verify.report.Times;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code bounds}: exact min and max time from the start to the end of the program, the critical
 * path of the slowest run, and each transition's [earliest start, latest end]. It "holds" when
 * the end is reached at all; the numbers are its details.
 */
public record TimeBoundsProperty(SourcePosition position) implements Property {

    /**
     * Windows cost two explorations per transition; above this many net transitions they are
     * left to {@code cadenza bounds --windows} so that {@code check} stays quick.
     */
    public static final int WINDOWS_UP_TO = 60;

    public String name() {
        return "bounds";
    }

    public String mode(Subject subject) {
        return subject.engine().name() + ", time to target";
    }

    public Verdict check(Subject subject) {
        boolean windows = subject.net(Subject.Mode.TIMED).net().transitionCount() <= WINDOWS_UP_TO;
        BoundsReport r = TimeBoundsAnalysis.of(subject, null, windows);
        if (!r.complete()) {
            return new Verdict.Inconclusive(subject.budget().reason(r.statistics().limit()), partial(r),
                    r.statistics(), r);
        }
        if (!r.reachable()) {
            return new Verdict.Violated(Counterexample.of("the program never finishes"),
                    r.statistics());
        }
        // the fastest and slowest runs held to the runtime (BoundsReplay says why)
        BoundsReplay.Held held = BoundsReplay.hold(subject, r, position);
        r = held.report();
        List<String> lines = lines(r);
        if (!windows) {
            lines.add("(per-transition windows: cadenza bounds --windows)");
        }
        String replay = held.answeredBy();
        return new Verdict.Holds(lines, replay == null ? r.statistics()
                : r.statistics().answeredBy(by(subject, r) + ", " + replay), null, r);
    }

    /**
     * {@code r}, complete and reaching the end, held to the runtime as {@code check} holds it
     * (its fastest and slowest runs replayed in the executor, the runtime's state space where a
     * replay fails; {@link BoundsReplay}), for {@code cadenza bounds}: the same numbers and words
     * as {@code check}'s bounds. The subject's replay and state-space switches decide what runs.
     * Returns the report with {@link BoundsReport#runtime()} set (unchanged when nothing was
     * replayed) and the stage that answered for the runtime, or null.
     */
    public static Held heldToTheRuntime(Subject subject, BoundsReport r) {
        if (!r.complete() || !r.reachable()) {
            return new Held(r, null);
        }
        BoundsReplay.Held held = BoundsReplay.hold(subject, r, new SourcePosition(subject.model().file(), 0, 0));
        return new Held(held.report(), held.answeredBy());
    }

    /** Bounds held to the runtime, and the stage that answered for it (null: not replayed). */
    public record Held(BoundsReport report, String runtimeStage) {
    }

    /** What a cut search still established: a run to the end, the exact min. */
    public static List<String> partial(BoundsReport r) {
        List<String> out = new ArrayList<>();
        if (r.min() != null) {
            out.add("min " + Times.format(r.min()) + " s (exact); max not settled");
        } else if (r.reachable()) {
            out.add("a run ends at " + Times.format(r.minRun().duration()) + " s; min and max not settled");
        } else {
            out.add("no run to the end found before the limit (that proves nothing)");
        }
        return out;
    }

    /** Steps shown at each end of a long path: a 100,000-step chain must not print a megabyte line. */
    private static final int PATH_ENDS = 10;

    static String pathText(List<CriticalPath.Step> path) {
        if (path.size() <= 2 * PATH_ENDS + 2) {
            return path.stream().map(CriticalPath.Step::toString).collect(Collectors.joining(" > "));
        }
        return path.subList(0, PATH_ENDS).stream().map(CriticalPath.Step::toString).collect(Collectors.joining(" > "))
                + " > … " + (path.size() - 2 * PATH_ENDS) + " more steps (--json lists them all) … > "
                + path.subList(path.size() - PATH_ENDS, path.size()).stream().map(CriticalPath.Step::toString)
                .collect(Collectors.joining(" > "));
    }

    /**
     * The bounds in words. Held to the runtime ({@link BoundsReport#runtime()}), a bound the
     * executor did not attain reads "at least" (min) or "at most" (max), and a line says why; an
     * unbounded max that the runtime was not shown to attain reads "not known for the runtime".
     */
    public static List<String> lines(BoundsReport r) {
        List<String> out = new ArrayList<>();
        var rt = r.runtime();
        if (rt != null && rt.exact() != null) {
            // the runtime's own exact bounds first; the net's, which are only bounds, after
            var e = rt.exact();
            out.add(e.min() == null ? "no run of the runtime finishes (" + e.how() + ")"
                    : "min " + Times.format(e.min()) + " s, max " + (e.unbounded() ? "inf" : Times.format(e.max()))
                    + " s, exact for the runtime (" + e.how() + ")");
            out.add("(the net: min " + Times.format(r.min()) + " s, max " + (r.unbounded() ? "inf" : Times.format(r.max()))
                    + " s; " + rt.note() + ")");
        } else if (rt == null) {
            out.add("min " + Times.format(r.min()) + " s, max " + (r.unbounded() ? "inf" : Times.format(r.max())) + " s");
        } else {
            String max = r.unbounded() ? (rt.maxAttained() ? "max inf s" : "max not known for the runtime (inf in the net)")
                    : (rt.maxAttained() ? "max " : "max at most ") + Times.format(r.max()) + " s";
            out.add((rt.minAttained() ? "min " : "min at least ") + Times.format(r.min()) + " s, " + max);
            out.add("(" + rt.note() + ")");
        }
        if (!r.criticalPath().isEmpty()) {
            out.add("critical path: " + pathText(r.criticalPath()));
        }
        for (TransitionWindow w : r.windows()) {
            out.add(String.format("  %-32s earliest start %-9s latest end %s", w.instance() + "." + w.transition(),
                    Times.format(w.earliestStart()), Times.format(w.latestEnd())));
        }
        return out;
    }

    /** The stage that answered the bounds (the conflict-free net's runs), else the engine's name. */
    private String by(Subject subject, BoundsReport r) {
        return r.statistics().stage() != null ? r.statistics().stage() : mode(subject);
    }
}

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
        if (!r.statistics().complete()) {
            return new Verdict.Inconclusive("limit reached", r.statistics());
        }
        if (!r.reachable()) {
            return new Verdict.Violated(new Counterexample("the program never finishes", List.of(), List.of()),
                    r.statistics());
        }
        List<String> lines = lines(r);
        if (!windows) {
            lines.add("(per-transition windows: cadenza bounds --windows)");
        }
        return new Verdict.Holds(lines, r.statistics());
    }

    public static List<String> lines(BoundsReport r) {
        List<String> out = new ArrayList<>();
        out.add("min " + Times.format(r.min()) + " s, max " + Times.format(r.max()) + " s");
        if (!r.criticalPath().isEmpty()) {
            out.add("critical path: " + r.criticalPath().stream().map(CriticalPath.Step::toString)
                    .collect(Collectors.joining(" > ")));
        }
        for (TransitionWindow w : r.windows()) {
            out.add(String.format("  %-32s earliest start %-9s latest end %s", w.instance() + "." + w.transition(),
                    Times.format(w.earliestStart()), Times.format(w.latestEnd())));
        }
        return out;
    }
}

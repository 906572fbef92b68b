package dev.cadenza.verify.property;

import dev.cadenza.verify.engine.Targets;
import dev.cadenza.verify.engine.TimedRun;
import dev.cadenza.verify.report.BlockedSteps;
import dev.cadenza.verify.report.ModelState;
import dev.cadenza.verify.report.RunInterval;
import dev.cadenza.verify.report.RunText;
import dev.cadenza.verify.translate.TranslatedNet;
import org.apache.commons.math3.fraction.BigFraction;

import java.util.ArrayList;
import java.util.List;

/**
 * Why a property is violated (or, for a witness, how it is met), in model terms: a summary, the
 * timed run that shows it ({@code t=5  c.configure starts (uses s.ip)}), and, for a deadlock,
 * what each blocked step waits for. For drawing, the same run as data: the state where it stops
 * ({@code state}, null when there is no run) and when each component transition ran
 * ({@code schedule}), up to {@code end}, the time the run stops (null when there is no run).
 */
public record Counterexample(String summary, List<String> trace, List<String> blocked,
                             ModelState state, List<RunInterval> schedule, BigFraction end) {

    public Counterexample {
        trace = List.copyOf(trace);
        blocked = List.copyOf(blocked);
        schedule = List.copyOf(schedule);
    }

    /** Text only: no run to draw (e.g. "the program never finishes"). */
    public Counterexample(String summary, List<String> trace, List<String> blocked) {
        this(summary, trace, blocked, null, List.of(), null);
    }

    /** The run {@code run} of {@code tn}; {@code deadlock}: its last state is dead, say what is blocked. */
    public static Counterexample of(String summary, TimedRun run, TranslatedNet tn, boolean deadlock) {
        long[] m = Targets.replay(tn.net(), run);
        return new Counterexample(summary, RunText.lines(run, tn), deadlock ? BlockedSteps.in(m, tn) : List.of(),
                ModelState.of(m, tn, deadlock), RunInterval.of(run, tn), run.duration());
    }

    /** Whether there is a run to draw. */
    public boolean drawable() {
        return state != null;
    }

    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(summary);
        trace.forEach(l -> out.add("  " + l));
        if (!blocked.isEmpty()) {
            out.add("blocked:");
            blocked.forEach(l -> out.add("  " + l));
        }
        return out;
    }
}

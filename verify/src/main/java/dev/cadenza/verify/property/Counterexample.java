package dev.cadenza.verify.property;

import dev.cadenza.verify.engine.TimedRun;
import dev.cadenza.verify.report.NetRuns;
import dev.cadenza.verify.trace.ModelState;
import dev.cadenza.verify.trace.Run;
import dev.cadenza.verify.trace.TransitionSpan;
import dev.cadenza.verify.translate.TranslatedNet;
import org.apache.commons.math3.fraction.BigFraction;

import java.util.ArrayList;
import java.util.List;

/**
 * Why a property is violated (or, for a witness, how it is met), in model terms: a summary and
 * the run that shows it ({@code run}, null when there is none, e.g. "the program never
 * finishes"). The text ({@code t=5  c.configure starts (uses s.ip)}), what each blocked step
 * waits for in a deadlock, the state where the run stops and its schedule are views of the run.
 */
public record Counterexample(String summary, Run run) {

    /** Text only: no run to show. */
    public static Counterexample of(String summary) {
        return new Counterexample(summary, null);
    }

    /**
     * The run {@code run} of {@code tn}, read back in model terms; {@code deadlock}: its last state
     * is dead (say what is blocked there), otherwise it is cut where the property is decided.
     */
    public static Counterexample of(String summary, TimedRun run, TranslatedNet tn, boolean deadlock) {
        return new Counterexample(summary, NetRuns.read(run, tn, deadlock, summary));
    }

    /** Whether there is a run to draw. */
    public boolean drawable() {
        return run != null;
    }

    /** The run's text, one line per step the user cares about. */
    public List<String> trace() {
        return run == null ? List.of() : run.lines();
    }

    /** In a deadlock, each blocked step and what it waits for. */
    public List<String> blocked() {
        return run != null && run.deadlocked() ? run.blockedLines() : List.of();
    }

    /** The state where the run stops (blocked ports only in a deadlock); null without a run. */
    public ModelState state() {
        return run == null ? null : run.finalState();
    }

    /** When each component transition became ready, ran, and what it waited for. */
    public List<TransitionSpan> schedule() {
        return run == null ? List.of() : run.schedule();
    }

    /** The time the run stops; null without a run. */
    public BigFraction end() {
        return run == null ? null : run.duration();
    }

    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(summary);
        trace().forEach(l -> out.add("  " + l));
        List<String> blocked = blocked();
        if (!blocked.isEmpty()) {
            out.add("blocked:");
            blocked.forEach(l -> out.add("  " + l));
        }
        return out;
    }
}

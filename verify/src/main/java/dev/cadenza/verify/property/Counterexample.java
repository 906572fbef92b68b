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
public record Counterexample(String summary, Run run, boolean untimed, int loopsTo) {

    /**
     * A timed run (or none). The other components are for untimed runs of the marking graph
     * ({@link #untimed}): their steps have an order but no times, and {@code loopsTo} is the index
     * of the shown step the run goes back to for ever (-1: none).
     */
    public Counterexample(String summary, Run run) {
        this(summary, run, false, -1);
    }

    /**
     * A path of the untimed marking graph read back in model terms: its net steps carry no time
     * (they are read at time 0 and shown as numbered steps), {@code loopsFrom} the index of the
     * net step the path returns to after its last one (-1: it does not loop).
     */
    public static Counterexample untimed(String summary, List<Integer> transitions, int loopsFrom, TranslatedNet tn,
                                         boolean deadlock) {
        List<TimedRun.Step> steps = new ArrayList<>();
        for (int t : transitions) {
            steps.add(new TimedRun.Step(t, BigFraction.ZERO));
        }
        Run run = NetRuns.read(new TimedRun(steps), tn, deadlock, summary);
        int shownLoop = -1;
        if (loopsFrom >= 0) {
            // the shown event that the net step at loopsFrom produced first
            Run prefix = NetRuns.read(new TimedRun(steps.subList(0, loopsFrom)), tn, false, summary);
            shownLoop = (int) prefix.events().stream().filter(e -> e.shown()).count();
        }
        return new Counterexample(summary, run, true, shownLoop);
    }

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

    /** Whether there is a run to draw (an untimed one has its final state, not a schedule). */
    public boolean drawable() {
        return run != null;
    }

    /** The run's text, one line per step the user cares about; untimed: numbered steps, no times. */
    public List<String> trace() {
        if (run == null) {
            return List.of();
        }
        if (!untimed) {
            if (run.end() instanceof dev.cadenza.verify.trace.RunEnd.Stopped stop) {
                // Concerto-D's runtime stopped the run (a failed del, the process ended): say so last
                List<String> out = new ArrayList<>(run.lines());
                out.add(String.format("t=%-8s %s", dev.cadenza.verify.report.Times.format(stop.time()),
                        "the runtime stops: " + stop.cause().describe()));
                return out;
            }
            return run.lines();
        }
        List<String> out = new ArrayList<>();
        int k = 0;
        for (var e : run.events()) {
            if (e.shown()) {
                out.add(String.format("%-10s %s", (k == loopsTo ? "loop> " : "") + "#" + (k + 1), e.describe()));
                k++;
            }
        }
        if (loopsTo >= 0) {
            out.add("(then back to the step marked loop>, for ever)");
        }
        return out;
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
        return run == null || untimed ? List.of() : run.schedule();
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

package dev.cadenza.verify.property;

import dev.cadenza.verify.Subject;
import dev.cadenza.verify.engine.Statistics;
import dev.cadenza.verify.execute.Executor;
import dev.cadenza.verify.execute.SchedulePolicy;
import dev.cadenza.verify.trace.Run;
import dev.cadenza.verify.trace.RunEnd;

import java.util.ArrayList;
import java.util.List;

/**
 * A deadlock the net reaches, held to the executor (the independent reading of the Concerto
 * runtime's loop) before it is called a violation.
 *
 * <p>Why: the net interleaves zero-time moves freely, the runtime's loop orders them (one sweep
 * per active component per iteration; docs/verify.md, "Zero-time moves"). The net's runs include
 * the runtime's, so a {@code holds} stands, but a net deadlock may be a run the runtime never
 * makes. The counterexample is replayed in the executor, which follows its schedule, under
 * {@link #ORDERS} component orders: reproduced (a deadlock at the same instant), it is a run of
 * the runtime and the verdict stays {@code violated}; not reproduced, it is {@code inconclusive}
 * — a replay that fails proves nothing about the runtime (another order, another deadlock of the
 * net might), so it may not become {@code holds}.
 *
 * <p>Only where the executor and the net time the same runs: a timed deadlock counterexample
 * (not a run that finishes outside a deployment), no step cost (with a step the loop's timing is
 * the executor's alone, and the net's instants are not the executor's), the translation's default
 * rules (no refusing). Elsewhere the verdict is the net's, as before. Off with {@code --no-replay}.
 */
final class DeadlockReplay {

    /** How many component orders a replay tries: the schedule's ranking, then random ones. */
    static final int ORDERS = 16;

    static final String CONFIRMED = "replayed in the executor";

    private DeadlockReplay() {
    }

    /** {@code found}, confirmed by the executor, or the inconclusive verdict that says why not. */
    static Verdict confirm(Subject subject, Verdict.Violated found) {
        if (!subject.replayable()) {
            return found;
        }
        Run ce = found.counterexample().run();
        Executor x;
        try {
            x = Executor.of(subject.model(), subject.name());
        } catch (RuntimeException e) {
            return found; // a model the executor does not take: the net's answer, as before
        }
        for (long seed = 0; seed < ORDERS; seed++) {
            Run r = x.run(SchedulePolicy.following(ce, x.scale(), seed));
            if (r.end() instanceof RunEnd.Deadlock && r.duration().equals(ce.duration())) {
                Statistics s = found.statistics();
                String by = s.stage() == null ? subject.engine().name() : s.stage();
                Counterexample c = found.counterexample();
                return new Verdict.Violated(new Counterexample(c.summary() + " (confirmed: " + CONFIRMED
                        + ", the runtime's loop makes this run)", c.run(), c.untimed(), c.loopsTo()),
                        s.answeredBy(by + ", " + CONFIRMED));
            }
        }
        List<String> partial = new ArrayList<>();
        partial.add("the net's run (not reproduced by the runtime's loop):");
        partial.addAll(found.counterexample().lines());
        return new Verdict.Inconclusive("the net deadlocks along this run, but it orders zero-time moves in a way"
                + " the Concerto runtime's loop did not reproduce (" + ORDERS + " orders tried in the executor);"
                + " the runtime may not deadlock (--no-replay reports the net's deadlock as violated)",
                partial, found.statistics().answeredBy((found.statistics().stage() == null
                        ? subject.engine().name() : found.statistics().stage()) + ", not reproduced in the executor"));
    }
}

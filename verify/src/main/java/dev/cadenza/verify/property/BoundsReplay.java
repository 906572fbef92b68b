package dev.cadenza.verify.property;

import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.bounds.BoundsReport;
import dev.cadenza.verify.bounds.RuntimeBounds;
import dev.cadenza.verify.engine.TimedRun;
import dev.cadenza.verify.execute.Executor;
import dev.cadenza.verify.execute.Policies;
import dev.cadenza.verify.report.NetRuns;
import dev.cadenza.verify.report.Times;
import dev.cadenza.verify.trace.Run;
import dev.cadenza.verify.translate.TranslatedNet;

/**
 * The net's time bounds held to the runtime ({@link RuntimeReplay} says why): the net's runs
 * include the runtime's, so its min is at most the runtime's and its max at least the runtime's.
 * The fastest run is replayed in the executor: reproduced (finishing at the same instant), the
 * runtime attains the min and it is exact for the runtime; not, the runtime's min is only "at
 * least" it. The slowest likewise ("at most"). An unbounded max is a run of the net that never
 * finishes: when a deadlock is reachable, the deadlock is held to the runtime as {@code deployable}
 * holds it (the deadlock it finds replayed, then up to {@link Deployable#DEAD_MARKINGS} more):
 * confirmed, the runtime can wait for ever (attained); not reproduced, the net's infinity says
 * nothing about the runtime, and the note says so, instead of "a run takes unboundedly long".
 */
final class BoundsReplay {

    private BoundsReplay() {
    }

    /** The bounds, with what the replay said, and the deadlock verdict behind an unbounded max (or null). */
    record Held(BoundsReport report, Verdict deadlock) {

        boolean minAttained() {
            return report.runtime() == null || report.runtime().minAttained();
        }

        boolean maxAttained() {
            return report.runtime() == null || report.runtime().maxAttained();
        }

        /** A deadlock behind an unbounded max that the executor reproduced. */
        boolean deadlockConfirmed() {
            return deadlock instanceof Verdict.Violated v && v.counterexample().run() != null
                    && v.counterexample().summary().contains("confirmed: " + RuntimeReplay.CONFIRMED);
        }

        /** The replay's words for {@code answered_by}, or null when nothing was replayed. */
        String answeredBy() {
            RuntimeBounds rb = report.runtime();
            if (rb == null) {
                return null;
            }
            if (rb.exact() != null) {
                return RuntimeStateSpaceStage.STAGE;
            }
            if (rb.minAttained() && rb.maxAttained()) {
                return RuntimeReplay.CONFIRMED;
            }
            if (!rb.minAttained() && !rb.maxAttained()) {
                return RuntimeReplay.NOT_REPRODUCED;
            }
            return (rb.minAttained() ? "fastest run " + RuntimeReplay.CONFIRMED + ", slowest "
                    : "fastest run " + RuntimeReplay.NOT_REPRODUCED + ", slowest ")
                    + (rb.maxAttained() ? RuntimeReplay.CONFIRMED : RuntimeReplay.NOT_REPRODUCED);
        }
    }

    /**
     * {@code r} held to the runtime; as it was when the replay does not apply or nothing was settled.
     * A bound the replay did not attain is then settled by the runtime's state space, when it can
     * explore the subject completely ({@link RuntimeStateSpaceStage}): its exact [min, max] ride along.
     */
    static Held hold(Subject subject, BoundsReport r, SourcePosition position) {
        // bounds and within of one subject hold the same report: its runs are replayed once (the
        // position only places a resolution error of a named deployment, and none is named here)
        return subject.remembered(new Replayed(r), Held.class, () -> holdOnce(subject, r, position),
                h -> h.deadlock() == null || h.deadlock().statistics().complete());
    }

    /** What {@link #hold} remembers its answer under: the report held (a complete one, remembered itself). */
    private record Replayed(BoundsReport report) {
    }

    private static Held holdOnce(Subject subject, BoundsReport r, SourcePosition position) {
        Held held = holdByReplay(subject, r, position);
        RuntimeBounds rb = held.report().runtime();
        if (rb == null || (rb.minAttained() && rb.maxAttained())) {
            return held;
        }
        RuntimeBounds.Exact exact = RuntimeStateSpaceStage.exactBounds(subject);
        return exact == null ? held : new Held(held.report().withRuntime(rb.withExact(exact)), held.deadlock());
    }

    private static Held holdByReplay(Subject subject, BoundsReport r, SourcePosition position) {
        if (!subject.replayable() && subject.stepCost() && subject.stateSpace() && r.reachable() && r.min() != null
                && r.max() != null) {
            // with a step no net run is replayed (its instants are not the loop's): the net's bounds
            // bracket the runtime's, and its state space gives the exact ones (hold)
            return new Held(r.withRuntime(new RuntimeBounds(false, false, RuntimeReplay.STEP_NOT_REPLAYED
                    + ": the net's min is only a lower bound of the runtime's, its max only an upper bound")), null);
        }
        if (!subject.replayable() || !r.reachable() || r.min() == null || r.minRun() == null
                || (r.max() == null && !r.unbounded())) {
            return new Held(r, null);
        }
        TranslatedNet tn = subject.net(Subject.Mode.TIMED);
        RuntimeReplay.Outcome fastest = finishes(subject, tn, r.minRun(), "fastest run");
        if (fastest.kind() == RuntimeReplay.Kind.NOT_REPLAYED) {
            return new Held(r, null);
        }
        boolean minAttained = fastest.reproduced();
        String minNote = minAttained ? "the fastest run of the net was " + RuntimeReplay.CONFIRMED
                : "the fastest run of the net (" + Times.format(r.min()) + " s) was " + RuntimeReplay.NOT_REPRODUCED
                + ", so the runtime's min is at least that";
        if (!r.unbounded()) {
            boolean maxAttained = r.maxRun() != null && finishes(subject, tn, r.maxRun(), "slowest run").reproduced();
            String maxNote = maxAttained ? "the slowest run was " + RuntimeReplay.CONFIRMED
                    : "the slowest run of the net (" + Times.format(r.max()) + " s) was " + RuntimeReplay.NOT_REPRODUCED
                    + ", so the runtime's max is at most that";
            String note = minAttained && maxAttained ? "the fastest and the slowest run were "
                    + RuntimeReplay.CONFIRMED + ": the runtime attains both bounds"
                    : minNote + "; " + maxNote + slowRunNote(subject, maxAttained);
            return new Held(r.withRuntime(new RuntimeBounds(minAttained, maxAttained, note)), null);
        }
        Verdict dead = new Deployable(null, false, position).check(subject);
        Held probe = new Held(r, dead);
        String maxNote;
        boolean maxAttained;
        if (probe.deadlockConfirmed()) {
            maxAttained = true;
            maxNote = "a run deadlocks at t=" + Times.format(((Verdict.Violated) dead).counterexample().end())
                    + " (" + RuntimeReplay.CONFIRMED + "): the runtime can wait for ever";
        } else if (dead instanceof Verdict.Inconclusive i && i.statistics().stage() != null
                && i.statistics().stage().endsWith(RuntimeReplay.NOT_REPRODUCED)) {
            maxAttained = false;
            maxNote = "max inf in the net only: its runs that never finish deadlock along runs the runtime's loop did"
                    + " not reproduce (see deployable), so the net gives no upper bound for the runtime";
        } else if (dead instanceof Verdict.Holds && dead.statistics().stage() != null
                && dead.statistics().stage().endsWith(RuntimeStateSpaceStage.STAGE)) {
            maxAttained = false;
            maxNote = "max inf in the net only: its runs that never finish deadlock along runs the runtime's loop"
                    + " does not make (" + RuntimeStateSpaceStage.STAGE + ": no run of the loop deadlocks)";
        } else if (dead instanceof Verdict.Holds) {
            maxAttained = false;
            maxNote = "max inf in the net: a run loops or waits for ever without a deadlock (not replayed)";
        } else {
            maxAttained = false;
            maxNote = "max inf in the net; whether the runtime can deadlock was not settled (" + dead.word() + ")";
        }
        return new Held(r.withRuntime(new RuntimeBounds(minAttained, maxAttained, minNote + "; " + maxNote
                + slowRunNote(subject, maxAttained))), dead);
    }

    /**
     * The executor's run with every duration at its maximum (a run of the runtime's rules, with
     * the executor's own orders), or null when a maximum is unbounded, the executor does not take
     * the model or the replay does not apply: when the net's slowest run is not the runtime's, it
     * is still a run the runtime makes, so its end is a lower bound of the runtime's max, and a
     * counterexample of {@code within T} when it ends after T (or deadlocks).
     */
    static Run slowRunOfTheRuntime(Subject subject) {
        if (!subject.replayable() && !(subject.stepCost() && subject.stateSpace())) {
            return null;
        }
        try {
            Executor x = Executor.of(subject.model(), subject.name());
            return x.bounded() ? x.run(Policies.allMax()) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** When the max is not attained: what the executor's all-maximum run shows of the runtime's max. */
    private static String slowRunNote(Subject subject, boolean maxAttained) {
        if (maxAttained) {
            return "";
        }
        Run slow = slowRunOfTheRuntime(subject);
        if (slow == null) {
            return "";
        }
        if (slow.end() instanceof dev.cadenza.verify.trace.RunEnd.Finished) {
            return "; the executor's run with every duration at its maximum ends at " + Times.format(slow.duration())
                    + " s, so the runtime's max is at least that";
        }
        return "; the executor's run with every duration at its maximum " + slow.end().describe();
    }

    /** Replays a run of the net to the end: reproduced when the executor finishes at the same instant. */
    static RuntimeReplay.Outcome finishes(Subject subject, TranslatedNet tn, TimedRun run, String why) {
        Run netRun = NetRuns.read(run, tn, false, why);
        return RuntimeReplay.replay(subject, netRun, new RuntimeReplay.Expectation.Finishes(netRun.duration()));
    }
}

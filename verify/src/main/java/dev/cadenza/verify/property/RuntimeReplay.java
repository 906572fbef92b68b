package dev.cadenza.verify.property;

import dev.cadenza.petri.query.Predicate;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.engine.Statistics;
import dev.cadenza.verify.execute.Executor;
import dev.cadenza.verify.execute.SchedulePolicy;
import dev.cadenza.verify.trace.Run;
import dev.cadenza.verify.trace.RunEnd;
import dev.cadenza.verify.translate.TranslatedNet;
import org.apache.commons.math3.fraction.BigFraction;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of the net held to the runtime: the one place where a verdict that rests on one run of
 * the net (a counterexample, a witness, the fastest or slowest run of {@code bounds}) is replayed
 * in the executor — the independent reading of the Concerto runtime's loop — before it is
 * believed.
 *
 * <p>Why: the net interleaves zero-time moves freely, the runtime's loop orders them (one sweep
 * per active component per iteration; docs/verify.md, "Zero-time moves"). The net's runs include
 * the runtime's, so an answer about <em>every</em> run of the net ({@code holds} of a safety
 * property, a bound that is only a bound) stands for the runtime; but an answer that rests on
 * <em>one</em> run of the net — this run deadlocks, reaches P, starts B before A ends, shows
 * everything running at once, finishes at m — is the runtime's only if the runtime makes that
 * run. The run is replayed in the executor, which follows its schedule
 * ({@link SchedulePolicy#following}: its durations, and its order of events where the runtime
 * leaves the order open), under {@link #ORDERS} component orders. Reproduced — the executor's run
 * shows the same {@link Expectation} at the same instant — the run is one the runtime's rules make.
 * Not reproduced in any order, nothing is proven either way: another order, or another run of the
 * net, might be the runtime's. So a violation or a witness not reproduced is {@code inconclusive},
 * never {@code holds} nor {@code violated}; a bound not reproduced is only a bound.
 *
 * <p><b>The second stage</b> ({@link RuntimeStateSpaceStage}): when every order fails, the runtime's
 * state space — every run of the executor's loop — is asked the same question: whether a
 * deadlock, a bound (by the callers of {@code deployable}, {@code bounds}, {@code within}) or a
 * state where the predicate holds ({@link #violation}, {@link #witness}: {@code forbidden},
 * {@code sequence}, {@code AG}, {@code EF}, {@code parallel}) is the runtime's. A complete answer
 * replaces the net's ({@code violated} or {@code holds}, with the loop's own run); a cut one leaves
 * the verdict {@code inconclusive}.
 *
 * <p>Only where the executor and the net time the same runs ({@link Subject#replayable()}): no
 * step cost (with a step the loop's timing is the executor's alone, and the net's instants are not
 * the executor's), the translation's default rules (no refusing), a model (not a bare net), and
 * replay not switched off ({@code --no-replay}); and only for what {@link ExecutorStates} can read
 * off the executor's runs. Elsewhere the verdict is the net's, as before.
 */
final class RuntimeReplay {

    /** How many component orders a replay tries: the schedule's ranking, then random ones. */
    static final int ORDERS = 16;

    /** The words of {@code answered_by} and of the verdicts. */
    static final String CONFIRMED = "replayed in the executor";
    static final String NOT_REPRODUCED = "not reproduced in the executor";

    private RuntimeReplay() {
    }

    /** What the executor's run must show for the net's run to count as reproduced. */
    sealed interface Expectation {

        /** The run deadlocks at {@code at}. */
        record Deadlock(BigFraction at) implements Expectation {
        }

        /**
         * The run is stopped by the runtime itself at {@code at}: Concerto-D's failed {@code del} or
         * its process ending with the program while instances are active.
         */
        record Halts(BigFraction at) implements Expectation {
        }

        /** The run ends at {@code at}: it finishes or deadlocks there (nothing moves any more). */
        record Stops(BigFraction at) implements Expectation {
        }

        /** The run finishes at {@code at}. */
        record Finishes(BigFraction at) implements Expectation {
        }

        /** At instant {@code at} the run is in a state where {@code states}' predicate holds. */
        record Reaches(BigFraction at, ExecutorStates states) implements Expectation {
        }

        /**
         * At instant {@code at} the run is in a state where {@code trigger} holds and, from that state
         * on until after {@code at + within}, in none where {@code response} does
         * ({@code response … within}).
         */
        record Overdue(BigFraction at, BigFraction within, ExecutorStates trigger, ExecutorStates response,
                       boolean limit) implements Expectation {

            /**
             * The same, {@code limit}: a Q that comes exactly at the deadline does not count either.
             * The net's run of a late response is a limit (the observer's {@code late} has the open
             * bound ]T, ∞[, and the run's dates are the earliest, open bounds taken closed), so a
             * run the executor follows may answer exactly at the deadline where the net's real runs,
             * a little later, do not.
             */
            Overdue asLimit() {
                return new Overdue(at, within, trigger, response, true);
            }
        }

        /** The run shows both (e.g. it deadlocks at an instant where a predicate does not hold). */
        record Both(Expectation first, Expectation second) implements Expectation {
        }

        /** Nothing the executor's runs show can tell ({@code why}): not replayed, the net's answer stands. */
        record Unreadable(String why) implements Expectation {
        }
    }

    /** How a replay went. */
    enum Kind {
        /** The executor made the run: the answer is the runtime's. */
        REPRODUCED,
        /** No order tried made it (and the second stage did not settle it). */
        NOT_REPRODUCED,
        /**
         * The replay does not apply here: the net's answer stands, as before; {@code why} says why
         * when it is not the plain case of replay off or a subject the executor does not time alike.
         */
        NOT_REPLAYED
    }

    /** The outcome: the executor's run when reproduced, why not replayed otherwise. */
    record Outcome(Kind kind, Run executorRun, String why) {
        boolean reproduced() {
            return kind == Kind.REPRODUCED;
        }

        boolean notReproduced() {
            return kind == Kind.NOT_REPRODUCED;
        }
    }

    /** Replays {@code netRun} (a run of the net in model terms) and says whether it shows {@code expected}. */
    static Outcome replay(Subject subject, Run netRun, Expectation expected) {
        if (netRun == null) {
            return new Outcome(Kind.NOT_REPLAYED, null, null);
        }
        if (!subject.replayable()) {
            if (subject.stepCost() && subject.stateSpace() && settledByTheStateSpace(expected)) {
                // with a step the net's run is not the loop's (its moves take [0, b] each, loosely):
                // nothing to replay, but the runtime's state space answers for every run of the loop
                return new Outcome(Kind.NOT_REPRODUCED, null, STEP_NOT_REPLAYED);
            }
            return new Outcome(Kind.NOT_REPLAYED, null, null);
        }
        if (expected instanceof Expectation.Unreadable u) {
            return new Outcome(Kind.NOT_REPLAYED, null, u.why());
        }
        if (expected instanceof Expectation.Both b && (b.first() instanceof Expectation.Unreadable
                || b.second() instanceof Expectation.Unreadable)) {
            return replay(subject, netRun, b.first() instanceof Expectation.Unreadable ? b.first() : b.second());
        }
        Executor x;
        try {
            x = Executor.of(subject.model(), subject.name());
        } catch (RuntimeException e) {
            return new Outcome(Kind.NOT_REPLAYED, null, null); // the net's answer, as before
        }
        for (long seed = 0; seed < ORDERS; seed++) {
            Run r;
            try {
                r = x.run(SchedulePolicy.following(netRun, x.scale(), seed));
            } catch (RuntimeException e) {
                return new Outcome(Kind.NOT_REPLAYED, null, null);
            }
            if (shows(r, expected)) {
                return new Outcome(Kind.REPRODUCED, r, null);
            }
        }
        if (expected instanceof Expectation.Overdue o && !o.limit()) {
            Outcome limit = replay(subject, netRun, o.asLimit());
            if (limit.reproduced()) {
                return new Outcome(Kind.NOT_REPLAYED, null, "a limit run, answered at the deadline t="
                        + dev.cadenza.verify.report.Times.format(o.at().add(o.within())) + " in the executor");
            }
        }
        return new Outcome(Kind.NOT_REPRODUCED, null, null);
    }

    /** Why a run of the net is not replayed with a step cost (the state space answers instead). */
    static final String STEP_NOT_REPLAYED = "with a step cost the net's instants are not the runtime loop's: not replayed";

    /** What the runtime's state space answers when the replay cannot: a deadlock, an end, a predicate it observes. */
    private static boolean settledByTheStateSpace(Expectation e) {
        return e instanceof Expectation.Deadlock || e instanceof Expectation.Finishes
                || e instanceof Expectation.Reaches r && r.states().loopPredicate() != null;
    }

    /** The runtime itself stopped the run (Concerto-D): a failed del, or the process ended with its program. */
    static boolean halted(Run r) {
        return r.end() instanceof RunEnd.Stopped s && (s.cause() instanceof dev.cadenza.verify.trace.StopCause.RuntimeFailure
                || s.cause() instanceof dev.cadenza.verify.trace.StopCause.ProgramEnded);
    }

    /** Whether the executor's run {@code r} shows {@code e}. */
    static boolean shows(Run r, Expectation e) {
        if (e instanceof Expectation.Deadlock d) {
            return r.end() instanceof RunEnd.Deadlock && r.duration().equals(d.at());
        } else if (e instanceof Expectation.Halts h) {
            return halted(r) && r.duration().equals(h.at());
        } else if (e instanceof Expectation.Stops st) {
            return (r.end() instanceof RunEnd.Deadlock || r.end() instanceof RunEnd.Finished || halted(r))
                    && r.duration().equals(st.at());
        } else if (e instanceof Expectation.Finishes f) {
            return r.end() instanceof RunEnd.Finished && r.duration().equals(f.at());
        } else if (e instanceof Expectation.Reaches p) {
            return p.states().trace(r).holdsAt(p.at()) >= 0;
        } else if (e instanceof Expectation.Unreadable) {
            return false;
        } else if (e instanceof Expectation.Both b) {
            return shows(r, b.first()) && shows(r, b.second());
        }
        Expectation.Overdue o = (Expectation.Overdue) e;
        ExecutorStates.Trace p = o.trigger().trace(r);
        ExecutorStates.Trace q = o.response().trace(r);
        BigFraction deadline = o.at().add(o.within());
        BigFraction last = q.until(q.at().size() - 1);
        if (last != null && last.compareTo(deadline) <= 0) {
            return false; // the run stops (a limit) before the deadline: it does not show the wait
        }
        // both traces have a state per reading event, in the same order: index k is the same state
        for (int k = 0; k < p.at().size(); k++) {
            BigFraction u = p.until(k);
            if (!p.holds().get(k) || p.at().get(k).compareTo(o.at()) > 0 || (u != null && u.compareTo(o.at()) < 0)) {
                continue; // P does not hold over the instant the net armed at, in this state
            }
            boolean answered = false;
            for (int j = k; j < q.at().size() && q.at().get(j).compareTo(deadline) <= (o.limit() ? -1 : 0)
                    && !answered; j++) {
                answered = q.holds().get(j);
            }
            if (!answered) {
                return true;
            }
        }
        return false;
    }

    // ---- verdicts ---------------------------------------------------------------------------------

    /** The stage name the verdict's {@code answered_by} starts from. */
    static String by(Subject subject, Statistics s) {
        return s.stage() == null ? subject.engine().name() : s.stage();
    }

    /**
     * A violation resting on the net's run of {@code found}: confirmed ({@code violated}, "replayed in
     * the executor"), or {@code inconclusive} with {@code notReproduced} as the reason and the net's
     * run under it, or {@code found} as it was where the replay does not apply.
     */
    static Verdict violation(Subject subject, Verdict.Violated found, Expectation expected, String notReproduced) {
        return violation(subject, found, found.counterexample().run(), expected, notReproduced);
    }

    /** The same, replaying {@code netRun} (the counterexample's run, perhaps observed longer than shown). */
    static Verdict violation(Subject subject, Verdict.Violated found, Run netRun, Expectation expected,
                             String notReproduced) {
        if (expected == null) {
            return found;
        }
        Outcome o = replay(subject, netRun, expected);
        Statistics s = found.statistics();
        Counterexample c = found.counterexample();
        if (o.reproduced()) {
            // the executor's run shows the same thing at the same instant; its zero-time moves may be
            // ordered otherwise than the net's run shown (the order the loop allows)
            return new Verdict.Violated(new Counterexample(confirmed(c.summary(), CONFIRMED
                    + ", which follows this run and gets there at the same instant"), c.run(), c.untimed(), c.loopsTo()),
                    s.answeredBy(by(subject, s) + ", " + CONFIRMED));
        }
        if (!o.notReproduced()) {
            return o.why() == null ? found : new Verdict.Violated(c, s.answeredBy(by(subject, s) + ", not replayed: "
                    + o.why()));
        }
        List<String> partial = new ArrayList<>();
        Verdict settled = RuntimeStateSpaceStage.violation(subject, found, expected, partial);
        if (settled != null) {
            return settled;
        }
        partial.add("the net's run (not reproduced by the runtime's loop):");
        partial.addAll(c.lines());
        return new Verdict.Inconclusive(notReproduced + " (" + tried(o) + ";"
                + " --no-replay reports the net's run as violated)", partial,
                s.answeredBy(by(subject, s) + ", " + NOT_REPRODUCED));
    }

    /**
     * A {@code holds} resting on the witness run of {@code found}: confirmed (it holds, "replayed in
     * the executor"), or {@code inconclusive} — a witness the runtime may not make proves nothing.
     */
    static Verdict witness(Subject subject, Verdict.Holds found, Expectation expected, String notReproduced) {
        if (expected == null || found.witness() == null) {
            return found;
        }
        Outcome o = replay(subject, found.witness().run(), expected);
        Statistics s = found.statistics();
        if (o.reproduced()) {
            Counterexample w = found.witness();
            Counterexample confirmed = new Counterexample(confirmed(w.summary(), CONFIRMED), w.run(),
                    w.untimed(), w.loopsTo());
            return new Verdict.Holds(confirmed.lines(), s.answeredBy(by(subject, s) + ", " + CONFIRMED), confirmed,
                    found.bounds());
        }
        if (!o.notReproduced()) {
            return o.why() == null ? found : new Verdict.Holds(found.details(), s.answeredBy(by(subject, s)
                    + ", not replayed: " + o.why()), found.witness(), found.bounds());
        }
        List<String> partial = new ArrayList<>();
        Verdict settled = RuntimeStateSpaceStage.witness(subject, found, expected, partial);
        if (settled != null) {
            return settled;
        }
        partial.add("the net's run (not reproduced by the runtime's loop):");
        partial.addAll(found.witness().lines());
        return new Verdict.Inconclusive(notReproduced + " (" + tried(o) + ")", partial,
                s.answeredBy(by(subject, s) + ", " + NOT_REPRODUCED));
    }

    /** What the replay tried, for an inconclusive verdict: orders, or why it could not (a step cost). */
    static String tried(Outcome o) {
        return o.why() != null ? o.why() + ", and the runtime's state space did not answer"
                : ORDERS + " orders tried in the executor";
    }

    /** {@code summary (confirmed: how)}, before a closing colon if it has one. */
    static String confirmed(String summary, String how) {
        boolean colon = summary.endsWith(":");
        return (colon ? summary.substring(0, summary.length() - 1) : summary) + " (confirmed: " + how + ")"
                + (colon ? ":" : "");
    }

    /** {@code Reaches(at, p)}, {@code at} where {@code netRun} stops, or why the executor's runs cannot tell. */
    static Expectation reaches(TranslatedNet tn, Predicate p, Run netRun) {
        if (netRun == null) {
            return null;
        }
        ExecutorStates.Either e = ExecutorStates.of(tn, p);
        return e.states() == null ? new Expectation.Unreadable(e.whyNot())
                : new Expectation.Reaches(netRun.duration(), e.states());
    }
}

package dev.cadenza.verify.property;

import dev.cadenza.verify.Subject;
import dev.cadenza.verify.bounds.RuntimeBounds;
import dev.cadenza.verify.engine.Statistics;
import dev.cadenza.verify.execute.DeadlockSearch;
import dev.cadenza.verify.execute.Executor;
import dev.cadenza.verify.execute.FinishTimes;
import dev.cadenza.verify.execute.LoopPredicate;
import dev.cadenza.verify.execute.Observation;
import dev.cadenza.verify.execute.PredicateSearch;
import dev.cadenza.verify.execute.RuntimeStateSpace;
import dev.cadenza.verify.report.Times;

import java.util.ArrayList;
import java.util.List;

/**
 * The second stage after a replay that failed ({@link RuntimeReplay}): the runtime's state space
 * ({@link RuntimeStateSpace}: every run of the executor's loop, explored exhaustively, exact with
 * respect to the executor; docs/verify.md, "The runtime's state space") settles what the replay
 * left open — the net's deadlock or bound rests on a run the loop did not reproduce in a few
 * orders, and the state space says whether <em>any</em> run of the loop deadlocks and what the
 * loop's exact earliest and latest ends are.
 *
 * <p>Why a complete answer of the state space may replace the net's: the net's runs include the
 * runtime's, so a net deadlock that is not the runtime's leaves the runtime's answer open; the
 * state space answers it about every run of the loop, so "no run deadlocks, every run finishes"
 * from a complete exploration is the runtime's {@code holds}, a deadlock it finds is a run the
 * executor makes, and its [min, max] are the runtime's exact bounds. A cut or refused exploration
 * answers nothing: the caller keeps its earlier answer ({@code inconclusive}, or a bound that is
 * only a bound).
 *
 * <p>One exploration per subject: the finish times are computed once and shared by
 * {@code deployable}, {@code bounds} and {@code within} of the same verify block (they are what
 * the exploration costs: galera's to_galera, 56,000 states, about 25 s). Only where the replay
 * applies and is not switched off ({@link Subject#stateSpace()}, {@code --no-state-space}); the
 * state space's own order reductions follow {@link Subject#reduction()}.
 */
final class RuntimeStateSpaceStage {

    static final String STAGE = "the runtime's state space";

    private RuntimeStateSpaceStage() {
    }

    /** The runtime's exact finish times, explored once per subject; null where the stage does not apply. */
    static FinishTimes finishTimes(Subject subject) {
        if (!subject.stateSpace()) {
            return null;
        }
        return subject.runtimeFinishTimes(() -> {
            RuntimeStateSpace space = space(subject);
            if (space == null) {
                return null;
            }
            RuntimeObservations block = subject.runtimeObservations();
            List<ExecutorStates> observed = block == null ? List.of() : block.predicates(subject);
            if (observed.isEmpty()) {
                return space.finishTimes();
            }
            // the block's safety predicates observed along the same exploration (RuntimeObservations)
            Observation o = space.observe(RuntimeObservations.loopPredicates(observed));
            block.answered(observed, o);
            return o.finishTimes();
        });
    }

    private static RuntimeStateSpace space(Subject subject) {
        Executor x;
        try {
            x = Executor.of(subject.model(), subject.name());
        } catch (RuntimeException e) {
            return null; // a model the executor does not take: nothing to explore
        }
        RuntimeStateSpace s = RuntimeStateSpace.of(x, subject.budget().share(subject.stateSpaceShare(), STAGE));
        return subject.reduction() ? s : s.withoutReductions();
    }

    /**
     * {@code deployable} (no deployment named) after the net's deadlock was not reproduced: the
     * runtime's verdict from its state space — {@code holds} when no run of the loop deadlocks,
     * stops or goes on for ever (a complete exploration), {@code violated} with a run of the loop
     * that deadlocks — or null when the state space does not answer (cut, refused, or a run that
     * goes on for ever or stops, which the net's own search on tells better).
     */
    static Verdict deadlock(Subject subject, Statistics net) {
        FinishTimes f = finishTimes(subject);
        if (f == null || !f.complete()) {
            return null;
        }
        Statistics stats = net.answeredBy(RuntimeReplay.by(subject, net) + ", " + STAGE);
        if (f.deadlockReachable()) {
            RuntimeStateSpace space = space(subject);
            DeadlockSearch d = space == null ? null : space.deadlock();
            if (d instanceof DeadlockSearch.Found found && found.run() != null) {
                return new Verdict.Violated(new Counterexample("deadlock: a run of the runtime's loop stops before the"
                        + " program finishes (found in " + STAGE + ", " + found.statistics().describe()
                        + "; the net's deadlock run shown is not this one)", found.run()), stats);
            }
            return null;
        }
        if (f.stopReachable() || f.runsForever() || !f.canFinish()) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        lines.add("no run of the runtime's loop deadlocks: " + STAGE + " explored completely ("
                + f.statistics().describe() + "); every run finishes, in [" + Times.format(f.min()) + ", "
                + Times.format(f.max()) + "] s");
        lines.add("(the net deadlocks only by ordering zero-time moves as the runtime's loop never does;"
                + " --no-replay shows its run)");
        return new Verdict.Holds(lines, stats);
    }

    /**
     * {@code on} (the net's inconclusive answer) with what the state space said when it was explored
     * for this subject and did not settle the question (cut by a limit or by its share of the time,
     * or refused): the user learns that it was tried and what would let it finish.
     */
    static Verdict unsettled(Subject subject, Verdict on) {
        if (!(on instanceof Verdict.Inconclusive i) || !subject.stateSpace()) {
            return on;
        }
        FinishTimes f = subject.runtimeFinishTimes(() -> null);
        if (f == null || f.complete()) {
            return on;
        }
        List<String> partial = new ArrayList<>();
        partial.add(STAGE + " did not settle it: " + f.statistics().describe());
        partial.addAll(i.partial());
        return new Verdict.Inconclusive(i.reason(), partial, i.statistics(), i.bounds());
    }

    // ---- predicates ----------------------------------------------------------------------------------

    /**
     * Whether some run of the runtime's loop reaches {@code states}' predicate (observed after every
     * move: {@link RuntimeStateSpace#reach}); null where the stage does not apply or the predicate is
     * not one the state space observes.
     */
    static PredicateSearch reach(Subject subject, ExecutorStates states) {
        if (!subject.stateSpace()) {
            return null;
        }
        LoopPredicate p = states.loopPredicate();
        RuntimeObservations block = subject.runtimeObservations();
        PredicateSearch known = p == null || block == null ? null : block.answer(states);
        if (known != null) {
            return known;
        }
        RuntimeStateSpace space = p == null ? null : space(subject);
        return space == null ? null : space.reach(p);
    }

    /**
     * A state the net reaches (a violation: {@code forbidden}, {@code sequence}, {@code AG}) that no
     * replay reproduced: {@code violated} with a run of the runtime's loop that reaches it, or
     * {@code holds} when a complete exploration finds none; null when the stage does not answer
     * (cut, refused, not observable: the replay's {@code inconclusive} stands; a search that was
     * run and cut says so in {@code notes}).
     */
    static Verdict violation(Subject subject, Verdict.Violated net, RuntimeReplay.Expectation expected,
                             List<String> notes) {
        if (!(expected instanceof RuntimeReplay.Expectation.Reaches r)) {
            return null;
        }
        PredicateSearch search = reach(subject, r.states());
        Statistics stats = net.statistics().answeredBy(RuntimeReplay.by(subject, net.statistics()) + ", " + STAGE);
        if (search instanceof PredicateSearch.Found f && f.run() != null) {
            return new Verdict.Violated(new Counterexample(net.counterexample().summary() + " (a run of the runtime's"
                    + " loop, found in " + STAGE + ", " + f.statistics().describe() + "; the net's run is not one of"
                    + " the runtime's)", f.run()), stats);
        }
        if (search instanceof PredicateSearch.Absent a) {
            return new Verdict.Holds(List.of("no run of the runtime's loop violates it: " + STAGE + " explored"
                    + " completely (" + a.statistics().describe() + "), the state after every move observed",
                    "(the net reaches it only by ordering zero-time moves as the runtime's loop never does;"
                            + " --no-replay shows its run)"), stats);
        }
        note(search, notes);
        return null;
    }

    /**
     * A witness of the net ({@code EF}, {@code parallel}) that no replay reproduced: {@code holds}
     * with a run of the runtime's loop that reaches the predicate, or {@code violated} when a
     * complete exploration finds none; null when the stage does not answer ({@code notes} says why
     * when it ran).
     */
    static Verdict witness(Subject subject, Verdict.Holds net, RuntimeReplay.Expectation expected,
                           List<String> notes) {
        if (!(expected instanceof RuntimeReplay.Expectation.Reaches r)) {
            return null;
        }
        PredicateSearch search = reach(subject, r.states());
        Statistics stats = net.statistics().answeredBy(RuntimeReplay.by(subject, net.statistics()) + ", " + STAGE);
        if (search instanceof PredicateSearch.Found f && f.run() != null) {
            Counterexample w = new Counterexample(net.witness().summary() + " (a run of the runtime's loop, found"
                    + " in " + STAGE + ", " + f.statistics().describe() + ")", f.run());
            return new Verdict.Holds(w.lines(), stats, w, net.bounds());
        }
        if (search instanceof PredicateSearch.Absent a) {
            return new Verdict.Violated(Counterexample.of("no run of the runtime's loop reaches it: " + STAGE
                    + " explored completely (" + a.statistics().describe() + "), the state after every move"
                    + " observed; the net's witness orders zero-time moves as the runtime's loop never does"
                    + " (--no-replay shows it)"), stats);
        }
        note(search, notes);
        return null;
    }

    /** A search that ran and did not answer, told in the verdict's details. */
    private static void note(PredicateSearch search, List<String> notes) {
        if (search instanceof PredicateSearch.Found f && f.run() == null) {
            notes.add(STAGE + " reaches it (" + f.statistics().describe() + "), but the executor's replay did not"
                    + " follow the path found, so no run of the loop is shown and the verdict is not settled");
        }
        if (search instanceof PredicateSearch.Unanswered u) {
            notes.add(STAGE + " did not settle it: " + (u.statistics() == null || u.statistics().complete() ? u.reason()
                    : u.statistics().describe()));
        }
    }

    /** The runtime's exact bounds from a complete exploration of its state space, or null. */
    static RuntimeBounds.Exact exactBounds(Subject subject) {
        FinishTimes f = finishTimes(subject);
        if (f == null || !f.complete()) {
            return null;
        }
        boolean unbounded = f.max() == null;
        return new RuntimeBounds.Exact(f.min(), f.max(), unbounded, STAGE + ", explored completely ("
                + f.statistics().describe() + ")" + (!unbounded ? "" : f.deadlockReachable() ? "; a run deadlocks"
                : f.stopReachable() ? "; a run stops" : "; a run goes on for ever"));
    }

    /**
     * {@code within T} from the runtime's exact max ({@code bounds}: the net's bounds held to the
     * runtime, with {@link RuntimeBounds#exact()}): holds when every run of the loop finishes by T;
     * violated with the loop's slowest run when it ends after T, or with a run of the loop that
     * deadlocks; null when the state space has no run to show (the caller keeps its answer).
     */
    static Verdict within(Subject subject, org.apache.commons.math3.fraction.BigFraction limit, String t,
                          dev.cadenza.verify.bounds.BoundsReport bounds, Statistics stats) {
        FinishTimes f = finishTimes(subject);
        if (f == null || !f.complete()) {
            return null;
        }
        if (f.max() != null && f.max().compareTo(limit) <= 0) {
            return new Verdict.Holds(List.of("max " + Times.format(f.max()) + " s for the runtime (" + STAGE
                    + ", explored completely: " + f.statistics().describe() + "; the net's slowest run is not one"
                    + " of the runtime's)"), stats, null, bounds);
        }
        if (f.max() != null && f.slowest() != null) {
            return new Verdict.Violated(new Counterexample("a run takes " + Times.format(f.max()) + " s (the slowest"
                    + " run of the runtime's loop, found in " + STAGE + ")", f.slowest()), stats);
        }
        if (f.deadlockReachable()) {
            Verdict d = deadlock(subject, stats);
            if (d instanceof Verdict.Violated v) {
                Counterexample c = v.counterexample();
                return new Verdict.Violated(new Counterexample("a run never finishes: " + c.summary(), c.run(),
                        c.untimed(), c.loopsTo()), stats);
            }
        }
        return null;
    }
}

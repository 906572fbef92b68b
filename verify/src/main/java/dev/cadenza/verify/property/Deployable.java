package dev.cadenza.verify.property;

import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.petri.query.ComparisonOperator;
import dev.cadenza.petri.query.Predicate;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.engine.Statistics;
import dev.cadenza.verify.engine.TargetTimes;
import dev.cadenza.verify.engine.TimedRun;
import dev.cadenza.verify.engine.UntimedSearch;
import dev.cadenza.verify.engine.Targets;
import dev.cadenza.verify.translate.TranslatedNet;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * {@code deployable [untimed] [DEPLOYMENT]}: every maximal run ends with the program finished and
 * every component idle (and, with a deployment, in its places); untimed: on the net whose every
 * interval is [0, ∞[, i.e. whatever the durations.
 *
 * <p>Method: a maximal run that does not finish either stops in a dead state that is not
 * finished (a deadlock: searched as the reachability of "dead and not finished", one run to it
 * the counterexample) or goes on forever. Programs are straight-line and their pushes
 * finite, so a run can only go on forever if some pushed behavior has a cycle of places; only
 * then (timed) is "the max time to finish is finite" checked too, which excludes runs that loop
 * or wait forever. Untimed with a cyclic behavior, that second part is not decided: the verdict
 * says so.
 *
 * <p>Untimed, the deadlock search runs on the marking graph (no time domain), with stubborn sets
 * unless reductions are off: they keep every reachable deadlock. Timed, that same untimed search
 * is a first stage: no "dead and not finished" marking untimed means none timed (every timed run
 * is an untimed run; see {@link dev.cadenza.verify.engine.UntimedSearch}), which is the whole
 * verdict when no behavior loops, and exactly the first half of it otherwise. A deadlock found
 * untimed is not a timed one: the state classes then answer, searched depth first for one run to
 * a deadlock ({@link Reachability#searchBadAny}: docs/verify.md, "Any run to a deadlock"), not the
 * fastest; with {@code --no-reduction} in time order, the fastest run (the reference).
 */
public record Deployable(String deployment, boolean untimed, SourcePosition position) implements Property {

    public String name() {
        return "deployable" + (untimed ? " untimed" : "") + (deployment == null ? "" : " " + deployment);
    }

    public String mode(Subject subject) {
        return untimed ? (subject.reduction() ? UntimedSearch.STAGE : "untimed marking graph") : subject.engine().name();
    }

    public Verdict check(Subject subject) {
        return untimed ? checkUntimed(subject) : checkTimed(subject);
    }

    private Verdict checkUntimed(Subject subject) {
        TranslatedNet tn = subject.net(Subject.Mode.UNTIMED);
        Predicate goal = subject.finished(tn, deployment, position);
        UntimedSearch.Answer stuck = UntimedSearch.reach(tn.net(), Targets.and(Targets.dead(), Targets.not(goal)),
                subject.budget(), subject.reduction(), Long.MAX_VALUE);
        if (stuck.found()) {
            List<Integer> path = new ArrayList<>();
            List<TimedRun.Step> steps = new ArrayList<>();
            for (int t : stuck.path()) {
                path.add(t);
                steps.add(new TimedRun.Step(t, BigFraction.ZERO));
            }
            long[] m = Targets.replay(tn.net(), new TimedRun(steps));
            return new Verdict.Violated(Counterexample.untimed(summary(subject, tn, m) + " (untimed):", path, -1, tn,
                    true), stuck.statistics());
        }
        if (!stuck.statistics().complete()) {
            return Reachability.inconclusive(subject, stuck.statistics());
        }
        if (!subject.hasCyclicBehavior()) {
            return new Verdict.Holds(List.of("no deadlock; no behavior loops, so every run finishes"),
                    stuck.statistics());
        }
        return new Verdict.Inconclusive("no deadlock, but a pushed behavior has a cycle of places and"
                + " untimed loops are not checked", stuck.statistics());
    }

    private boolean finishedThere(Subject subject, TranslatedNet tn, long[] m) {
        return subject.finished(tn, null, position).compile(Targets.RESOLVER).test(m, true);
    }

    private String summary(Subject subject, TranslatedNet tn, long[] m) {
        if (finishedThere(subject, tn, m)) {
            return "a run finishes outside deployment " + deployment;
        }
        for (int p = 0; p < tn.backMap().placeCount(); p++) {
            if (m[p] > 0 && tn.backMap().place(p) instanceof dev.cadenza.verify.translate.Provenance.Stopped) {
                return "the runtime stops before the program finishes (Concerto-D)";
            }
        }
        return "deadlock: a run stops before the program finishes";
    }

    private static final String NOT_REPRODUCED = "the net deadlocks along this run, but it orders zero-time moves"
            + " in a way the Concerto runtime's loop did not reproduce; the runtime may not deadlock";

    /**
     * How many dead markings of the net are replayed, in the order the searches find them, before
     * the deadlock is left inconclusive: each costs one more search of the net and
     * {@link RuntimeReplay#ORDERS} runs of the executor.
     */
    static final int DEAD_MARKINGS = 16;

    /**
     * What the executor must show: a deadlock at the same instant, or, for a run of the net that
     * ends with Concerto-D's runtime stopping (a failed del, the process ended), a run stopped by
     * the runtime at the same instant.
     */
    private static RuntimeReplay.Expectation deadlockAt(Verdict.Violated found) {
        var run = found.counterexample().run();
        return run.end() instanceof dev.cadenza.verify.trace.RunEnd.Stopped
                ? new RuntimeReplay.Expectation.Halts(run.duration())
                : new RuntimeReplay.Expectation.Deadlock(run.duration());
    }

    /**
     * The net's deadlock found first was not reproduced by the runtime's loop: another deadlock of
     * the net may be. Searches on for a run to a dead, unfinished marking other than those seen
     * (one run, depth first; the fastest with {@code --no-reduction}), and replays it; up to
     * {@link #DEAD_MARKINGS} markings. A reproduced one is a violation of the runtime (its run is
     * shown); none reproduced stays inconclusive, saying whether every dead marking of the net was
     * tried (the last search complete and finding none) or the count or the budget stopped the
     * search. Only one run to each marking is replayed, so even then it proves nothing about the
     * runtime (another run to the same marking may be real).
     */
    private Verdict searchOn(Subject subject, TranslatedNet tn, Predicate goal, long[] first,
                             Verdict.Inconclusive firstVerdict, Statistics base) {
        List<long[]> seen = new ArrayList<>();
        seen.add(first);
        Statistics stats = base;
        String tail;
        while (true) {
            if (seen.size() >= DEAD_MARKINGS) {
                tail = "the " + DEAD_MARKINGS + (subject.reduction() ? " dead markings of the net found first"
                        : " fastest dead markings of the net") + " replayed, none reproduced; the net may have more"
                        + " (the search stopped at " + DEAD_MARKINGS + ")";
                break;
            }
            Predicate other = Targets.and(Targets.and(Targets.dead(), Targets.not(goal)), notAny(seen));
            TargetTimes next = Reachability.searchBadAny(subject, tn, other);
            stats = stats.plus(next.statistics()).answeredBy(base.stage());
            if (!next.reachable()) {
                tail = next.statistics().complete()
                        ? "every dead marking of the net (" + seen.size() + ") replayed, " + eachRun(subject)
                        + "; none reproduced"
                        : seen.size() + " dead markings of the net replayed, none reproduced; the search for more was"
                        + " cut (" + subject.budget().reason(next.statistics().limit()) + ")";
                break;
            }
            long[] m = Targets.replay(tn.net(), next.minRun());
            subject.noteDeadRun(tn, next.minRun());
            seen.add(m);
            Verdict.Violated found = new Verdict.Violated(Counterexample.of(summary(subject, tn, m), next.minRun(),
                    tn, true), stats);
            if (finishedThere(subject, tn, m)) {
                return found; // finished outside the deployment: not a deadlock, no replay
            }
            Verdict v = RuntimeReplay.violation(subject, found, deadlockAt(found), NOT_REPRODUCED);
            if (v instanceof Verdict.Violated confirmed) {
                Counterexample c = confirmed.counterexample();
                return new Verdict.Violated(new Counterexample(c.summary() + "; found as dead marking " + seen.size()
                        + " of the net, the " + (subject.reduction() ? "ones found before" : "faster ones")
                        + " not reproduced", c.run(), c.untimed(), c.loopsTo()), confirmed.statistics());
            }
        }
        List<String> partial = new ArrayList<>(firstVerdict.partial());
        return new Verdict.Inconclusive(firstVerdict.reason() + "; " + tail, partial, stats.answeredBy(
                RuntimeReplay.by(subject, base) + ", " + RuntimeReplay.NOT_REPRODUCED));
    }

    /**
     * Which run to each dead marking was replayed: one (depth first, with the reductions) or the
     * fastest ({@code --no-reduction}, the state classes in time order).
     */
    private static String eachRun(Subject subject) {
        return subject.reduction() ? "one run to each" : "the fastest run to each";
    }

    /** The marking differs from each of {@code seen}. */
    private static Predicate notAny(List<long[]> seen) {
        List<Predicate> each = new ArrayList<>();
        for (long[] m : seen) {
            List<Predicate> same = new ArrayList<>();
            for (int p = 0; p < m.length; p++) {
                same.add(Targets.sum(new int[] {p}, ComparisonOperator.EQ, m[p]));
            }
            each.add(Targets.not(Targets.all(same)));
        }
        return Targets.all(each);
    }

    /**
     * No run of the net finishes outside the named deployment (a complete search): then none of the
     * runtime's does either (the net's runs include the runtime's, with the same final states), and
     * "every run of the runtime finishes" is all {@code deployable D} still needs.
     */
    private boolean noneFinishesOutside(Subject subject, TranslatedNet tn, Predicate goal) {
        Predicate outside = Targets.and(Targets.and(Targets.dead(), subject.finished(tn, null, position)),
                Targets.not(goal));
        TargetTimes t = Reachability.searchBadAny(subject, tn, outside);
        return !t.reachable() && t.statistics().complete();
    }

    private Verdict checkTimed(Subject subject) {
        TranslatedNet tn = subject.net(Subject.Mode.TIMED);
        Predicate goal = subject.finished(tn, deployment, position);
        TargetTimes stuck = Reachability.searchBadAny(subject, tn, Targets.and(Targets.dead(), Targets.not(goal)));
        if (stuck.reachable()) {
            long[] m = Targets.replay(tn.net(), stuck.minRun());
            subject.noteDeadRun(tn, stuck.minRun()); // bounds may need it: a run that never finishes
            boolean deadlock = !finishedThere(subject, tn, m);
            Verdict.Violated found = new Verdict.Violated(Counterexample.of(summary(subject, tn, m), stuck.minRun(),
                    tn, true), stuck.statistics());
            if (!deadlock) {
                return found;
            }
            // a deadlock of the net is held to the runtime's loop first (RuntimeReplay says why)
            Verdict v = RuntimeReplay.violation(subject, found, deadlockAt(found), NOT_REPRODUCED);
            if (!(v instanceof Verdict.Inconclusive first)) {
                return v;
            }
            // with a step no net run is replayed: other dead markings would tell nothing more
            Verdict on = subject.stepCost() ? first : searchOn(subject, tn, goal, m, first, stuck.statistics());
            if (!(on instanceof Verdict.Inconclusive)) {
                return on;
            }
            // no dead marking of the net reproduced: the runtime's state space answers for every run of
            // the loop, when it can (RuntimeStateSpaceStage says why it may)
            Verdict settled = deployment == null || noneFinishesOutside(subject, tn, goal)
                    ? RuntimeStateSpaceStage.deadlock(subject, stuck.statistics()) : null;
            return settled != null ? settled : RuntimeStateSpaceStage.unsettled(subject, on);
        }
        if (!stuck.statistics().complete()) {
            return Reachability.inconclusive(subject, stuck.statistics());
        }
        if (!subject.hasCyclicBehavior()) {
            return new Verdict.Holds(List.of("no deadlock; no behavior loops, so every run finishes"),
                    stuck.statistics());
        }
        TargetTimes end = subject.engine().timeTo(tn.net(), goal, subject.budget());
        // the loop question is the engine's even when the untimed stage settled the deadlocks
        Statistics both = stuck.statistics().plus(end.statistics());
        both = both.answeredBy(stuck.statistics().stage() == null ? null
                : stuck.statistics().stage() + " + " + subject.engine().name());
        if (!end.statistics().complete()) {
            return Reachability.inconclusive(subject, both);
        }
        if (end.unbounded() || !end.reachable()) {
            return new Verdict.Violated(Counterexample.of("a run can go on forever without finishing (a loop)"), both);
        }
        return new Verdict.Holds(List.of("every run finishes"), both);
    }
}

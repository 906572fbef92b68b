package dev.cadenza.verify.execute;

import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.petri.classes.TimeBounds;
import dev.cadenza.petri.classes.TimeBoundsResult;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.query.Predicate;
import dev.cadenza.petri.reach.CompiledNet;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.LimitReachedException;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.engine.RunSchedules;
import dev.cadenza.verify.engine.StateClassEngine;
import dev.cadenza.verify.engine.TargetTimes;
import dev.cadenza.verify.engine.Targets;
import dev.cadenza.verify.engine.TimedRun;
import dev.cadenza.verify.property.Deployable;
import dev.cadenza.verify.property.Verdict;
import dev.cadenza.verify.translate.TranslatedNet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code deployable}, whose deadlock search now takes one run found depth first
 * ({@code Reachability.searchBadAny}, {@code StateClassEngine.reachAny}, petri's
 * {@code TimeBounds.reachAny}), against {@code --no-reduction} (every interleaving, the state
 * classes in time order: the fastest run), on the random assemblies and programs of
 * {@link ExecutorAgainstCheckProperties} (forks, joins, groups, ports on places, groups and
 * transitions; con, dcon, del, wait, a second behavior) that the reductions' other agreement tests
 * draw too. Without the executor's replay the two verdicts are the same word, and inconclusive only
 * at a limit; with the replay (and the runtime's state space) holds never meets violated. At the
 * engine's level: a deadlock found depth first exactly when the full search finds one, its run a
 * valid schedule of the net ending dead and unfinished.
 */
class DeployableAnyRunProperties {

    private static final SourcePosition HERE = SourcePosition.NONE;

    @Provide
    Arbitrary<List<Integer>> tapes() {
        return new ExecutorAgainstCheckProperties().tapes();
    }

    @net.jqwik.api.Property(tries = 1000)
    void sameVerdictAsWithoutReductions(@ForAll("tapes") List<Integer> tape) {
        String text = ExecutorAgainstCheckProperties.modelText(tape);
        Model m = Examples.parse(text);
        Subject reduced = new Subject(m, "gen", new StateClassEngine(true), Budget.of(400_000, 60)).replay(false);
        Subject full = new Subject(m, "gen", new StateClassEngine(false), Budget.of(400_000, 60)).reduction(false)
                .replay(false);
        Verdict a;
        Verdict b;
        try {
            a = new Deployable(null, false, HERE).check(reduced);
            b = new Deployable(null, false, HERE).check(full);
        } catch (LimitReachedException e) {
            Assume.that(false);
            return;
        }
        String why = text + "\nreduced: " + a.word() + " " + a.details() + "\nfull: " + b.word() + " " + b.details();
        assertTrue(!(a instanceof Verdict.Inconclusive) || !a.statistics().complete(), "inconclusive only at a limit: "
                + why);
        assertTrue(!(b instanceof Verdict.Inconclusive) || !b.statistics().complete(), "inconclusive only at a limit: "
                + why);
        if (a instanceof Verdict.Inconclusive || b instanceof Verdict.Inconclusive) {
            return;
        }
        Statistics.label("verdict").collect(a.word());
        assertEquals(b.word(), a.word(), why);
    }

    @net.jqwik.api.Property(tries = 300)
    void replayedNeverHoldsWhereTheOtherIsViolated(@ForAll("tapes") List<Integer> tape) {
        String text = ExecutorAgainstCheckProperties.modelText(tape);
        Model m = Examples.parse(text);
        Subject reduced = new Subject(m, "gen", new StateClassEngine(true), Budget.of(400_000, 60));
        Subject full = new Subject(m, "gen", new StateClassEngine(false), Budget.of(400_000, 60)).reduction(false);
        Verdict a;
        Verdict b;
        try {
            a = new Deployable(null, false, HERE).check(reduced);
            b = new Deployable(null, false, HERE).check(full);
        } catch (LimitReachedException e) {
            Assume.that(false);
            return;
        }
        Statistics.label("verdicts (reduced, full)").collect(a.word() + ", " + b.word());
        String why = text + "\nreduced: " + a.word() + " " + a.details() + "\nfull: " + b.word() + " " + b.details();
        assertFalse(a instanceof Verdict.Holds && b instanceof Verdict.Violated, why);
        assertFalse(a instanceof Verdict.Violated && b instanceof Verdict.Holds, why);
    }

    @net.jqwik.api.Property(tries = 1000)
    void aDeadlockFoundDepthFirstIsARunOfTheNet(@ForAll("tapes") List<Integer> tape) {
        String text = ExecutorAgainstCheckProperties.modelText(tape);
        Model m = Examples.parse(text);
        Subject s = new Subject(m, "gen", new StateClassEngine(), Budget.unlimited());
        TranslatedNet tn = s.net(Subject.Mode.TIMED);
        Predicate stuck = Targets.and(Targets.dead(), Targets.not(s.finished(tn, null, HERE)));
        TargetTimes any = new StateClassEngine(true).reachAny(tn.net(), List.of(stuck), Budget.ofClasses(400_000),
                Long.MAX_VALUE).get(0);
        TargetTimes full = new StateClassEngine(false).reach(tn.net(), stuck, Budget.ofClasses(400_000));
        // the depth-first search itself, whatever stage the engine would have let answer first
        TimeBoundsResult dfs = new TimeBounds(tn.net()).reducingZeroTimeInterleavings(true).reducingSymmetries(true)
                .reachAny(Targets.compile(stuck), Budget.ofClasses(400_000));
        Assume.that(any.statistics().complete() && full.statistics().complete() && dfs.complete());
        Statistics.label("deadlock").collect(full.reachable());
        Statistics.label("answered by").collect(String.valueOf(any.statistics().stage()));
        assertEquals(full.reachable(), any.reachable(), text);
        assertEquals(full.reachable(), dfs.reachable(), text);
        if (!any.reachable()) {
            return;
        }
        List<TimedRun.Step> steps = new java.util.ArrayList<>();
        for (var step : dfs.minTrace().steps()) {
            steps.add(new TimedRun.Step(tn.net().transitionIndex(step.transition()), step.time()));
        }
        for (TimedRun run : List.of(any.minRun(), new TimedRun(steps))) {
            assertNull(RunSchedules.scheduleProblem(tn.net(), run), "a valid schedule: " + text);
            long[] end = Targets.replay(tn.net(), run);
            CompiledNet net = CompiledNet.of(tn.net());
            for (int t = 0; t < tn.net().transitionCount(); t++) {
                assertFalse(net.isEnabled(t, end), "the run ends dead: " + text);
            }
            assertTrue(Targets.compile(stuck).test(end, true), "and unfinished: " + text);
            assertTrue(run.duration().compareTo(full.minRun().duration()) >= 0, "no faster than the fastest: " + text);
        }
    }
}

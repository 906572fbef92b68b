package dev.cadenza.verify.execute;

import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.query.Predicate;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.LimitReachedException;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.bounds.BoundsReport;
import dev.cadenza.verify.engine.StateClassEngine;
import dev.cadenza.verify.engine.TargetTimes;
import dev.cadenza.verify.engine.TimedEngine;
import dev.cadenza.verify.property.Deployable;
import dev.cadenza.verify.property.TimeBoundsProperty;
import dev.cadenza.verify.property.Verdict;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bounds} after {@code deployable} on one subject, as a verify block checks them: the runs to
 * deadlocks deployable found are handed to the time bounds' search
 * ({@code TimedEngine.timeTo(net, goal, budget, stopsShort)}), and one that never finishes proves
 * the max infinite without the max search. Against the same engine deaf to those runs (everything
 * else the same: the same subject's switches, the same order of questions, so the same turns), and
 * against {@code --no-reduction} (the shortcut off, every interleaving). On the random assemblies and
 * programs of {@link ExecutorAgainstCheckProperties}: the same verdicts, the same min and max (and
 * unbounded), the same fastest and slowest runs and critical path, and the same texts; only the
 * stage's name and the statistics may differ. With a class budget, bounds is the unlimited verdict
 * or inconclusive.
 */
class KnownDeadlockBoundsProperties {

    private static final SourcePosition HERE = SourcePosition.NONE;

    @Provide
    Arbitrary<List<Integer>> tapes() {
        return new ExecutorAgainstCheckProperties().tapes();
    }

    @net.jqwik.api.Property(tries = 1000)
    void theSameBoundsWithAndWithoutTheKnownDeadlock(@ForAll("tapes") List<Integer> tape) {
        String text = ExecutorAgainstCheckProperties.modelText(tape);
        Model m = Examples.parse(text);
        Subject with = new Subject(m, "gen", new StateClassEngine(true), Budget.of(400_000, 60)).replay(false);
        Subject without = new Subject(m, "gen", new Deaf(new StateClassEngine(true)), Budget.of(400_000, 60))
                .replay(false);
        Subject full = new Subject(m, "gen", new StateClassEngine(false), Budget.of(400_000, 60)).reduction(false)
                .replay(false);
        Verdict[] a;
        Verdict[] b;
        Verdict[] c;
        try {
            a = block(with);
            b = block(without);
            c = block(full);
        } catch (LimitReachedException e) {
            Assume.that(false);
            return;
        }
        String why = text + "\nwith: " + a[1].word() + " " + a[1].details() + "\nwithout: " + b[1].word() + " "
                + b[1].details();
        Assume.that(a[1].statistics().complete() && b[1].statistics().complete());
        boolean used = StateClassEngine.MAX_BY_A_GIVEN_RUN.equals(a[1].statistics().stage());
        Statistics.label("max").collect(a[1].bounds() == null || !a[1].bounds().reachable() ? "not reached"
                : a[1].bounds().unbounded() ? (used ? "inf, by deployable's deadlock" : "inf, by the search")
                : "finite");
        sameBlock(a, b, why);
        if (used) {
            assertTrue(b[1].bounds().unbounded(), "the search says inf too: " + why);
            assertTrue(a[1].statistics().states() <= b[1].statistics().states(), "the max search skipped: " + why);
        }
        if (c[1].statistics().complete()) {
            assertEquals(c[1].word(), a[1].word(), "the same verdict without reductions: " + why);
            BoundsReport x = a[1].bounds();
            BoundsReport y = c[1].bounds();
            if (x != null && y != null && x.reachable()) {
                assertEquals(y.min(), x.min(), "min: " + why);
                assertEquals(y.max(), x.max(), "max: " + why);
                assertEquals(y.unbounded(), x.unbounded(), "unbounded: " + why);
            }
        }
    }

    /** The replay in the executor on (and the runtime's state space): the texts are the same too. */
    @net.jqwik.api.Property(tries = 250)
    void theSameTextsWithTheReplay(@ForAll("tapes") List<Integer> tape) {
        String text = ExecutorAgainstCheckProperties.modelText(tape);
        Model m = Examples.parse(text);
        Subject with = new Subject(m, "gen", new StateClassEngine(true), Budget.of(400_000, 60));
        Subject without = new Subject(m, "gen", new Deaf(new StateClassEngine(true)), Budget.of(400_000, 60));
        Verdict[] a;
        Verdict[] b;
        try {
            a = block(with);
            b = block(without);
        } catch (LimitReachedException e) {
            Assume.that(false);
            return;
        }
        Assume.that(a[1].statistics().complete() && b[1].statistics().complete());
        Statistics.label("shortcut").collect(a[1].statistics().stage() != null
                && a[1].statistics().stage().startsWith(StateClassEngine.MAX_BY_A_GIVEN_RUN));
        sameBlock(a, b, text);
    }

    /** Under a class budget: inconclusive, or the unlimited verdict with the same numbers. */
    @net.jqwik.api.Property(tries = 300)
    void aCutBlockIsTheUnlimitedOneOrInconclusive(@ForAll("tapes") List<Integer> tape,
                                                  @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 3000)
                                                  int classes) {
        String text = ExecutorAgainstCheckProperties.modelText(tape);
        Model m = Examples.parse(text);
        Subject cut = new Subject(m, "gen", new StateClassEngine(true), Budget.ofClasses(classes)).replay(false);
        Subject free = new Subject(m, "gen", new StateClassEngine(true), Budget.ofClasses(400_000)).replay(false);
        Verdict[] a;
        Verdict[] b;
        try {
            b = block(free);
        } catch (LimitReachedException e) {
            Assume.that(false);
            return;
        }
        try {
            a = block(cut);
        } catch (LimitReachedException e) {
            return; // the prefix's end was not settled: every question inconclusive
        }
        Assume.that(b[1].statistics().complete());
        Statistics.label("cut bounds").collect(a[1].word());
        if (a[1] instanceof Verdict.Inconclusive) {
            return;
        }
        assertEquals(b[1].word(), a[1].word(), text);
        BoundsReport x = a[1].bounds();
        BoundsReport y = b[1].bounds();
        if (x != null && y != null) {
            assertEquals(y.min(), x.min(), text);
            assertEquals(y.max(), x.max(), text);
            assertEquals(y.unbounded(), x.unbounded(), text);
        } else {
            assertNull(x, text);
        }
    }

    /** deployable, then bounds, on one subject (a verify block's order). */
    private static Verdict[] block(Subject s) {
        return new Verdict[] {new Deployable(null, false, HERE).check(s), new TimeBoundsProperty(HERE).check(s)};
    }

    /** The same verdicts, texts, numbers and runs; the stage's name may differ by the shortcut's words only. */
    private static void sameBlock(Verdict[] a, Verdict[] b, String why) {
        for (int i = 0; i < a.length; i++) {
            assertEquals(b[i].word(), a[i].word(), why);
            assertEquals(clockless(b[i].details()), clockless(a[i].details()), "the same text: " + why);
            assertEquals(stage(b[i]), stage(a[i]), "the same stage but the shortcut's words: " + why);
        }
        BoundsReport x = a[1].bounds();
        BoundsReport y = b[1].bounds();
        if (x == null || y == null) {
            assertEquals(y == null, x == null, why);
            return;
        }
        assertEquals(y.reachable(), x.reachable(), why);
        assertEquals(y.min(), x.min(), "min: " + why);
        assertEquals(y.max(), x.max(), "max: " + why);
        assertEquals(y.unbounded(), x.unbounded(), "unbounded: " + why);
        assertEquals(y.minRun(), x.minRun(), "the fastest run: " + why);
        assertEquals(y.maxRun(), x.maxRun(), "the slowest run: " + why);
        assertEquals(y.criticalPath(), x.criticalPath(), "the critical path: " + why);
        assertEquals(clockless(List.of(String.valueOf(y.runtime()))), clockless(List.of(String.valueOf(x.runtime()))),
                "what the replay said: " + why);
    }

    /** The texts without the wall-clock seconds the runtime's state space reports ("grid 1 s, 0.01 s, complete"). */
    private static List<String> clockless(List<String> lines) {
        return lines.stream().map(l -> l.replaceAll("\\d+\\.\\d+ s, complete", "_ s, complete")).toList();
    }

    private static String stage(Verdict v) {
        String s = v.statistics().stage();
        // without the replay the engine's stage is the column (the shortcut's name, or null: the engine's)
        return s == null || s.equals(StateClassEngine.MAX_BY_A_GIVEN_RUN) ? null : s.replace(StateClassEngine.MAX_BY_A_GIVEN_RUN, "state classes, time to target");
    }

    /** The same engine, deaf to the runs handed to timeTo: only the shortcut is off. */
    private static final class Deaf implements TimedEngine {
        private final StateClassEngine inner;

        Deaf(StateClassEngine inner) {
            this.inner = inner;
        }

        public String name() {
            return inner.name();
        }

        public TargetTimes timeTo(PetriNet net, Predicate target, Budget budget) {
            return inner.timeTo(net, target, budget);
        }

        public TargetTimes timeTo(PetriNet net, Predicate target, Budget budget, List<int[]> stopsShort) {
            return inner.timeTo(net, target, budget);
        }

        public TargetTimes reach(PetriNet net, Predicate target, Budget budget) {
            return inner.reach(net, target, budget);
        }

        public TargetTimes reach(PetriNet net, Predicate target, Budget budget, long cap) {
            return inner.reach(net, target, budget, cap);
        }

        public List<TargetTimes> reachEach(PetriNet net, List<Predicate> targets, Budget budget, long cap) {
            return inner.reachEach(net, targets, budget, cap);
        }

        public List<TargetTimes> reachAny(PetriNet net, List<Predicate> targets, Budget budget, long cap) {
            return inner.reachAny(net, targets, budget, cap);
        }
    }
}

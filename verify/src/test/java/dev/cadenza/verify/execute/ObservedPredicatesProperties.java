package dev.cadenza.verify.execute;

import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.execute.ExecutorAgainstCheckProperties.Design;
import dev.cadenza.verify.execute.ExecutorAgainstCheckProperties.Prog;
import dev.cadenza.verify.execute.ExecutorAgainstCheckProperties.Tape;
import dev.cadenza.verify.execute.PredicateStateSpaceProperties.Case;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Several predicates observed in one exploration with the finish times
 * ({@link RuntimeStateSpace#observe}) against each asked alone ({@link RuntimeStateSpace#reach},
 * {@link RuntimeStateSpace#finishTimes()}), on random assemblies and programs and on random models
 * with alike hosts: the same finish times (min, max, deadlock, stop, for ever), the same answer
 * for every predicate observed when both searches are complete, and every run found shows its
 * predicate where it stops.
 */
class ObservedPredicatesProperties {

    static final AtomicInteger MODELS = new AtomicInteger();
    static final AtomicInteger OBSERVED = new AtomicInteger();
    static final AtomicInteger LEFT = new AtomicInteger();
    static final AtomicInteger FOUND = new AtomicInteger();
    static final AtomicInteger CUT = new AtomicInteger();

    @AfterContainer
    static void counts() {
        System.err.println("ObservedPredicatesProperties: " + MODELS + " models, " + OBSERVED + " predicates observed with"
                + " the finish times (" + FOUND + " found), " + LEFT + " left to a search of their own; " + CUT
                + " comparisons cut by the budget");
    }

    @Provide
    Arbitrary<List<Integer>> tapes() {
        return Arbitraries.integers().between(0, 1 << 20).list().ofMinSize(30).ofMaxSize(140);
    }

    @Property(tries = 300)
    void programsAgree(@ForAll("tapes") List<Integer> tape) {
        Tape t = new Tape(tape);
        compare(Prog.read(t).text(), tape);
    }

    @Property(tries = 200)
    void assembliesAgree(@ForAll("tapes") List<Integer> tape) {
        Tape t = new Tape(tape);
        compare(Design.read(t).text(), tape);
    }

    @Property(tries = 300)
    void hostsAgree(@ForAll("tapes") List<Integer> tape) {
        compare(SymmetryStateSpaceProperties.hosts(new Tape(tape)), tape);
    }

    private static void compare(String text, List<Integer> tape) {
        Executor x = Executor.of(Examples.parse(text), "gen");
        // the model reads most of the tape: the predicates draw from their own, derived from it
        Tape t = new Tape(new java.util.Random(tape.hashCode()).ints(80, 0, 1 << 20).boxed().toList());
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            cases.add(i % 2 == 0 ? PredicateStateSpaceProperties.randomPredicate(x, t)
                    : SymmetryStateSpaceProperties.hostPredicate(x, t));
        }
        List<LoopPredicate> ps = cases.stream().map(Case::predicate).toList();
        Observation o = RuntimeStateSpace.of(x, Budget.of(SymmetryStateSpaceProperties.BUDGET, 30)).observe(ps);
        FinishTimes alone = RuntimeStateSpace.of(x, Budget.of(SymmetryStateSpaceProperties.BUDGET, 30)).finishTimes();
        MODELS.incrementAndGet();
        String why = text + "\npredicates: " + cases + "\nobserved: " + o + "\nfinish times alone: " + alone;
        FinishTimes f = o.finishTimes();
        if (f.complete() && alone.complete()) {
            assertEquals(alone.min(), f.min(), why);
            assertEquals(alone.max(), f.max(), why);
            assertEquals(alone.deadlockReachable(), f.deadlockReachable(), why);
            assertEquals(alone.stopReachable(), f.stopReachable(), why);
            assertEquals(alone.runsForever(), f.runsForever(), why);
        } else {
            CUT.incrementAndGet();
        }
        for (int i = 0; i < ps.size(); i++) {
            PredicateSearch seen = o.searches().get(i);
            if (seen == null) {
                LEFT.incrementAndGet();
                continue;
            }
            OBSERVED.incrementAndGet();
            PredicateSearch search = RuntimeStateSpace.of(x, Budget.of(SymmetryStateSpaceProperties.BUDGET, 30))
                    .reach(ps.get(i));
            String each = why + "\npredicate " + i + ": " + cases.get(i) + "\nobserved: " + seen + "\nalone: " + search;
            if (seen instanceof PredicateSearch.Unanswered || search instanceof PredicateSearch.Unanswered) {
                CUT.incrementAndGet();
            } else {
                assertEquals(search instanceof PredicateSearch.Found, seen instanceof PredicateSearch.Found, each);
            }
            if (seen instanceof PredicateSearch.Found found) {
                FOUND.incrementAndGet();
                PredicateStateSpaceProperties.showsItWhereItStops(cases.get(i), found, each);
            }
        }
    }
}

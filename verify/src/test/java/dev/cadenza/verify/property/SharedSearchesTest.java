package dev.cadenza.verify.property;

import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.VerifyBlock;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.Verifier;
import dev.cadenza.verify.engine.StateClassEngine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The forbidden and AG questions of a block share one exploration of the state classes
 * ({@link SharedSearches}): each gets the verdict, counterexample and replay it gets alone.
 */
class SharedSearchesTest {

    /**
     * a ends at 1, b at 5, both from the start: untimed, every order is possible (the untimed stage
     * proves none of the three), timed only a's first. So "b done and a not" holds (only time rules it
     * out), "a done and b not" is violated at 1, and AG "not (b done and a not)" holds: three
     * predicates, one exploration, one violated in it and two holding. p and u (the race of a use port
     * and the place that provides it) make the net not conflict-free: the fast path steps aside
     * (deployable, first, finds that out), and the state classes answer all three.
     */
    private static final String RACE = """
            component A {
              places a0, a1
              initial a0
              behavior deploy { go: a0 -> a1 [1, 1] }
            }
            component B {
              places b0, b1
              initial b0
              behavior deploy { go: b0 -> b1 [5, 5] }
            }
            component P {
              places p0, p1, p2
              initial p0
              behavior deploy {
                up: p0 -> p1 [1, 1]
                down: p1 -> p2 [2, 2]
              }
              provide svc at p1
            }
            component U {
              places u0, u1, u2
              initial u0
              behavior deploy {
                prep: u0 -> u1 [0, 6]
                call: u1 -> u2 [1, 1]
              }
              use svc by call
            }
            assembly race { a: A  b: B  p: P  u: U  connect p.svc -> u.svc }
            verify race {
              deployable
              forbidden b.b1 and not a.a1
              forbidden a.a1 and not b.b1
              query "AG not (b.b1 and not a.a1)"
              parallel a, b
            }
            """;

    private static List<Verifier.Result> check(Model m, boolean reduce) {
        VerifyBlock block = m.verifyBlocks().get(0);
        Subject s = new Subject(m, "race", new StateClassEngine(reduce), Budget.unlimited()).reduction(reduce);
        return Verifier.check(s, block);
    }

    @Test
    void oneViolatedAndTwoHoldingInOneExploration() {
        Model m = Examples.parse(RACE);
        List<Verifier.Result> shared = check(m, true);
        assertEquals("holds", shared.get(1).verdict().word(), String.join("\n", shared.get(1).verdict().details()));
        assertEquals("violated", shared.get(2).verdict().word());
        assertEquals("holds", shared.get(3).verdict().word());
        for (int i = 1; i <= 3; i++) {
            assertTrue(shared.get(i).mode().startsWith("state classes, one exploration for 3 predicates"),
                    shared.get(i).mode());
            assertEquals(shared.get(1).verdict().statistics().states(), shared.get(i).verdict().statistics().states(),
                    "the classes of the one exploration (and each its own untimed try)");
        }
        assertEquals("state classes, one exploration for 3 predicates, replayed in the executor", shared.get(2).mode());
        Counterexample c = assertInstanceOf(Verdict.Violated.class, shared.get(2).verdict()).counterexample();
        assertEquals(1, c.run().duration().intValue(), "the fastest run: a ends at 1");
        assertEquals("parallel a, b", shared.get(4).property().name());
        assertEquals("state classes, replayed in the executor", shared.get(4).mode(), "not a member: alone");

        // each alone (no block: no sharing): the same words and the same counterexample
        Subject alone = new Subject(m, "race", new StateClassEngine(), Budget.unlimited());
        for (int i = 1; i <= 4; i++) {
            Verdict v = shared.get(i).property().check(alone);
            assertEquals(v.word(), shared.get(i).verdict().word(), shared.get(i).property().name());
            assertEquals(v.details(), shared.get(i).verdict().details(), shared.get(i).property().name());
        }
    }

    @Test
    void withoutReductionsEachSearchesAlone() {
        List<Verifier.Result> full = check(Examples.parse(RACE), false);
        assertEquals(List.of("holds", "violated", "holds", "holds"),
                full.subList(1, 5).stream().map(r -> r.verdict().word()).toList());
        for (Verifier.Result r : full) {
            assertTrue(!r.mode().contains("one exploration"), r.mode());
        }
    }

    @Test
    void aBudgetCutLeavesEveryUnsettledPredicateInconclusiveNeverHolding() {
        Model m = Examples.parse(RACE);
        for (long classes = 1; classes <= 40; classes++) {
            Subject s = new Subject(m, "race", new StateClassEngine(), Budget.ofClasses(classes));
            List<Verifier.Result> r = Verifier.check(s, m.verifyBlocks().get(0));
            List<String> unlimited = List.of("holds", "violated", "holds");
            for (int i = 0; i < 3; i++) {
                String word = r.get(i + 1).verdict().word();
                assertTrue(word.equals(unlimited.get(i)) || word.equals("inconclusive"),
                        classes + " classes: " + r.get(i + 1).property().name() + " " + word);
            }
        }
    }
}

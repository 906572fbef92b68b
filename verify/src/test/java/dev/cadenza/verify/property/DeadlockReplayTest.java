package dev.cadenza.verify.property;

import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.engine.StateClassEngine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A deadlock of the net is replayed in the executor before it is called violated: a real one
 * stays violated, confirmed (the spurious one of the runtime case zero-time-race, inconclusive, is
 * in RuntimeCasesTest).
 */
class DeadlockReplayTest {

    /** Each component waits, at the end of its transition, for the other's port: the runtime deadlocks at 1. */
    static final String MUTUAL_WAIT = """
            component A {
              places a0, a1
              initial a0
              behavior deploy {
                go: a0 -> a1 [1, 1]
              }
              use pb at a1
              provide pa at a1
            }
            component B {
              places b0, b1
              initial b0
              behavior deploy {
                go: b0 -> b1 [1, 1]
              }
              use pa at b1
              provide pb at b1
            }
            assembly both {
              a: A
              b: B
              connect a.pa -> b.pa
              connect b.pb -> a.pb
            }
            """;

    private static Verdict deployable(boolean replay) {
        Subject s = new Subject(Examples.parse(MUTUAL_WAIT), "both", new StateClassEngine(), Budget.of(100_000, 60))
                .replay(replay);
        return new Deployable(null, false, SourcePosition.NONE).check(s);
    }

    @Test
    void aRealDeadlockStaysViolatedConfirmedByTheExecutor() {
        Verdict.Violated v = assertInstanceOf(Verdict.Violated.class, deployable(true));
        assertTrue(v.counterexample().summary().contains("confirmed: " + DeadlockReplay.CONFIRMED),
                v.counterexample().summary());
        assertTrue(v.statistics().stage().endsWith(", " + DeadlockReplay.CONFIRMED), v.statistics().stage());
        assertEquals(1, v.counterexample().end().intValue());
    }

    @Test
    void withoutReplayTheSameRunAsBefore() {
        Verdict.Violated off = assertInstanceOf(Verdict.Violated.class, deployable(false));
        Verdict.Violated on = assertInstanceOf(Verdict.Violated.class, deployable(true));
        assertEquals(off.counterexample().run(), on.counterexample().run());
        assertTrue(!off.counterexample().summary().contains("confirmed"));
    }
}

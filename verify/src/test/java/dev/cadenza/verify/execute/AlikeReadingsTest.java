package dev.cadenza.verify.execute;

import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.trace.Run;
import dev.cadenza.verify.trace.RunEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link AlikeReadings} on cases checked by hand: which readings are widened, galera's sequence
 * searched over every worker, and a run the widened predicate finds through another host, which
 * is not taken for the predicate's.
 */
class AlikeReadingsTest {

    private static LoopPredicate startedBeforeEnded(String started, String step, String ended, String before) {
        return new LoopPredicate(List.of(
                new LoopPredicate.Reading(LoopPredicate.Reads.STARTED, started, step, null),
                new LoopPredicate.Reading(LoopPredicate.Reads.ENDED, ended, before, null)),
                v -> v[0] == 1 && v[1] == 0);
    }

    /**
     * galera (n = 3), {@code sequence mariadb1.restore before mariadb2.start}: "mariadb2 started
     * start" becomes "mariadb2 or mariadb3 started start" (mariadb1, alone of its kind, is not a
     * worker); the restore's end, which the test reads negated, stays as it is. Absent either way,
     * with fewer states widened.
     */
    @Test
    void galerasSequenceIsSearchedOverEveryWorker() {
        Executor x = Executor.of(Examples.example("galera.cdz"), "to_galera");
        LoopPredicate p = startedBeforeEnded("mariadb2", "start", "mariadb1", "restore");
        LoopPredicate wide = AlikeReadings.widen(p, x);
        assertNotNull(wide);
        assertEquals(List.of("mariadb2", "mariadb3"), wide.readings().get(0).instances());
        assertEquals(List.of("mariadb1"), wide.readings().get(1).instances());
        PredicateStateSpaceTest.absentWithFewerStates(x, p, RuntimeStateSpace::withoutAlikeReadings);
    }

    /** A reading the test lowers, or a host read two ways, is not widened. */
    @Test
    void onlyReadingsThatHelpTheTestOfHostsReadNoOtherWayAreWidened() {
        Executor x = Executor.of(Examples.example("galera.cdz"), "to_galera");
        // "mariadb2 has not started start": raising it makes the test false
        assertNull(AlikeReadings.widen(new LoopPredicate(List.of(
                new LoopPredicate.Reading(LoopPredicate.Reads.STARTED, "mariadb2", "start", null)),
                v -> v[0] == 0), x));
        // mariadb2 read both ways: its bundle stays
        assertNull(AlikeReadings.widen(startedBeforeEnded("mariadb2", "start", "mariadb2", "go_ready"), x));
        // another worker read the other way stays out of the widened reading: at n = 3 that leaves mariadb3 alone
        assertNull(AlikeReadings.widen(startedBeforeEnded("mariadb3", "start", "mariadb2", "go_ready"), x));
        // a step the workers' type lacks reads 0 on every worker: widening it changes nothing, and is done
        LoopPredicate none = AlikeReadings.widen(startedBeforeEnded("mariadb2", "start", "mariadb2", "restore"), x);
        assertNotNull(none);
        assertEquals(List.of("mariadb2", "mariadb3"), none.readings().get(1).instances());
    }

    /**
     * Hosts c1 and c2 are alike, but the program deploys c2 only after k is done: "c2 started y
     * while k's x has not ended" never holds, while c1 does it at 0 s. Widened, the search finds
     * c1's run; it does not show the predicate, so the predicate is searched as given: Absent, as
     * without the widening and without any reduction. For c1 the widened run is the answer.
     */
    static final String LATE_HOST = """
            component A {
              places a0, a1
              initial a0
              behavior deploy {
                x: a0 -> a1 [1, 1]
              }
            }
            component B {
              places b0, b1
              initial b0
              behavior deploy {
                y: b0 -> b1 [0, 0]
              }
            }
            program gen {
              add(k : A)
              add(c1 : B)
              add(c2 : B)
              pushB(k, deploy)
              pushB(c1, deploy)
              wait(k)
              pushB(c2, deploy)
            }
            """;

    @Test
    void aRunThroughAnotherHostIsNotTakenForThePredicate() {
        Executor x = Executor.of(Examples.parse(LATE_HOST), "gen");
        LoopPredicate late = startedBeforeEnded("c2", "y", "k", "x");
        LoopPredicate wide = AlikeReadings.widen(late, x);
        assertNotNull(wide);
        assertEquals(List.of("c1", "c2"), wide.readings().get(0).instances());
        // the widened predicate alone: reached, through c1
        PredicateSearch.Found through = assertInstanceOf(PredicateSearch.Found.class,
                RuntimeStateSpace.of(x, Budget.ofClasses(100_000)).withoutAlikeReadings().reach(wide));
        assertTrue(startedLast(through.run(), "c1", "y"), String.join("\n", through.run().lines()));
        for (RuntimeStateSpace s : List.of(RuntimeStateSpace.of(x, Budget.ofClasses(100_000)),
                RuntimeStateSpace.of(x, Budget.ofClasses(100_000)).withoutAlikeReadings(),
                RuntimeStateSpace.of(x, Budget.ofClasses(100_000)).withoutReductions())) {
            assertInstanceOf(PredicateSearch.Absent.class, s.reach(late));
        }
        PredicateSearch.Found early = assertInstanceOf(PredicateSearch.Found.class,
                RuntimeStateSpace.of(x, Budget.ofClasses(100_000)).reach(startedBeforeEnded("c1", "y", "k", "x")));
        assertTrue(startedLast(early.run(), "c1", "y"), String.join("\n", early.run().lines()));
    }

    /** The run's last event is {@code instance.transition}'s start. */
    private static boolean startedLast(Run r, String instance, String transition) {
        RunEvent last = r.events().get(r.events().size() - 1);
        return last instanceof RunEvent.TransitionStarted s && s.instance().equals(instance)
                && s.transition().equals(transition);
    }
}

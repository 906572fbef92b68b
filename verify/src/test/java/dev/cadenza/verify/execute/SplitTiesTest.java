package dev.cadenza.verify.execute;

import dev.cadenza.verify.Examples;
import dev.cadenza.verify.trace.Run;
import dev.cadenza.verify.trace.RunEnd;
import dev.cadenza.verify.trace.RunEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Threads that finish in the same tick may be noticed one at a time, with the loop's moves in
 * between ({@link Policy#noticeWhenForced}); after a second quiet iteration every one is noticed,
 * so a policy that always declines still finishes.
 */
class SplitTiesTest {

    static final String TWO = """
            component A {
              places a0, a1, a2
              initial a0
              behavior go {
                t: a0 -> a1 [1, 1]
                u: a1 -> a2 [0, 0]
              }
            }
            program p {
              add(x : A)
              add(y : A)
              pushB(x, go)
              pushB(y, go)
              waitAll
            }
            """;

    /** Declines every race and every forced notice of y's thread: x's moves all come first. */
    static final class YLast implements Policy {
        int declined;

        public long duration(TransitionChoice t) {
            return t.minTicks();
        }

        public void order(Phase phase, String instance, int[] items, int n, String[] names) {
        }

        public boolean noticeNow(TransitionChoice t, boolean sameIteration, long now) {
            return !t.instance().equals("y");
        }

        public boolean noticeWhenForced(TransitionChoice t, long now) {
            declined++;
            return false;
        }

        public long step(long now, long min, long max) {
            return min;
        }
    }

    @Test
    void aTieMayBeSplitAndStillEnds() {
        Executor x = Executor.of(Examples.parse(TWO), "p");
        YLast policy = new YLast();
        Run r = x.run(policy);
        assertEquals(new RunEnd.Finished(RuntimeCasesTest.fraction("1")), r.end());
        List<String> events = r.events().stream().map(RunEvent::describe).toList();
        int xDone = events.indexOf("x completes behavior go");
        int yEnds = -1;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).startsWith("y.t ends")) {
                yEnds = i;
            }
        }
        assertTrue(xDone >= 0 && yEnds > xDone, "y's thread is noticed after x is done: " + events);
        assertTrue(policy.declined > 0);
    }

    @Test
    void theDefaultPoliciesStillNoticeTiesAtOnce() {
        Executor x = Executor.of(Examples.parse(TWO), "p");
        assertEquals(new RunEnd.Finished(RuntimeCasesTest.fraction("1")), x.run(Policies.allMin()).end());
    }
}

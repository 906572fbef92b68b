package dev.cadenza.verify.property;

import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.Subject;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.engine.StateClassEngine;
import dev.cadenza.verify.translate.TranslationOptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Concerto's refusing state matters. The provider p wants to leave up at t=1 (its shutdown is
 * queued) but w uses svc until t=6 (w's group busy holds its 5 s work): p is locked. At t=2, late
 * wants svc too. With refusing, late is refused while p wants to leave: p leaves at 6, is back
 * up at 8, and late enters then — everything finishes. Without refusing, late enters at 2 and
 * never leaves (its place has no way out), so p stays locked forever: a deadlock.
 */
class RefusingTest {

    static final String MODEL = """
            component Provider {
              places off, up, down
              initial off
              behavior deploy { boot: off -> up [1, 1] }
              behavior shutdown { stop: up -> down [1, 1] }
              behavior redeploy { again: down -> up [1, 1] }
              provide svc at up
            }
            component Worker {
              places idle, inuse, worked, done
              initial idle
              behavior deploy {
                enter:  idle -> inuse [0, 0]
                work:   inuse -> worked [5, 5]
                finish: worked -> done [0, 0]
              }
              group busy { inuse, worked }
              use svc at busy
            }
            component Late {
              places x0, x1, y
              initial x0
              behavior deploy {
                prep: x0 -> x1 [2, 2]
                go:   x1 -> y [0, 0]
              }
              use svc at y
            }
            program run {
              add(p : Provider)
              add(w : Worker)
              add(late : Late)
              con(p.svc, w.svc)
              con(p.svc, late.svc)
              pushB(p, deploy)
              pushB(w, deploy)
              pushB(late, deploy)
              pushB(p, shutdown)
              pushB(p, redeploy)
              waitAll
            }
            """;

    private static Verdict deployable(boolean refusing) {
        Model m = Examples.parse(MODEL);
        Subject s = new Subject(m, "run", new StateClassEngine(), Budget.unlimited(),
                TranslationOptions.DEFAULT.withRefusing(refusing));
        return new Deployable(null, false, SourcePosition.NONE).check(s);
    }

    @Test
    void withRefusingTheLateUserWaitsAndAllFinishes() {
        Verdict v = deployable(true);
        assertEquals("holds", v.word(), String.join("\n", v.details()));
    }

    @Test
    void withoutRefusingTheLateUserLocksTheProviderForever() {
        Verdict v = deployable(false);
        assertEquals("violated", v.word());
        String why = String.join("\n", v.details());
        assertTrue(why.contains("locked: use port late.svc is using it"), why);
    }
}

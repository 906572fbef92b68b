package dev.cadenza.verify.property;

import dev.cadenza.core.model.Model;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.engine.DiscreteTimeEngine;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.engine.StateClassEngine;
import dev.cadenza.verify.engine.TimedEngine;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Designs with a deliberate defect: violated, with a counterexample that names the blocked port. */
class DefectsTest {

    private static Verdict deployable(Model m, String subject, boolean untimed, TimedEngine engine) {
        return new Deployable(null, untimed, m.program(subject).map(p -> p.position())
                .orElse(dev.cadenza.core.model.SourcePosition.NONE))
                .check(new Subject(m, subject, engine, Budget.unlimited()));
    }

    private static String text(Verdict v) {
        return String.join("\n", v.details());
    }

    /**
     * (a) The server is maintained while the client keeps using its service: c stays in
     * running, which uses s.service, so s cannot leave running (locked) and wait(s) never returns.
     */
    @Test
    void serverMaintainedWhileTheClientUsesIt() throws Exception {
        String text = Files.readString(Examples.root().resolve("examples/server-client.cdz")) + """

                program careless after deploy {
                  pushB(s, maintain)
                  pushB(s, deploy)
                  wait(s)
                }
                """;
        Model m = Examples.parse(text);
        for (TimedEngine e : List.of(new StateClassEngine(), new DiscreteTimeEngine())) {
            Verdict v = deployable(m, "careless", false, e);
            assertInstanceOf(Verdict.Violated.class, v, text(v));
            String why = text(v);
            assertTrue(why.contains("deadlock"), why);
            assertTrue(why.contains("s.stop starts: locked: use port c.server is using it (c.running)"), why);
            assertTrue(why.contains("program: wait(s): waits for s to be idle (s runs behavior maintain)"), why);
        }
    }


    /** (b) A cyclic use: each component's first step needs what the other provides at its end. */
    @Test
    void cyclicUseDeadlocks() {
        Model m = Examples.parse(DefectsFixtures.CYCLE);
        Subject s = new Subject(m, "loop", new StateClassEngine(), Budget.unlimited());
        Verdict v = new Deployable(null, false, dev.cadenza.core.model.SourcePosition.NONE).check(s);
        assertInstanceOf(Verdict.Violated.class, v);
        String why = text(v);
        assertTrue(why.contains("a.prepare starts: waits for use port's provider b.ready to be active"), why);
        assertTrue(why.contains("b.prepare starts: waits for use port's provider a.ready to be active"), why);
    }

    /**
     * Safe thanks to its intervals. The provider offers svc while in group g = {p1, p2}: from
     * t=1 (t1 ends) to t=6 (t2 takes 5 s; then t3 leaves the group at once). The user calls svc
     * after preparing for 2 to 3 s, so its call always starts while svc is active, and the lock
     * keeps the provider in g until the call ends (at 4 at the latest). Untimed, the user may
     * prepare for longer than the provider stays: it then waits for svc forever — a deadlock
     * that the durations rule out.
     */

    @Test
    void deadlocksUntimedButIsSafeWithItsIntervals() {
        Model m = Examples.parse(DefectsFixtures.TIMING_SAFE);
        for (TimedEngine e : List.of(new StateClassEngine(), new DiscreteTimeEngine())) {
            Subject s = new Subject(m, "race", e, Budget.unlimited());
            Verdict timed = new Deployable(null, false, dev.cadenza.core.model.SourcePosition.NONE).check(s);
            Verdict untimed = new Deployable(null, true, dev.cadenza.core.model.SourcePosition.NONE).check(s);
            assertEquals("holds", timed.word(), text(timed));
            assertEquals("violated", untimed.word(), text(untimed));
            assertTrue(text(untimed).contains("u.call starts: waits for use port's provider p.svc to be active"),
                    text(untimed));
        }
    }
}

package dev.cadenza.verify.report;

import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.bounds.BoundsReport;
import dev.cadenza.verify.bounds.TimeBoundsAnalysis;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.engine.StateClassEngine;
import dev.cadenza.verify.trace.Run;
import dev.cadenza.verify.trace.RunEnd;
import dev.cadenza.verify.trace.RunEvent;
import dev.cadenza.verify.trace.TransitionSpan;
import dev.cadenza.verify.trace.WaitReason;
import dev.cadenza.verify.trace.Waiter;
import dev.cadenza.verify.trace.Waiting;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Net runs read back in model terms: events, waiting intervals and why, the schedule, causes. */
class NetRunsTest {

    private static Run slowest(Model m, String subject) {
        Subject s = new Subject(m, subject, new StateClassEngine(), Budget.unlimited());
        BoundsReport r = TimeBoundsAnalysis.of(s, null, false);
        return NetRuns.read(r.maxRun(), s.net(Subject.Mode.TIMED), false, "slowest run");
    }

    private static TransitionSpan span(Run run, String label) {
        return run.schedule().stream().filter(s -> s.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError(label + " not in " + run.schedule()));
    }

    private static final BigFraction ONE = BigFraction.ONE;

    /** u.call is ready at 1 and waits for p.svc (active from 5) until 5. */
    @Test
    void aTransitionWaitsForItsProviderAndSaysWhichOne() {
        Model m = Examples.parse("""
                component P {
                  places p0, p1
                  initial p0
                  behavior deploy { t: p0 -> p1 [5, 5] }
                  provide svc at p1
                }
                component U {
                  places u0, u1, u2
                  initial u0
                  behavior deploy {
                    prepare: u0 -> u1 [1, 1]
                    call:    u1 -> u2 [1, 1]
                  }
                  use svc by call
                }
                assembly a { p: P  u: U  connect p.svc -> u.svc }
                """);
        Run run = slowest(m, "a");
        TransitionSpan call = span(run, "u.call");
        assertEquals(ONE, call.ready());
        assertEquals(new BigFraction(5), call.start());
        assertEquals(new BigFraction(6), call.end());
        assertEquals(1, call.waits().size(), call.toString());
        Waiting w = call.waits().get(0);
        assertEquals(new Waiter.Start("u", "call"), w.waiter());
        assertEquals(ONE, w.from());
        assertEquals(new BigFraction(5), w.to());
        WaitReason.NotServed why = assertInstanceOf(WaitReason.NotServed.class, w.reasons().get(0));
        assertEquals("u.svc", why.usePort());
        assertEquals("p.svc", why.provider());
        assertTrue(why.connected());
        assertEquals("u.call starts: waits for use port's provider p.svc to be active (p is running t)", w.describe());
        assertInstanceOf(RunEnd.Cut.class, run.end());
        assertEquals(new BigFraction(6), run.duration());
        // the chain that makes the run 6 s long: p.t (5 s), then u.call (1 s)
        assertEquals(List.of("p.t", "u.call"), run.criticalTransitions());
    }

    /** A join of a [2, 2] and a [4, 4] branch: entering j waits for the slow one from 2 to 4. */
    @Test
    void aJoinSaysWhichBranchItWaitsFor() {
        Model m = Examples.parse("""
                component C {
                  places s, a, b, j
                  initial s
                  behavior deploy {
                    fast: s -> j [2, 2]
                    slow: s -> j [4, 4]
                  }
                }
                assembly a { c: C }
                """);
        Run run = slowest(m, "a");
        TransitionSpan fast = span(run, "c.fast");
        Waiting join = fast.waits().stream().filter(w -> w.waiter() instanceof Waiter.Enter).findFirst().orElseThrow();
        assertEquals(new BigFraction(2), join.from());
        assertEquals(new BigFraction(4), join.to());
        assertEquals("c enters j: waits for the join: slow has not ended", join.describe());
        RunEvent.PlaceEntered entered = run.events().stream().filter(e -> e instanceof RunEvent.PlaceEntered p
                && p.place().equals("j")).map(e -> (RunEvent.PlaceEntered) e).findFirst().orElseThrow();
        assertEquals(List.of("fast", "slow"), entered.via().stream().sorted().toList());
        assertEquals(List.of("c.slow"), run.criticalTransitions());
    }

    /**
     * p may not leave on (stop) while u is in u1, which uses p.svc: the leave is locked from 1
     * (stop pushed) to 4 (u quits once the 3 s timer is done); the lock names the user port.
     */
    @Test
    void aLockIsAWaitOnLeavingThePlaceAndNamesTheUser() {
        Model m = Examples.parse("""
                component P {
                  places off, on, done
                  initial off
                  behavior deploy { up: off -> on [1, 1] }
                  behavior stop { down: on -> done [1, 1] }
                  provide svc at on
                }
                component U {
                  places u0, u1, u2
                  initial u0
                  behavior deploy { go: u0 -> u1 [0, 0] }
                  behavior quit { leave: u1 -> u2 [1, 1] }
                  use svc at u1
                }
                component T {
                  places t0, t1
                  initial t0
                  behavior deploy { tick: t0 -> t1 [3, 3] }
                }
                program prog {
                  add(p : P)
                  add(u : U)
                  add(t : T)
                  con(p.svc, u.svc)
                  pushB(p, deploy)
                  pushB(u, deploy)
                  wait(u)
                  pushB(p, stop)
                  pushB(t, deploy)
                  wait(t)
                  pushB(u, quit)
                  waitAll
                }
                """);
        Run run = slowest(m, "prog");
        TransitionSpan down = span(run, "p.down");
        Waiting lock = down.waits().stream().filter(w -> w.waiter() instanceof Waiter.Leave).findFirst()
                .orElseThrow(() -> new AssertionError(down.toString()));
        WaitReason.Locked why = assertInstanceOf(WaitReason.Locked.class, lock.reasons().get(0));
        assertEquals("p.svc", why.providePort());
        assertEquals("u.svc", why.usePort());
        assertEquals(ONE, lock.from());
        assertEquals(new BigFraction(4), lock.to());
        assertEquals(new BigFraction(4), down.ready());
        assertEquals("p.down starts: locked: use port u.svc is using it (u.u1)", lock.describe());
        // u enters u1 only once p.svc is active (p.up ends at 1)
        Waiting enter = span(run, "u.go").waits().get(0);
        assertEquals("u enters u1: waits for use port's provider p.svc to be active (p is running up)", enter.describe());
        // the program waits for t from 1 to 4
        Waiting waitT = run.waits().stream().filter(w -> w.waiter().describe().equals("program: wait(t)"))
                .findFirst().orElseThrow(() -> new AssertionError(run.waits().toString()));
        assertEquals(ONE, waitT.from());
        assertEquals(new BigFraction(4), waitT.to());
    }

    /** Text lines as counterexamples always printed them. */
    @Test
    void linesKeepTheirWording() throws Exception {
        Model m = Examples.parse(Files.readString(Examples.root().resolve("examples/server-client.cdz")));
        Run run = slowest(m, "deploy");
        List<String> lines = run.lines();
        assertTrue(lines.contains("t=0        s.allocate starts"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.endsWith("c.configure starts (uses s.ip)")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.endsWith("c enters running (uses s.service)")), lines.toString());
        assertTrue(lines.get(0).startsWith("t=0        program: add(s : Server)"), lines.toString());
        assertNull(run.finalState().running().get("s"));
        assertEquals(java.util.Set.of("running"), run.finalState().marked().get("c"));
    }

    static SourcePosition none() {
        return SourcePosition.NONE;
    }
}

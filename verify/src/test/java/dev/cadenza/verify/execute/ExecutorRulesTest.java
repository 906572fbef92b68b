package dev.cadenza.verify.execute;

import dev.cadenza.core.model.Duration;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.Semantics;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.trace.Run;
import dev.cadenza.verify.trace.RunEnd;
import dev.cadenza.verify.trace.RunEvent;
import dev.cadenza.verify.trace.WaitReason;
import dev.cadenza.verify.trace.Waiting;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runtime's rules on tiny models, each as the Python does it (the cases marked "Python:"
 * were run on the centralized runtime at d829503 with sleeps for actions, and behaved so).
 */
class ExecutorRulesTest {

    private static Run run(String text, String subject, Policy p) {
        return run(Examples.parse(text), subject, p);
    }

    private static Run run(Model m, String subject, Policy p) {
        return Executor.of(m, subject).run(p);
    }

    private static Model concertoD(Model m) {
        return m.withSemantics(Semantics.CONCERTO_D).withStep(ZERO_STEP);
    }

    private static final Duration ZERO_STEP = new Duration(BigDecimal.ZERO, BigDecimal.ZERO);

    private static BigFraction t(String s) {
        return new BigFraction(new BigDecimal(s).unscaledValue()).divide(
                new BigFraction(java.math.BigInteger.TEN.pow(new BigDecimal(s).scale())));
    }

    private static String serverClient() throws Exception {
        return Files.readString(Examples.root().resolve("examples/server-client.cdz"));
    }

    private static List<Policy> policies() {
        return List.of(Policies.allMin(), Policies.allMax(), Policies.sampled(1), Policies.sampled(2),
                Policies.sampled(3));
    }

    @Test
    void serverClientTakesWhatTheExampleComputesByHand() throws Exception {
        Model m = Examples.parse(serverClient());
        assertEquals(new RunEnd.Finished(t("4")), run(m, "deploy", Policies.allMin()).end());
        assertEquals(new RunEnd.Finished(t("9")), run(m, "deploy", Policies.allMax()).end());
        assertEquals(new RunEnd.Finished(t("4")), run(m, "pair", Policies.allMin()).end());
        assertEquals(new RunEnd.Finished(t("9")), run(m, "pair", Policies.allMax()).end());
        // maintain starts where deploy leaves s and c (both running), its clock at 0
        Run min = run(m, "maintain", Policies.allMin());
        assertEquals(new RunEnd.Finished(t("2")), min.end());
        assertEquals(Set.of("running"), min.initial().get("c"));
        assertEquals(new RunEnd.Finished(t("6")), run(m, "maintain", Policies.allMax()).end());
        for (long seed = 0; seed < 50; seed++) {
            Run r = run(m, "deploy", Policies.sampled(seed));
            assertInstanceOf(RunEnd.Finished.class, r.end());
            assertTrue(r.duration().compareTo(t("4")) >= 0 && r.duration().compareTo(t("9")) <= 0, r.end().describe());
        }
    }

    @Test
    void aLockedProviderAndAWaitingProgramAreADeadlockWithTheirReasons() throws Exception {
        Model m = Examples.parse(serverClient() + """
                program careless after deploy {
                  pushB(s, maintain)
                  pushB(s, deploy)
                  wait(s)
                }
                """);
        for (Policy p : policies()) {
            Run r = run(m, "careless", p);
            assertInstanceOf(RunEnd.Deadlock.class, r.end());
            assertEquals(List.of("program: wait(s): waits for s to be idle (s runs behavior maintain)",
                    "s.stop starts: locked: use port c.server is using it (c.running)"), r.blockedLines());
        }
    }

    /**
     * Groups count tokens only when they activate and deactivate (component.py:891-900, 745-754):
     * with a and b both in g, leaving a deactivates g although b is still inside, so svc is gone
     * and u.call waits forever. Python: stuck, g at 0 tokens, svc at 0 users.
     */
    @Test
    void aGroupDeactivatesWhenItsFirstTokenLeaves() {
        String text = """
                component P {
                  places s, a, b, b2, x, y
                  initial s
                  behavior deploy {
                    t1: s -> a [0, 0]
                    t2: s -> b [0, 0]
                    t3: a -> x [0, 0]
                    t4: b -> b2 [1, 1]
                    t5: b2 -> y [0, 0]
                  }
                  group g { a, b, b2 }
                  provide svc at g
                }
                component U {
                  places u0, u1, u2
                  initial u0
                  behavior deploy {
                    prep: u0 -> u1 [0.5, 0.5]
                    call: u1 -> u2 [0, 0]
                  }
                  use svc by call
                }
                assembly a { p: P  u: U  connect p.svc -> u.svc }
                """;
        for (Policy p : policies()) {
            Run r = run(text, "a", p);
            assertInstanceOf(RunEnd.Deadlock.class, r.end(), r.end().describe());
            assertTrue(r.blockedLines().contains("u.call starts: waits for use port's provider p.svc to be active"
                    + " (p is in x, y)"), r.blockedLines().toString());
        }
    }

    /**
     * Two join sets of p complete in the same sweep both enter p (component.py:868-920 has no
     * break): p's provide port is counted twice and leaving p once leaves it active for ever.
     * Python: after deploy c is in q and svc has 1 user. So u, which calls svc only later, is
     * served and the run finishes.
     */
    @Test
    void twoCompleteJoinSetsEnterTwiceAndLeaveAPortActive() {
        String text = """
                component C {
                  places s, p, q
                  initial s
                  behavior deploy {
                    ta: s -> p [0, 0]
                    tb: s -> p [0, 0]
                    tc: p -> q [0, 0]
                  }
                  join p { ta } or { tb }
                  provide svc at p
                }
                component U {
                  places u0, u1, u2
                  initial u0
                  behavior deploy {
                    prep: u0 -> u1 [1, 1]
                    call: u1 -> u2 [0, 0]
                  }
                  use svc by call
                }
                assembly a { c: C  u: U  connect c.svc -> u.svc }
                """;
        Run r = run(text, "a", Policies.allMin());
        assertEquals(new RunEnd.Finished(t("1")), r.end());
        long entries = r.events().stream().filter(e -> e instanceof RunEvent.PlaceEntered p && p.place().equals("p"))
                .count();
        assertEquals(2, entries);
        for (long seed = 0; seed < 20; seed++) {
            // whatever the thread races, svc stays active: entered twice at once, or again after p was left
            assertInstanceOf(RunEnd.Finished.class, run(text, "a", Policies.sampled(seed)).end());
        }
    }

    /** A place is left at most once per behavior (visited_places, component.py:727-728, 776): s -> a -> s stops in s. */
    @Test
    void aBehaviorThatComesBackToAPlaceItLeftStopsThere() {
        String text = """
                component C {
                  places s, a
                  initial s
                  behavior deploy {
                    go:   s -> a [1, 1]
                    back: a -> s [1, 1]
                  }
                }
                assembly a { c: C }
                """;
        Run r = run(text, "a", Policies.allMin());
        assertEquals(new RunEnd.Finished(t("2")), r.end());
        assertEquals(Set.of("s"), r.finalState().marked().get("c"));
    }

    /** A place holds one token (act_places is a set; component.py:864): a dock into a marked place waits. */
    @Test
    void aDockIntoAMarkedPlaceWaits() {
        String text = """
                component C {
                  places s, m, p
                  initial s
                  behavior deploy {
                    t1: s -> p [0, 0]
                    t2: s -> m [1, 1]
                    t3: m -> p [0, 0]
                  }
                  join p { t1 } or { t3 }
                }
                assembly a { c: C }
                """;
        Run r = run(text, "a", Policies.allMin());
        assertInstanceOf(RunEnd.Deadlock.class, r.end());
        assertTrue(r.blockedLines().contains("c enters p: waits until c leaves p (a place holds one token)"),
                r.blockedLines().toString());
        Waiting w = r.stillWaiting().stream().filter(x -> x.waiter().describe().equals("c enters p")).findFirst()
                .orElseThrow();
        assertEquals(BigFraction.ONE, w.from());
    }

    /** add enters the initial place through _init (component.py:662): a use port bound there is checked. */
    @Test
    void theInitialPlaceIsEnteredOnlyOnceItsUsePortsAreServed() {
        String text = """
                component P {
                  places p0, p1
                  initial p0
                  behavior deploy { up: p0 -> p1 [2, 2] }
                  provide svc at p1
                }
                component U {
                  places u0, u1
                  initial u0
                  behavior deploy { go: u0 -> u1 [1, 1] }
                  use svc at u0
                }
                assembly a { p: P  u: U  connect p.svc -> u.svc }
                """;
        Run r = run(text, "a", Policies.allMin());
        RunEvent.PlaceEntered u0 = r.events().stream().filter(e -> e instanceof RunEvent.PlaceEntered p
                && p.place().equals("u0")).map(e -> (RunEvent.PlaceEntered) e).findFirst().orElseThrow();
        assertEquals(t("2"), u0.time());
        assertEquals(List.of("p.svc"), u0.uses());
        assertEquals(new RunEnd.Finished(t("3")), r.end());
    }

    /** pushB on an idle component sets its behavior at once (component.py:615-619), in the program phase. */
    @Test
    void pushBOnAnIdleComponentBeginsAtOnce() {
        String text = """
                component C {
                  places a, b, c
                  initial a
                  behavior one { x: a -> b [1, 1] }
                  behavior two { y: b -> c [1, 1] }
                }
                program p {
                  add(c : C)
                  pushB(c, one)
                  wait(c)
                  pushB(c, two)
                  wait(c)
                }
                """;
        Run r = run(Examples.parse(text).withStep(new Duration(new BigDecimal("0.5"), new BigDecimal("0.5"))), "p",
                Policies.allMin());
        RunEvent push = r.events().stream().filter(e -> e instanceof RunEvent.InstructionExecuted i
                && i.instruction().equals("pushB(c, two)")).findFirst().orElseThrow();
        RunEvent begun = r.events().stream().filter(e -> e instanceof RunEvent.BehaviorBegun b
                && b.behavior().equals("two")).findFirst().orElseThrow();
        assertEquals(push.time(), begun.time());
        assertEquals(r.events().indexOf(push) + 1, r.events().indexOf(begun));
    }

    /**
     * Only currently connected users lock (dependency.py:151-157 loops over the current
     * connections): once u is disconnected from p1 and uses p2, p1 may stop.
     */
    @Test
    void onlyCurrentlyConnectedUsersLock() {
        String text = """
                component P {
                  places off, on, done
                  initial off
                  behavior deploy { up: off -> on [0, 0] }
                  behavior stop { down: on -> done [1, 1] }
                  provide svc at on
                }
                component U {
                  places u0, u1, u2, u3
                  initial u0
                  behavior first {
                    a: u0 -> u1 [0, 0]
                    b: u1 -> u2 [1, 1]
                  }
                  behavior second { c: u2 -> u3 [0, 0] }
                  use svc at u1, u3
                }
                program prog {
                  add(p1 : P)
                  add(p2 : P)
                  add(u : U)
                  con(p1.svc, u.svc)
                  pushB(p1, deploy)
                  pushB(p2, deploy)
                  pushB(u, first)
                  wait(u)
                  dcon(p1.svc, u.svc)
                  con(p2.svc, u.svc)
                  pushB(u, second)
                  wait(u)
                  pushB(p1, stop)
                  wait(p1)
                }
                """;
        Run r = run(text, "prog", Policies.allMin());
        assertEquals(new RunEnd.Finished(t("2")), r.end(), r.lines().toString());
    }

    /**
     * The lock is checked on leaving a bound place even while another bound place keeps the port
     * active (component.py:733-741): u uses svc from 0 (p in b); p reaches a at 1 and may not
     * leave it while u uses svc, though b stays marked.
     */
    @Test
    void leavingABoundPlaceIsLockedEvenWhenAnotherKeepsThePortActive() {
        String text = """
                component P {
                  places s, a, b, x
                  initial s
                  behavior deploy {
                    ta: s -> a [1, 1]
                    tb: s -> b [0, 0]
                    tx: a -> x [1, 1]
                  }
                  provide svc at a, b
                }
                component U {
                  places u0, u1
                  initial u0
                  behavior deploy { go: u0 -> u1 [0, 0] }
                  use svc at u1
                }
                assembly a { p: P  u: U  connect p.svc -> u.svc }
                """;
        Run r = run(text, "a", Policies.allMin());
        assertInstanceOf(RunEnd.Deadlock.class, r.end(), r.lines().toString());
        assertTrue(r.blockedLines().contains("p.tx starts: locked: use port u.svc is using it (u.u1)"),
                r.blockedLines().toString());
    }

    private static final String DCON = """
            component P {
              places p0, p1
              initial p0
              behavior deploy { up: p0 -> p1 [0, 0] }
              provide svc at p1
            }
            component U {
              places u0, u1, u2
              initial u0
              behavior deploy { go: u0 -> u1 [0, 0] }
              behavior leave { bye: u1 -> u2 [2, 2] }
              use svc at u1
            }
            program prog {
              add(p : P)
              add(u : U)
              con(p.svc, u.svc)
              pushB(p, deploy)
              pushB(u, deploy)
              wait(u)
              pushB(u, leave)
              dcon(p.svc, u.svc)
              del(u)
            }
            """;

    /** dcon waits until the use port is not in use (assembly.py:287-295); del until idle and disconnected (:203-210). */
    @Test
    void dconAndDelWait() {
        Run r = run(DCON, "prog", Policies.allMin());
        assertEquals(new RunEnd.Finished(t("2")), r.end(), r.lines().toString());
        RunEvent dcon = r.events().stream().filter(e -> e instanceof RunEvent.InstructionExecuted i
                && i.instruction().startsWith("dcon")).findFirst().orElseThrow();
        assertEquals(BigFraction.ZERO, dcon.time(), "u left u1 when bye started, at 0");
        RunEvent del = r.events().stream().filter(e -> e instanceof RunEvent.InstructionExecuted i
                && i.instruction().startsWith("del")).findFirst().orElseThrow();
        assertEquals(t("2"), del.time());
        Waiting waitDel = r.waits().stream().filter(w -> w.waiter().describe().equals("program: del(u)")).findFirst()
                .orElseThrow();
        assertEquals(List.of(new WaitReason.InstanceBusy("u", "u runs behavior leave")), waitDel.reasons());
    }

    /** Concerto-D: dcon of a connection in use does not wait and leaves it in place (HEAD assembly.py:357-389). */
    @Test
    void concertoDDconDoesNotWait() {
        String text = DCON.replace("  pushB(u, leave)\n", "").replace("  del(u)\n", "  waitAll\n");
        Run r = run(concertoD(Examples.parse(text)), "prog", Policies.allMin());
        assertInstanceOf(RunEnd.Finished.class, r.end(), r.lines().toString());
        assertTrue(r.lines().stream().anyMatch(l -> l.contains("dcon(p.svc, u.svc) (not done")), r.lines().toString());
        // the centralized runtime waits for ever: u stays in u1
        Run c = run(Examples.parse(text), "prog", Policies.allMin());
        assertInstanceOf(RunEnd.Deadlock.class, c.end());
        assertTrue(c.blockedLines().contains("program: dcon(p.svc, u.svc): waits until u.svc is no longer in use (u.u1)"),
                c.blockedLines().toString());
    }

    /**
     * Concerto-D: a provider that wants to leave a place refuses new users of the ports bound
     * there (HEAD component.py:765-783), even while a lock keeps it there; place-bound use ports
     * check it (:955-962). v's stay (0 to 3) holds p in p1 after p wants to leave at 0; u, arriving
     * at 1, is refused; the centralized runtime lets u in.
     */
    @Test
    void concertoDRefusesNewUsersOfAProviderThatWantsToLeave() {
        String text = """
                component P {
                  places p0, p1, p2
                  initial p0
                  behavior deploy { up: p0 -> p1 [0, 0] }
                  behavior leave { down: p1 -> p2 [0, 0] }
                  provide svc at p1
                }
                component V {
                  places v0, v1, v2
                  initial v0
                  behavior deploy {
                    go: v0 -> v1 [0, 0]
                    stay: v1 -> v2 [3, 3]
                  }
                  use svc by stay
                }
                component U {
                  places u0, u1, u2
                  initial u0
                  behavior deploy {
                    prep: u0 -> u1 [1, 1]
                    done: u1 -> u2 [0, 0]
                  }
                  use svc at u1
                }
                program a {
                  add(p : P)
                  add(v : V)
                  add(u : U)
                  con(p.svc, v.svc)
                  con(p.svc, u.svc)
                  pushB(p, deploy)
                  pushB(v, deploy)
                  pushB(u, deploy)
                  wait(p)
                  pushB(p, leave)
                  waitAll
                }
                """;
        Run r = run(concertoD(Examples.parse(text)), "a", Policies.allMin());
        assertTrue(r.lines().stream().anyMatch(l -> l.contains("p wants to leave p1")), r.lines().toString());
        Waiting refused = r.waits().stream().filter(w -> w.waiter().describe().equals("u enters u1")).findFirst()
                .orElseThrow(() -> new AssertionError(r.waits().toString()));
        assertEquals(List.of(new WaitReason.Refusing("p.svc")), refused.reasons());
        // centralized: u enters u1 at 1, using svc
        Run c = run(Examples.parse(text), "a", Policies.allMin());
        assertTrue(c.events().stream().anyMatch(e -> e instanceof RunEvent.PlaceEntered p && p.place().equals("u1")
                && p.time().equals(BigFraction.ONE)), c.lines().toString());
    }

    /** A step cost makes every loop iteration take time: the deploy's zero-time moves now cost. */
    @Test
    void aStepCostMakesEachIterationTakeTime() throws Exception {
        Model m = Examples.parse(serverClient());
        Run r = run(m.withStep(new Duration(new BigDecimal("0.01"), new BigDecimal("0.01"))), "deploy", Policies.allMin());
        assertInstanceOf(RunEnd.Finished.class, r.end());
        assertTrue(r.duration().compareTo(t("4")) > 0 && r.duration().compareTo(t("4.2")) < 0, r.end().describe());
        // Concerto-D polls every 50 ms by default
        Run d = run(m.withSemantics(Semantics.CONCERTO_D), "deploy", Policies.allMin());
        assertTrue(d.duration().compareTo(r.duration()) > 0, d.end().describe());
    }
}

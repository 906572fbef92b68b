package dev.cadenza.verify.translate;

import dev.cadenza.core.model.Duration;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.Semantics;
import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.ResolutionException;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.bounds.BoundsReport;
import dev.cadenza.verify.bounds.TimeBoundsAnalysis;
import dev.cadenza.verify.engine.StateClassEngine;
import dev.cadenza.verify.execute.Executor;
import dev.cadenza.verify.execute.Policies;
import dev.cadenza.verify.execute.Policy;
import dev.cadenza.verify.property.Deployable;
import dev.cadenza.verify.property.Verdict;
import dev.cadenza.verify.trace.Run;
import dev.cadenza.verify.trace.RunEnd;
import dev.cadenza.verify.trace.StopCause;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runtime's local rules (docs/verify.md, "The translation"; issue 13 item 1), each on the
 * tiny model of {@code ExecutorRulesTest} that shows what the Python does: the translation's
 * {@code deployable} and exact bounds say what the executor (the runtime's semantics, written
 * apart) does, for its extreme and sampled runs.
 */
class RuntimeRulesTranslationTest {

    record Answer(Verdict deployable, BoundsReport bounds, List<Run> runs) {
    }

    /** Checks the subject and runs the executor; asserts they agree as ExecutorAgainstCheckProperties does. */
    static Answer agree(Model m, String subject) {
        Subject s = new Subject(m, subject, new StateClassEngine(), Budget.unlimited());
        Verdict deployable = new Deployable(null, false, SourcePosition.NONE).check(s);
        BoundsReport bounds = TimeBoundsAnalysis.of(s, null, false);
        List<Policy> policies = new ArrayList<>(List.of(Policies.allMin(), Policies.allMax()));
        for (long seed = 0; seed < 5; seed++) {
            policies.add(Policies.sampled(seed));
            policies.add(Policies.sampledAnyOrder(seed));
        }
        List<Run> runs = new ArrayList<>();
        Executor x = Executor.of(m, subject);
        for (Policy p : policies) {
            Run r = x.run(p);
            runs.add(r);
            String why = r.end().describe() + "\n" + String.join("\n", r.lines()) + "\ncheck: " + deployable.word()
                    + "\n" + String.join("\n", deployable.details());
            if (r.end() instanceof RunEnd.Finished) {
                assertTrue(bounds.reachable(), "the executor finishes, the net never does: " + why);
                assertTrue(r.duration().compareTo(bounds.min()) >= 0
                        && (bounds.max() == null || r.duration().compareTo(bounds.max()) <= 0),
                        "outside [" + bounds.min() + ", " + bounds.max() + "]: " + why);
            } else {
                assertTrue(r.end() instanceof RunEnd.Deadlock || halted(r), why);
                assertInstanceOf(Verdict.Violated.class, deployable, "an executor deadlock check does not report: " + why);
            }
        }
        return new Answer(deployable, bounds, runs);
    }

    /** Concerto-D's runtime stopped the run itself: a failed del, or the process ended with its program. */
    static boolean halted(Run r) {
        return r.end() instanceof RunEnd.Stopped s && (s.cause() instanceof StopCause.RuntimeFailure
                || s.cause() instanceof StopCause.ProgramEnded);
    }

    static Answer agree(String text, String subject) {
        return agree(Examples.parse(text), subject);
    }

    private static BigFraction t(String s) {
        return new BigFraction(new BigDecimal(s).doubleValue());
    }

    private static void assertBounds(Answer a, String min, String max) {
        assertTrue(a.bounds().reachable());
        assertEquals(t(min), a.bounds().min(), "min");
        assertEquals(t(max), a.bounds().max(), "max");
    }

    private static void assertDeadlockBlames(Answer a, String line) {
        assertInstanceOf(Verdict.Violated.class, a.deployable());
        List<String> blocked = ((Verdict.Violated) a.deployable()).counterexample().blocked();
        assertTrue(blocked.stream().anyMatch(l -> l.contains(line)), blocked.toString());
        assertTrue(a.runs().stream().anyMatch(r -> r.end() instanceof RunEnd.Deadlock), "no executor run deadlocks");
    }

    /** Groups count on activation and deactivation only: the first token to leave deactivates g. */
    @Test
    void aGroupDeactivatesWhenItsFirstTokenLeaves() {
        Answer a = agree("""
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
                """, "a");
        assertDeadlockBlames(a, "u.call starts");
    }

    /** A group is active while any token is inside when they leave together: a chain keeps it active. */
    @Test
    void aGroupStaysActiveAlongAChainInsideIt() {
        Answer a = agree("""
                component P {
                  places s, a, b, x
                  initial s
                  behavior deploy {
                    t1: s -> a [0, 0]
                    t2: a -> b [1, 1]
                    t3: b -> x [2, 2]
                  }
                  group g { a, b }
                  provide svc at g
                }
                component U {
                  places u0, u1, u2
                  initial u0
                  behavior deploy {
                    prep: u0 -> u1 [0.5, 0.5]
                    call: u1 -> u2 [1, 1]
                  }
                  use svc by call
                }
                assembly a { p: P  u: U  connect p.svc -> u.svc }
                """, "a");
        // u calls from 0.5 to 1.5 while p is inside g; p's leave of b (at 1) waits for the call: 1.5 + 2
        assertEquals("holds", a.deployable().word());
        assertBounds(a, "3.5", "3.5");
    }

    /** add enters the initial place through _init: a use port bound there is checked first. */
    @Test
    void theInitialPlaceIsEnteredOnlyOnceItsUsePortsAreServed() {
        Answer a = agree("""
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
                """, "a");
        assertBounds(a, "3", "3");
    }

    /** Only currently connected users lock: once u is disconnected from p1 and uses p2, p1 may stop. */
    @Test
    void onlyCurrentlyConnectedUsersLock() {
        Answer a = agree("""
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
                """, "prog");
        assertEquals("holds", a.deployable().word(), String.join("\n", a.deployable().details()));
        assertBounds(a, "2", "2");
    }

    /** The lock is checked on leaving a bound place even while another bound place keeps the port active. */
    @Test
    void leavingABoundPlaceIsLockedEvenWhenAnotherKeepsThePortActive() {
        Answer a = agree("""
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
                """, "a");
        assertDeadlockBlames(a, "locked");
    }

    /** A place is left at most once per behavior: s -> a -> s stops in s. */
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
                verify a { forbidden c.a and c.s }
                """;
        Answer a = agree(text, "a");
        assertEquals("holds", a.deployable().word(), String.join("\n", a.deployable().details()));
        assertBounds(a, "2", "2");
        // pushed twice, it goes round again: each push has its own visited places
        Answer twice = agree(text.replace("assembly a { c: C }", """
                program twice {
                  add(c : C)
                  pushB(c, deploy)
                  pushB(c, deploy)
                  waitAll
                }
                """), "twice");
        assertBounds(twice, "4", "4");
    }

    /** A place holds one token: a dock into a marked place waits. */
    @Test
    void aDockIntoAMarkedPlaceWaits() {
        Answer a = agree("""
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
                """, "a");
        assertDeadlockBlames(a, "c enters p: waits until c leaves p (a place holds one token)");
    }

    /**
     * The centralized runtime has no refusing state: u enters u1 at 1 although p wants to leave p1
     * since 0 (v's group, in use until 3, holds it there); with Concerto-D's refusing u waits, and
     * for ever (ConcertoDTranslationTest holds the same model under concerto-d).
     */
    @Test
    void noRefusingUnderConcerto() {
        String text = """
                component P {
                  places p0, p1, p2
                  initial p0
                  behavior deploy { up: p0 -> p1 [0, 0] }
                  behavior leave { down: p1 -> p2 [0, 0] }
                  provide svc at p1
                }
                component V {
                  places v0, v1, v2, v3
                  initial v0
                  behavior deploy { go: v0 -> v1 [0, 0] }
                  behavior bye {
                    stay: v1 -> v2 [3, 3]
                    out: v2 -> v3 [0, 0]
                  }
                  group busy { v1, v2 }
                  use svc at busy
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
                  wait(p)
                  pushB(v, deploy)
                  pushB(u, deploy)
                  wait(v)
                  pushB(p, leave)
                  pushB(v, bye)
                  waitAll
                }
                """;
        Answer a = agree(text, "a");
        assertEquals("holds", a.deployable().word(), String.join("\n", a.deployable().details()));
        assertBounds(a, "3", "3");
    }
}

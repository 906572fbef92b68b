package dev.cadenza.verify.translate;

import dev.cadenza.core.model.Duration;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.Semantics;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.property.Verdict;
import dev.cadenza.verify.trace.Run;
import dev.cadenza.verify.trace.RunEnd;
import dev.cadenza.verify.trace.StopCause;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Concerto-D's rules in the translation (docs/verify.md, "Concerto-D"), one tiny model per rule
 * where Concerto-D differs from the centralized runtime, worked out by hand from the runtime's code
 * (HEAD of Concerto-D/concerto-decentralized) and held, as {@link RuntimeRulesTranslationTest}
 * does, to the executor's runs: {@code deployable}, the exact bounds, and the counterexample,
 * replayed in the executor (steps at 0, so the instants are the loop's).
 */
class ConcertoDTranslationTest {

    private static Model concertoD(String text) {
        return Examples.parse(text).withSemantics(Semantics.CONCERTO_D)
                .withStep(new Duration(BigDecimal.ZERO, BigDecimal.ZERO));
    }

    private static RuntimeRulesTranslationTest.Answer agree(String text) {
        return RuntimeRulesTranslationTest.agree(concertoD(text), "a");
    }

    private static RuntimeRulesTranslationTest.Answer agreeCentralized(String text) {
        return RuntimeRulesTranslationTest.agree(Examples.parse(text), "a");
    }

    private static void assertBounds(RuntimeRulesTranslationTest.Answer a, int min, int max) {
        assertTrue(a.bounds().reachable(), "the net never finishes");
        assertEquals(new BigFraction(min), a.bounds().min(), "min");
        assertEquals(new BigFraction(max), a.bounds().max(), "max");
    }

    private static Run counterexample(RuntimeRulesTranslationTest.Answer a) {
        Verdict v = a.deployable();
        assertInstanceOf(Verdict.Violated.class, v, String.join("\n", v.details()));
        return ((Verdict.Violated) v).counterexample().run();
    }

    /** A stopped counterexample, replayed in the executor (the verdict says so), with its cause. */
    private static StopCause assertStops(RuntimeRulesTranslationTest.Answer a, int at) {
        Run r = counterexample(a);
        String text = r.end().describe() + "\n" + String.join("\n", r.lines());
        assertInstanceOf(RunEnd.Stopped.class, r.end(), text);
        assertEquals(new BigFraction(at), r.duration(), text);
        String by = a.deployable().statistics().stage();
        assertTrue(by != null && by.contains("replayed in the executor") && !by.contains("not reproduced"), by);
        assertTrue(a.runs().stream().anyMatch(RuntimeRulesTranslationTest::halted), "no executor run stops");
        return ((RunEnd.Stopped) r.end()).cause();
    }

    /** A provider and two users; p wants to leave p1 at 0, v's group holds it there until 3. */
    private static final String REFUSING = """
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
              USE
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

    /**
     * Refusing (HEAD component.py:765-783, 800-801, 964): p's attempt to leave p1 at 0 raises
     * svc's refusing although v's lock keeps it there; u, ready at 1, may not enter u1 (bound to svc)
     * and, p gone at 3, never will: a deadlock, which the centralized runtime does not have.
     */
    @Test
    void aProviderThatTriesToLeaveRefusesNewPlaceUsers() {
        String text = REFUSING.replace("USE", "use svc at u1");
        RuntimeRulesTranslationTest.Answer a = agree(text);
        Run r = counterexample(a);
        assertInstanceOf(RunEnd.Deadlock.class, r.end());
        List<String> blocked = ((Verdict.Violated) a.deployable()).counterexample().blocked();
        assertTrue(blocked.stream().anyMatch(l -> l.contains("not served") || l.contains("refuses")), blocked.toString());
        assertTrue(a.runs().stream().allMatch(x -> x.end() instanceof RunEnd.Deadlock), "every executor run deadlocks");
        assertEquals("holds", agreeCentralized(text).deployable().word());
    }

    /** Refusing is not checked by a transition's use port (HEAD component.py:860-866): u's start goes at 1. */
    @Test
    void aTransitionsUsePortDoesNotCheckRefusing() {
        String text = REFUSING.replace("USE", "use svc by done").replace("done: u1 -> u2 [0, 0]", "done: u1 -> u2 [1, 1]");
        RuntimeRulesTranslationTest.Answer a = agree(text);
        assertEquals("holds", a.deployable().word(), String.join("\n", a.deployable().details()));
        assertBounds(a, 3, 3);
    }

    /**
     * Refusing is cleared only by entering a bound place again (HEAD component.py:1005-1007): p
     * leaves p1 at 0 (svc refusing from then on), runs a 2 s transition, enters p3 (bound to svc)
     * at 2, which clears it; u, waiting at u1's door since 1, enters then.
     */
    @Test
    void enteringABoundPlaceAgainClearsRefusing() {
        RuntimeRulesTranslationTest.Answer a = agree("""
                component P {
                  places p0, p1, p2, p3
                  initial p0
                  behavior deploy { up: p0 -> p1 [0, 0] }
                  behavior move {
                    away: p1 -> p2 [2, 2]
                    back: p2 -> p3 [0, 0]
                  }
                  provide svc at p1, p3
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
                  add(u : U)
                  con(p.svc, u.svc)
                  pushB(p, deploy)
                  wait(p)
                  pushB(p, move)
                  pushB(u, deploy)
                  waitAll
                }
                """);
        assertEquals("holds", a.deployable().word(), String.join("\n", a.deployable().details()));
        assertBounds(a, 2, 2);
    }

    private static final String DCON = """
            component P {
              places p0, p1
              initial p0
              behavior deploy { up: p0 -> p1 [0, 0] }
              provide svc at p1
            }
            component U {
              places u0, u1
              initial u0
              behavior deploy { go: u0 -> u1 [1, 1] }
              use svc at u1
            }
            program a {
              add(p : P)
              add(u : U)
              con(p.svc, u.svc)
              pushB(p, deploy)
              pushB(u, deploy)
              wait(u)
              dcon(p.svc, u.svc)
              waitAll
            }
            """;

    /**
     * dcon does not wait (HEAD assembly.py:375-389): u stays at u1, using svc for good; the
     * centralized runtime's dcon waits for ever there, Concerto-D's leaves the connection and goes on.
     */
    @Test
    void dconOfAConnectionInUseDoesNotWait() {
        RuntimeRulesTranslationTest.Answer a = agree(DCON);
        assertEquals("holds", a.deployable().word(), String.join("\n", a.deployable().details()));
        assertBounds(a, 1, 1);
        assertEquals("violated", agreeCentralized(DCON).deployable().word());
    }

    /** del of an instance still active fails (HEAD assembly.py:273-287): the run stops at once. */
    @Test
    void delOfAnActiveInstanceStopsTheRuntime() {
        String text = DCON.replace("wait(u)\n  dcon(p.svc, u.svc)\n  waitAll", "del(p)");
        assertTrue(text.contains("del(p)"));
        RuntimeRulesTranslationTest.Answer a = agree(text.replace("con(p.svc, u.svc)\n", ""));
        StopCause why = assertStops(a, 0);
        assertInstanceOf(StopCause.RuntimeFailure.class, why);
        assertTrue(why.describe().contains("del(p)"), why.describe());
    }

    /** del of an idle instance still connected fails too (HEAD assembly.py:279-281, at its second pass). */
    @Test
    void delOfAConnectedInstanceStopsTheRuntime() {
        String text = DCON.replace("dcon(p.svc, u.svc)\n  waitAll", "del(p)");
        assertTrue(text.contains("del(p)"));
        StopCause why = assertStops(agree(text), 1);
        assertInstanceOf(StopCause.RuntimeFailure.class, why);
        assertTrue(why.describe().contains("connected"), why.describe());
    }

    /**
     * The process ends with its program (HEAD assembly.py: its last call returns, the process
     * exits): u, pushed last and running a 1 s transition, is stopped at 0; so is a fresh instance
     * still entering its initial place (added last).
     */
    @Test
    void theProcessEndsWithItsProgram() {
        String text = DCON.replace("wait(u)\n  dcon(p.svc, u.svc)\n  waitAll\n", "");
        StopCause why = assertStops(agree(text), 0);
        assertInstanceOf(StopCause.ProgramEnded.class, why);
        assertTrue(((StopCause.ProgramEnded) why).active().contains("u"), why.describe());
        assertEquals("holds", agreeCentralized(text).deployable().word());

        String fresh = """
                component P {
                  places p0, p1
                  initial p0
                  behavior deploy { up: p0 -> p1 [0, 0] }
                }
                program a {
                  add(p : P)
                }
                """;
        StopCause fresher = assertStops(agree(fresh), 0);
        assertEquals(List.of("p"), ((StopCause.ProgramEnded) fresher).active());
    }

    /** After a final wait(u) with w still busy, the process ends too; after waitAll it never does. */
    @Test
    void aFinalWaitOnOneInstanceLeavesTheOthersActive() {
        String text = DCON.replace("program a {", """
                component W {
                  places w0, w1
                  initial w0
                  behavior deploy { w: w0 -> w1 [5, 5] }
                }
                program a {
                  add(w : W)
                  pushB(w, deploy)""").replace("\n  dcon(p.svc, u.svc)\n  waitAll", "");
        assertTrue(text.contains("wait(u)\n}"), text);
        StopCause why = assertStops(agree(text), 1);
        assertEquals(List.of("w"), ((StopCause.ProgramEnded) why).active());
        assertEquals("holds", agree(text.replace("wait(u)\n}", "waitAll\n}")).deployable().word());
    }

    /**
     * Concerto-D's polling (HEAD assembly.py:29, 529: 50 ms a loop iteration) is its default step
     * and goes through the step cost: a model that says {@code semantics concerto-d} and no step.
     */
    @Test
    void itsPollingIsTheDefaultStep() {
        Model m = Examples.parse("semantics concerto-d\n" + DCON);
        assertEquals(Semantics.CONCERTO_D, m.semantics());
        RuntimeRulesTranslationTest.Answer a = RuntimeRulesTranslationTest.agree(m, "a");
        assertEquals("holds", a.deployable().word(), String.join("\n", a.deployable().details()));
        assertTrue(a.bounds().max().compareTo(BigFraction.ONE) > 0, "max " + a.bounds().max());
        assertTrue(a.runs().stream().allMatch(r -> r.duration().compareTo(BigFraction.ONE) > 0), "every run polls");
    }
}

package dev.cadenza.verify.execute;

import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.Subject;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.engine.StateClassEngine;
import dev.cadenza.verify.property.Counterexample;
import dev.cadenza.verify.property.Deployable;
import dev.cadenza.verify.property.DefectsFixtures;
import dev.cadenza.verify.property.Verdict;
import dev.cadenza.verify.property.Within;
import dev.cadenza.verify.trace.Run;
import dev.cadenza.verify.trace.RunEnd;
import dev.cadenza.verify.translate.TranslationOptions;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Counterexamples of {@code check} replayed in the executor, which follows their schedule. */
class ScheduleReplayTest {

    private static Subject subject(Model m, String name) {
        return new Subject(m, name, new StateClassEngine(), Budget.unlimited(), TranslationOptions.DEFAULT.withRefusing(false));
    }

    private static Run replay(Model m, String name, Run run) {
        Executor x = Executor.of(m, name);
        return x.run(SchedulePolicy.following(run, x.scale()));
    }

    private static Counterexample deadlock(Model m, String name) {
        Verdict v = new Deployable(null, false, SourcePosition.NONE).check(subject(m, name));
        return assertInstanceOf(Verdict.Violated.class, v, String.join("\n", v.details())).counterexample();
    }

    @Test
    void deadlockCounterexamplesDeadlockTheExecutorAtTheSameTime() throws Exception {
        String race = """
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
                assembly race { p: P  u: U  connect p.svc -> u.svc }
                """;
        String careless = Files.readString(Examples.root().resolve("examples/server-client.cdz")) + """
                program careless after deploy {
                  pushB(s, maintain)
                  pushB(s, deploy)
                  wait(s)
                }
                """;
        for (String[] c : new String[][] {{race, "race"}, {careless, "careless"}, {DefectsFixtures.CYCLE, "loop"}}) {
            Model m = Examples.parse(c[0]);
            Counterexample ce = deadlock(m, c[1]);
            Run r = replay(m, c[1], ce.run());
            assertInstanceOf(RunEnd.Deadlock.class, r.end(), c[1] + ": " + String.join("\n", r.lines()) + "\nfollowing\n"
                    + String.join("\n", ce.lines()));
            assertEquals(ce.run().duration(), r.duration(), c[1]);
        }
    }

    @Test
    void theSlowestRunOfWithinIsFollowedToItsEnd() throws Exception {
        Model m = Examples.parse(Files.readString(Examples.root().resolve("examples/server-client.cdz")));
        for (String name : new String[] {"deploy", "maintain", "pair"}) {
            Verdict v = new Within(new BigDecimal("1"), SourcePosition.NONE).check(subject(m, name));
            Counterexample ce = assertInstanceOf(Verdict.Violated.class, v).counterexample();
            Run r = replay(m, name, ce.run());
            assertEquals(new RunEnd.Finished(ce.run().duration()), r.end(), name + ": " + String.join("\n", r.lines())
                    + "\nfollowing\n" + String.join("\n", ce.lines()));
        }
    }
}

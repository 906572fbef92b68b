package dev.cadenza.verify.execute;

import dev.cadenza.core.model.Duration;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.Semantics;
import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.LimitReachedException;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.bounds.BoundsReport;
import dev.cadenza.verify.bounds.TimeBoundsAnalysis;
import dev.cadenza.verify.engine.StateClassEngine;
import dev.cadenza.verify.execute.ExecutorAgainstCheckProperties.Design;
import dev.cadenza.verify.execute.ExecutorAgainstCheckProperties.Prog;
import dev.cadenza.verify.execute.ExecutorAgainstCheckProperties.Tape;
import dev.cadenza.verify.property.Deployable;
import dev.cadenza.verify.property.Verdict;
import dev.cadenza.verify.trace.Run;
import dev.cadenza.verify.trace.RunEnd;
import dev.cadenza.verify.trace.StopCause;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The translation under {@code semantics concerto-d} held to the executor's Concerto-D (its
 * refusing state, dcon that does not wait, del that fails, the process ending with its program),
 * on the random assemblies and programs of {@link ExecutorAgainstCheckProperties}: every executor
 * run that deadlocks or is stopped by the runtime is reported by {@code deployable}; every executor
 * run that finishes ends inside the net's exact bounds; every counterexample of the net that the
 * executor, following its schedule ({@link SchedulePolicy}), reproduces ends the same way there —
 * a deadlock as a deadlock, a runtime stop as a stop of the same kind — at the same instant. A
 * counterexample not reproduced under any of the component orders is counted, as in
 * {@link ExecutorAgainstCheckProperties} (zero-time moves interleave in the net: docs/verify.md).
 * Programs end without {@code waitAll} half of the time (the process then ends with them), and
 * their {@code dcon}s of connections in use are ignored, so their {@code del}s often fail.
 */
class ConcertoDAgainstCheckProperties {

    @Provide
    Arbitrary<List<Integer>> tapes() {
        return Arbitraries.integers().between(0, 1 << 20).list().ofMinSize(20).ofMaxSize(120);
    }

    @Property(tries = 500)
    void assembliesAgreeWithCheck(@ForAll("tapes") List<Integer> tape) {
        agree(Design.read(new Tape(tape)).text(), ZERO);
    }

    @Property(tries = 1000)
    void programsAgreeWithCheck(@ForAll("tapes") List<Integer> tape) {
        agree(Prog.read(new Tape(tape)).text(), ZERO);
    }

    /**
     * With a step (Concerto-D's polling: its default is 50 ms, here [a, a + w] tenths): the net gives
     * each move [0, b] (docs/verify.md, "The cost of a step"); executor runs still end inside the
     * bounds and their deadlocks and stops are reported (a counterexample's instants are the net's:
     * not replayed).
     */
    @Property(tries = 300)
    void withAStepTheRunsStillEndInsideTheBounds(@ForAll("tapes") List<Integer> tape,
                                                 @ForAll @IntRange(min = 0, max = 2) int a,
                                                 @ForAll @IntRange(min = 0, max = 2) int w) {
        agree(Prog.read(new Tape(tape)).text(), new Duration(BigDecimal.valueOf(a, 1), BigDecimal.valueOf(a + w, 1)));
    }

    /**
     * Where Concerto-D's refusing shows: a provider whose service is used by two or three users,
     * bound at places (one, or two of them), at a group or by a transition, pushed to leave while
     * users hold it or arrive: {@link Refusal}.
     */
    @Property(tries = 700)
    void refusalScenariosAgreeWithCheck(@ForAll("tapes") List<Integer> tape) {
        agree(Refusal.read(new Tape(tape)), ZERO);
    }

    /**
     * A refusal scenario read from a tape: provider P (places q0 … q(n-1) and r, a chain with an
     * optional fork in deploy, behaviors more: q(n-1) -> r and back: r -> q(n-1)), its service
     * bound at one or two random places; users U0 … (two or three), each a chain of places with
     * its use port at a place, at a group of two places, or by a transition; a program that adds
     * and connects all, pushes the users' and P's deploy, then random pushB(p, more/back),
     * wait(p), wait(u) and a final waitAll half of the time.
     */
    static final class Refusal {
        static String read(Tape t) {
            StringBuilder sb = new StringBuilder();
            int n = 2 + t.next(3);
            sb.append("component P {\n  places");
            for (int q = 0; q < n; q++) {
                sb.append(" q").append(q);
            }
            sb.append(" r\n  initial q0\n  behavior deploy {\n");
            int k = 0;
            for (int q = 1; q < n; q++) {
                sb.append("    t").append(k++).append(": q").append(q - 1).append(" -> q").append(q)
                        .append(interval(t)).append('\n');
            }
            if (n >= 3 && t.next(2) == 0) {
                // a fork from q0: q0 -> q2 as well, joined at q2 with the chain's q1 -> q2
                sb.append("    t").append(k++).append(": q0 -> q2").append(interval(t)).append('\n');
            }
            sb.append("  }\n  behavior more { m: q").append(n - 1).append(" -> r").append(interval(t)).append(" }\n");
            sb.append("  behavior back { b: r -> q").append(n - 1).append(interval(t)).append(" }\n");
            int first = t.next(n + 1);
            sb.append("  provide svc at ").append(first == n ? "r" : "q" + first);
            if (t.next(2) == 0) {
                int second = (first + 1 + t.next(n)) % (n + 1);
                sb.append(", ").append(second == n ? "r" : "q" + second);
            }
            sb.append("\n}\n");
            int users = 2 + t.next(2);
            for (int u = 0; u < users; u++) {
                int m = 2 + t.next(3);
                sb.append("component U").append(u).append(" {\n  places");
                for (int q = 0; q < m; q++) {
                    sb.append(" u").append(q);
                }
                sb.append("\n  initial u0\n  behavior deploy {\n");
                for (int q = 1; q < m; q++) {
                    sb.append("    s").append(q).append(": u").append(q - 1).append(" -> u").append(q)
                            .append(interval(t)).append('\n');
                }
                sb.append("  }\n");
                int how = t.next(4);
                if (how == 0) {
                    sb.append("  use svc by s").append(1 + t.next(m - 1)).append('\n');
                } else if (how == 1 && m >= 3) {
                    int g = 1 + t.next(m - 2);
                    sb.append("  group g { u").append(g).append(", u").append(g + 1).append(" }\n  use svc at g\n");
                } else {
                    sb.append("  use svc at u").append(1 + t.next(m - 1)).append('\n');
                }
                sb.append("}\n");
            }
            sb.append("program gen {\n  add(p : P)\n");
            for (int u = 0; u < users; u++) {
                sb.append("  add(u").append(u).append(" : U").append(u).append(")\n  con(p.svc, u").append(u)
                        .append(".svc)\n");
            }
            if (t.next(2) == 0) {
                sb.append("  pushB(p, deploy)\n");
                for (int u = 0; u < users; u++) {
                    sb.append("  pushB(u").append(u).append(", deploy)\n");
                }
            } else {
                for (int u = 0; u < users; u++) {
                    sb.append("  pushB(u").append(u).append(", deploy)\n");
                }
                sb.append("  pushB(p, deploy)\n");
            }
            int ops = t.next(5);
            for (int i = 0; i < ops; i++) {
                switch (t.next(5)) {
                    case 0, 1 -> sb.append("  pushB(p, more)\n");
                    case 2 -> sb.append("  pushB(p, back)\n");
                    case 3 -> sb.append("  wait(p)\n");
                    default -> sb.append("  wait(u").append(t.next(users)).append(")\n");
                }
            }
            if (t.next(2) == 0) {
                sb.append("  waitAll\n");
            }
            return sb.append("}\n").toString();
        }

        private static String interval(Tape t) {
            int a = t.next(4);
            return " [" + a + ", " + (a + t.next(3)) + "]";
        }
    }

    private static final Duration ZERO = new Duration(BigDecimal.ZERO, BigDecimal.ZERO);

    static final AtomicInteger TRIES = new AtomicInteger();
    static final AtomicInteger VIOLATED = new AtomicInteger();
    static final AtomicInteger STOPS = new AtomicInteger();
    static final AtomicInteger REPLAYS = new AtomicInteger();
    static final AtomicInteger DEPARTED = new AtomicInteger();
    static final AtomicInteger STOPS_REPRODUCED = new AtomicInteger();
    static final AtomicInteger EXECUTOR_STOPS = new AtomicInteger();
    static final AtomicLong NANOS = new AtomicLong();

    @AfterContainer
    static void counts() {
        System.err.println("ConcertoDAgainstCheckProperties: " + TRIES + " models in " + NANOS.get() / 1_000_000
                + " ms; " + VIOLATED + " violated (" + STOPS + " of them by a runtime stop), " + REPLAYS
                + " counterexamples replayed (" + STOPS_REPRODUCED + " runtime stops reproduced), " + DEPARTED
                + " not reproduced (zero-time interleaving); "
                + EXECUTOR_STOPS + " executor runs stopped by the runtime");
    }

    static boolean halted(Run r) {
        return r.end() instanceof RunEnd.Stopped s && (s.cause() instanceof StopCause.RuntimeFailure
                || s.cause() instanceof StopCause.ProgramEnded);
    }

    static void agree(String text, Duration step) {
        long t0 = System.nanoTime();
        Model m = Examples.parse(text).withSemantics(Semantics.CONCERTO_D).withStep(step);
        boolean stepped = step.max().signum() > 0;
        Subject s = new Subject(m, "gen", new StateClassEngine(), Budget.of(300_000, 60)).replay(false);
        Verdict deployable;
        BoundsReport bounds;
        try {
            deployable = new Deployable(null, false, SourcePosition.NONE).check(s);
            bounds = TimeBoundsAnalysis.of(s, null, false);
        } catch (LimitReachedException e) {
            Assume.that(false);
            return;
        }
        Assume.that(!(deployable instanceof Verdict.Inconclusive));
        Assume.that(bounds.complete());
        Executor x = Executor.of(m, "gen");
        if (deployable instanceof Verdict.Violated v && v.counterexample().run() != null) {
            VIOLATED.incrementAndGet();
            Run ce = v.counterexample().run();
            if (ce.end() instanceof RunEnd.Stopped) {
                STOPS.incrementAndGet();
            }
            if (!stepped) {
                REPLAYS.incrementAndGet();
                Run r = null;
                boolean same = false;
                for (long seed = 0; seed < ExecutorAgainstCheckProperties.REPLAY_ORDERS && !same; seed++) {
                    r = x.run(SchedulePolicy.following(ce, x.scale(), seed));
                    // reproduced: the executor ends the same way at the same instant (a deadlock as a
                    // deadlock, a runtime stop as a stop of the same kind), as RuntimeReplay asks
                    same = r.duration().equals(ce.duration()) && (ce.end() instanceof RunEnd.Stopped cs
                            ? halted(r) && ((RunEnd.Stopped) r.end()).cause().getClass() == cs.cause().getClass()
                            : r.end() instanceof RunEnd.Deadlock);
                }
                if (same && ce.end() instanceof RunEnd.Stopped) {
                    STOPS_REPRODUCED.incrementAndGet();
                }
                if (!same) {
                    if (DEPARTED.incrementAndGet() <= 4 && System.getenv("CADENZA_DEPARTURES") != null) {
                        System.err.println("DEPARTURE\n" + text + "\nnet: " + ce.end().describe() + "\n"
                                + String.join("\n", ce.lines()) + "\n" + String.join("\n", ce.blockedLines())
                                + "\nexecutor: " + r.end().describe() + "\n" + String.join("\n", r.lines()));
                    }
                }
            }
        }
        List<Policy> policies = new ArrayList<>(List.of(Policies.allMin(), Policies.allMax()));
        for (long seed = 0; seed < 3; seed++) {
            policies.add(Policies.sampled(seed));
            policies.add(Policies.sampledAnyOrder(seed));
        }
        for (Policy p : policies) {
            Run r = x.run(p);
            String why = r.end().describe() + "\n" + String.join("\n", r.lines()) + "\n"
                    + String.join("\n", r.blockedLines()) + "\n" + text + "\nstep " + step + "\ncheck: "
                    + deployable.word() + " " + String.join("\n", deployable.details());
            if (r.end() instanceof RunEnd.Finished) {
                assertTrue(bounds.reachable(), "the executor finishes, the net never does: " + why);
                assertTrue(r.duration().compareTo(bounds.min()) >= 0
                        && (bounds.max() == null || r.duration().compareTo(bounds.max()) <= 0),
                        "outside [" + bounds.min() + ", " + bounds.max() + "]: " + why);
            } else {
                assertTrue(r.end() instanceof RunEnd.Deadlock || halted(r), why);
                if (halted(r)) {
                    EXECUTOR_STOPS.incrementAndGet();
                }
                assertTrue(deployable instanceof Verdict.Violated, "an executor deadlock or stop check does not report: "
                        + why);
            }
        }
        TRIES.incrementAndGet();
        NANOS.addAndGet(System.nanoTime() - t0);
    }
}

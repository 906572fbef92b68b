package dev.cadenza.verify.execute;

import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.PredicateText;
import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.core.model.TransitionRef;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.LimitReachedException;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.engine.StateClassEngine;
import dev.cadenza.verify.property.Deployable;
import dev.cadenza.verify.property.Forbidden;
import dev.cadenza.verify.property.Property;
import dev.cadenza.verify.property.Sequence;
import dev.cadenza.verify.property.TimeBoundsProperty;
import dev.cadenza.verify.property.Verdict;
import dev.cadenza.verify.property.Within;
import dev.cadenza.verify.trace.Run;
import dev.cadenza.verify.trace.RunEnd;
import dev.cadenza.verify.trace.RunEvent;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import org.apache.commons.math3.fraction.BigFraction;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every counterexample {@code check} reports, as a user runs it (replay on), on random assemblies
 * and programs ({@link ExecutorAgainstCheckProperties}' generators): {@code deployable},
 * {@code forbidden} of two places of two instances, {@code sequence} of two transitions,
 * {@code within T} and {@code bounds}. A {@code violated} verdict that shows a run is one the
 * executor reproduces, checked here apart from the code under test: the net's run is replayed
 * again (its schedule, 16 orders) and the executor's runs are read by this test's own reading of
 * the events (places entered and not left, transitions started and not ended); a {@code within}
 * violation shown by the executor's all-maximum run ends after T. An {@code inconclusive} verdict
 * that says "not reproduced" is one the net alone calls violated ({@code --no-replay}). A bound
 * the replay calls attained is the time an executor run, following the net's run, finishes at.
 * A verdict of the runtime's state space: a violation shows the executor's own run, which reaches
 * the deadlock, the forbidden state or the broken order (this test's reading) while the net is
 * violated too; a {@code holds} is not contradicted by 20 sampled executor runs.
 * On failure jqwik prints the tape (and its seed); the model is in the message.
 */
class ReplayedVerdictsProperties {

    static final int ORDERS = 16;
    static final AtomicInteger MODELS = new AtomicInteger();
    static final AtomicLong NANOS = new AtomicLong();
    static final Map<String, AtomicInteger> COUNTS = new java.util.concurrent.ConcurrentSkipListMap<>();

    @net.jqwik.api.Property(tries = 200)
    @Tag("fidelity")
    void assemblyCounterexamplesReplayOrAreInconclusive(@ForAll("tapes") List<Integer> tape) {
        ExecutorAgainstCheckProperties.Tape t = new ExecutorAgainstCheckProperties.Tape(tape);
        ExecutorAgainstCheckProperties.Design d = ExecutorAgainstCheckProperties.Design.read(t);
        hold(d.text(), d, t);
    }

    @net.jqwik.api.Property(tries = 200)
    @Tag("fidelity")
    void programCounterexamplesReplayOrAreInconclusive(@ForAll("tapes") List<Integer> tape) {
        ExecutorAgainstCheckProperties.Tape t = new ExecutorAgainstCheckProperties.Tape(tape);
        ExecutorAgainstCheckProperties.Prog p = ExecutorAgainstCheckProperties.Prog.read(t);
        hold(p.text(), p.design(), t);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<List<Integer>> tapes() {
        return new ExecutorAgainstCheckProperties().tapes();
    }

    @AfterContainer
    static void counts() {
        System.err.println("ReplayedVerdictsProperties: " + MODELS + " models in " + NANOS.get() / 1_000_000 + " ms; "
                + COUNTS);
    }

    private static void count(String what) {
        COUNTS.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    static void hold(String text, ExecutorAgainstCheckProperties.Design d, ExecutorAgainstCheckProperties.Tape t) {
        long t0 = System.nanoTime();
        Model m = Examples.parse(text);
        int n = d.comps().size();
        int i = t.next(n);
        int j = (i + 1 + t.next(n - 1)) % n;
        int a = t.next(d.comps().get(i).places());
        int b = t.next(d.comps().get(j).places());
        String forbidden = "c" + i + ".q" + a + " and c" + j + ".q" + b;
        int x = t.next(d.comps().get(i).transitions().size());
        int y = t.next(d.comps().get(j).transitions().size());
        BigDecimal limit = BigDecimal.valueOf(t.next(12));
        List<Property> properties = List.of(
                new Deployable(null, false, SourcePosition.NONE),
                new Forbidden(new PredicateText(forbidden, SourcePosition.NONE)),
                new Sequence(List.of(new TransitionRef("c" + i, "t" + x, SourcePosition.NONE),
                        new TransitionRef("c" + j, "t" + y, SourcePosition.NONE)), SourcePosition.NONE),
                new Within(limit, SourcePosition.NONE),
                new TimeBoundsProperty(SourcePosition.NONE));
        Executor executor = Executor.of(m, "gen");
        for (Property p : properties) {
            Subject on = new Subject(m, "gen", new StateClassEngine(), Budget.of(300_000, 60));
            Verdict v;
            try {
                v = p.check(on);
            } catch (LimitReachedException e) {
                continue;
            }
            if (!v.statistics().complete()) {
                continue;
            }
            String why = p.name() + ": " + v.word() + " (" + v.statistics().stage() + ")\n"
                    + String.join("\n", v.details()) + "\n" + text;
            String stage = v.statistics().stage() == null ? "" : v.statistics().stage();
            if (v instanceof Verdict.Violated viol && viol.counterexample().run() != null) {
                Run ce = viol.counterexample().run();
                if (stage.endsWith("the executor's run")) {
                    // within T shown by the executor's all-maximum run: a run of the runtime, after T
                    assertTrue(p instanceof Within, why);
                    assertTrue(!(ce.end() instanceof RunEnd.Finished) || ce.duration().compareTo(fraction(limit)) > 0, why);
                    count(kind(p) + " violated by the executor's run");
                    continue;
                }
                boolean space = stage.endsWith("the runtime's state space");
                assertTrue(space || stage.endsWith("replayed in the executor"), "a violation resting on a run of the"
                        + " net that was not held to the executor: " + why);
                if (space) {
                    // a run the executor made in the state space (not a replay of the net's): it must show
                    // the violation itself, and the net, whose runs include the runtime's, must be violated too
                    if (p instanceof Forbidden || p instanceof Sequence) {
                        // a predicate: the run of the loop reaches it, by this test's own reading
                        assertTrue(somewhere(ce, predicate(p, forbidden, i, x, j, y)), "said reached in the runtime's"
                                + " state space, but its run does not show it: " + why + "\n" + String.join("\n", ce.lines()));
                    } else {
                        assertTrue(p instanceof Within || ce.end() instanceof RunEnd.Deadlock, why);
                    }
                    assertTrue(!(p instanceof Within) || !(ce.end() instanceof RunEnd.Finished)
                            || ce.duration().compareTo(fraction(limit)) > 0, why);
                    Verdict net = p.check(new Subject(m, "gen", new StateClassEngine(), Budget.of(300_000, 60))
                            .replay(false));
                    assertInstanceOf(Verdict.Violated.class, net, "the runtime violates it, the net does not: " + why);
                    count(kind(p) + " violated, a run of the runtime's state space");
                    continue;
                }
                assertTrue(reproduced(executor, ce, p, forbidden, i, x, j, y), "said replayed, but this test's own"
                        + " reading of the executor's runs does not see it: " + why);
                count(kind(p) + " violated, replayed");
            } else if (v instanceof Verdict.Holds && !(p instanceof TimeBoundsProperty)
                    && stage.endsWith("the runtime's state space")) {
                // settled by the runtime's state space where the net's run was not reproduced: no sampled
                // run of the executor may contradict it
                for (long seed = 0; seed < 20; seed++) {
                    Run r = executor.run(Policies.sampledAnyOrder(seed));
                    if (p instanceof Forbidden || p instanceof Sequence) {
                        assertTrue(!somewhere(r, predicate(p, forbidden, i, x, j, y)), "holds by the state space, but"
                                + " an executor run reaches it: " + why + "\n" + String.join("\n", r.lines()));
                        continue;
                    }
                    assertTrue(r.end() instanceof RunEnd.Finished, "holds by the state space, but an executor run "
                            + r.end().describe() + ": " + why);
                    if (p instanceof Within) {
                        assertTrue(r.duration().compareTo(fraction(limit)) <= 0, "within holds by the state space,"
                                + " but an executor run ends at " + r.duration() + ": " + why);
                    }
                }
                count(kind(p) + " holds, the runtime's state space");
            } else if (v instanceof Verdict.Inconclusive inc) {
                assertTrue(stage.endsWith("not reproduced in the executor"), why);
                Subject off = new Subject(m, "gen", new StateClassEngine(), Budget.of(300_000, 60)).replay(false);
                Verdict net = p.check(off);
                assertInstanceOf(Verdict.Violated.class, net, "inconclusive where the net alone is not violated: " + why);
                count(kind(p) + " inconclusive, not reproduced");
            } else if (v.bounds() != null && v.bounds().runtime() != null && v.bounds().reachable()) {
                var r = v.bounds();
                var exact = r.runtime().exact();
                if (exact != null && exact.min() != null) {
                    // the runtime's exact bounds: inside the net's, and around every sampled executor run
                    assertTrue(exact.min().compareTo(r.min()) >= 0, "runtime min below the net's: " + why);
                    assertTrue(r.unbounded() || (!exact.unbounded() && exact.max().compareTo(r.max()) <= 0),
                            "runtime max above the net's: " + why);
                    for (long seed = 0; seed < 20; seed++) {
                        Run run = executor.run(Policies.sampledAnyOrder(seed));
                        if (run.end() instanceof RunEnd.Finished) {
                            assertTrue(run.duration().compareTo(exact.min()) >= 0 && (exact.unbounded()
                                    || run.duration().compareTo(exact.max()) <= 0), "an executor run ends at "
                                    + run.duration() + ", outside the runtime's exact bounds: " + why);
                        }
                    }
                    count("bounds exact for the runtime");
                }
                if (r.runtime().minAttained()) {
                    assertTrue(finishesAt(executor, read(on, r.minRun()), r.min()), "min said attained: " + why);
                    count("bounds min attained");
                } else {
                    count("bounds min at least");
                }
                if (r.runtime().maxAttained() && !r.unbounded()) {
                    assertTrue(finishesAt(executor, read(on, r.maxRun()), r.max()), "max said attained: " + why);
                    count("bounds max attained");
                } else if (!r.runtime().maxAttained()) {
                    count("bounds max at most");
                }
            } else {
                count(kind(p) + " " + v.word());
            }
        }
        MODELS.incrementAndGet();
        NANOS.addAndGet(System.nanoTime() - t0);
    }

    private static String kind(Property p) {
        return p.name().split(" ")[0];
    }

    private static Run read(Subject s, dev.cadenza.verify.engine.TimedRun run) {
        return dev.cadenza.verify.report.NetRuns.read(run, s.net(Subject.Mode.TIMED), false, "test");
    }

    private static BigFraction fraction(BigDecimal d) {
        return RuntimeCasesTest.fraction(d.toPlainString());
    }

    private static boolean finishesAt(Executor x, Run netRun, BigFraction at) {
        for (long seed = 0; seed < ORDERS; seed++) {
            Run r = x.run(SchedulePolicy.following(netRun, x.scale(), seed));
            if (r.end() instanceof RunEnd.Finished && r.duration().equals(at)) {
                return true;
            }
        }
        return false;
    }

    /** Whether some order of the executor, following {@code ce}, shows what the property's violation says. */
    private static boolean reproduced(Executor x, Run ce, Property p, String forbidden, int i, int tx, int j, int ty) {
        for (long seed = 0; seed < ORDERS; seed++) {
            Run r = x.run(SchedulePolicy.following(ce, x.scale(), seed));
            boolean seen;
            if (p instanceof Deployable) {
                seen = r.end() instanceof RunEnd.Deadlock && r.duration().equals(ce.duration());
            } else if (p instanceof Within) {
                // the slowest run finishes after T, or (an unbounded max) a deadlock never finishes
                seen = (ce.end() instanceof RunEnd.Deadlock ? r.end() instanceof RunEnd.Deadlock
                        : r.end() instanceof RunEnd.Finished) && r.duration().equals(ce.duration());
            } else if (p instanceof Forbidden) {
                String[] parts = forbidden.split(" and ");
                seen = holdsAt(r, ce.duration(), s -> s.marked(parts[0]) && s.marked(parts[1]));
            } else {
                String before = "c" + i + ".t" + tx;
                String after = "c" + j + ".t" + ty;
                seen = holdsAt(r, ce.duration(), s -> s.started(after) > 0 && s.ended(before) == 0);
            }
            if (seen) {
                return true;
            }
        }
        return false;
    }

    /** The bad states of forbidden (both places) or of sequence (the later step started, the earlier not ended). */
    private static Predicate<State> predicate(Property p, String forbidden, int i, int tx, int j, int ty) {
        if (p instanceof Forbidden) {
            String[] parts = forbidden.split(" and ");
            return s -> s.marked(parts[0]) && s.marked(parts[1]);
        }
        String before = "c" + i + ".t" + tx;
        String after = "c" + j + ".t" + ty;
        return s -> s.started(after) > 0 && s.ended(before) == 0;
    }

    /** Some state of {@code r} (the first, or one after an event) satisfies {@code p}, at any instant. */
    static boolean somewhere(Run r, Predicate<State> p) {
        State s = new State();
        r.initial().forEach((c, ps) -> ps.forEach(q -> s.in.put(c + "." + q, 1)));
        if (p.test(s)) {
            return true;
        }
        for (RunEvent e : r.events()) {
            if (e instanceof RunEvent.PlaceEntered q) {
                s.in.put(q.instance() + "." + q.place(), 1);
            } else if (e instanceof RunEvent.PlaceLeft q) {
                s.in.put(q.instance() + "." + q.place(), 0);
            } else if (e instanceof RunEvent.TransitionStarted q) {
                s.started.merge(q.instance() + "." + q.transition(), 1, Integer::sum);
            } else if (e instanceof RunEvent.TransitionEnded q) {
                s.ended.merge(q.instance() + "." + q.transition(), 1, Integer::sum);
            }
            if (p.test(s)) {
                return true;
            }
        }
        return false;
    }

    /** This test's own reading of an executor's run: places in, transitions started and ended. */
    static final class State {
        final Map<String, Integer> in = new HashMap<>();
        final Map<String, Integer> started = new HashMap<>();
        final Map<String, Integer> ended = new HashMap<>();

        boolean marked(String place) {
            return in.getOrDefault(place.trim(), 0) > 0;
        }

        int started(String t) {
            return started.getOrDefault(t, 0);
        }

        int ended(String t) {
            return ended.getOrDefault(t, 0);
        }
    }

    /** Some state of {@code r} that lasts over instant {@code at} satisfies {@code p}. */
    static boolean holdsAt(Run r, BigFraction at, Predicate<State> p) {
        State s = new State();
        r.initial().forEach((c, ps) -> ps.forEach(q -> s.in.put(c + "." + q, 1)));
        BigFraction from = BigFraction.ZERO;
        boolean holds = p.test(s);
        for (RunEvent e : r.events()) {
            if (holds && from.compareTo(at) <= 0 && e.time().compareTo(at) >= 0) {
                return true;
            }
            if (e instanceof RunEvent.PlaceEntered q) {
                s.in.put(q.instance() + "." + q.place(), 1);
            } else if (e instanceof RunEvent.PlaceLeft q) {
                s.in.put(q.instance() + "." + q.place(), 0);
            } else if (e instanceof RunEvent.TransitionStarted q) {
                s.started.merge(q.instance() + "." + q.transition(), 1, Integer::sum);
            } else if (e instanceof RunEvent.TransitionEnded q) {
                s.ended.merge(q.instance() + "." + q.transition(), 1, Integer::sum);
            }
            from = e.time();
            holds = p.test(s);
        }
        boolean forever = r.end() instanceof RunEnd.Finished || r.end() instanceof RunEnd.Deadlock;
        return holds && from.compareTo(at) <= 0 && (forever || r.duration().compareTo(at) >= 0);
    }
}

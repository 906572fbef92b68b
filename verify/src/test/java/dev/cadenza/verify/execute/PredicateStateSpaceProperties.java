package dev.cadenza.verify.execute;

import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.execute.ExecutorAgainstCheckProperties.Design;
import dev.cadenza.verify.execute.ExecutorAgainstCheckProperties.Prog;
import dev.cadenza.verify.execute.ExecutorAgainstCheckProperties.Tape;
import dev.cadenza.verify.trace.Run;
import dev.cadenza.verify.trace.RunEnd;
import dev.cadenza.verify.trace.RunEvent;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Predicates observed in the runtime's state space ({@link RuntimeStateSpace#reach}), on the
 * random assemblies and programs of {@link ExecutorAgainstCheckProperties} with random predicates
 * over their instances (marked places, running transitions, "started"/"ended" flags, counts of
 * marked places, under and/or/not; sequence-shaped ones too):
 * <ol type="a">
 * <li>the same answer with the reductions as without them (every order of everything, the
 * predicate observed after every move) — Found or Absent alike, on complete searches;</li>
 * <li>a predicate seen in any sampled executor run (read off its events by a reader written
 * apart, in this test) is Found: an Absent is never contradicted;</li>
 * <li>a run Found is one of the executor's (it makes it by construction) and shows the predicate:
 * its last state satisfies it, read by the same reader;</li>
 * <li>stopping at states past which the predicate can no longer hold (its flags set, every other
 * reading tried at every value) gives the same answer as following them, with no more states;</li>
 * <li>ordering the components the predicate reads only in iterations where two of its readings
 * may change gives the same answer as ordering them in every iteration, and a complete search
 * stores the same states (the iterations' ends do not depend on the orders tried).</li>
 * </ol>
 */
class PredicateStateSpaceProperties {

    static final AtomicInteger CASES = new AtomicInteger();
    static final AtomicInteger FOUND = new AtomicInteger();
    static final AtomicInteger ABSENT = new AtomicInteger();
    static final AtomicInteger CUT = new AtomicInteger();
    static final AtomicInteger SAMPLED_SEEN = new AtomicInteger();
    static final AtomicInteger STOPPED = new AtomicInteger();
    static final AtomicLong SWEEPS_QUIET = new AtomicLong();
    static final AtomicLong SWEEPS_ORDERED = new AtomicLong();
    static final AtomicLong NANOS = new AtomicLong();

    @AfterContainer
    static void counts() {
        System.err.println("PredicateStateSpaceProperties: " + CASES + " predicates in " + NANOS.get() / 1_000_000
                + " ms: " + FOUND + " found, " + ABSENT + " absent (complete), " + CUT + " cut; " + SAMPLED_SEEN
                + " seen in a sampled run; " + STOPPED + " absent with fewer states where it can no longer hold; "
                + SWEEPS_QUIET + " sweeps run ordering only where two readings may change, " + SWEEPS_ORDERED
                + " ordering in every iteration");
    }

    @Provide
    Arbitrary<List<Integer>> tapes() {
        return Arbitraries.integers().between(0, 1 << 20).list().ofMinSize(30).ofMaxSize(140);
    }

    @Property(tries = 300)
    void assembliesAgree(@ForAll("tapes") List<Integer> tape) {
        Tape t = new Tape(tape);
        check(Design.read(t).text(), t);
    }

    @Property(tries = 400)
    void programsAgree(@ForAll("tapes") List<Integer> tape) {
        Tape t = new Tape(tape);
        check(Prog.read(t).text(), t);
    }

    /** A predicate as a small tree over the readings, evaluated by the test itself. */
    sealed interface Expr {
        boolean eval(long[] v);

        record Atom(int reading, long atLeast) implements Expr {
            public boolean eval(long[] v) {
                return v[reading] >= atLeast;
            }
        }

        record Not(Expr e) implements Expr {
            public boolean eval(long[] v) {
                return !e.eval(v);
            }
        }

        record And(Expr a, Expr b) implements Expr {
            public boolean eval(long[] v) {
                return a.eval(v) && b.eval(v);
            }
        }

        record Or(Expr a, Expr b) implements Expr {
            public boolean eval(long[] v) {
                return a.eval(v) || b.eval(v);
            }
        }
    }

    record Case(List<LoopPredicate.Reading> readings, Expr expr) {
        LoopPredicate predicate() {
            return new LoopPredicate(readings, expr::eval);
        }
    }

    static Case randomPredicate(Executor x, Tape t) {
        List<LoopPredicate.Reading> rs = new ArrayList<>();
        Expr e;
        int shape = t.next(4);
        if (shape == 1) {
            // one element of an instance without another of the same kind: true only when the first
            // moves before the second — often only in one order of one phase of a sweep
            LoopPredicate.Reads kind = LoopPredicate.Reads.values()[t.next(LoopPredicate.Reads.values().length)];
            if (kind == LoopPredicate.Reads.MARKED_COUNT) {
                kind = LoopPredicate.Reads.MARKED;
            }
            int i = t.next(x.addedNames().size());
            CompiledType ty = x.addedTypes().get(i);
            String name = x.addedNames().get(i);
            if (kind == LoopPredicate.Reads.MARKED || ty.transitions.length == 0) {
                rs.add(new LoopPredicate.Reading(LoopPredicate.Reads.MARKED, name, ty.places[t.next(ty.places.length)], null));
                rs.add(new LoopPredicate.Reading(LoopPredicate.Reads.MARKED, name, ty.places[t.next(ty.places.length)], null));
            } else {
                // e.g. "b runs and c has not started": true only between two starts of one start phase
                LoopPredicate.Reads second = t.next(2) == 0 ? kind : LoopPredicate.Reads.STARTED;
                rs.add(new LoopPredicate.Reading(kind, name, ty.transitions[t.next(ty.transitions.length)], null));
                rs.add(new LoopPredicate.Reading(second, name, ty.transitions[t.next(ty.transitions.length)], null));
            }
            e = new Expr.And(new Expr.Atom(0, 1), new Expr.Not(new Expr.Atom(1, 1)));
        } else if (shape == 0) {
            // sequence-shaped: b started while a has not ended
            LoopPredicate.Reading a = reading(x, t, LoopPredicate.Reads.ENDED);
            LoopPredicate.Reading b = reading(x, t, LoopPredicate.Reads.STARTED);
            rs.add(a);
            rs.add(b);
            e = new Expr.And(new Expr.Atom(1, 1), new Expr.Not(new Expr.Atom(0, 1)));
        } else if (t.next(2) == 0) {
            // conjunctions are rarely true: the ones a particular order of moves shows
            e = new Expr.And(expr(x, t, rs, 1), new Expr.And(expr(x, t, rs, 1), expr(x, t, rs, 0)));
        } else {
            e = expr(x, t, rs, 2);
        }
        return new Case(rs, e);
    }

    private static Expr expr(Executor x, Tape t, List<LoopPredicate.Reading> rs, int depth) {
        int k = depth == 0 ? 0 : t.next(5);
        switch (k) {
            case 1:
                return new Expr.Not(expr(x, t, rs, depth - 1));
            case 2:
                return new Expr.And(expr(x, t, rs, depth - 1), expr(x, t, rs, depth - 1));
            case 3:
                return new Expr.Or(expr(x, t, rs, depth - 1), expr(x, t, rs, depth - 1));
            default:
                LoopPredicate.Reads kind = LoopPredicate.Reads.values()[t.next(LoopPredicate.Reads.values().length)];
                LoopPredicate.Reading r = reading(x, t, kind);
                rs.add(r);
                return new Expr.Atom(rs.size() - 1, kind == LoopPredicate.Reads.MARKED_COUNT ? 1 + t.next(2) : 1);
        }
    }

    private static LoopPredicate.Reading reading(Executor x, Tape t, LoopPredicate.Reads kind) {
        int i = t.next(x.addedNames().size());
        String name = x.addedNames().get(i);
        CompiledType ty = x.addedTypes().get(i);
        if (kind == LoopPredicate.Reads.MARKED || ty.transitions.length == 0 && kind != LoopPredicate.Reads.MARKED_COUNT) {
            return new LoopPredicate.Reading(LoopPredicate.Reads.MARKED, name, ty.places[t.next(ty.places.length)], null);
        }
        if (kind == LoopPredicate.Reads.MARKED_COUNT) {
            List<String> ps = List.of(ty.places[t.next(ty.places.length)], ty.places[t.next(ty.places.length)]);
            return new LoopPredicate.Reading(kind, name, null, ps.get(0).equals(ps.get(1)) ? List.of(ps.get(0)) : ps);
        }
        return new LoopPredicate.Reading(kind, name, ty.transitions[t.next(ty.transitions.length)], null);
    }

    /** Whether {@code c}'s predicate holds in some state of {@code r} (the initial one, or after an event). */
    static int firstHolding(Case c, Run r) {
        Map<String, Long> count = new HashMap<>();
        r.initial().forEach((i, ps) -> ps.forEach(p -> count.put("M" + i + "." + p, 1L)));
        if (c.expr().eval(values(c, count))) {
            return 0;
        }
        int k = 0;
        for (RunEvent e : r.events()) {
            k++;
            if (e instanceof RunEvent.PlaceEntered p) {
                count.put("M" + p.instance() + "." + p.place(), 1L);
            } else if (e instanceof RunEvent.PlaceLeft p) {
                count.remove("M" + p.instance() + "." + p.place());
            } else if (e instanceof RunEvent.TransitionStarted s) {
                count.merge("R" + s.instance() + "." + s.transition(), 1L, Long::sum);
                count.put("S" + s.instance() + "." + s.transition(), 1L);
            } else if (e instanceof RunEvent.TransitionEnded s) {
                count.merge("R" + s.instance() + "." + s.transition(), -1L, Long::sum);
                count.put("E" + s.instance() + "." + s.transition(), 1L);
            } else {
                continue;
            }
            if (c.expr().eval(values(c, count))) {
                return k;
            }
        }
        return -1;
    }

    /**
     * {@code found}'s run is the executor's (its replay follows every path found; where it does not,
     * LoopGraph.run gives no run: a bug) and shows {@code c}'s predicate where it stops, cut right
     * after the move that makes it hold.
     */
    static void showsItWhereItStops(Case c, PredicateSearch.Found found, String why) {
        Run r = found.run();
        assertNotNull(r, why);
        int k = firstHolding(c, r);
        assertTrue(k >= 0, why + "\n" + String.join("\n", r.lines()));
        assertTrue(r.end() instanceof RunEnd.Cut || k == r.events().size() || k == 0, why);
    }

    private static long[] values(Case c, Map<String, Long> count) {
        long[] v = new long[c.readings().size()];
        for (int k = 0; k < v.length; k++) {
            LoopPredicate.Reading r = c.readings().get(k);
            String key = switch (r.kind()) {
                case MARKED -> "M";
                case RUNNING -> "R";
                case STARTED -> "S";
                case ENDED -> "E";
                case MARKED_COUNT -> null;
            };
            // over several instances: the highest of theirs
            for (String i : r.instances()) {
                long own = 0;
                if (key == null) {
                    for (String p : r.places()) {
                        own += count.getOrDefault("M" + i + "." + p, 0L);
                    }
                } else {
                    own = count.getOrDefault(key + i + "." + r.element(), 0L);
                }
                v[k] = Math.max(v[k], own);
            }
        }
        return v;
    }

    static void check(String text, Tape t) {
        Executor x = Executor.of(Examples.parse(text), "gen");
        for (int n = 0; n < 3; n++) {
            Case c = randomPredicate(x, t);
            long t0 = System.nanoTime();
            PredicateSearch on = RuntimeStateSpace.of(x, Budget.of(100_000, 20)).reach(c.predicate());
            PredicateSearch off = RuntimeStateSpace.of(x, Budget.of(100_000, 20)).withoutReductions()
                    .reach(c.predicate());
            PredicateSearch following = RuntimeStateSpace.of(x, Budget.of(100_000, 20)).withoutStopPastPredicate()
                    .reach(c.predicate());
            PredicateSearch ordered = RuntimeStateSpace.of(x, Budget.of(100_000, 20)).withoutQuietReadings()
                    .reach(c.predicate());
            NANOS.addAndGet(System.nanoTime() - t0);
            CASES.incrementAndGet();
            String why = text + "\npredicate: " + c + "\nreduced: " + on + "\nfull: " + off
                    + "\nfollowing every state: " + following + "\nordered in every iteration: " + ordered;
            if (!(on instanceof PredicateSearch.Unanswered || ordered instanceof PredicateSearch.Unanswered)) {
                // (e) the readings that may change decide the orders: same answer, same states when complete
                assertEquals(on instanceof PredicateSearch.Found, ordered instanceof PredicateSearch.Found, why);
                if (on instanceof PredicateSearch.Absent) {
                    assertEquals(ordered.statistics().states(), on.statistics().states(), why);
                    SWEEPS_QUIET.addAndGet(on.statistics().sweeps());
                    SWEEPS_ORDERED.addAndGet(ordered.statistics().sweeps());
                }
            }
            if (!(on instanceof PredicateSearch.Unanswered || following instanceof PredicateSearch.Unanswered)) {
                // (d) stopping where the predicate can no longer hold keeps the answer, and stores
                // a part of what the search stores without it
                assertEquals(on instanceof PredicateSearch.Found, following instanceof PredicateSearch.Found, why);
                if (on instanceof PredicateSearch.Absent) {
                    assertTrue(on.statistics().states() <= following.statistics().states(), why);
                    if (on.statistics().states() < following.statistics().states()) {
                        STOPPED.incrementAndGet();
                    }
                }
            }
            if (on instanceof PredicateSearch.Unanswered || off instanceof PredicateSearch.Unanswered) {
                CUT.incrementAndGet();
            } else {
                // (a) the reductions keep the answer
                assertEquals(on instanceof PredicateSearch.Found, off instanceof PredicateSearch.Found, why);
            }
            // (c) a run found shows it, at its end
            for (PredicateSearch s : List.of(on, off)) {
                if (s instanceof PredicateSearch.Found f) {
                    showsItWhereItStops(c, f, why);
                }
            }
            if (on instanceof PredicateSearch.Found) {
                FOUND.incrementAndGet();
            } else if (on instanceof PredicateSearch.Absent) {
                ABSENT.incrementAndGet();
            }
            // (b) sampled runs: seen in one ⇒ Found
            boolean seen = false;
            for (long seed = 0; seed < 6; seed++) {
                for (Policy p : List.of(Policies.sampled(seed), Policies.sampledAnyOrder(seed))) {
                    Run r = x.run(p);
                    if (firstHolding(c, r) >= 0) {
                        seen = true;
                        if (on instanceof PredicateSearch.Absent || off instanceof PredicateSearch.Absent) {
                            fail(why + "\nsampled run shows it:\n" + String.join("\n", r.lines()));
                        }
                    }
                }
            }
            if (seen) {
                SAMPLED_SEEN.incrementAndGet();
            }
        }
    }
}

package dev.cadenza.verify.execute;

import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.execute.ExecutorAgainstCheckProperties.Design;
import dev.cadenza.verify.execute.ExecutorAgainstCheckProperties.Tape;
import dev.cadenza.verify.execute.PredicateStateSpaceProperties.Case;
import dev.cadenza.verify.trace.Run;
import dev.cadenza.verify.trace.RunEnd;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The symmetry of alike bundles in the runtime's state space ({@link LoopSymmetry}) against the
 * same exploration without it, on random models with alike bundles: a random design whose
 * components are either shared (one instance) or copied into 2 or 3 hosts (instances
 * {@code c<i>h<k>}, the bundle {@code k}), with programs that treat the hosts alike (pushes to
 * every host, in any order; a {@code waitAll} then every host's connections cut and an
 * instance deleted) or not (a push to one host, a {@code wait} on one instance). Same deadlock
 * verdict, same min and max, same predicate verdicts; the runs returned are the executor's and
 * end as they should. Predicates over hosts are searched over every alike host first
 * ({@link AlikeReadings}): the same verdicts as the predicate searched as given, and runs that
 * show the predicate itself.
 */
class SymmetryStateSpaceProperties {

    static final AtomicInteger MODELS = new AtomicInteger();
    static final AtomicInteger REDUCED = new AtomicInteger();
    static final AtomicInteger PREDICATES = new AtomicInteger();
    static final AtomicInteger CUT = new AtomicInteger();
    static final AtomicLong NANOS = new AtomicLong();
    static final AtomicLong STATES_ON = new AtomicLong();
    static final AtomicLong STATES_OFF = new AtomicLong();
    static final AtomicInteger WIDENED = new AtomicInteger();
    static final AtomicInteger WIDENED_FOUND = new AtomicInteger();
    static final AtomicInteger WIDENED_FEWER = new AtomicInteger();

    @AfterContainer
    static void counts() {
        System.err.println("SymmetryStateSpaceProperties: " + MODELS + " models compared in " + NANOS.get() / 1_000_000
                + " ms (" + CUT + " cut by the budget, skipped), " + REDUCED
                + " of them with fewer states (" + STATES_ON + " states with the symmetry, " + STATES_OFF
                + " without); " + PREDICATES + " predicates compared; " + WIDENED + " of them widened to alike hosts ("
                + WIDENED_FOUND + " found, " + WIDENED_FEWER + " absent with fewer states)");
    }

    /** States per exploration: larger models are skipped (the suite stays short), and counted. */
    static final int BUDGET = 4_000;

    static {
        // -Dsymmetry.broken=true: every class used at every program counter, the program unchecked —
        // a broken rule these properties must catch (they do: a deadlock or a bound differs)
        LoopSymmetry.uncheckedForTests = Boolean.getBoolean("symmetry.broken");
    }

    @Provide
    Arbitrary<List<Integer>> tapes() {
        return Arbitraries.integers().between(0, 1 << 20).list().ofMinSize(30).ofMaxSize(140);
    }

    /** A program over copies of a design's components, read from the tape. */
    static String hosts(Tape t) {
        Design d = Design.read(t);
        int n = d.comps().size();
        int hosts = 2 + t.next(2);
        boolean[] copied = new boolean[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            copied[i] = t.next(3) != 0;
            any |= copied[i];
        }
        if (!any) {
            copied[t.next(n)] = true;
        }
        List<int[]> extra = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            extra.add(new int[] {t.next(3), t.next(2), t.next(3), t.next(2)});
        }
        // connections kept: between copies of one host, or a shared provider to each host's user
        List<int[]> cons = new ArrayList<>();
        for (int[] k : d.connections()) {
            if (copied[k[0]] == copied[k[2]] || !copied[k[0]]) {
                cons.add(k);
            }
        }
        StringBuilder sb = new StringBuilder(d.components(true, extra));
        sb.append("program gen {\n");
        List<String> ops = new ArrayList<>();
        // adds: shared ones, then the hosts (in host order or interleaved)
        for (int i = 0; i < n; i++) {
            if (!copied[i]) {
                ops.add("add(" + name(i, -1, copied) + " : C" + i + ")");
            }
        }
        boolean interleave = t.next(2) == 0;
        for (int a = 0; a < n * hosts; a++) {
            int i = interleave ? a % n : a / hosts;
            int h = interleave ? a / n : a % hosts;
            if (copied[i]) {
                ops.add("add(" + name(i, h, copied) + " : C" + i + ")");
            }
        }
        for (int[] k : cons) {
            for (int h = 0; h < (copied[k[0]] || copied[k[2]] ? hosts : 1); h++) {
                ops.add(con("con", k, h, copied));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int h = 0; h < (copied[i] ? hosts : 1); h++) {
                ops.add("pushB(" + name(i, h, copied) + ", deploy)");
            }
        }
        boolean[] deleted = new boolean[n];
        boolean[] cut = new boolean[cons.size()];
        if (t.next(2) == 0) {
            // a wait on one host first: the instructions after it run later, from states the symmetry merges
            int i = t.next(n);
            ops.add("wait(" + name(i, copied[i] ? t.next(hosts) : -1, copied) + ")");
        }
        int count = 1 + t.next(4);
        for (int k = 0; k < count; k++) {
            int op = t.next(9);
            int i = t.next(n);
            if (deleted[i]) {
                continue;
            }
            int[] order = hostOrder(t, hosts);
            switch (op) {
                case 0, 1 -> {
                    // every host alike, in some order
                    String b = op == 0 ? "more" : "back";
                    for (int h : copied[i] ? order : new int[] {-1}) {
                        ops.add("pushB(" + name(i, h, copied) + ", " + b + ")");
                    }
                }
                case 2, 3 -> ops.add("pushB(" + name(i, copied[i] ? t.next(hosts) : -1, copied) + ", "
                        + (op == 2 ? "more" : "back") + ")");
                case 4, 5 -> ops.add("wait(" + name(i, copied[i] ? t.next(hosts) : -1, copied) + ")");
                case 6 -> ops.add("waitAll");
                default -> {
                    if (!copied[i]) {
                        continue;
                    }
                    // a waitAll, then every host's connections of i cut and its copy of i deleted
                    ops.add("waitAll");
                    for (int h : order) {
                        for (int j = 0; j < cons.size(); j++) {
                            int[] c = cons.get(j);
                            if (!cut[j] && (c[0] == i || c[2] == i)) {
                                ops.add(con("dcon", c, h, copied));
                            }
                        }
                        ops.add("del(" + name(i, h, copied) + ")");
                    }
                    for (int j = 0; j < cons.size(); j++) {
                        int[] c = cons.get(j);
                        cut[j] |= c[0] == i || c[2] == i;
                    }
                    deleted[i] = true;
                }
            }
        }
        for (String o : ops) {
            sb.append("  ").append(o).append('\n');
        }
        return sb.append("}\n").toString();
    }

    private static int[] hostOrder(Tape t, int hosts) {
        int[] o = new int[hosts];
        for (int h = 0; h < hosts; h++) {
            o[h] = h;
        }
        for (int h = hosts - 1; h > 0; h--) {
            int j = t.next(h + 1);
            int v = o[h];
            o[h] = o[j];
            o[j] = v;
        }
        return o;
    }

    /** A copied component's instance on host h ({@code c<i>h<h>}), a shared one's ({@code s<letter>}). */
    private static String name(int i, int h, boolean[] copied) {
        return copied[i] ? "c" + i + "h" + h : "s" + (char) ('a' + i);
    }

    private static String con(String op, int[] k, int h, boolean[] copied) {
        return op + "(" + name(k[0], h, copied) + ".p" + k[1] + ", " + name(k[2], h, copied) + ".p" + k[3] + ")";
    }

    @Property(tries = 300)
    void theSymmetryKeepsDeadlocksAndBounds(@ForAll("tapes") List<Integer> tape) {
        String text = hosts(new Tape(tape));
        Executor x = Executor.of(Examples.parse(text), "gen");
        long t0 = System.nanoTime();
        RuntimeStateSpace on = RuntimeStateSpace.of(x, Budget.of(BUDGET, 30));
        RuntimeStateSpace off = on.withoutSymmetry();
        FinishTimes a = on.finishTimes();
        FinishTimes b = off.finishTimes();
        DeadlockSearch da = on.deadlock();
        DeadlockSearch db = off.deadlock();
        NANOS.addAndGet(System.nanoTime() - t0);
        if (!a.complete() || !b.complete() || !da.statistics().complete() || !db.statistics().complete()) {
            CUT.incrementAndGet();
            return;
        }
        String why = text + "\nwith: [" + a.min() + ", " + a.max() + "] " + a.statistics().describe()
                + "\nwithout: [" + b.min() + ", " + b.max() + "] " + b.statistics().describe();
        MODELS.incrementAndGet();
        STATES_ON.addAndGet(a.statistics().states());
        STATES_OFF.addAndGet(b.statistics().states());
        if (a.statistics().states() < b.statistics().states()) {
            REDUCED.incrementAndGet();
        }
        assertEquals(b.min(), a.min(), why);
        assertEquals(b.max(), a.max(), why);
        assertEquals(b.deadlockReachable(), a.deadlockReachable(), why);
        assertEquals(b.stopReachable(), a.stopReachable(), why);
        assertEquals(b.runsForever(), a.runsForever(), why);
        assertTrue(a.statistics().states() <= b.statistics().states(), why);
        // the runs that attain min and max are the executor's, ending then
        if (a.fastest() != null) {
            assertEquals(new RunEnd.Finished(a.min()), a.fastest().end(), why);
        }
        if (a.slowest() != null) {
            assertEquals(new RunEnd.Finished(a.max()), a.slowest().end(), why);
        }
        assertEquals(db instanceof DeadlockSearch.Found, da instanceof DeadlockSearch.Found, why);
        if (da instanceof DeadlockSearch.Found f && f.run() != null) {
            Run r = f.run();
            assertInstanceOf(RunEnd.Deadlock.class, r.end(), why + "\n" + String.join("\n", r.lines()));
        }
    }

    @Property(tries = 200)
    void theSymmetryKeepsPredicateVerdicts(@ForAll("tapes") List<Integer> tape) {
        Tape t = new Tape(tape);
        String text = hosts(t);
        Executor x = Executor.of(Examples.parse(text), "gen");
        for (int n = 0; n < 2; n++) {
            Case c = PredicateStateSpaceProperties.randomPredicate(x, t);
            long t0 = System.nanoTime();
            PredicateSearch on = RuntimeStateSpace.of(x, Budget.of(BUDGET, 30)).reach(c.predicate());
            PredicateSearch off = RuntimeStateSpace.of(x, Budget.of(BUDGET, 30)).withoutSymmetry().reach(c.predicate());
            NANOS.addAndGet(System.nanoTime() - t0);
            if (on instanceof PredicateSearch.Unanswered || off instanceof PredicateSearch.Unanswered) {
                CUT.incrementAndGet();
                continue;
            }
            PREDICATES.incrementAndGet();
            String why = text + "\npredicate: " + c + "\nwith: " + on + "\nwithout: " + off;
            assertEquals(off instanceof PredicateSearch.Found, on instanceof PredicateSearch.Found, why);
            if (on instanceof PredicateSearch.Found f) {
                PredicateStateSpaceProperties.showsItWhereItStops(c, f, why);
            }
        }
    }

    @Property(tries = 200)
    void widenedReadingsKeepPredicateVerdicts(@ForAll("tapes") List<Integer> tape) {
        String text = hosts(new Tape(tape));
        Executor x = Executor.of(Examples.parse(text), "gen");
        // the model reads most of the tape: the predicates draw from their own, derived from it
        java.util.Random random = new java.util.Random(tape.hashCode());
        Tape t = new Tape(random.ints(60, 0, 1 << 20).boxed().toList());
        for (int n = 0; n < 3; n++) {
            Case c = n == 0 ? PredicateStateSpaceProperties.randomPredicate(x, t) : hostPredicate(x, t);
            boolean widened = AlikeReadings.widen(c.predicate(), x) != null;
            long t0 = System.nanoTime();
            PredicateSearch on = RuntimeStateSpace.of(x, Budget.of(BUDGET, 30)).reach(c.predicate());
            PredicateSearch off = RuntimeStateSpace.of(x, Budget.of(BUDGET, 30)).withoutAlikeReadings()
                    .reach(c.predicate());
            NANOS.addAndGet(System.nanoTime() - t0);
            if (on instanceof PredicateSearch.Unanswered || off instanceof PredicateSearch.Unanswered) {
                CUT.incrementAndGet();
                continue;
            }
            PREDICATES.incrementAndGet();
            String why = text + "\npredicate: " + c + "\nwidened: " + widened + "\nwith: " + on + "\nas given: " + off;
            assertEquals(off instanceof PredicateSearch.Found, on instanceof PredicateSearch.Found, why);
            if (on instanceof PredicateSearch.Found f) {
                PredicateStateSpaceProperties.showsItWhereItStops(c, f, why);
            }
            if (widened) {
                WIDENED.incrementAndGet();
                if (on instanceof PredicateSearch.Found) {
                    WIDENED_FOUND.incrementAndGet();
                } else if (on.statistics().states() < off.statistics().states()) {
                    WIDENED_FEWER.incrementAndGet();
                }
            }
        }
    }

    /**
     * A predicate that reads hosts where raising a reading only helps it hold, as {@code sequence}'s
     * "b started while a has not ended" with b on a host: the shape {@link AlikeReadings} widens.
     * Sometimes a host is also read the other way (its bundle then stays in place).
     */
    static Case hostPredicate(Executor x, Tape t) {
        List<Integer> hosted = new ArrayList<>();
        for (int i = 0; i < x.addedNames().size(); i++) {
            if (x.addedNames().get(i).matches("c\\d+h\\d+") && x.addedTypes().get(i).transitions.length > 0) {
                hosted.add(i);
            }
        }
        if (hosted.isEmpty()) {
            return PredicateStateSpaceProperties.randomPredicate(x, t);
        }
        List<LoopPredicate.Reading> rs = new ArrayList<>();
        int b = hosted.get(t.next(hosted.size()));
        CompiledType bt = x.addedTypes().get(b);
        LoopPredicate.Reads positive = t.next(3) == 0 ? LoopPredicate.Reads.RUNNING : LoopPredicate.Reads.STARTED;
        rs.add(new LoopPredicate.Reading(positive, x.addedNames().get(b), bt.transitions[t.next(bt.transitions.length)], null));
        int a = t.next(2) == 0 ? hosted.get(t.next(hosted.size())) : t.next(x.addedNames().size());
        CompiledType at = x.addedTypes().get(a);
        if (at.transitions.length > 0) {
            rs.add(new LoopPredicate.Reading(LoopPredicate.Reads.ENDED, x.addedNames().get(a),
                    at.transitions[t.next(at.transitions.length)], null));
        } else {
            rs.add(new LoopPredicate.Reading(LoopPredicate.Reads.MARKED, x.addedNames().get(a),
                    at.places[t.next(at.places.length)], null));
        }
        PredicateStateSpaceProperties.Expr e = new PredicateStateSpaceProperties.Expr.And(
                new PredicateStateSpaceProperties.Expr.Atom(0, 1),
                new PredicateStateSpaceProperties.Expr.Not(new PredicateStateSpaceProperties.Expr.Atom(1, 1)));
        if (t.next(3) == 0) {
            // or a second host's step, positive too
            int c = hosted.get(t.next(hosted.size()));
            CompiledType ct = x.addedTypes().get(c);
            rs.add(new LoopPredicate.Reading(LoopPredicate.Reads.ENDED, x.addedNames().get(c),
                    ct.transitions[t.next(ct.transitions.length)], null));
            e = new PredicateStateSpaceProperties.Expr.Or(e, new PredicateStateSpaceProperties.Expr.Atom(2, 1));
        }
        return new Case(rs, e);
    }
}

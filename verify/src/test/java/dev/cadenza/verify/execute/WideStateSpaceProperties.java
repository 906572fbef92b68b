package dev.cadenza.verify.execute;

import dev.cadenza.core.model.Model;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.execute.ExecutorAgainstCheckProperties.Design;
import dev.cadenza.verify.execute.ExecutorAgainstCheckProperties.Prog;
import dev.cadenza.verify.execute.ExecutorAgainstCheckProperties.Tape;
import dev.cadenza.verify.execute.PredicateStateSpaceProperties.Case;
import dev.cadenza.verify.trace.Run;
import dev.cadenza.verify.trace.RunEnd;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runtime's state space past 64 instances, where its keys are wide ({@link LoopStateCodec}:
 * a set to sweep of several 64-bit words, two ints per connection; {@link LoopGraph}'s groups and
 * idle sweeps over several words; {@link LoopSymmetry}'s triples with ids above 64). The random
 * models of the runtime-state-space properties (programs, assemblies, alike hosts: {@link Prog},
 * {@link Design}, {@link SymmetryStateSpaceProperties#hosts}, here with one host's connection
 * cut at times) are widened with fillers, instances of two small types of their own (a deploy of
 * one transition; a link also waits on the one before it), named without a number (no bundle of
 * the symmetry), added before the model's own (which then have ids past 64) or after its
 * program, up to 65 to 88 instances. The answers are held to independent sources:
 * <ul>
 * <li>the narrow layout (at most 64 instances): with fillers that are never deployed (only
 * initialized, all in one iteration), the model with one filler has the same states (and edges
 * without the symmetry), cut, bounds, deadlock, stop, endless runs and predicate verdicts; and
 * the models at their own size explored with wide keys forced ({@link LoopStateCodec#wideForTests})
 * are the narrow explorations step for step (states, edges, sweeps, answers, runs);</li>
 * <li>every reduction off ({@link RuntimeStateSpace#withoutReductions}: every order of every
 * sweep, no symmetry), the fillers added one at a time (so that an iteration sweeps one of them),
 * one or two of them deployed: the same bounds, deadlock and predicate verdicts;</li>
 * <li>fillers deployed all at once or in a chain (iterations sweep more than 64 components):
 * the model alone gives the deadlock and predicate verdicts, and the exploration is held to
 * itself with the incremental decode off (every incremental resume checked against the whole
 * decode) and with every sweep run.</li>
 * </ul>
 * Runs found are the executor's and end as they should. And 1,024 instances, the most explored,
 * are explored (one iteration sweeps them all); one more is refused, with the reason.
 */
class WideStateSpaceProperties {

    static final AtomicInteger MODELS = new AtomicInteger();
    static final AtomicInteger CUT = new AtomicInteger();
    static final AtomicInteger FOUND = new AtomicInteger();
    static final AtomicLong STATES = new AtomicLong();
    static final AtomicLong MAX_INSTANCES = new AtomicLong();
    static final AtomicInteger WIDE_FOR_TESTS = new AtomicInteger();

    @AfterContainer
    static void counts() {
        System.err.println("WideStateSpaceProperties: " + MODELS + " wide models compared (" + CUT
                + " cut by the budget, compared as far as they went or skipped), " + STATES + " states, "
                + FOUND + " predicates or deadlocks found; up to " + MAX_INSTANCES + " instances; " + WIDE_FOR_TESTS
                + " models explored with wide keys as with narrow ones");
    }

    /** States per exploration: a budget of states, so that compared explorations stop at the same one. */
    static final int BUDGET = 3_000;

    @Provide
    Arbitrary<List<Integer>> tapes() {
        return Arbitraries.integers().between(0, 1 << 20).list().ofMinSize(30).ofMaxSize(140);
    }

    // ---- widening a model -------------------------------------------------------------------------------

    /** How fillers take part: never deployed (inert), each deployed on its own, or deployed in a chain. */
    enum Fill { INERT, INDEPENDENT, CHAINED }

    /**
     * How a model is widened, drawn once: fillers up to {@code total} instances in all, the first
     * {@code deployed} of them deployed (transitions of [a, a + w]), before the model's own
     * instructions or after them.
     */
    record Spec(String base, Fill fill, int total, int deployed, int a, int w, boolean first) {

        int own() {
            return count(base, "add(");
        }

        /** The fillers of the widened model: up to the total (at least one). */
        int fillers() {
            return Math.max(total - own(), 1);
        }

        /** The model with the fillers, all added in one program phase. */
        String wide() {
            return text(fillers(), false);
        }

        /**
         * The model with one filler, added where the fillers are: fillers never deployed are only
         * initialized, every one in the iteration after their adds (each a group of its own, swept
         * in one order), so with one filler or many the iterations and their outcomes are the same,
         * and this narrow model (at most 64 instances) has the wide one's states and edges. (Not
         * so for deployed fillers: a {@code waitAll} waiting on them makes their finishes races.)
         */
        String narrow() {
            return text(1, false);
        }

        /**
         * The model with the fillers added one at a time, each waited for (its initialization) before
         * the next: an iteration sweeps one filler, not all, so that every order of the sweeps can be tried.
         */
        String sequential() {
            return text(fillers(), true);
        }

        int instances() {
            return own() + fillers();
        }

        private String text(int n, boolean oneByOne) {
            int active = fill == Fill.INERT ? 0 : Math.min(deployed, n);
            StringBuilder types = new StringBuilder();
            types.append("component Fill {\n  places q0 q1\n  initial q0\n  behavior deploy {\n    t: q0 -> q1 [")
                    .append(a).append(", ").append(a + w).append("]\n  }\n  provide pout at q1\n  use pin at q1\n}\n");
            types.append("component Head {\n  places q0 q1\n  initial q0\n  behavior deploy {\n    t: q0 -> q1 [")
                    .append(a).append(", ").append(a + w).append("]\n  }\n  provide pout at q1\n}\n");
            StringBuilder ops = new StringBuilder();
            // a filler is a Fill (its use port connected to the one before) in a chain, a Head otherwise;
            // inert ones are linked in pairs, so that wide connections are written
            for (int i = 0; i < n; i++) {
                boolean link = fill == Fill.CHAINED ? i > 0 && i < active : fill == Fill.INERT && i % 2 == 1;
                ops.append("  add(").append(filler(i)).append(" : ").append(link ? "Fill" : "Head").append(")\n");
                if (link) {
                    ops.append("  con(").append(filler(i - 1)).append(".pout, ").append(filler(i)).append(".pin)\n");
                }
                if (oneByOne) {
                    ops.append("  wait(").append(filler(i)).append(")\n");
                }
            }
            for (int i = 0; i < active; i++) {
                ops.append("  pushB(").append(filler(i)).append(", deploy)\n");
            }
            int program = base.indexOf("program gen {\n");
            String head = base.substring(0, program) + types + "program gen {\n";
            String body = base.substring(program + "program gen {\n".length(), base.lastIndexOf('}'));
            return first ? head + ops + body + "}\n" : head + body + ops + "}\n";
        }
    }

    /** A random base model: a program over a random design, or alike hosts (one of them with a connection cut, or not). */
    static String base(Tape t) {
        return t.next(2) == 0 ? Prog.read(t).text() : hosts(t);
    }

    /**
     * Alike hosts ({@link SymmetryStateSpaceProperties#hosts}), with one host's connection cut
     * before anything is deployed when the program cuts none later: its hosts then differ in their
     * connections while the rest of the program treats them alike, so the canonical form moves
     * connections that are not the same on every host (which {@code hosts} alone never makes).
     */
    static String hosts(Tape t) {
        String text = SymmetryStateSpaceProperties.hosts(t);
        int push = text.indexOf("  pushB(");
        if (t.next(2) == 0 || text.contains("dcon(") || push < 0) {
            return text;
        }
        List<String> cons = new java.util.ArrayList<>();
        for (String line : text.substring(0, push).split("\n")) {
            if (line.startsWith("  con(")) {
                cons.add(line);
            }
        }
        if (cons.isEmpty()) {
            return text;
        }
        String cut = "  d" + cons.get(t.next(cons.size())).substring(2) + "\n";
        return text.substring(0, push) + cut + text.substring(push);
    }

    /**
     * How to widen {@code base} (a model whose subject is {@code program gen}): to 65 to 88 instances
     * in all; {@code deployed} fillers (at most) deployed, the rest inert. A deploy's interval is
     * [a, a] but for one or two fillers deployed alone ([a, a + 1] then).
     */
    static Spec widen(String base, Tape t, Fill fill, int deployed) {
        int total = 65 + t.next(24);
        int a = t.next(3);
        int w = fill == Fill.INDEPENDENT && deployed <= 2 ? t.next(2) : 0;
        return new Spec(base, fill, total, deployed, a, w, t.next(2) == 0);
    }

    /** Filler i's name: letters only, so that the symmetry proposes no bundle of it. */
    static String filler(int i) {
        StringBuilder sb = new StringBuilder();
        do {
            sb.append((char) ('a' + i % 26));
            i /= 26;
        } while (i > 0);
        return "f" + sb;
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static Executor executor(String text) {
        return Executor.of(Examples.parse(text), "gen");
    }

    private static RuntimeStateSpace space(Executor x) {
        return RuntimeStateSpace.of(x, Budget.of(BUDGET, 60));
    }

    private static void counted(Spec m, StateSpaceStatistics s) {
        MODELS.incrementAndGet();
        STATES.addAndGet(s.states());
        MAX_INSTANCES.accumulateAndGet(m.instances(), Math::max);
        if (!s.complete()) {
            CUT.incrementAndGet();
        }
    }

    // ---- the properties ---------------------------------------------------------------------------------

    /**
     * Inert fillers: the wide exploration is the narrow one of the model with one filler, state for
     * state (without the symmetry: also edge for edge; with it, the orbits are the same but a
     * bundle's description, and so the representative explored, may differ), with the same answers.
     */
    @Property(tries = 60)
    void inertFillersChangeNothing(@ForAll("tapes") List<Integer> tape) {
        Tape t = new Tape(tape);
        Spec m = widen(base(t), t, Fill.INERT, 0);
        sameAsNarrow(m, true);
    }

    /** The wide model against the narrow one: states (and edges without the symmetry), cut, answers, runs. */
    private static void sameAsNarrow(Spec m, boolean withSymmetry) {
        Executor wide = executor(m.wide());
        Executor narrow = executor(m.narrow());
        assertTrue(wide.addedNames().size() > 64 && narrow.addedNames().size() <= 64, m.wide());
        for (boolean symmetric : withSymmetry ? new boolean[] {false, true} : new boolean[] {false}) {
            RuntimeStateSpace sw = symmetric ? space(wide) : space(wide).withoutSymmetry();
            RuntimeStateSpace sn = symmetric ? space(narrow) : space(narrow).withoutSymmetry();
            FinishTimes a = sw.finishTimes();
            FinishTimes b = sn.finishTimes();
            counted(m, a.statistics());
            String why = m.wide() + "\nsymmetry " + symmetric + "\nwide: [" + a.min() + ", " + a.max() + "] "
                    + a.statistics().describe() + "\nnarrow: [" + b.min() + ", " + b.max() + "] " + b.statistics().describe();
            assertEquals(b.statistics().cut(), a.statistics().cut(), why);
            assertEquals(b.statistics().states(), a.statistics().states(), why);
            if (!symmetric) {
                assertEquals(b.statistics().edges(), a.statistics().edges(), why);
            }
            if (a.complete()) {
                assertEquals(b.min(), a.min(), why);
                assertEquals(b.max(), a.max(), why);
                assertEquals(b.deadlockReachable(), a.deadlockReachable(), why);
                assertEquals(b.stopReachable(), a.stopReachable(), why);
                assertEquals(b.runsForever(), a.runsForever(), why);
                ends(a, why);
            }
            DeadlockSearch da = sw.deadlock();
            DeadlockSearch db = sn.deadlock();
            assertEquals(db.getClass(), da.getClass(), why);
            if (!symmetric || da instanceof DeadlockSearch.Absent) {
                // (a search that stops at the first deadlock may have stored other representatives by then)
                assertEquals(db.statistics().states(), da.statistics().states(), why);
            }
            deadlockRun(da, why);
        }
    }

    /**
     * Inert fillers, an observed predicate over the model's instances: the narrow model's verdict,
     * with the same states; for a program over 2 or 3 components, also the verdict of every order of
     * every sweep (no reduction) with the fillers added one at a time.
     */
    @Property(tries = 60)
    void inertFillersKeepPredicates(@ForAll("tapes") List<Integer> tape) {
        Tape t = new Tape(tape);
        boolean small = t.next(2) == 0;
        Spec m = widen(small ? Prog.read(t).text() : base(t), t, Fill.INERT, 0);
        Executor wide = executor(m.wide());
        Executor narrow = executor(m.narrow());
        Case c = PredicateStateSpaceProperties.randomPredicate(executor(m.base()), t);
        PredicateSearch a = space(wide).reach(c.predicate());
        PredicateSearch b = space(narrow).reach(c.predicate());
        counted(m, a.statistics());
        String why = m.wide() + "\npredicate: " + c + "\nwide: " + a + "\nnarrow: " + b;
        assertEquals(b.getClass(), a.getClass(), why);
        assertEquals(b.statistics().states(), a.statistics().states(), why);
        found(c, a, why);
        if (small) {
            PredicateSearch all = unreduced(executor(m.sequential())).reach(c.predicate());
            if (!(all instanceof PredicateSearch.Unanswered) && !(a instanceof PredicateSearch.Unanswered)) {
                assertEquals(all.getClass(), a.getClass(), why + "\nwithout reductions: " + all);
            }
        }
    }

    /** The state space with every reduction off, within a short time (every order of an iteration's sweeps is tried). */
    private static RuntimeStateSpace unreduced(Executor x) {
        return RuntimeStateSpace.of(x, Budget.of(BUDGET, 5)).withoutReductions();
    }

    /**
     * Wide models (a program over a random design of 2 or 3 components, the fillers added one at a
     * time), one or two fillers deployed, [a, a + 1] allowed: every reduction on (groups, idle
     * sweeps, secluded ties, the order of the start and end phases) against every one off.
     */
    @Property(tries = 25)
    void reductionsAgreeWithoutThem(@ForAll("tapes") List<Integer> tape) {
        Tape t = new Tape(tape);
        Spec m = widen(Prog.read(t).text(), t, Fill.INDEPENDENT, 1 + t.next(2));
        Executor wide = executor(m.sequential());
        FinishTimes a = space(wide).finishTimes();
        counted(m, a.statistics());
        FinishTimes b = unreduced(wide).finishTimes();
        if (!a.complete() || !b.complete()) {
            return;
        }
        String why = m.sequential() + "\nreduced: [" + a.min() + ", " + a.max() + "] " + a.statistics().describe()
                + "\nall orders: [" + b.min() + ", " + b.max() + "] " + b.statistics().describe();
        assertEquals(b.min(), a.min(), why);
        assertEquals(b.max(), a.max(), why);
        assertEquals(b.deadlockReachable(), a.deadlockReachable(), why);
        assertEquals(b.stopReachable(), a.stopReachable(), why);
        assertEquals(b.runsForever(), a.runsForever(), why);
        assertTrue(a.statistics().states() <= b.statistics().states(), why);
        ends(a, why);
        DeadlockSearch da = space(wide).deadlock();
        deadlockRun(da, why);
        assertEquals(b.deadlockReachable(), da instanceof DeadlockSearch.Found, why);
    }

    /**
     * Fillers deployed, all at once or in a chain (each waits on the one before): iterations sweep
     * components with ids past 64 (more than 64 of them when the fillers come first, with the
     * model's own). The model alone gives the deadlock and predicate verdicts (a filler never
     * blocks, and the model's instances, frozen while a {@code waitAll} waits for fillers, reach
     * the same states); the incremental decode (every resume checked against the whole decode)
     * and the idle sweeps give the same graph as without them. (The fillers do not move as one
     * here: a {@code waitAll} that waits on them makes their finishes races.)
     */
    @Property(tries = 12)
    void deployedFillersKeepVerdicts(@ForAll("tapes") List<Integer> tape) {
        Tape t = new Tape(tape);
        Spec m = widen(base(t), t, t.next(2) == 0 ? Fill.INDEPENDENT : Fill.CHAINED, 200);
        Executor wide = executor(m.wide());
        Executor alone = executor(m.base());
        String why = m.wide();
        DeadlockSearch da = IncrementalDecodeProperties.checked(() -> space(wide).deadlock());
        DeadlockSearch db = space(alone).deadlock();
        counted(m, da.statistics());
        if (da.statistics().complete() && db.statistics().complete()) {
            assertEquals(db.getClass(), da.getClass(), why + "\nwide: " + da + "\nalone: " + db);
        }
        deadlockRun(da, why);
        Case c = PredicateStateSpaceProperties.randomPredicate(alone, t);
        PredicateSearch a = IncrementalDecodeProperties.checked(() -> space(wide).reach(c.predicate()));
        PredicateSearch b = space(alone).reach(c.predicate());
        if (!(a instanceof PredicateSearch.Unanswered) && !(b instanceof PredicateSearch.Unanswered)) {
            assertEquals(b.getClass(), a.getClass(), why + "\npredicate: " + c + "\nwide: " + a + "\nalone: " + b);
        }
        found(c, a, why + "\npredicate: " + c);
        IncrementalDecodeProperties.compare(wide, why, BUDGET / 2);
        IdleSweepsProperties.compare(wide, why, BUDGET / 2);
    }

    /**
     * The wide layout itself, on the random models of the runtime-state-space properties (programs,
     * assemblies, alike hosts, a step cost, Concerto-D, observed predicates) at their own size: keys
     * written wide ({@link LoopStateCodec#wideForTests}: two words of the set to sweep, two ints
     * per connection, the symmetry's triples on wide connections) against the narrow ones. Nothing
     * else differs, so the explorations are the same step for step: the same states, edges, sweeps
     * and cut, the same answers and the same runs.
     */
    @Property(tries = 80)
    void wideKeysAsNarrow(@ForAll("tapes") List<Integer> tape, @ForAll @IntRange(min = 0, max = 5) int kind) {
        Tape t = new Tape(tape);
        String text = switch (kind) {
            case 0, 3, 4 -> Prog.read(t).text();
            case 1 -> Design.read(t).text();
            default -> hosts(t);
        };
        Model model = switch (kind) {
            case 3 -> IncrementalDecodeProperties.withStep(text, 1 + t.next(2), t.next(3));
            case 4 -> IncrementalDecodeProperties.concertoD(text, t.next(2) == 0);
            default -> Examples.parse(text);
        };
        Executor x = Executor.of(model, "gen");
        String why = text + "\n" + model.semantics() + " step " + x.step();
        FinishTimes a = wide(() -> space(x).finishTimes());
        FinishTimes b = space(x).finishTimes();
        assertSameSearch(a.statistics(), b.statistics(), why);
        assertEquals(b.min(), a.min(), why);
        assertEquals(b.max(), a.max(), why);
        assertEquals(b.deadlockReachable(), a.deadlockReachable(), why);
        assertEquals(b.stopReachable(), a.stopReachable(), why);
        assertEquals(b.runsForever(), a.runsForever(), why);
        assertEquals(IncrementalDecodeProperties.lines(b.fastest()), IncrementalDecodeProperties.lines(a.fastest()), why);
        assertEquals(IncrementalDecodeProperties.lines(b.slowest()), IncrementalDecodeProperties.lines(a.slowest()), why);
        DeadlockSearch da = wide(() -> space(x).deadlock());
        DeadlockSearch db = space(x).deadlock();
        assertSameSearch(da.statistics(), db.statistics(), why);
        assertEquals(db.getClass(), da.getClass(), why);
        if (da instanceof DeadlockSearch.Found fa && db instanceof DeadlockSearch.Found fb) {
            assertEquals(IncrementalDecodeProperties.lines(fb.run()), IncrementalDecodeProperties.lines(fa.run()), why);
        }
        Case c = PredicateStateSpaceProperties.randomPredicate(x, t);
        PredicateSearch pa = wide(() -> space(x).reach(c.predicate()));
        PredicateSearch pb = space(x).reach(c.predicate());
        why += "\npredicate: " + c;
        assertSameSearch(pa.statistics(), pb.statistics(), why);
        assertEquals(pb.getClass(), pa.getClass(), why);
        if (pa instanceof PredicateSearch.Found fa && pb instanceof PredicateSearch.Found fb) {
            assertEquals(IncrementalDecodeProperties.lines(fb.run()), IncrementalDecodeProperties.lines(fa.run()), why);
        }
        WIDE_FOR_TESTS.incrementAndGet();
    }

    /** {@code search} with keys written wide (and every incremental resume and bundle description checked). */
    private static <T> T wide(Supplier<T> search) {
        LoopStateCodec.wideForTests = true;
        try {
            return IncrementalDecodeProperties.checked(search);
        } finally {
            LoopStateCodec.wideForTests = false;
        }
    }

    private static void assertSameSearch(StateSpaceStatistics a, StateSpaceStatistics b, String why) {
        String both = why + "\nwide: " + a.describe() + "\nnarrow: " + b.describe();
        assertEquals(b.states(), a.states(), both);
        assertEquals(b.edges(), a.edges(), both);
        assertEquals(b.sweeps(), a.sweeps(), both);
        assertEquals(b.cut(), a.cut(), both);
    }

    /** 1,024 instances, the most explored, every one deployed at once (an iteration sweeps 1,024 components). */
    @Example
    void theMostInstancesAreExplored() {
        String text = "component Head {\n  places q0 q1\n  initial q0\n  behavior deploy {\n    t: q0 -> q1 [1, 1]\n  }\n}\n"
                + "program gen {\n" + adds(RuntimeStateSpace.MAX_INSTANCES, true) + "}\n";
        Executor x = executor(text);
        FinishTimes f = space(x).finishTimes();
        assertTrue(f.complete(), f.statistics().describe());
        assertEquals(new org.apache.commons.math3.fraction.BigFraction(1), f.min());
        assertEquals(f.min(), f.max());
        assertInstanceOf(DeadlockSearch.Absent.class, space(x).deadlock());
    }

    /** One more is refused, with the reason, and the search reads as unanswered. */
    @Example
    void pastTheLimitIsRefused() {
        String text = "component Head {\n  places q0 q1\n  initial q0\n  behavior deploy {\n    t: q0 -> q1 [1, 1]\n  }\n}\n"
                + "program gen {\n" + adds(RuntimeStateSpace.MAX_INSTANCES + 1, false) + "}\n";
        Executor x = executor(text);
        DeadlockSearch d = space(x).deadlock();
        DeadlockSearch.Unanswered u = assertInstanceOf(DeadlockSearch.Unanswered.class, d);
        assertEquals("the runtime's state space explores at most 1024 instances (this subject adds 1025)", u.reason());
        assertInstanceOf(PredicateSearch.Unanswered.class, space(x).reach(new LoopPredicate(List.of(
                new LoopPredicate.Reading(LoopPredicate.Reads.MARKED, filler(0), "q1", null)), v -> v[0] == 1)));
        FinishTimes f = space(x).finishTimes();
        assertTrue(!f.complete() && f.min() == null && f.max() == null, f.statistics().describe());
    }

    private static String adds(int n, boolean deploy) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("  add(").append(filler(i)).append(" : Head)\n");
            if (deploy) {
                sb.append("  pushB(").append(filler(i)).append(", deploy)\n");
            }
        }
        return sb.toString();
    }

    // ---- runs -------------------------------------------------------------------------------------------

    /** The runs that attain min and max are the executor's, ending then. */
    private static void ends(FinishTimes a, String why) {
        if (a.fastest() != null) {
            assertEquals(new RunEnd.Finished(a.min()), a.fastest().end(), why);
        }
        if (a.slowest() != null) {
            assertEquals(new RunEnd.Finished(a.max()), a.slowest().end(), why);
        }
    }

    private static void deadlockRun(DeadlockSearch d, String why) {
        if (d instanceof DeadlockSearch.Found f) {
            FOUND.incrementAndGet();
            if (f.run() != null) {
                assertInstanceOf(RunEnd.Deadlock.class, f.run().end(), why + "\n" + String.join("\n", f.run().lines()));
            }
        }
    }

    /** A predicate found has a run of the executor where it holds. */
    private static void found(Case c, PredicateSearch s, String why) {
        if (s instanceof PredicateSearch.Found f) {
            FOUND.incrementAndGet();
            Run r = f.run();
            assertNotNull(r, why);
            int k = PredicateStateSpaceProperties.firstHolding(c, r);
            assertTrue(k >= 0, why + "\n" + String.join("\n", r.lines()));
        }
    }
}

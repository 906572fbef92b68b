package dev.cadenza.verify.execute;

import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.limit.Meter;
import dev.cadenza.verify.trace.Run;
import org.apache.commons.math3.fraction.BigFraction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every run of the runtime's loop, explored exhaustively: the executor's own rules run from
 * restored states with every choice they leave open enumerated — when each started thread
 * finishes (every grid instant of its interval), the order of the components in each iteration,
 * the order of the items of each sweep phase, and each thread race. It answers whether some run
 * deadlocks ({@link #deadlock()}: a run of the executor that does, or "none" from a complete
 * search) and the exact earliest and latest end ({@link #finishTimes()}), or says it has no answer
 * when a limit of the {@link Budget} cuts the search.
 *
 * <p>Why it is exact with respect to the executor (docs/verify.md, "The runtime's state space"):
 * <ul>
 * <li><b>Time on a grid.</b> Time is counted in units of the greatest common divisor of every
 * interval bound of the model (in the executor's ticks). A run of the executor whose threads take
 * any durations inside their closed intervals has a run on the grid with the same events in the
 * same order: round every instant t of the run to ⌊t⌋ when its fraction is at most a threshold
 * and to ⌈t⌉ otherwise, with one threshold for the whole run (digitization). Every duration stays
 * inside its interval (its bounds are on the grid), instants keep their order, and instants
 * that become equal are ties: threads finishing in the same tick, which the executor lets be
 * noticed in any order with the loop's moves in between ({@link Policy#noticeNow},
 * {@link Policy#noticeWhenForced}). Since every threshold gives a grid run, the earliest and
 * latest ends, whose instants are sums and differences of bounds, are attained on the grid.</li>
 * <li><b>Lazy ends.</b> A thread's end is not chosen at its start but when time passes: at each
 * grid instant inside its interval it may finish, and it must at its maximum (a thread whose
 * interval starts at 0 may also finish at once, a choice at its start). The runs are the same as
 * choosing the duration at the start, with fewer states, and {@code [a, inf]} is handled: its
 * state only counts up to a.</li>
 * <li><b>Orders.</b> Components sweep one at a time, and a state inside an iteration with the set
 * of components left to sweep is followed once ({@link LoopGraph}): sweeps that commute (touch
 * disjoint state) reach the same state by both orders and are merged — exactly, since what is
 * left of an iteration depends on nothing else. Within a sweep every order of the enter and leave
 * phases is tried; the start and end phases are not ordered, since every order gives the same
 * state ({@link ExplorerPolicy} says why; {@link #withoutReductions()} tries them all).</li>
 * <li><b>Symmetry.</b> Alike bundles of instances that the executor cannot tell apart (same
 * compiled types, the program left mapped onto itself, nothing of them observed) are permuted
 * into a canonical order before a key is stored ({@link LoopSymmetry}): one key per orbit. The
 * permutations are automorphisms of the loop's graph that keep every edge's time and every end,
 * so deadlocks, ends and the earliest and latest ones are the same; runs are found again from
 * the states the executor really reaches ({@link LoopGraph#run}). Bundles equal in the state at
 * hand (twins, {@link LoopSymmetry#twins}) also finish their threads by counts where time passes
 * ({@link OrbitCombinations}; {@link #withoutFinishByCounts()}), are merged inside an iteration by
 * the memo ({@link #withoutIterationSymmetry()}) and, where their groups hold nothing else, swept
 * as a block ({@link #withoutTwinBlocks()}): docs/verify.md, "Twins inside an iteration".</li>
 * <li><b>Secluded ties.</b> A race of a component whose finished thread is all it can act on,
 * whose connections all lead to frozen instances (idle, or waiting on threads that run on) and
 * whose program cannot move before the clock does, is answered "notice now" with no choice
 * ({@link ExplorerPolicy}): until time passes nothing else reads it or is read by it, so leaving
 * its thread only moves its own zero-time moves to later iterations, reaching the same states
 * where the clock moves, the same ends and endless runs (docs/verify.md, "Secluded ties"; not with
 * a step cost, strict ties or Concerto-D; {@link #withoutSecludedTies()} for tests).</li>
 * <li><b>Idle sweeps.</b> A component alone in its group whose sweep changed nothing once in an
 * iteration changes nothing wherever else it is swept in that iteration (it reads only its own
 * part and ports no other sweep writes), so it is not run again: the state is the one left, with
 * it swept ({@link LoopGraph}'s idleAlone). More generally, up to its first thread race a sweep's
 * outcomes are a function of what it reads (its own part, the race flags, the far ends of its
 * connections: {@link LoopStateCodec#sweepReads}), and a race's answer of these and the race's
 * context ({@link ExplorerPolicy#contextAtStart}); so a sweep is not run again, in any iteration,
 * where its component reads the same (and its races meet the same context): its outcomes are
 * written from the ones kept
 * ({@link LoopGraph}'s sweepsMet; both off with {@link #withoutIdleSweepSkips()}, for tests).</li>
 * <li><b>States.</b> {@link LoopStateCodec} writes what determines the future, threads' times
 * relative to now: two runs that reach the same key have the same futures, shifted in time.</li>
 * <li><b>Predicates</b> ({@link #reach}) are observed after every single move, not at the states
 * kept; the reductions then keep every order of the moves the predicate sees (a move that changes
 * one of its readings is never merged with another order), so every value it takes between two
 * moves of any run is seen ({@link PredicateWatch}; docs/verify.md, "Predicates in the runtime's
 * state space"). A state past which the predicate can no longer hold (its started/ended flags set
 * stay set; every other reading tried at every value) is kept with no successor: no run through it
 * reaches the predicate ({@link PredicateWatch#mayHoldAgain}; {@link #withoutStopPastPredicate()}
 * for tests). The components it reads are ordered among themselves only in iterations where two
 * of its readings or more may change ({@link PredicateWatch#mayChange}; {@link #withoutQuietReadings()}
 * for tests). A reading of one of several alike hosts that the test only gains from is first
 * searched over every alike host, which leaves them interchangeable for the symmetry: its absence
 * is the predicate's, and a run it finds is kept only where it shows the predicate itself
 * ({@link AlikeReadings}; {@link #withoutAlikeReadings()} for tests). {@link #observe} answers
 * several predicates along the exploration the finish times need anyway.</li>
 * <li><b>Steps.</b> With a step cost [a, b] (the model's, {@code --step}, Concerto-D's 50 ms) every
 * iteration after one that moved takes a grid step in [a, b], and the quiet loop steps until a
 * thread has finished (a step of 0 reaches the finish itself), as {@code SimulatedDriver} does;
 * the grid also divides a and b. A thread that ends inside a step is noticed by the next end phase
 * whatever its instant, one that ends with it is a race ({@link LoopGraph}'s {@code stepBy};
 * docs/verify.md, "Steps: iterations that take time", says why the grid keeps the answers).</li>
 * </ul>
 *
 * <p>Not explored: more than {@value #MAX_INSTANCES} instances, more than 1024 ports of a type. Up to
 * 64 instances a key's set of components to sweep is one 64-bit word and a connection one int;
 * past that both widen ({@link LoopStateCodec}: a word per 64 instances, fixed for the whole
 * exploration, and two ints per connection), exactly the same search on longer keys.
 */
public final class RuntimeStateSpace {

    /**
     * The most instances explored. Nothing in the keys stops at it ({@link LoopStateCodec} widens
     * its sets of instances and its connections past 64); an iteration's sweeps are explored depth
     * first, one level per component swept, so it bounds that depth, and the work per state grows
     * with the instances while the states grow much faster: a subject beyond it is refused.
     */
    static final int MAX_INSTANCES = 1024;

    private final Executor executor;
    private final Budget budget;
    private final boolean reduce;
    private final boolean strictTies;
    private final boolean symmetric;

    private RuntimeStateSpace(Executor executor, Budget budget, boolean reduce, boolean strictTies, boolean symmetric) {
        this.executor = executor;
        this.budget = budget;
        this.reduce = reduce;
        this.strictTies = strictTies;
        this.symmetric = symmetric;
    }

    /** The state space of {@code executor}'s subject, explored within {@code budget}. */
    public static RuntimeStateSpace of(Executor executor, Budget budget) {
        return new RuntimeStateSpace(executor, budget, true, false, true);
    }

    /**
     * The same without the order reductions of the start and end phases (every order tried) and
     * without the symmetry of alike bundles (every state stored as it is).
     */
    public RuntimeStateSpace withoutReductions() {
        return new RuntimeStateSpace(executor, budget, false, strictTies, false);
    }

    /** Whether secluded ties are noticed at once (with the reductions only; {@link ExplorerPolicy}). */
    private boolean secludedTies = true;

    /**
     * The same with every race of a secluded tie tried both ways (the other reductions kept): for
     * tests, which compare the two.
     */
    RuntimeStateSpace withoutSecludedTies() {
        RuntimeStateSpace s = copy();
        s.secludedTies = false;
        return s;
    }

    /** Whether the states inside an iteration are restored incrementally (with the reductions only; {@link LoopStateCodec#resume}). */
    private boolean incrementalDecode = true;

    /**
     * The same with every state inside an iteration decoded whole (the other reductions kept): for
     * tests, which compare the two (same states, edges, sweeps and answers).
     */
    RuntimeStateSpace withoutIncrementalDecode() {
        RuntimeStateSpace s = copy();
        s.incrementalDecode = false;
        return s;
    }

    /** Whether sweeps known to change nothing are not run again (with the reductions only; {@link LoopGraph}'s idleAlone). */
    private boolean skipIdleSweeps = true;

    /**
     * The same with every sweep run, also those known to change nothing (the other reductions
     * kept): for tests, which compare the two (same states, edges and answers, fewer sweeps run).
     */
    RuntimeStateSpace withoutIdleSweepSkips() {
        RuntimeStateSpace s = copy();
        s.skipIdleSweeps = false;
        return s;
    }

    /** The same state space with the same switches, for the withouts above to turn one off. */
    private RuntimeStateSpace copy() {
        RuntimeStateSpace s = new RuntimeStateSpace(executor, budget, reduce, strictTies, symmetric);
        s.secludedTies = secludedTies;
        s.incrementalDecode = incrementalDecode;
        s.skipIdleSweeps = skipIdleSweeps;
        s.iterationSymmetry = iterationSymmetry;
        s.finishByCounts = finishByCounts;
        s.twinBlocks = twinBlocks;
        s.stopPastPredicate = stopPastPredicate;
        s.quietReadings = quietReadings;
        s.alikeReadings = alikeReadings;
        return s;
    }

    /** Whether a predicate search stops where the predicate can no longer hold (with the reductions only; {@link LoopGraph}'s pastPredicate). */
    private boolean stopPastPredicate = true;

    /** The same following every state a predicate search reaches, also those past which it can never hold: for tests. */
    RuntimeStateSpace withoutStopPastPredicate() {
        RuntimeStateSpace s = copy();
        s.stopPastPredicate = false;
        return s;
    }

    /** Whether a predicate's components are ordered only where two of its readings may change (with the reductions only; {@link PredicateWatch#mayChange}). */
    private boolean quietReadings = true;

    /** The same ordering every component a predicate reads among the others in every iteration: for tests. */
    RuntimeStateSpace withoutQuietReadings() {
        RuntimeStateSpace s = copy();
        s.quietReadings = false;
        return s;
    }

    /** Whether a predicate's readings of alike hosts are searched widened to every alike host first (with the reductions only; {@link AlikeReadings}). */
    private boolean alikeReadings = true;

    /** The same searching every predicate as given: for tests, which compare the two. */
    RuntimeStateSpace withoutAlikeReadings() {
        RuntimeStateSpace s = copy();
        s.alikeReadings = false;
        return s;
    }

    /** Whether twins alone in their groups are swept as a block (with the memo's twins only; {@link LoopGraph}'s sweepBlock). */
    private boolean twinBlocks = true;

    /** The same sweeping twins one by one inside an iteration (the memo's twins kept): for tests, which compare the two. */
    RuntimeStateSpace withoutTwinBlocks() {
        RuntimeStateSpace s = copy();
        s.twinBlocks = false;
        return s;
    }

    /** Whether the per-iteration memo keeps one state per orbit of the iteration's twins (with the symmetry only). */
    private boolean iterationSymmetry = true;

    /**
     * The same with the per-iteration memo keeping its states as reached, the symmetry kept at the
     * boundaries: for tests, which compare the two (same states, same edges, same answers).
     */
    RuntimeStateSpace withoutIterationSymmetry() {
        RuntimeStateSpace s = copy();
        s.iterationSymmetry = false;
        return s;
    }

    /** Whether alike threads finish by counts where time passes (with the symmetry only; {@link OrbitCombinations}). */
    private boolean finishByCounts = true;

    /** The same trying every set of threads that may finish where time passes: for tests, which compare the two. */
    RuntimeStateSpace withoutFinishByCounts() {
        RuntimeStateSpace s = copy();
        s.finishByCounts = false;
        return s;
    }

    private LoopGraph graph(LoopPredicate watched) {
        return graph(watched == null ? null : List.of(watched), false);
    }

    private LoopGraph graph(List<LoopPredicate> watched, boolean observing) {
        LoopGraph g = new LoopGraph(executor, unit(), reduce, strictTies, watched, symmetric, observing);
        if (!incrementalDecode) {
            g.fullDecode();
        }
        if (!secludedTies) {
            g.policy.secludedTies = false;
        }
        g.skipIdleSweeps = skipIdleSweeps;
        g.iterationSymmetry = iterationSymmetry;
        g.finishByCounts = finishByCounts;
        g.twinBlocks = twinBlocks;
        g.stopPastPredicate = reduce && stopPastPredicate && !observing;
        g.quietReadings = quietReadings;
        return g;
    }

    /** The same without the symmetry of alike bundles alone ({@link LoopSymmetry}), the order reductions kept. */
    RuntimeStateSpace withoutSymmetry() {
        return new RuntimeStateSpace(executor, budget, reduce, strictTies, false);
    }

    /**
     * The same with ties settled as the executor's default policies settle them: threads that
     * finished in the same tick and were left unnoticed through a quiet iteration are all noticed
     * by the next one (never one at a time with the loop's moves between). Fewer runs; exact for
     * the executor on the grid only, not for durations off it (docs/verify.md).
     */
    RuntimeStateSpace withStrictTies() {
        return new RuntimeStateSpace(executor, budget, reduce, true, symmetric);
    }

    /** Why the state space cannot explore this subject, or null. */
    private String refusal() {
        if (executor.step().min().signum() == 0 && executor.step().max().signum() > 0) {
            // a step [0, b]: three deferring iterations in a row may force a race that an off-grid
            // run had not yet met; not proven to keep every run on the grid (docs/verify.md,
            // "Steps: iterations that take time"), and a wrong "holds" is worse than none
            return "the runtime's state space explores a step [a, b] with a > 0 only (step " + executor.step()
                    + ": with a = 0 a race forced after three quiet iterations is not proven to keep every run)";
        }
        if (executor.addedNames().size() > MAX_INSTANCES) {
            return "the runtime's state space explores at most " + MAX_INSTANCES + " instances (this subject adds "
                    + executor.addedNames().size() + ")";
        }
        for (CompiledType t : executor.addedTypes()) {
            if (t.ports.length > 1024) {
                return "the runtime's state space explores at most 1024 ports per component type";
            }
        }
        return null;
    }

    /**
     * The grid: the greatest common divisor of every interval bound and of the step's bounds, in
     * ticks (1 when all are 0).
     */
    long unit() {
        long g = gcd(executor.scale().ticks(executor.step().min()), executor.scale().ticks(executor.step().max()));
        for (CompiledType t : executor.addedTypes()) {
            for (int k = 0; k < t.minTicks.length; k++) {
                g = gcd(g, t.minTicks[k]);
                if (t.maxTicks[k] > 0) {
                    g = gcd(g, t.maxTicks[k]);
                }
            }
        }
        return g == 0 ? 1 : g;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long r = a % b;
            a = b;
            b = r;
        }
        return Math.abs(a);
    }

    private StateSpaceStatistics statistics(LoopGraph g, Meter m) {
        return new StateSpaceStatistics(g.states.size(), g.edges, g.sweeps,
                executor.scale().seconds(g.unit).bigDecimalValue(executor.scale().digits(), 4)
                        .stripTrailingZeros().toPlainString(), m.seconds(), g.cut);
    }

    /** Whether some run of the loop deadlocks: the first one found (fewest loop steps), or none. */
    public DeadlockSearch deadlock() {
        String no = refusal();
        if (no != null) {
            return new DeadlockSearch.Unanswered(no, StateSpaceStatistics.refused(no));
        }
        LoopGraph g = graph(null);
        Meter m = budget.start("states");
        g.explore(m, true);
        StateSpaceStatistics s = statistics(g, m);
        if (g.deadlockNode >= 0) {
            Run r = g.run(g.pathTo(g.deadlockNode), LoopGraph.DEADLOCK);
            return new DeadlockSearch.Found(r, g.deadlockInPrefix ? "in program " + executor.after()
                    + ", which the subject runs after" : null, s);
        }
        if (g.cut != null) {
            return new DeadlockSearch.Unanswered(g.cut, s);
        }
        return new DeadlockSearch.Absent(s);
    }

    /**
     * Whether some run of the loop passes through a state where {@code predicate} holds — observed
     * after every single move of the subject's program, not only at the states kept — with the
     * executor's run that gets there (cut right after the move that makes it hold), or none from a
     * complete search. The order reductions stay on but keep every order of the moves the
     * predicate sees ({@link PredicateWatch}; docs/verify.md, "Predicates in the runtime's state
     * space"); {@link #withoutReductions()} tries every order of everything.
     */
    public PredicateSearch reach(LoopPredicate predicate) {
        String no = refusal();
        if (no != null) {
            return new PredicateSearch.Unanswered(no, StateSpaceStatistics.refused(no));
        }
        LoopPredicate wide = reduce && symmetric && alikeReadings ? AlikeReadings.widen(predicate, executor) : null;
        double widenedSeconds = 0;
        if (wide != null) {
            // the predicate over every alike host first: its absence is the predicate's, and a run
            // it finds is kept where it shows the predicate itself (AlikeReadings says why)
            LoopGraph g = graph(wide);
            Meter m = budget.start("states");
            g.explore(m, false);
            StateSpaceStatistics s = statistics(g, m);
            if (g.predicateNode < 0) {
                return g.cut != null ? new PredicateSearch.Unanswered(g.cut, s) : new PredicateSearch.Absent(s);
            }
            Run r = g.runAlsoReaching(g.pathTo(g.predicateNode), predicate);
            if (r != null) {
                return new PredicateSearch.Found(r, s);
            }
            // found through another host: the predicate as given, searched below (its seconds count both)
            widenedSeconds = s.seconds();
        }
        LoopGraph g = graph(predicate);
        Meter m = budget.start("states");
        g.explore(m, false);
        StateSpaceStatistics s = statistics(g, m);
        if (widenedSeconds > 0) {
            s = new StateSpaceStatistics(s.states(), s.edges(), s.sweeps(), s.unitSeconds(),
                    s.seconds() + widenedSeconds, s.cut());
        }
        if (g.predicateNode >= 0) {
            return new PredicateSearch.Found(g.run(g.pathTo(g.predicateNode), LoopGraph.PREDICATE), s);
        }
        if (g.cut != null) {
            return new PredicateSearch.Unanswered(g.cut, s);
        }
        return new PredicateSearch.Absent(s);
    }

    /**
     * The exact earliest and latest end over every run of the loop, with runs that attain them
     * (min: shortest path to an end; max: longest path, unbounded when a deadlock, a stop or a
     * cycle is reachable).
     */
    public FinishTimes finishTimes() {
        return finishTimes(null);
    }

    /**
     * {@link #finishTimes()}, handing the graph explored to {@code explored} (when not null): tests
     * compare two explorations' quotients edge by edge, since the answers alone can hide an edge
     * lost where another node's edge reaches the same state.
     */
    FinishTimes finishTimes(Consumer<LoopGraph> explored) {
        String no = refusal();
        if (no != null) {
            return new FinishTimes(null, null, null, null, false, false, false,
                    StateSpaceStatistics.refused(no));
        }
        LoopGraph g = graph(null);
        Meter m = budget.start("states");
        g.explore(m, false);
        if (explored != null) {
            explored.accept(g);
        }
        return finishTimesOf(g, statistics(g, m));
    }

    /** The finish times of an explored graph (its statistics {@code s}). */
    private FinishTimes finishTimesOf(LoopGraph g, StateSpaceStatistics s) {
        if (g.cut != null) {
            return new FinishTimes(null, null, null, null, g.deadlockSeen, g.stopSeen, false, s);
        }
        int n = g.states.size();
        // min: Dijkstra over the (non-negative) edge times
        long[] dist = new long[n];
        Arrays.fill(dist, Long.MAX_VALUE);
        int[] via = new int[n];
        Arrays.fill(via, -1);
        long[] viaWeight = new long[n];
        dist[0] = 0;
        Heap heap = new Heap();
        heap.push(0, 0);
        long best = Long.MAX_VALUE;
        int bestNode = -1;
        while (heap.size > 0) {
            long d = heap.topKey();
            int v = heap.pop();
            if (d > dist[v]) {
                continue;
            }
            for (int e = g.edgeStart[v]; e < g.edgeEnd[v]; e++) {
                int t = g.to[e];
                long nd = d + g.weight[e];
                if (t == LoopGraph.FINISH) {
                    if (nd < best) {
                        best = nd;
                        bestNode = v;
                    }
                } else if (t >= 0 && nd < dist[t]) {
                    dist[t] = nd;
                    via[t] = v;
                    viaWeight[t] = g.weight[e];
                    heap.push(nd, t);
                }
            }
        }
        BigFraction min = null;
        Run fastest = null;
        if (bestNode >= 0) {
            min = seconds(best, g.unit);
            int[] path = chain(via, bestNode);
            long[] weights = new long[path.length];
            for (int i = 0; i + 1 < path.length; i++) {
                weights[i] = viaWeight[path[i + 1]];
            }
            fastest = g.run(path, weights, LoopGraph.FINISH);
        }
        // max: longest path in the graph, if it has no cycle and no deadlock or stop
        boolean cycle = hasCycle(g);
        BigFraction max = null;
        Run slowest = null;
        if (!cycle && !g.deadlockSeen && !g.stopSeen && bestNode >= 0) {
            long[] longest = new long[n];
            int[] next = new int[n];
            long[] nextWeight = new long[n];
            for (int v : postOrder(g)) {
                long l = Long.MIN_VALUE;
                int nx = -1;
                for (int e = g.edgeStart[v]; e < g.edgeEnd[v]; e++) {
                    int t = g.to[e];
                    long cand = g.weight[e] + (t == LoopGraph.FINISH ? 0 : longest[t]);
                    if (cand > l) {
                        l = cand;
                        nx = t;
                        nextWeight[v] = g.weight[e];
                    }
                }
                longest[v] = l;
                next[v] = nx;
            }
            max = seconds(longest[0], g.unit);
            int len = 0;
            for (int v = 0; v >= 0; v = next[v]) {
                len++;
            }
            int[] path = new int[len];
            long[] weights = new long[len];
            len = 0;
            for (int v = 0; v >= 0; v = next[v]) {
                weights[len] = nextWeight[v];
                path[len++] = v;
            }
            slowest = g.run(path, weights, LoopGraph.FINISH);
        }
        return new FinishTimes(min, max, fastest, slowest, g.deadlockSeen, g.stopSeen, cycle, s);
    }

    /**
     * {@link #finishTimes()} and, in the same exploration, {@link #reach} of each of
     * {@code predicates}: the graph the finish times need is the whole state space, and the
     * predicates are observed along all of it, each one's first node kept, none stopping it (the
     * answers the same as {@link #reach}'s: a run to where it first holds, Absent from the complete
     * exploration; readings of alike hosts widened and their runs checked as there). One exploration
     * for a verify block whose {@code deployable} and predicates both come to the runtime's state
     * space (galera's to_galera: the sequence's search was as long as the deployable's).
     *
     * <p>Observed are the predicates that read only "started"/"ended" flags ({@code sequence}'s): a
     * flag changes once per run, so the sweeps of the components it reads are reused as often as
     * without it; a mark or a count changes at many moves, and a sweep is reused only where every
     * reading is as it was (galera n = 8 with its three {@code forbidden} observed too: 3.5 times the
     * sweeps run, the exploration twice as long). Left out as well: a predicate that reads a host of
     * a class of alike bundles alone (not widened: observed, it would take its bundle out of the
     * symmetry for the finish times too), those past 31 flags or 64 predicates in all, and every one
     * without the reductions ({@code --no-reduction}: one search per question). Left out: null in
     * {@link Observation#searches}; the caller searches it alone.
     */
    public Observation observe(List<LoopPredicate> predicates) {
        List<PredicateSearch> searches = new ArrayList<>();
        List<LoopPredicate> observed = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        List<Boolean> widenedAt = new ArrayList<>();
        String no = refusal();
        LoopSymmetry alike = no == null && reduce && symmetric ? LoopSymmetry.of(executor, null) : null;
        int flags = 0;
        for (LoopPredicate p : predicates) {
            searches.add(null);
            if (no != null || !reduce || observed.size() == 64) {
                continue;
            }
            LoopPredicate wide = symmetric && alikeReadings ? AlikeReadings.widen(p, executor) : null;
            LoopPredicate o = wide != null ? wide : p;
            if (PredicateWatch.flagsOf(o) < o.readings().size() || readsAHostAlone(o, alike)
                    || flags + PredicateWatch.flagsOf(o) > 31) {
                continue;
            }
            flags += PredicateWatch.flagsOf(o);
            at.add(searches.size() - 1);
            observed.add(o);
            widenedAt.add(wide != null);
        }
        if (observed.isEmpty()) {
            return new Observation(finishTimes(), searches);
        }
        LoopGraph g = graph(observed, true);
        Meter m = budget.start("states");
        g.explore(m, false);
        StateSpaceStatistics s = statistics(g, m);
        FinishTimes f = finishTimesOf(g, s);
        for (int i = 0; i < observed.size(); i++) {
            int k = at.get(i);
            LoopPredicate p = predicates.get(k);
            PredicateSearch answer;
            if (g.hitNode[i] >= 0) {
                Run r = g.runToHit(i, widenedAt.get(i) ? p : null);
                // a widened predicate reached through another host: the predicate as given, alone
                answer = r != null ? new PredicateSearch.Found(r, s)
                        : widenedAt.get(i) ? withoutAlikeReadings().reach(p) : new PredicateSearch.Found(null, s);
            } else if (g.cut != null) {
                answer = new PredicateSearch.Unanswered(g.cut, s);
            } else {
                answer = new PredicateSearch.Absent(s);
            }
            searches.set(k, answer);
        }
        return new Observation(f, searches);
    }

    /** Whether {@code p} reads alone an instance of a class of alike bundles (one it would fix). */
    private boolean readsAHostAlone(LoopPredicate p, LoopSymmetry alike) {
        if (alike == null) {
            return false;
        }
        for (LoopPredicate.Reading r : p.readings()) {
            int id = executor.addedNames().indexOf(r.instances().get(0));
            if (r.instances().size() == 1 && id >= 0 && alike.alike(id) != null) {
                return true;
            }
        }
        return false;
    }

    private BigFraction seconds(long units, long unit) {
        return executor.scale().seconds(Math.multiplyExact(units, unit));
    }

    private static int[] chain(int[] via, int v) {
        int n = 0;
        for (int u = v; u >= 0; u = via[u]) {
            n++;
        }
        int[] out = new int[n];
        for (int u = v; u >= 0; u = via[u]) {
            out[--n] = u;
        }
        return out;
    }

    /** Whether a cycle is reachable from the initial state (iterative three-colour search). */
    private static boolean hasCycle(LoopGraph g) {
        int n = g.states.size();
        byte[] colour = new byte[n];
        int[] stack = new int[n];
        int[] edge = new int[n];
        int sp = 0;
        stack[sp] = 0;
        edge[sp] = g.edgeStart[0];
        sp++;
        colour[0] = 1;
        while (sp > 0) {
            int v = stack[sp - 1];
            if (edge[sp - 1] < g.edgeEnd[v]) {
                int t = g.to[edge[sp - 1]++];
                if (t < 0) {
                    continue;
                }
                if (colour[t] == 1) {
                    return true;
                }
                if (colour[t] == 0) {
                    colour[t] = 1;
                    stack[sp] = t;
                    edge[sp] = g.edgeStart[t];
                    sp++;
                }
            } else {
                colour[v] = 2;
                sp--;
            }
        }
        return false;
    }

    /** The nodes reachable from the initial state, each after every node it leads to (an acyclic graph). */
    private static int[] postOrder(LoopGraph g) {
        int n = g.states.size();
        boolean[] seen = new boolean[n];
        int[] out = new int[n];
        int count = 0;
        int[] stack = new int[n];
        int[] edge = new int[n];
        int sp = 0;
        stack[sp] = 0;
        edge[sp] = g.edgeStart[0];
        sp++;
        seen[0] = true;
        while (sp > 0) {
            int v = stack[sp - 1];
            if (edge[sp - 1] < g.edgeEnd[v]) {
                int t = g.to[edge[sp - 1]++];
                if (t >= 0 && !seen[t]) {
                    seen[t] = true;
                    stack[sp] = t;
                    edge[sp] = g.edgeStart[t];
                    sp++;
                }
            } else {
                out[count++] = v;
                sp--;
            }
        }
        return Arrays.copyOf(out, count);
    }

    /** A binary min-heap of (time, node), primitive arrays. */
    private static final class Heap {
        long[] keys = new long[64];
        int[] nodes = new int[64];
        int size;

        void push(long k, int v) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                nodes = Arrays.copyOf(nodes, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int p = (i - 1) >>> 1;
                if (keys[p] <= k) {
                    break;
                }
                keys[i] = keys[p];
                nodes[i] = nodes[p];
                i = p;
            }
            keys[i] = k;
            nodes[i] = v;
        }

        long topKey() {
            return keys[0];
        }

        int pop() {
            int top = nodes[0];
            size--;
            if (size > 0) {
                long k = keys[size];
                int v = nodes[size];
                int i = 0;
                while (true) {
                    int c = 2 * i + 1;
                    if (c >= size) {
                        break;
                    }
                    if (c + 1 < size && keys[c + 1] < keys[c]) {
                        c++;
                    }
                    if (keys[c] >= k) {
                        break;
                    }
                    keys[i] = keys[c];
                    nodes[i] = nodes[c];
                    i = c;
                }
                keys[i] = k;
                nodes[i] = v;
            }
            return top;
        }
    }

}

package dev.cadenza.verify.engine;

import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.classes.PersistentTimeBounds;
import dev.cadenza.petri.classes.TimeBounds;
import dev.cadenza.petri.classes.TimeBoundsResult;
import dev.cadenza.petri.classes.TimeValue;
import dev.cadenza.petri.classes.TimedTrace;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.query.CompiledPredicate;
import dev.cadenza.petri.query.Predicate;

import java.util.ArrayList;
import java.util.List;

/**
 * The production engine: petri's exact time bounds over the state class graph (Berthomieu–Diaz
 * classes with one more DBM variable for the elapsed time; Dijkstra for the min, longest paths
 * for the max). Witness traces come scheduled from it. Safe [0,0] moves are fired alone, not
 * in every order (petri's ZeroTimeReduction says when, and why the answers stay exact).
 */
public final class StateClassEngine implements TimedEngine {

    private final boolean reduce;
    private final long fastPathTry;
    private final long classesTry;

    /** With the zero-time reduction (the default). */
    public StateClassEngine() {
        this(true);
    }

    /** {@code reduce}: false for {@code --no-reduction}, every interleaving of [0,0] moves explored. */
    public StateClassEngine(boolean reduce) {
        this(reduce, FAST_PATH_TRY, CLASSES_TRY);
    }

    /** With other sizes for the first tries (tests: the turns on nets small enough to run). */
    StateClassEngine(boolean reduce, long fastPathTry, long classesTry) {
        this.reduce = reduce;
        this.fastPathTry = fastPathTry;
        this.classesTry = classesTry;
    }

    @Override
    public String name() {
        return "state classes";
    }

    @Override
    public TargetTimes timeTo(PetriNet net, Predicate target, Budget budget) {
        return search(net, target, budget, true, false, Long.MAX_VALUE, List.of());
    }

    /**
     * {@link #timeTo}, with runs that may stop short of the target handed to petri's
     * {@code TimeBounds.compute(goal, budget, stopsShort)}: after the min search, the first of them
     * that is a firing sequence of the net's class graph, short of the target throughout and ending
     * dead, proves the max infinite (petri's comment says why that is the max search's own answer),
     * and the max search is skipped; the answer is named {@link #MAX_BY_A_GIVEN_RUN}. The turns are
     * search's, unchanged: the runs are used in its last turn only (the state classes with the whole
     * budget), so that every earlier turn completes, is cut, and notes what it notes of this net
     * exactly as before, and later questions on the net take the same turns. (The conflict-free fast
     * path cannot answer on such a net anyway: a dead marking short of the target is reachable, so
     * the target does not mark the one end of a persistent net.)
     * Without the reductions ({@code --no-reduction}) the runs are ignored: both searches run.
     */
    @Override
    public TargetTimes timeTo(PetriNet net, Predicate target, Budget budget, List<int[]> stopsShort) {
        return search(net, target, budget, true, false, Long.MAX_VALUE, reduce ? stopsShort : List.of());
    }

    /** How an answer whose infinite max a given run proved ({@link #timeTo(PetriNet, Predicate, Budget, List)}) is named. */
    public static final String MAX_BY_A_GIVEN_RUN = "state classes, time to target, max inf by a known deadlock";

    @Override
    public TargetTimes reach(PetriNet net, Predicate target, Budget budget) {
        return reach(net, target, budget, Long.MAX_VALUE);
    }

    @Override
    public TargetTimes reach(PetriNet net, Predicate target, Budget budget, long cap) {
        return search(net, target, budget, false, false, cap, List.of());
    }

    /**
     * Several targets on one net, each taking {@link #search}'s turns as {@link #reach} would: the
     * conflict-free fast path's try answers per target. The targets whose next turn is the state
     * classes with this cap — the fast path stepped aside for a reason of that target without a
     * cut, or search would go straight to the classes (the fast path retired on this net, or cut
     * at its try there and this cap no more than the classes' try) — share one exploration; a
     * target whose fast path was cut at its try takes search's later turns alone. The shared one
     * is petri's {@code TimeBounds.reachEach} (whose comment says why each gets its own search's
     * answer: the reductions keep visible what any of them reads), charged once, and
     * each answer is named {@code state classes, one exploration for N predicates}. Without the
     * reductions ({@code --no-reduction}) each target has its own search, as before.
     */
    @Override
    public List<TargetTimes> reachEach(PetriNet net, List<Predicate> targets, Budget budget, long cap) {
        return shared(net, targets, budget, cap, false);
    }

    /**
     * {@link #reachEach}'s turns, with petri's depth-first {@code TimeBounds.reachAny} wherever the
     * state classes are explored (alone or shared): one run to each target, found without ordering
     * the classes by time (petri's comment says why the reductions keep every target's
     * reachability in any order). The conflict-free fast path answers as before (its run is the
     * fastest, which is a run). Without the reductions ({@code --no-reduction}) each target has
     * its own Dijkstra, the full exploration that the property tests compare this with.
     */
    @Override
    public List<TargetTimes> reachAny(PetriNet net, List<Predicate> targets, Budget budget, long cap) {
        return shared(net, targets, budget, cap, true);
    }

    /**
     * reachEach ({@code any} false: fastest runs) or reachAny (any runs), as said there. Each target
     * takes {@link #search}'s turns up to the state classes with the whole cap; those that get there
     * share one exploration. While the fast path is still tried first on this net, each target has
     * its try (which answers it, or steps aside for a reason of that target, or is cut, or finds a
     * clash); a target it stepped aside for, uncut, is next searched in the state classes with
     * {@code cap}, exactly search's next turn, so those targets share that exploration too (a block
     * of `forbidden` questions with no question before them that retired the fast path: galera
     * n = 20, three explorations of 52,154, 218,644 and 52,154 classes became one of 218,644). A
     * cut or a clash changes the net's turns: the rest then go as before.
     */
    private List<TargetTimes> shared(PetriNet net, List<Predicate> targets, Budget budget, long cap, boolean any) {
        if (!reduce) {
            return TimedEngine.super.reachEach(net, targets, budget, cap);
        }
        int n = targets.size();
        TargetTimes[] out = new TargetTimes[n];
        List<Integer> together = new ArrayList<>();
        boolean[] endMisses = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (straightToClasses(net, cap)) {
                // search's next turn for each of them is the classes with cap
                for (int j = i; j < n; j++) {
                    together.add(j);
                }
                break;
            }
            if (n > 1 && fastPathFirst(net)) {
                long t0 = System.currentTimeMillis();
                PersistentTimeBounds.Answer fast = conflictFree(net, targets.get(i), budget, false, fastPathTry);
                if (fast != null && fast.answered()) {
                    out[i] = answered(net, fast, t0);
                    continue;
                }
                if (fast != null && fastPathFirst(net) && budget.spent() == dev.cadenza.petri.limit.Limit.NONE) {
                    // aside for this target alone, nothing cut: search's next turn is the classes with cap
                    endMisses[i] = fast.aside() == PersistentTimeBounds.Aside.END_MISSES_TARGET;
                    together.add(i);
                    continue;
                }
                // cut at its try, or a clash: search's later turns for this one (its fast path is not
                // tried again: cut at its try, the net starts with the classes' try; retired, never)
            }
            out[i] = search(net, targets.get(i), budget, false, any, cap, List.of());
        }
        if (together.size() == 1) {
            int i = together.get(0);
            long t0 = System.currentTimeMillis();
            TimeBoundsResult r = classes(net, Targets.compile(targets.get(i)), budget, false, any, cap, List.of());
            notPersistentIfSecondEnd(net, targets.get(i), endMisses[i], r);
            out[i] = times(net, r, t0);
        } else if (!together.isEmpty()) {
            long t0 = System.currentTimeMillis();
            List<CompiledPredicate> goals = new ArrayList<>();
            for (int i : together) {
                goals.add(Targets.compile(targets.get(i)));
            }
            String by = name() + ", one exploration for " + goals.size() + " predicates";
            TimeBounds classes = bounds(net).capped(cap);
            List<TimeBoundsResult> rs = any ? classes.reachAny(goals, budget) : classes.reachEach(goals, budget);
            for (int j = 0; j < together.size(); j++) {
                int i = together.get(j);
                notPersistentIfSecondEnd(net, targets.get(i), endMisses[i], rs.get(j));
                TargetTimes t = times(net, rs.get(j), t0);
                out[i] = new TargetTimes(t.reachable(), t.min(), t.max(), t.unbounded(), t.minRun(), t.maxRun(),
                        t.statistics().answeredBy(by));
            }
        }
        return List.of(out);
    }

    /** Whether {@link #search} on this net starts with the fast path's try (neither cut at its try nor retired). */
    private boolean fastPathFirst(PetriNet net) {
        return !cutAtTry.containsKey(net) && !notPersistent.containsKey(net);
    }

    /**
     * Whether {@link #search} of a target on {@code net} with {@code cap} (reductions on) would go
     * straight to the state classes with that cap: no fast path's try (cut at its try on this net,
     * or not conflict-free), no classes' try before the fast path's whole cap. Follows search's turns.
     */
    private boolean straightToClasses(PetriNet net, long cap) {
        boolean cut = cutAtTry.containsKey(net);
        boolean retired = notPersistent.containsKey(net);
        boolean fastPathFirst = !cut && !retired; // search: conflictFree unless cutAtTry; null when retired
        boolean classesTryFirst = cut && !retired && cap > classesTry; // search's classes' try
        return !fastPathFirst && !classesTryFirst;
    }

    /**
     * The conflict-free fast path, then the state classes. When the fast path's searches are cut
     * at their first try ({@link #FAST_PATH_TRY} markings: a net that is not persistent, its clash
     * deep in an untimed graph that grows with every order of alike hosts), the state classes get
     * a try ({@link #CLASSES_TRY}); only then does the fast path get its whole cap. A fast path
     * that stepped aside for a reason of the target (say, a `parallel` witness that holds before
     * the end) was not cut: the next question on the net starts with the fast path again, and its
     * state classes are not tried twice. Each answer is a complete search's; the tries only choose
     * the order. {@code any} (no max): the state classes are searched depth first for one run
     * ({@link #reachAny}), not the fastest.
     */
    private TargetTimes search(PetriNet net, Predicate target, Budget budget, boolean withMax, boolean any,
            long cap, List<int[]> stopsShort) {
        long t0 = System.currentTimeMillis();
        PersistentTimeBounds.Answer fast = cutAtTry.containsKey(net) ? null
                : conflictFree(net, target, budget, withMax, fastPathTry);
        if (fast != null && fast.answered()) {
            return answered(net, fast, t0);
        }
        boolean endMisses = fast != null && fast.aside() == PersistentTimeBounds.Aside.END_MISSES_TARGET;
        CompiledPredicate goal = Targets.compile(target);
        if (reduce && cutAtTry.containsKey(net) && !notPersistent.containsKey(net) && cap > classesTry) {
            // the try searches as without the runs, so that it completes or is cut exactly as before and
            // the fast path's turns after it (and what they note of this net) stay the same
            TimeBoundsResult r = classes(net, goal, budget, withMax, any, classesTry, List.of());
            if (r.complete() || budget.spent() != dev.cadenza.petri.limit.Limit.NONE) {
                return times(net, r, t0);
            }
            fast = conflictFree(net, target, budget, withMax, FAST_PATH_CAP);
            if (fast != null && fast.answered()) {
                return answered(net, fast, t0);
            }
        }
        TimeBoundsResult r = classes(net, goal, budget, withMax, any, cap, stopsShort);
        notPersistentIfSecondEnd(net, target, endMisses, r);
        return times(net, r, t0);
    }

    /**
     * Two dead markings: the earliest run's, where the target fails (the fast path stepped aside
     * with {@code END_MISSES_TARGET}), and one the state classes reached where it holds; a
     * persistent net has one, so the fast path will not answer any question on this net.
     */
    private void notPersistentIfSecondEnd(PetriNet net, Predicate target, boolean endMisses, TimeBoundsResult r) {
        if (endMisses && r.reachable() && impliesDead(target)) {
            notPersistent.put(net, Boolean.TRUE);
        }
    }

    /** The state classes' search: min and max, the fastest run, or ({@code any}) one run. */
    private TimeBoundsResult classes(PetriNet net, CompiledPredicate goal, Budget budget, boolean withMax, boolean any,
            long cap, List<int[]> stopsShort) {
        TimeBounds b = bounds(net).capped(cap);
        return withMax ? b.compute(goal, budget, stopsShort) : any ? b.reachAny(goal, budget) : b.reach(goal, budget);
    }

    /** Every marking that satisfies the target is dead (read off its form; false when unsure). */
    private static boolean impliesDead(Predicate p) {
        return p instanceof Predicate.Dead
                || p instanceof Predicate.And and && (impliesDead(and.left()) || impliesDead(and.right()));
    }

    /**
     * With reductions on, the answer of petri's {@link PersistentTimeBounds} (a conflict-free net,
     * the target reached exactly at its one end: the earliest and the latest runs give the exact
     * min and max), or why it stepped aside; null when it is not tried on this net. What its
     * searches stored is not charged twice: the state classes draw on what is left either way. A
     * net proven persistent once is not checked again (the condition does not depend on the target).
     */
    private PersistentTimeBounds.Answer conflictFree(PetriNet net, Predicate target, Budget budget, boolean withMax,
            long fastCap) {
        if (!reduce || notPersistent.containsKey(net)) {
            return null;
        }
        // with a class budget, a failed attempt may not eat what the state classes will need
        long cap = budget.limitsClasses() ? Math.min(fastCap, budget.classesLeft() / 4) : fastCap;
        PersistentTimeBounds fastPath = persistent.containsKey(net) ? new PersistentTimeBounds(net).knownPersistent()
                : new PersistentTimeBounds(net);
        PersistentTimeBounds.Answer a = fastPath.compute(target, Targets.RESOLVER, budget, Math.max(1, cap), withMax);
        if (a.persistent()) {
            persistent.put(net, Boolean.TRUE);
        }
        if (a.notPersistent() || a.cut() && fastCap == FAST_PATH_CAP) {
            notPersistent.put(net, Boolean.TRUE); // whatever the target: not tried again on this net
        } else if (a.cut()) {
            cutAtTry.put(net, Boolean.TRUE); // the next question on this net starts with the classes' try
        }
        return a;
    }

    /** Whether no question on this net goes to the fast path any more (tests). */
    boolean fastPathRetired(PetriNet net) {
        return notPersistent.containsKey(net);
    }

    /** The fast path's answer, named as the stage that answered. */
    private static TargetTimes answered(PetriNet net, PersistentTimeBounds.Answer a, long t0) {
        TargetTimes t = times(net, a.result(), t0);
        return new TargetTimes(t.reachable(), t.min(), t.max(), t.unbounded(), t.minRun(), t.maxRun(),
                t.statistics().answeredBy(PersistentTimeBounds.STAGE));
    }

    /** Nets whose fast path was cut at its first try. */
    private final java.util.Map<PetriNet, Boolean> cutAtTry =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /** Nets the fast path found not persistent, or could not settle with its whole cap: not tried again. */
    private final java.util.Map<PetriNet, Boolean> notPersistent =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /** Nets the fast path proved persistent: later questions skip that check. */
    private final java.util.Map<PetriNet, Boolean> persistent =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /** Markings the conflict-free fast path's untimed searches may store before it gives way. */
    private static final long FAST_PATH_CAP = 2_000_000;

    /** The fast path's first try, and the state classes' before the fast path's whole cap. */
    private static final long FAST_PATH_TRY = 250_000;
    private static final long CLASSES_TRY = 500_000;

    private TimeBounds bounds(PetriNet net) {
        return new TimeBounds(net).reducingZeroTimeInterleavings(reduce).reducingSymmetries(reduce);
    }

    /** petri's answer in verify's terms, keeping exactly what petri says is certain. */
    private static TargetTimes times(PetriNet net, TimeBoundsResult r, long t0) {
        Statistics stats = new Statistics(r.classes(), 0, r.limit(), System.currentTimeMillis() - t0);
        if (!r.reachable()) {
            return TargetTimes.notFound(stats);
        }
        TimedRun minRun = run(net, r.minTrace());
        boolean unbounded = r.max() != null && r.max().isInfinite();
        if (unbounded && r.divergence() != null && r.divergence().given()) {
            stats = stats.answeredBy(MAX_BY_A_GIVEN_RUN); // the max search did not run: its classes are not counted
        }
        if (r.max() == null || unbounded) {
            return new TargetTimes(true, value(r.min()), null, unbounded, minRun, null, stats);
        }
        return new TargetTimes(true, value(r.min()), value(r.max()), false, minRun, run(net, r.maxTrace()), stats);
    }

    private static org.apache.commons.math3.fraction.BigFraction value(TimeValue v) {
        return v == null ? null : v.value();
    }

    private static TimedRun run(PetriNet net, TimedTrace trace) {
        if (trace == null) {
            return null;
        }
        List<TimedRun.Step> steps = new ArrayList<>();
        for (TimedTrace.Step s : trace.steps()) {
            steps.add(new TimedRun.Step(net.transitionIndex(s.transition()), s.time()));
        }
        return new TimedRun(steps);
    }
}

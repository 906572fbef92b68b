package dev.cadenza.petri.classes;

import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.limit.Limit;
import dev.cadenza.petri.limit.Meter;
import dev.cadenza.petri.query.CompiledPredicate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Exact minimum and maximum elapsed time from the start to the first class whose marking
 * satisfies a target (by default: termination, nothing enabled).
 *
 * <p>Method. Each class gets one more DBM variable σ, the start date seen from now (σ = −E, E the
 * elapsed time), which moves like a persistent transition but never fires. The class domain
 * then relates E exactly to the firing delays, so the E bounds of a target class are exact for
 * its path (min/max over plain class graphs only bound paths loosely; this does not).
 *
 * <p>Such augmented classes are infinitely many when runs can loop while time grows. Two
 * observations make the search finite and still exact:
 * <ul>
 * <li>For the minimum only lower bounds of E matter (the σ row), for the maximum only upper
 * bounds (the σ column); dropping the other side keeps the extreme exact because the successor
 * never lets σ constrain the transitions.</li>
 * <li>The successor commutes with shifting all σ bounds by a constant. So a class is stored with
 * its σ bounds relative to its own extreme E (the "shape"), and the extreme is a distance in a
 * finite graph of shapes: the minimum is a shortest path (Dijkstra, weights ≥ 0); the maximum a
 * longest path (label correcting), infinite when a cycle of non-target shapes gains time or a
 * non-target class lets time diverge (nothing enabled, or no enabled transition has a finite
 * upper bound).</li>
 * </ul>
 * Strictness of the extreme bound is part of the shape, so open bounds come out exactly
 * (value and whether it is attained). The witness trace is the path of shapes, scheduled by
 * {@link TraceScheduler}.
 */
public final class TimeBounds {

    private final TimedNet net;

    private boolean reduceZeroTime;

    private boolean reduceSymmetry;

    private long cap = Long.MAX_VALUE;

    public TimeBounds(PetriNet net) {
        this.net = new TimedNet(net);
    }

    /**
     * Fire safe [0,0] transitions alone instead of in every order (a partial-order reduction
     * sound for the min/max time to a target and for reachability: {@link ZeroTimeReduction}).
     * The answers are the same; fewer classes are explored, so class counts differ from TINA's.
     */
    public TimeBounds reducingZeroTimeInterleavings(boolean on) {
        this.reduceZeroTime = on;
        return this;
    }

    /**
     * Explore up to the net's proven symmetry: one class per orbit of alike bundles
     * ({@link BundleSymmetry}, under which the target keeps its truth value). Every stored class is a
     * permutation π(c) of a reached class c by an automorphism π of the net that keeps the target,
     * so c and π(c) have the same runs up to π, the same times, and reach the target at the same
     * instants: the min and max time, reachability and divergence are those of the full graph.
     * Witness runs are mapped back through the permutations and replay on the net as given.
     */
    public TimeBounds reducingSymmetries(boolean on) {
        this.reduceSymmetry = on;
        return this;
    }

    /**
     * Store at most {@code classes} of the budget (both searches together): a cheap first attempt
     * that gives way to another stage; at the cap the result is cut ({@link Limit#CLASSES}).
     */
    public TimeBounds capped(long classes) {
        this.cap = classes;
        return this;
    }

    /** Time to termination, with no limit but memory. */
    public static TimeBoundsResult toTermination(PetriNet net) {
        return new TimeBounds(net).compute(null, Budget.unlimited());
    }

    /**
     * Min and max time to the first class satisfying {@code target} (null: termination, a dead
     * marking), within what is left of {@code budget}. At a limit the result says which, and
     * keeps what is certain: a run found to the target (reachable, with that run as min trace
     * but no min), the exact min when only the max search was cut.
     */
    public TimeBoundsResult compute(CompiledPredicate target, Budget budget) {
        return run(target, budget, true, List.of());
    }

    /**
     * {@link #compute}, told of firing sequences that may stop short of the target (say, the runs to
     * deadlocks a deployability check found on the same net). After the min search, each is checked
     * on the plain class graph ({@link #stopsShort}); the first that holds proves the max infinite,
     * and the max search is not run: the result is the one {@code compute} gives (the same min and
     * fastest run, max infinite, no max trace) with a {@link Divergence} marked {@code given} and
     * the min search's classes only. A sequence that fails the check is ignored. None holding, or
     * the min search cut or finding nothing: exactly {@code compute}.
     *
     * <p><b>Why that is the max search's answer.</b> The max is the supremum, over all runs, of the
     * time a run first meets the target, infinite when some run can let time grow without bound
     * short of it. The paths of the state class graph of Berthomieu and Diaz (no reduction, no
     * elapsed-time variable) are exactly the firing sequences of the time Petri net. A sequence
     * firable class by class, whose every class (the initial one included) has a marking where the
     * target does not hold, and whose last class enables nothing, is therefore a run that stops in a
     * dead marking short of the target: nothing can fire there, time passes forever, and the target
     * (a marking predicate) never holds. The max search, being exact, returns infinite on such a
     * net (it stops at the first class where time can diverge short of the target, or at a cycle
     * gaining time: the value is the same, only its reason may be another). Nothing about where the
     * sequence came from is trusted: it is replayed on the net here.
     */
    public TimeBoundsResult compute(CompiledPredicate target, Budget budget, List<int[]> stopsShort) {
        return run(target, budget, true, stopsShort);
    }

    /** What {@link Divergence#reason()} says of a run given to {@link #compute(CompiledPredicate, Budget, List)}. */
    public static final String STOPS_SHORT = "then nothing is enabled, short of the target: time passes forever"
            + " (a run given to the search, checked on the class graph)";

    /**
     * Whether {@code fired} is a firing sequence of the net (each transition firable from its state
     * class, from the initial one) along which {@code target} never holds, ending in a class where
     * nothing is enabled. Plain Berthomieu–Diaz classes ({@code step} has no extra variable), no
     * reduction: O(length × enabled²).
     */
    boolean stopsShort(CompiledPredicate target, int[] fired, FiringDomain step) {
        if (target == null) {
            return false; // the target is termination: a dead class meets it
        }
        int[] marking = net.initialMarking.clone();
        int[] enabled = new int[net.transitions];
        int[] domain = new int[(net.transitions + 1) * (net.transitions + 1)];
        int k = net.enabledList(marking, enabled);
        step.initialDomain(enabled, k, domain);
        if (target.test(marking, k == 0)) {
            return false;
        }
        for (int t : fired) {
            int fi = Arrays.binarySearch(enabled, 0, k, t);
            if (fi < 0 || !FiringDomain.firable(domain, 0, k, k + 1, fi)) {
                return false;
            }
            int nd = step.fire(marking, enabled, k, domain, 0, fi);
            System.arraycopy(step.nextMarking, 0, marking, 0, marking.length);
            k = step.nextCount;
            System.arraycopy(step.nextEnabled, 0, enabled, 0, k);
            System.arraycopy(step.nextDomain, 0, domain, 0, nd * nd);
            if (target.test(marking, k == 0)) {
                return false;
            }
        }
        return k == 0;
    }

    /**
     * Only whether the target is reachable, with the fastest run to it (the min search alone):
     * the result's max is null.
     */
    public TimeBoundsResult reach(CompiledPredicate target, Budget budget) {
        return run(target, budget, false, List.of());
    }

    /**
     * For each of {@code targets}, what {@link #reach} would answer of it alone — whether it is
     * reachable, and if so the exact min time and a fastest run to it — from one exploration that
     * watches them all: the questions of a verify block about the same net share the search
     * instead of making it once each.
     *
     * <p><b>The reductions keep each answer.</b> Each reduction is sound for a set V of places the
     * question may read ({@link ZeroTimeReduction}: a safe transition touches no place of V) or for
     * a group of permutations the question is invariant under ({@link BundleSymmetry}). Here V is the
     * union of the places every target reads, and the group is made of swaps every target is
     * invariant under. A reduction sound for V is sound for any predicate reading a subset of V: the
     * arguments only use "the predicate's value does not change when a place outside V changes" (the
     * skipped markings differ from visited ones only off V) and "the predicate keeps its value under
     * π", and both hold for each target. So the reduced graph has, for every target, the same min
     * time to it as the full graph, as the single search's graph does (only with a few more classes:
     * what one target reads stays visible for all).
     *
     * <p><b>One Dijkstra for all.</b> Classes are popped in order of their min elapsed time, as for one
     * target. A target is <em>open</em> until a class is popped later than its best class, or its
     * best class is attained (nothing to pop is earlier, and at that time an attained bound is the
     * best there is); then, as the single search stops there, its min is exact and its fastest run
     * fixed: it is <em>settled</em>. A class is expanded unless every open target holds in it (the
     * single search does not expand its target's classes; a class expanded for another target only
     * adds paths that pass through a class where this target already holds, and those are never
     * shorter than the class they pass through). Each target's best class is the first popped where
     * it holds, at the least time, a non-strict bound preferred, as in the single search; its parent links
     * pass through no other class where it holds: such a class is popped before, at a time no
     * greater, and its bound is non-strict whenever one after it at the same time is (time only
     * grows along a path), so it would have been kept instead. The search stops when every target
     * is settled or nothing is left to pop.
     *
     * <p><b>At a limit</b> a target settled before it keeps its exact answer (the single search
     * would have stopped there, complete); one found but not settled gets its run and no min; one
     * not found is cut, never unreachable. Every result counts the classes of the whole exploration.
     */
    public List<TimeBoundsResult> reachEach(List<CompiledPredicate> targets, Budget budget) {
        CompiledPredicate[] each = targets.toArray(new CompiledPredicate[0]);
        for (CompiledPredicate t : each) {
            if (t == null) {
                throw new IllegalArgumentException("every target is a predicate (termination: dead)");
            }
        }
        Meter meter = cap == Long.MAX_VALUE ? budget.start("classes") : budget.start("classes", cap);
        Search min = null;
        try {
            Limit spent = budget.spent();
            if (spent != Limit.NONE) {
                return cut(each.length, spent, 0, meter);
            }
            if (!meter.mayAllocate(setupBytes())) {
                return cut(each.length, Limit.MEMORY, 0, meter);
            }
            min = new Search(each, meter, symmetry(each));
            min.run();
            List<TimeBoundsResult> out = new ArrayList<>(each.length);
            for (int i = 0; i < each.length; i++) {
                out.add(answerOf(min, i, meter));
            }
            return out;
        } catch (OutOfMemoryError e) {
            // every growth is checked first (Search.fits); this is the net under that guard
            return cut(each.length, Limit.MEMORY, classes(min, null), meter);
        } finally {
            meter.finish(classes(min, null));
        }
    }

    /**
     * For each of {@code targets}: is it reachable, and if so <em>one</em> run to it (not the
     * fastest: no min is given), from one depth-first search that stops as soon as every target
     * is found. Where only the existence of a bad state matters (a deadlock, a forbidden state),
     * this does not pay for {@link #reachEach}'s order (classes expanded by their elapsed time, so
     * that the first run found is the fastest, on shapes that carry the elapsed time): it dives
     * along one run and stops at the first class where the target holds.
     *
     * <p><b>What is explored.</b> Plain state classes (marking and firing domain, no elapsed-time
     * variable): the class graph of Berthomieu and Diaz has exactly the reachable markings and the
     * firable sequences of the net, so a target holds in a reachable marking iff it holds in some
     * class of the graph, and the path to that class is a firable sequence, scheduled afterwards
     * ({@link TraceScheduler}: its earliest dates, a real run or, when an open bound is met with
     * equality, the limit of real runs). Fewer classes than the shapes of the min search: a shape
     * is a class with its elapsed time, and classes alike but for it are one here.
     *
     * <p><b>The reductions keep each answer, whatever the order.</b> The same as {@link #reachEach}:
     * safe [0,0] transitions for the union of the places the targets read, fired alone when that
     * makes a new class ({@link ZeroTimeReduction}), and the symmetry every target keeps
     * ({@link BundleSymmetry}). Their arguments are about reachability of markings and do not use
     * the order of the search: a permuted run reaches the same markings off the invisible places,
     * a class and its image under π reach the target alike, and the ignoring proviso (a reduced
     * expansion only when its successor is new) needs only that class ids grow with insertion —
     * following reduced expansions from any class, the ids grow, so a fully expanded class is
     * reached, and a run to a target from a reduced class is found from its successor or from that
     * fully expanded class (docs/verify.md, "Any run to a deadlock", spells it out).
     *
     * <p><b>At a limit</b> (a class cap, the budget's classes, time or memory) a target found before
     * it keeps its run (reachable is proven); one not found is cut, never unreachable. A search that
     * ends without a limit is complete: what it did not find is unreachable. Every result counts
     * the classes of the whole search.
     */
    public List<TimeBoundsResult> reachAny(List<CompiledPredicate> targets, Budget budget) {
        CompiledPredicate[] each = targets.toArray(new CompiledPredicate[0]);
        for (CompiledPredicate t : each) {
            if (t == null) {
                throw new IllegalArgumentException("every target is a predicate (termination: dead)");
            }
        }
        Meter meter = cap == Long.MAX_VALUE ? budget.start("classes") : budget.start("classes", cap);
        AnyRunSearch any = null;
        try {
            Limit spent = budget.spent();
            if (spent != Limit.NONE) {
                return cut(each.length, spent, 0, meter);
            }
            if (!meter.mayAllocate(AnyRunSearch.setupBytes(net))) {
                return cut(each.length, Limit.MEMORY, 0, meter);
            }
            boolean[] safe = reduceZeroTime ? ZeroTimeReduction.safeTransitions(net, each) : null;
            any = new AnyRunSearch(net, each, meter, safe, symmetry(each));
            any.run();
            List<TimeBoundsResult> out = new ArrayList<>(each.length);
            for (int i = 0; i < each.length; i++) {
                long classes = any.classes();
                if (any.found[i] < 0) {
                    out.add(new TimeBoundsResult(false, null, null, null, null, null, any.limit, classes,
                            meter.seconds()));
                } else {
                    TimedTrace trace = TraceScheduler.earliestRun(net, any.path(any.found[i]));
                    out.add(new TimeBoundsResult(true, null, null, trace, null, null, Limit.NONE, classes,
                            meter.seconds()));
                }
            }
            return out;
        } catch (OutOfMemoryError e) {
            // every growth is checked first (AnyRunSearch.fireOne); this is the net under that guard
            return cut(each.length, Limit.MEMORY, any == null ? 0 : any.classes(), meter);
        } finally {
            meter.finish(any == null ? 0 : any.classes());
        }
    }

    /** {@link #reachAny} of one target. */
    public TimeBoundsResult reachAny(CompiledPredicate target, Budget budget) {
        return reachAny(List.of(target), budget).get(0);
    }

    private static List<TimeBoundsResult> cut(int n, Limit limit, long classes, Meter meter) {
        List<TimeBoundsResult> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new TimeBoundsResult(false, null, null, null, null, null, limit, classes, meter.seconds()));
        }
        return out;
    }

    /** Target i's answer after the shared search, keeping what is certain of it (see {@link #reachEach}). */
    private TimeBoundsResult answerOf(Search min, int i, Meter meter) {
        long classes = min.store.count();
        int best = min.bests[i];
        if (best < 0) {
            // none found: unreachable when the search ran to its end (no limit), else nothing is known
            return new TimeBoundsResult(false, null, null, null, null, null, min.limit, classes, meter.seconds());
        }
        boolean attained = min.attainedAt[i];
        int[] path = min.path(best);
        TimedTrace trace = path == null ? null : TraceScheduler.schedule(net, path, true, !attained);
        if (!min.settled[i] && min.limit != Limit.NONE) {
            return new TimeBoundsResult(trace != null, null, null, trace, null, null, min.limit, classes, meter.seconds());
        }
        TimeValue minValue = new TimeValue(net.unscale(min.dist[best]), attained);
        return new TimeBoundsResult(true, minValue, null, trace, null, null, Limit.NONE, classes, meter.seconds());
    }

    private TimeBoundsResult run(CompiledPredicate target, Budget budget, boolean withMax, List<int[]> stopsShort) {
        Meter meter = cap == Long.MAX_VALUE ? budget.start("classes") : budget.start("classes", cap);
        Search min = null;
        Search max = null;
        try {
            Limit spent = budget.spent();
            if (spent != Limit.NONE) {
                // nothing left: not even the set-up (the reduction's table, the key buffer)
                return new TimeBoundsResult(false, null, null, null, null, null, spent, 0, meter.seconds());
            }
            if (!meter.mayAllocate(setupBytes())) {
                return new TimeBoundsResult(false, null, null, null, null, null, Limit.MEMORY, 0, meter.seconds());
            }
            BundleSymmetry sym = symmetry(target);
            min = new Search(true, target, meter, 0, sym);
            min.run();
            if (min.limit != Limit.NONE || min.best < 0 || !withMax) {
                return minimumOnly(min, meter);
            }
            TimeValue minValue = new TimeValue(net.unscale(min.dist[min.best]), min.bestAttained);
            TimedTrace minTrace = TraceScheduler.schedule(net, min.path(min.best), true, !min.bestAttained);
            FiringDomain plain = stopsShort.isEmpty() ? null : new FiringDomain(net, 0);
            for (int[] stop : stopsShort) {
                if (stopsShort(target, stop, plain)) {
                    // proven infinite by a run of the net (compute(target, budget, stopsShort) says why)
                    return new TimeBoundsResult(true, minValue, TimeValue.INFINITE, minTrace, null,
                            new Divergence(TraceScheduler.earliestRun(net, stop), null, STOPS_SHORT, true),
                            Limit.NONE, min.store.count(), meter.seconds());
                }
            }
            max = new Search(false, target, meter, min.store.count(), sym);
            max.run();
            long classes = (long) min.store.count() + max.store.count();
            if (max.limit != Limit.NONE) {
                return new TimeBoundsResult(true, minValue, null, minTrace, null, null, max.limit, classes,
                        meter.seconds());
            }
            if (max.unbounded) {
                return new TimeBoundsResult(true, minValue, TimeValue.INFINITE, minTrace, null, max.divergence(),
                        Limit.NONE, classes, meter.seconds());
            }
            TimeValue maxValue = new TimeValue(net.unscale(max.dist[max.best]), max.bestAttained);
            TimedTrace maxTrace = TraceScheduler.schedule(net, max.path(max.best), false, !max.bestAttained);
            return new TimeBoundsResult(true, minValue, maxValue, minTrace, maxTrace, null, Limit.NONE, classes,
                    meter.seconds());
        } catch (OutOfMemoryError e) {
            // every growth is checked first (Search.fits); this is the net under that guard
            return new TimeBoundsResult(false, null, null, null, null, null, Limit.MEMORY, classes(min, max),
                    meter.seconds());
        } finally {
            meter.finish(classes(min, max));
        }
    }

    /** The proven symmetry under which every target keeps its value, or null (off, or none found). */
    private BundleSymmetry symmetry(CompiledPredicate[] targets) {
        if (!reduceSymmetry) {
            return null;
        }
        BundleSymmetry sym = BundleSymmetry.keepingEach(BundleSymmetry.candidates(net.net), targets);
        return sym.isTrivial() ? null : sym;
    }

    /** The proven symmetry fixing the target's places, or null (off, or none found). */
    private BundleSymmetry symmetry(CompiledPredicate target) {
        if (!reduceSymmetry) {
            return null;
        }
        BundleSymmetry sym = BundleSymmetry.of(net.net, target);
        return sym.isTrivial() ? null : sym;
    }

    private static long classes(Search min, Search max) {
        return (min == null ? 0 : min.store.count()) + (max == null ? 0L : max.store.count());
    }

    /**
     * What one search allocates before its first class: buffers of the largest domain (one row
     * and column per transition, plus the reference and the elapsed-time variable) and the
     * firing rules' transition-by-transition table (six such buffers: the whole key, its stored
     * form, the decoded domain, the successor's, the first class's and a margin). Checked up
     * front: for a net of tens of thousands of transitions they alone would not fit (or not even
     * be indexable by an int).
     */
    private long setupBytes() {
        long dim = net.transitions + 2L;
        long cells = net.places + dim * dim;
        if (cells > Integer.MAX_VALUE - 8) {
            return Long.MAX_VALUE;
        }
        return 6 * cells * Integer.BYTES + (long) net.transitions * net.transitions;
    }

    /**
     * After the min search alone: the exact min when it completed; when it was cut, a run to the
     * target if one was found (a real run, not proven the fastest), else nothing.
     */
    private TimeBoundsResult minimumOnly(Search min, Meter meter) {
        long classes = min.store.count();
        if (min.best < 0) {
            return new TimeBoundsResult(false, null, null, null, null, null, min.limit, classes, meter.seconds());
        }
        int[] path = min.path(min.best);
        TimedTrace trace = path == null ? null : TraceScheduler.schedule(net, path, true, !min.bestAttained);
        if (min.limit != Limit.NONE) {
            return new TimeBoundsResult(trace != null, null, null, trace, null, null, min.limit, classes, meter.seconds());
        }
        TimeValue minValue = new TimeValue(net.unscale(min.dist[min.best]), min.bestAttained);
        return new TimeBoundsResult(true, minValue, null, trace, null, null, Limit.NONE, classes, meter.seconds());
    }

    private int places() {
        return net.places;
    }

    /** One search over shapes: Dijkstra for the minimum, label-correcting longest paths for the maximum. */
    private final class Search {
        final boolean minimum;
        final CompiledPredicate target;
        /**
         * The targets of a shared search ({@link #reachEach}), null for one target; with them, per
         * target: its best class (-1: none yet), whether its bound there is attained, whether it
         * is settled, and how many are still open.
         */
        final CompiledPredicate[] targets;
        int[] bests;
        boolean[] attainedAt;
        boolean[] settled;
        int open;
        final Meter meter;
        /** Classes stored by the searches before this one, on the same meter. */
        final long before;
        /**
         * Shapes as [marking id][domain in DomainCodec's form]: the markings live once in their own
         * table (many shapes share one), the domain as column and row 0 plus the entries those do
         * not imply. Both forms are functions of the shape and lossless, so equal keys are equal
         * shapes, as with whole keys.
         */
        final ClassStore store = new ClassStore(1 + (net.transitions + 2) * (net.transitions + 2));
        final ClassStore markings = new ClassStore(places() + 1);
        final FiringDomain step = new FiringDomain(net, 1);
        long[] dist = new long[256];
        int[] parent = new int[256];
        int[] firedBy = new int[256];
        int[] pathLength = new int[256];
        boolean[] flag = new boolean[256];
        int best = -1;
        boolean bestAttained;
        boolean unbounded;
        /** The shape where time diverges, or one on a time-gaining cycle of parent links (-1: none). */
        int divergentAt = -1;
        boolean onCycle;
        Limit limit = Limit.NONE;
        final int places = places();
        final int[] marking = new int[places];
        final int[] enabled = new int[net.transitions];
        /** A shape whole: the marking in [0, places), the domain after it (what the canonizer permutes). */
        final int[] key;
        /** The stored form of {@link #key}. */
        final int[] stored;
        final int[] packedMarking;
        /** The domain of the shape last {@link #load}ed, decoded. */
        final int[] domain;
        /** Which shape {@link #domain} holds. */
        int loaded = -1;
        /** Safe [0,0] transitions (fired alone), or null without the reduction. */
        final boolean[] safe;
        /** Moves each class to its orbit's representative, or null without symmetry. */
        final ClassCanonizer canon;
        final BundleSymmetry sym;

        Search(boolean minimum, CompiledPredicate target, Meter meter, long before, BundleSymmetry sym) {
            this(minimum, target, null, meter, before, sym);
        }

        /** The min search for several targets at once ({@link #reachEach}). */
        Search(CompiledPredicate[] targets, Meter meter, BundleSymmetry sym) {
            this(true, null, targets, meter, 0, sym);
            bests = new int[targets.length];
            Arrays.fill(bests, -1);
            attainedAt = new boolean[targets.length];
            settled = new boolean[targets.length];
            open = targets.length;
        }

        private Search(boolean minimum, CompiledPredicate target, CompiledPredicate[] targets, Meter meter, long before,
                BundleSymmetry sym) {
            this.sym = sym;
            this.canon = sym == null ? null : new ClassCanonizer(sym, net.transitions);
            this.minimum = minimum;
            this.target = target;
            this.targets = targets;
            this.safe = !reduceZeroTime ? null : targets != null ? ZeroTimeReduction.safeTransitions(net, targets)
                    : ZeroTimeReduction.safeTransitions(net, target);
            this.meter = meter;
            this.before = before;
            int maxDim = net.transitions + 2;
            key = new int[places + maxDim * maxDim];
            stored = new int[1 + maxDim * maxDim];
            packedMarking = new int[places + 1];
            domain = new int[maxDim * maxDim];
        }

        void run() {
            limit = meter.check(before);
            if (limit != Limit.NONE) {
                return; // nothing left of the budget: not even the initial class
            }
            int k0 = net.enabledList(net.initialMarking, enabled);
            int dim0 = k0 + 2;
            int[] d0 = new int[dim0 * dim0];
            step.initialDomain(enabled, k0, d0);
            System.arraycopy(net.initialMarking, 0, key, 0, places);
            System.arraycopy(d0, 0, key, places, d0.length);
            keepOneSide(key, places, dim0);
            if (canon != null) {
                canon.canonicalize(key, places, dim0, enabled, k0);
            }
            store.add(stored, storedForm(dim0));
            record(0, 0, -1, -1, 0);
            if (targets != null) {
                dijkstraEach();
            } else if (minimum) {
                dijkstra();
            } else {
                longest();
            }
        }

        private void dijkstra() {
            LongHeap heap = new LongHeap();
            heap.push(0, 0);
            while (!heap.isEmpty()) {
                long d = heap.topKey();
                int id = heap.pop();
                if (flag[id] || d > dist[id]) {
                    continue;
                }
                if (best >= 0 && d > dist[best]) {
                    return;
                }
                flag[id] = true;
                int k = load(id);
                if (isTarget(k)) {
                    boolean attained = !Bound.isStrict(sigmaBound(id, k));
                    if (best < 0 || d < dist[best] || (d == dist[best] && attained && !bestAttained)) {
                        best = id;
                        bestAttained = attained;
                    }
                    if (bestAttained) {
                        // classes pop by their min time, so none to come is earlier, and at this
                        // time an attained bound is already the best there is
                        return;
                    }
                    continue;
                }
                if (!expand(id, k, heap, null)) {
                    return;
                }
            }
        }

        /**
         * {@link #dijkstra} watching several targets ({@link #reachEach} says why each answer is the
         * single search's): a target is settled once its best class is attained or a class is popped
         * later than it; a class is expanded unless every open target holds in it; the search ends
         * when none is open.
         */
        private void dijkstraEach() {
            LongHeap heap = new LongHeap();
            heap.push(0, 0);
            while (!heap.isEmpty()) {
                long d = heap.topKey();
                int id = heap.pop();
                if (flag[id] || d > dist[id]) {
                    continue;
                }
                for (int t = 0; t < targets.length; t++) {
                    if (!settled[t] && bests[t] >= 0 && d > dist[bests[t]]) {
                        settled[t] = true;
                        open--;
                    }
                }
                if (open == 0) {
                    return;
                }
                flag[id] = true;
                int k = load(id);
                boolean needed = false;
                for (int t = 0; t < targets.length; t++) {
                    if (settled[t]) {
                        continue;
                    }
                    if (!targets[t].test(marking, k == 0)) {
                        needed = true;
                        continue;
                    }
                    boolean attained = !Bound.isStrict(sigmaBound(id, k));
                    int b = bests[t];
                    if (b < 0 || d < dist[b] || (d == dist[b] && attained && !attainedAt[t])) {
                        bests[t] = id;
                        attainedAt[t] = attained;
                    }
                    if (attainedAt[t]) {
                        // nothing to come is earlier, and an attained bound is the best at this time
                        settled[t] = true;
                        open--;
                    }
                }
                if (open == 0) {
                    return;
                }
                if (needed && !expand(id, k, heap, null)) {
                    return;
                }
            }
        }

        private void longest() {
            IntQueue queue = new IntQueue();
            queue.add(0);
            flag[0] = true;
            long pops = 0;
            while (!queue.isEmpty()) {
                int id = queue.poll();
                flag[id] = false;
                if (++pops % (store.count() + 1) == 0 && (divergentAt = nodeOnParentCycle()) >= 0) {
                    onCycle = true;
                    unbounded = true;
                    return;
                }
                if (limit != Limit.NONE) {
                    return;
                }
                int k = load(id);
                if (isTarget(k)) {
                    continue;
                }
                if (k == 0 || timeCanDiverge(id, k)) {
                    divergentAt = id;
                    unbounded = true;
                    return;
                }
                if (!expand(id, k, null, queue)) {
                    return;
                }
                if (unbounded) {
                    return;
                }
            }
            for (int id = 0; id < store.count(); id++) {
                int k = load(id);
                if (isTarget(k)) {
                    boolean attained = !Bound.isStrict(sigmaBound(id, k));
                    if (best < 0 || dist[id] > dist[best] || (dist[id] == dist[best] && attained && !bestAttained)) {
                        best = id;
                        bestAttained = attained;
                    }
                }
            }
        }

        /**
         * A cycle among best-path parent links can only come from a cycle that gains time (the
         * predecessor-graph argument of Bellman–Ford): found in O(n), run every n queue pops so
         * that such cycles are caught long before path lengths exceed the number of shapes.
         */
        private int nodeOnParentCycle() {
            int n = store.count();
            if (!fits(4L * n)) {
                limit = Limit.MEMORY;
                return -1;
            }
            int[] stamp = new int[n];
            for (int s = 0; s < n; s++) {
                int c = s;
                while (c >= 0 && stamp[c] == 0) {
                    stamp[c] = s + 1;
                    c = parent[c];
                }
                if (c >= 0 && stamp[c] == s + 1) {
                    return c;
                }
            }
            return -1;
        }

        /** What made the maximum infinite, for the user. */
        Divergence divergence() {
            if (divergentAt < 0) {
                return new Divergence(null, null, "a cycle of classes gains time at each turn and can repeat forever"
                        + " without reaching the target");
            }
            if (onCycle) {
                List<String> cycle = new ArrayList<>();
                int c = divergentAt;
                do {
                    cycle.add(0, net.net().transition(firedBy[c]).name());
                    c = parent[c];
                } while (c != divergentAt && c >= 0);
                return new Divergence(null, cycle, "this cycle of firings gains time at each turn and can repeat"
                        + " forever without reaching the target");
            }
            int[] p = path(divergentAt);
            TimedTrace prefix = p == null ? null : TraceScheduler.schedule(net, p, true, false);
            int k = load(divergentAt);
            if (k == 0) {
                return new Divergence(prefix, null, "then nothing is enabled, short of the target: time passes forever");
            }
            StringBuilder waiting = new StringBuilder();
            for (int i = 0; i < k; i++) {
                waiting.append(i == 0 ? "" : ", ").append(net.net().transition(enabled[i]).name());
            }
            return new Divergence(prefix, null, "then no enabled transition has to fire (" + waiting
                    + " may wait forever), short of the target");
        }

        /**
         * Fires everything firable from shape id; false when a limit stops the search. With the
         * zero-time reduction, a firable safe [0,0] transition is fired alone when that makes a
         * new shape (see {@link ZeroTimeReduction} for why that keeps every answer).
         */
        private boolean expand(int id, int k, LongHeap heap, IntQueue queue) {
            int dim = k + 2;
            int alone = -1;
            if (safe != null) {
                alone = ZeroTimeReduction.firstSafeFirable(safe, enabled, domain, k, dim);
                if (alone >= 0) {
                    int r = fireOne(id, k, alone, heap, queue);
                    if (r != OLD) {
                        return r != STOP;
                    }
                }
            }
            for (int fi = 0; fi < k; fi++) {
                if (fi == alone || !FiringDomain.firable(domain, 0, k, dim, fi)) {
                    continue;
                }
                int r = fireOne(id, k, fi, heap, queue);
                if (r == STOP) {
                    return false;
                }
                if (r == DIVERGED) {
                    return true;
                }
            }
            return true;
        }

        private static final int STOP = 0;
        private static final int DIVERGED = 1;
        private static final int NEW = 2;
        private static final int OLD = 3;

        /** Fires the transition at position fi of shape id: STOP at a limit, DIVERGED, or whether the child is NEW. */
        private int fireOne(int id, int k, int fi, LongHeap heap, IntQueue queue) {
            assert loaded == id;
            limit = meter.check(before + store.count());
            if (limit == Limit.NONE && !fits(store.nextGrowthBytes(stored.length)
                    + markings.nextGrowthBytes(packedMarking.length) + perShapeGrowthBytes()
                    + (minimum ? heap.growthBytes() : queue.growthBytes()))) {
                limit = Limit.MEMORY;
            }
            if (limit != Limit.NONE) {
                return STOP;
            }
            int nd = step.fire(marking, enabled, k, domain, 0, fi);
            System.arraycopy(step.nextMarking, 0, key, 0, places);
            System.arraycopy(step.nextDomain, 0, key, places, nd * nd);
            keepOneSide(key, places, nd);
            long gain = normalize(key, places, nd);
            if (canon != null) {
                canon.canonicalize(key, places, nd, step.nextEnabled, step.nextCount);
            }
            long d = dist[id] + gain;
            int r = store.add(stored, storedForm(nd));
            int child = r >= 0 ? r : -r - 1;
            if (r >= 0) {
                record(child, d, id, enabled[fi], pathLength[id] + 1);
            } else if (minimum ? d < dist[child] : d > dist[child]) {
                dist[child] = d;
                parent[child] = id;
                firedBy[child] = enabled[fi];
                pathLength[child] = pathLength[id] + 1;
            } else {
                return OLD;
            }
            if (minimum) {
                heap.push(d, child);
            } else {
                // A best path longer than the number of shapes repeats a shape with a gain:
                // a cycle that gains time, followed as often as one likes.
                if (pathLength[child] > store.count()) {
                    divergentAt = nodeOnParentCycle();
                    if (limit != Limit.NONE) {
                        return STOP;
                    }
                    onCycle = divergentAt >= 0;
                    unbounded = true;
                    return DIVERGED;
                }
                if (!flag[child]) {
                    flag[child] = true;
                    queue.add(child);
                }
            }
            return r >= 0 ? NEW : OLD;
        }

        /** Whether {@code bytes} more fit in the heap; the search stops at MEMORY when not. */
        private boolean fits(long bytes) {
            return meter.mayAllocate(bytes);
        }

        /** What growing the per-shape arrays (dist, parent, firedBy, pathLength, flag) for one more shape allocates. */
        private long perShapeGrowthBytes() {
            return store.count() + 1 > dist.length ? 2L * dist.length * (Long.BYTES + 3 * Integer.BYTES + 1) : 0;
        }

        private void record(int id, long d, int par, int fired, int len) {
            if (id >= dist.length) {
                int n = Math.max(id + 1, dist.length * 2);
                dist = Arrays.copyOf(dist, n);
                parent = Arrays.copyOf(parent, n);
                firedBy = Arrays.copyOf(firedBy, n);
                pathLength = Arrays.copyOf(pathLength, n);
                flag = Arrays.copyOf(flag, n);
            }
            dist[id] = d;
            parent[id] = par;
            firedBy[id] = fired;
            pathLength[id] = len;
        }

        /** Loads the marking, enabled list and domain of a shape; returns the number enabled. */
        private int load(int id) {
            int[] page = store.page(id);
            int off = store.offset(id);
            int mid = page[off];
            MarkingPacking.unpack(markings.page(mid), markings.offset(mid), marking);
            int k = net.enabledList(marking, enabled);
            DomainCodec.decode(page, off + 1, store.length(id) - 1, k + 2, false, domain);
            loaded = id;
            return k;
        }

        /**
         * Writes into {@link #stored} the stored form of the shape in {@link #key} (domain of
         * dimension dim), adding its marking to the marking table; returns its length.
         */
        private int storedForm(int dim) {
            int mid = markings.add(packedMarking, MarkingPacking.pack(key, places, packedMarking));
            stored[0] = mid >= 0 ? mid : -mid - 1;
            return 1 + DomainCodec.encode(key, places, dim, false, stored, 1);
        }

        /** Whether the shape in {@link #key} (domain of dimension dim) is the one stored as {@code id}. */
        private boolean isStored(int id, int dim) {
            int[] page = store.page(id);
            int off = store.offset(id);
            int mid = page[off];
            int n = MarkingPacking.pack(key, places, packedMarking);
            if (markings.length(mid) != n || !Arrays.equals(packedMarking, 0, n, markings.page(mid),
                    markings.offset(mid), markings.offset(mid) + n)) {
                return false;
            }
            int len = DomainCodec.encode(key, places, dim, false, stored, 1);
            return store.length(id) == 1 + len && Arrays.equals(stored, 1, 1 + len, page, off + 1, off + 1 + len);
        }

        private boolean isTarget(int k) {
            return target == null ? k == 0 : target.test(marking, k == 0);
        }

        /** The bound on E that the search optimises: D[σ][0] (−E ≤) for min, D[0][σ] (E ≤) for max. */
        private int sigmaBound(int id, int k) {
            assert loaded == id;
            int dim = k + 2;
            int s = dim - 1;
            return minimum ? domain[s * dim] : domain[s];
        }

        /** No enabled transition has a finite upper bound: time can pass forever in this class. */
        private boolean timeCanDiverge(int id, int k) {
            assert loaded == id;
            int dim = k + 2;
            for (int j = 1; j <= k; j++) {
                if (domain[j * dim] != Bound.INF) {
                    return false;
                }
            }
            return true;
        }

        /** Drops the bounds of E the search does not need: its upper bounds for min, lower for max. */
        private void keepOneSide(int[] d, int off, int dim) {
            int s = dim - 1;
            for (int x = 0; x < s; x++) {
                if (minimum) {
                    d[off + x * dim + s] = Bound.INF;
                } else {
                    d[off + s * dim + x] = Bound.INF;
                }
            }
        }

        /**
         * Shifts the kept σ bounds so that the extreme E of the class is 0; returns that extreme
         * (how much E grew from the parent's, whose extreme was 0).
         */
        private long normalize(int[] d, int off, int dim) {
            int s = dim - 1;
            if (minimum) {
                int row = off + s * dim;
                long shift = Bound.value(d[row]);
                for (int x = 0; x < s; x++) {
                    if (d[row + x] != Bound.INF) {
                        d[row + x] = Bound.of(Bound.value(d[row + x]) - shift, Bound.isStrict(d[row + x]));
                    }
                }
                return -shift;
            }
            long shift = Bound.value(d[off + s]);
            assert d[off + s] != Bound.INF : "the parent could not let time diverge";
            for (int x = 0; x < s; x++) {
                int i = off + x * dim + s;
                if (d[i] != Bound.INF) {
                    d[i] = Bound.of(Bound.value(d[i]) - shift, Bound.isStrict(d[i]));
                }
            }
            return shift;
        }

        /** Transitions fired from the initial shape to {@code id}, in order; null if the links loop. */
        int[] path(int id) {
            List<Integer> rev = new ArrayList<>();
            for (int c = id; parent[c] >= 0; c = parent[c]) {
                rev.add(firedBy[c]);
                if (rev.size() > store.count()) {
                    return null;
                }
            }
            int[] p = new int[rev.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = rev.get(p.length - 1 - i);
            }
            return canon == null ? p : unpermute(id, p);
        }

        /** The path of representatives as a run of the net ({@link RunRenaming} says why it is one). */
        private int[] unpermute(int id, int[] p) {
            int[] chain = new int[p.length + 1];
            int c = id;
            for (int i = p.length; i >= 0; i--) {
                chain[i] = c;
                c = parent[c];
            }
            // the initial class, moved as run() moved it
            int k0 = net.enabledList(net.initialMarking, enabled);
            int dim0 = k0 + 2;
            int[] d0 = new int[dim0 * dim0];
            step.initialDomain(enabled, k0, d0);
            System.arraycopy(net.initialMarking, 0, key, 0, places);
            System.arraycopy(d0, 0, key, places, d0.length);
            keepOneSide(key, places, dim0);
            canon.canonicalize(key, places, dim0, enabled, k0);
            RunRenaming sigma = new RunRenaming(sym, canon);
            int[] run = new int[p.length];
            for (int i = 0; i < p.length; i++) {
                int t = p[i];
                run[i] = sigma.map(t);
                int k = load(chain[i]);
                int fi = java.util.Arrays.binarySearch(enabled, 0, k, t);
                int nd = step.fire(marking, enabled, k, domain, 0, fi);
                System.arraycopy(step.nextMarking, 0, key, 0, places);
                System.arraycopy(step.nextDomain, 0, key, places, nd * nd);
                keepOneSide(key, places, nd);
                normalize(key, places, nd);
                canon.canonicalize(key, places, nd, step.nextEnabled, step.nextCount);
                assert isStored(chain[i + 1], nd) : "the representative is a function of the class";
                sigma.moved(canon);
            }
            return run;
        }
    }

    /** A binary min-heap of (long key, int value) without boxing. */
    private static final class LongHeap {
        private long[] keys = new long[64];
        private int[] values = new int[64];
        private int size;

        boolean isEmpty() {
            return size == 0;
        }

        /** What the next push would allocate. */
        long growthBytes() {
            return size == keys.length ? 2L * keys.length * (Long.BYTES + Integer.BYTES) : 0;
        }

        long topKey() {
            return keys[0];
        }

        void push(long key, int value) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int p = (i - 1) >>> 1;
                if (keys[p] <= key) {
                    break;
                }
                keys[i] = keys[p];
                values[i] = values[p];
                i = p;
            }
            keys[i] = key;
            values[i] = value;
        }

        int pop() {
            int top = values[0];
            long key = keys[--size];
            int value = values[size];
            int i = 0;
            while (true) {
                int c = 2 * i + 1;
                if (c >= size) {
                    break;
                }
                if (c + 1 < size && keys[c + 1] < keys[c]) {
                    c++;
                }
                if (keys[c] >= key) {
                    break;
                }
                keys[i] = keys[c];
                values[i] = values[c];
                i = c;
            }
            keys[i] = key;
            values[i] = value;
            return top;
        }
    }

    /** A FIFO of ints over a growing ring. */
    private static final class IntQueue {
        private int[] items = new int[64];
        private int head;
        private int tail;
        private int size;

        boolean isEmpty() {
            return size == 0;
        }

        /** What the next add would allocate. */
        long growthBytes() {
            return size == items.length ? 2L * items.length * Integer.BYTES : 0;
        }

        void add(int v) {
            if (size == items.length) {
                int[] n = new int[items.length * 2];
                for (int i = 0; i < size; i++) {
                    n[i] = items[(head + i) % items.length];
                }
                items = n;
                head = 0;
                tail = size;
            }
            items[tail] = v;
            tail = (tail + 1) % items.length;
            size++;
        }

        int poll() {
            int v = items[head];
            head = (head + 1) % items.length;
            size--;
            return v;
        }
    }
}

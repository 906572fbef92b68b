package dev.cadenza.petri.classes;

import dev.cadenza.petri.limit.Limit;
import dev.cadenza.petri.limit.Meter;
import dev.cadenza.petri.query.CompiledPredicate;

import java.util.Arrays;

/**
 * One depth-first search of the reduced state class graph for {@link TimeBounds#reachAny}: is some
 * class where a target holds reachable, and along which path of classes. Plain Berthomieu–Diaz
 * classes (marking and firing domain, no elapsed-time variable: no time is asked for, and the
 * class graph already has every reachable marking and every firable sequence), with the same
 * reductions as {@link TimeBounds#reachEach} (safe [0,0] transitions fired alone, classes moved to
 * the representative of their orbit under the symmetry every target keeps). Each class is stored
 * once, as {@link StateClassGraph} stores it (marking id, domain in {@link DomainCodec}'s form,
 * 16-bit halves where the bounds are small), with its parent and the transition fired from it:
 * twelve bytes or so a class beside the store, and four more while it waits on the stack.
 *
 * <p>A class is tested against every target not yet found when it is first stored, and expanded
 * (its successors stored and pushed, the last one popped first) when popped. The search ends when
 * every target is found, when the stack is empty (complete: what was not found is unreachable), or
 * at a limit of the meter (a class cap, time, memory: what was not found is not known).
 */
final class AnyRunSearch {

    private static final int STOP = 0;
    private static final int ALL_FOUND = 1;
    private static final int NEW = 2;
    private static final int OLD = 3;

    private final TimedNet net;
    private final CompiledPredicate[] targets;
    private final Meter meter;
    /** Safe [0,0] transitions (fired alone), or null without the reduction. */
    private final boolean[] safe;
    private final BundleSymmetry sym;
    private final ClassCanonizer canon;
    /** Classes as [marking id][domain in DomainCodec's form]. */
    final ClassStore store;
    private final ClassStore markings;
    private final FiringDomain step;
    private final boolean halves;
    private int[] parent = new int[1024];
    private int[] firedBy = new int[1024];
    private int[] stack = new int[1024];
    private int depth;
    /** Per target, the first class found where it holds (-1: none yet). */
    final int[] found;
    private int open;
    Limit limit = Limit.NONE;

    private final int places;
    private final int[] marking;
    private final int[] enabled;
    /** A class whole: the marking in [0, places), the domain after it (what the canonizer permutes). */
    private final int[] key;
    private final int[] stored;
    private final int[] packedMarking;
    private final int[] domain;

    AnyRunSearch(TimedNet net, CompiledPredicate[] targets, Meter meter, boolean[] safe, BundleSymmetry sym) {
        this.net = net;
        this.targets = targets;
        this.meter = meter;
        this.safe = safe;
        this.sym = sym;
        this.canon = sym == null ? null : new ClassCanonizer(sym, net.transitions).withExtra(0);
        this.places = net.places;
        int maxDim = net.transitions + 1;
        this.store = new ClassStore(1 + maxDim * maxDim);
        this.markings = new ClassStore(places + 1);
        this.step = new FiringDomain(net, 0);
        this.halves = net.maxBoundValue < StateClassGraph.PACKED_LIMIT;
        this.found = new int[targets.length];
        Arrays.fill(found, -1);
        this.open = targets.length;
        marking = new int[places];
        enabled = new int[net.transitions];
        key = new int[places + maxDim * maxDim];
        stored = new int[1 + maxDim * maxDim];
        packedMarking = new int[places + 1];
        domain = new int[maxDim * maxDim];
    }

    /**
     * What a search allocates before its first class: its buffers of the largest domain (the key,
     * its stored form, the decoded domain, the successor's, the first class's, a margin) and the
     * firing rules' transition-by-transition table.
     */
    static long setupBytes(TimedNet net) {
        long dim = net.transitions + 1L;
        long cells = net.places + dim * dim;
        if (cells > Integer.MAX_VALUE - 8) {
            return Long.MAX_VALUE;
        }
        return 6 * cells * Integer.BYTES + (long) net.transitions * net.transitions;
    }

    int classes() {
        return store.count();
    }

    void run() {
        limit = meter.check(0);
        if (limit != Limit.NONE) {
            return; // nothing left of the budget: not even the initial class
        }
        int k0 = net.enabledList(net.initialMarking, enabled);
        int dim0 = k0 + 1;
        step.initialDomain(enabled, k0, domain);
        System.arraycopy(net.initialMarking, 0, key, 0, places);
        System.arraycopy(domain, 0, key, places, dim0 * dim0);
        if (canon != null) {
            canon.canonicalize(key, places, dim0, enabled, k0);
        }
        store.add(stored, storedForm(dim0));
        parent[0] = -1;
        firedBy[0] = -1;
        if (test(0, net.initialMarking, k0 == 0) || k0 == 0) {
            return;
        }
        stack[depth++] = 0;
        while (depth > 0) {
            int id = stack[--depth];
            int k = load(id);
            if (!expand(id, k)) {
                return;
            }
        }
    }

    /** Records the targets still open that hold in class id (marking m); whether none is left open. */
    private boolean test(int id, int[] m, boolean dead) {
        for (int t = 0; t < targets.length; t++) {
            if (found[t] < 0 && targets[t].test(m, dead)) {
                found[t] = id;
                open--;
            }
        }
        return open == 0;
    }

    /**
     * Fires what class id needs fired; false when the search ends (a limit, or every target found).
     * With the zero-time reduction, a firable safe [0,0] transition is fired alone when that makes
     * a new class, as in {@link TimeBounds} ({@link ZeroTimeReduction} says why that keeps every
     * target's reachability, whatever the order classes are expanded in).
     */
    private boolean expand(int id, int k) {
        int dim = k + 1;
        int alone = -1;
        if (safe != null) {
            alone = ZeroTimeReduction.firstSafeFirable(safe, enabled, domain, k, dim);
            if (alone >= 0) {
                int r = fireOne(id, k, alone);
                if (r != OLD) {
                    return r == NEW;
                }
            }
        }
        for (int fi = 0; fi < k; fi++) {
            if (fi == alone || !FiringDomain.firable(domain, 0, k, dim, fi)) {
                continue;
            }
            int r = fireOne(id, k, fi);
            if (r == STOP || r == ALL_FOUND) {
                return false;
            }
        }
        return true;
    }

    /** Fires the transition at position fi of class id: STOP at a limit, ALL_FOUND, or whether the child is NEW. */
    private int fireOne(int id, int k, int fi) {
        limit = meter.check(store.count());
        if (limit == Limit.NONE && !meter.mayAllocate(store.nextGrowthBytes(stored.length)
                + markings.nextGrowthBytes(packedMarking.length) + growthBytes())) {
            limit = Limit.MEMORY;
        }
        if (limit != Limit.NONE) {
            return STOP;
        }
        int nd = step.fire(marking, enabled, k, domain, 0, fi);
        System.arraycopy(step.nextMarking, 0, key, 0, places);
        System.arraycopy(step.nextDomain, 0, key, places, nd * nd);
        if (canon != null) {
            canon.canonicalize(key, places, nd, step.nextEnabled, step.nextCount);
        }
        int r = store.add(stored, storedForm(nd));
        if (r < 0) {
            return OLD;
        }
        if (r == parent.length) {
            parent = Arrays.copyOf(parent, r * 2);
            firedBy = Arrays.copyOf(firedBy, r * 2);
        }
        parent[r] = id;
        firedBy[r] = enabled[fi];
        // the target keeps its value under the symmetry: the class before its move tells as well
        if (test(r, step.nextMarking, step.nextCount == 0)) {
            return ALL_FOUND;
        }
        if (step.nextCount > 0) {
            if (depth == stack.length) {
                stack = Arrays.copyOf(stack, depth * 2);
            }
            stack[depth++] = r;
        }
        return NEW;
    }

    /** What growing the parent, fired and stack arrays for one more class would allocate. */
    private long growthBytes() {
        long tree = store.count() + 1 >= parent.length ? 2L * 2 * parent.length * Integer.BYTES : 0;
        long onStack = depth + 1 >= stack.length ? 2L * stack.length * Integer.BYTES : 0;
        return tree + onStack;
    }

    /** Loads the marking, enabled list and domain of class id; returns the number enabled. */
    private int load(int id) {
        int[] page = store.page(id);
        int off = store.offset(id);
        int mid = page[off];
        MarkingPacking.unpack(markings.page(mid), markings.offset(mid), marking);
        int k = net.enabledList(marking, enabled);
        DomainCodec.decode(page, off + 1, store.length(id) - 1, k + 1, halves, domain);
        return k;
    }

    /** Writes into {@link #stored} the stored form of the class in {@link #key}; returns its length. */
    private int storedForm(int dim) {
        int mid = markings.add(packedMarking, MarkingPacking.pack(key, places, packedMarking));
        stored[0] = mid >= 0 ? mid : -mid - 1;
        return 1 + DomainCodec.encode(key, places, dim, halves, stored, 1);
    }

    /** The transitions fired from the initial class to class id, as a run of the net. */
    int[] path(int id) {
        int n = 0;
        for (int c = id; parent[c] >= 0; c = parent[c]) {
            n++;
        }
        int[] p = new int[n];
        int[] chain = new int[n + 1];
        int c = id;
        for (int i = n; i >= 0; i--) {
            chain[i] = c;
            if (i > 0) {
                p[i - 1] = firedBy[c];
            }
            c = parent[c];
        }
        return canon == null ? p : unpermute(chain, p);
    }

    /**
     * The path of representatives as a run of the net ({@link RunRenaming} says why it is one); it
     * ends in σ(the class found), where the target holds, as every permutation of the symmetry
     * keeps it.
     */
    private int[] unpermute(int[] chain, int[] p) {
        int k0 = net.enabledList(net.initialMarking, enabled);
        int dim0 = k0 + 1;
        step.initialDomain(enabled, k0, domain);
        System.arraycopy(net.initialMarking, 0, key, 0, places);
        System.arraycopy(domain, 0, key, places, dim0 * dim0);
        canon.canonicalize(key, places, dim0, enabled, k0);
        RunRenaming sigma = new RunRenaming(sym, canon);
        int[] run = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            int t = p[i];
            run[i] = sigma.map(t);
            int k = load(chain[i]);
            int fi = Arrays.binarySearch(enabled, 0, k, t);
            int nd = step.fire(marking, enabled, k, domain, 0, fi);
            System.arraycopy(step.nextMarking, 0, key, 0, places);
            System.arraycopy(step.nextDomain, 0, key, places, nd * nd);
            canon.canonicalize(key, places, nd, step.nextEnabled, step.nextCount);
            sigma.moved(canon);
        }
        return run;
    }
}

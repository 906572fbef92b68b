package dev.cadenza.petri.classes;

import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.limit.Limit;
import dev.cadenza.petri.limit.Meter;

/**
 * The linear state class graph of Berthomieu and Diaz (TINA's default for time Petri nets),
 * explored breadth first: a class is a marking and the canonical firing domain over its enabled
 * transitions; two classes are the same when both are equal. Counts classes, distinct markings,
 * edges and dead classes; keeps for each class its parent and the transition fired to reach it.
 */
public final class StateClassGraph {

    private final TimedNet net;
    private final ClassStore classes;
    private final ClassStore markings;
    private int[] parent = new int[1024];
    private int[] fired = new int[1024];
    /** Edges and dead classes found so far (fields, so that a stop by OutOfMemoryError still reports them). */
    private long edges;
    private long dead;

    public StateClassGraph(PetriNet net) {
        this.net = new TimedNet(net);
        int maxDim = this.net.transitions + 1;
        this.classes = new ClassStore(1 + maxDim * maxDim);
        this.markings = new ClassStore(this.net.places + 1);
    }

    public static ClassGraphStatistics explore(PetriNet net) {
        return new StateClassGraph(net).explore(Budget.unlimited());
    }

    /**
     * Explores within what is left of {@code budget}: stops, with the statistics so far, when the
     * class budget or the time runs out or the next step would not fit in the heap.
     */
    public ClassGraphStatistics explore(Budget budget) {
        Meter meter = budget.start("classes");
        try {
            if (!meter.mayAllocate(setupBytes())) {
                return new ClassGraphStatistics(0, 0, 0, 0, Limit.MEMORY, meter.seconds());
            }
            Limit before = meter.check(0);
            if (before != Limit.NONE) {
                return new ClassGraphStatistics(0, 0, 0, 0, before, meter.seconds());
            }
            return explore(meter);
        } catch (OutOfMemoryError e) {
            // the guard checks every growth of the stores; this is the net under it
            return new ClassGraphStatistics(classes.count(), markings.count(), edges, dead, Limit.MEMORY, meter.seconds());
        } finally {
            meter.finish(classes.count());
        }
    }

    private ClassGraphStatistics explore(Meter meter) {
        final TimedNet tn = net;
        final int places = tn.places;
        final FiringDomain step = new FiringDomain(tn, 0);
        final int[] enabled = new int[tn.transitions];
        final int[] marking = new int[places];
        final int maxDim = tn.transitions + 1;
        // A class is stored as [marking id][domain]: markings live once in their own table,
        // which also counts them, so classes sharing a marking do not repeat it.
        final int[] key = new int[1 + maxDim * maxDim];
        // Where every bound fits in 16 bits (small integer intervals: the usual case) two DBM
        // entries share an int: half the memory, half the hashing and comparing.
        final boolean packed = tn.maxBoundValue < PACKED_LIMIT;
        final int[] domain = new int[maxDim * maxDim];

        int k0 = tn.enabledList(tn.initialMarking, enabled);
        int dim0 = k0 + 1;
        int[] d0 = new int[dim0 * dim0];
        step.initialDomain(enabled, k0, d0);
        final int[] packedMarking = new int[places + 1];
        key[0] = markings.add(packedMarking, MarkingPacking.pack(tn.initialMarking, packedMarking));
        classes.add(key, 1 + store(d0, d0.length, key, packed));
        parent[0] = -1;
        fired[0] = -1;

        edges = 0;
        dead = 0;
        Limit limit = Limit.NONE;
        explore:
        for (int id = 0; id < classes.count(); id++) {
            final int[] arena = classes.page(id);
            int off = classes.offset(id);
            MarkingPacking.unpack(markings.page(arena[off]), markings.offset(arena[off]), marking);
            int k = tn.enabledList(marking, enabled);
            if (k == 0) {
                dead++;
                continue;
            }
            int dim = k + 1;
            final int[] d;
            final int dOff;
            if (packed) {
                unpack(arena, off + 1, dim * dim, domain);
                d = domain;
                dOff = 0;
            } else {
                d = arena;
                dOff = off + 1;
            }
            for (int fi = 0; fi < k; fi++) {
                if (!FiringDomain.firable(d, dOff, k, dim, fi)) {
                    continue;
                }
                limit = meter.check(classes.count());
                if (limit == Limit.NONE && !meter.mayAllocate(classes.nextGrowthBytes(key.length)
                        + markings.nextGrowthBytes(places) + treeGrowthBytes())) {
                    limit = Limit.MEMORY;
                }
                if (limit != Limit.NONE) {
                    break explore;
                }
                int nd = step.fire(marking, enabled, k, d, dOff, fi);
                edges++;
                int mid = markings.add(packedMarking, MarkingPacking.pack(step.nextMarking, packedMarking));
                key[0] = mid >= 0 ? mid : -mid - 1;
                int r;
                if (packed) {
                    int len = 1 + ((nd * nd + 1) >> 1);
                    r = classes.add(key, len, packWithHash(step.nextDomain, nd * nd, key, len));
                } else {
                    r = classes.add(key, 1 + store(step.nextDomain, nd * nd, key, false));
                }
                if (r >= 0) {
                    if (r == parent.length) {
                        parent = java.util.Arrays.copyOf(parent, r * 2);
                        fired = java.util.Arrays.copyOf(fired, r * 2);
                    }
                    parent[r] = id;
                    fired[r] = enabled[fi];
                }
            }
        }
        return new ClassGraphStatistics(classes.count(), markings.count(), edges, dead, limit, meter.seconds());
    }

    /**
     * What the exploration allocates before its first class: buffers of the largest domain (one
     * row and column per transition) and the firing rules' transition-by-transition table. For
     * tens of thousands of transitions they alone would not fit, or not be indexable by an int.
     */
    private long setupBytes() {
        long dim = net.transitions + 1L;
        long cells = 1 + dim * dim;
        if (cells > Integer.MAX_VALUE - 8) {
            return Long.MAX_VALUE;
        }
        return 4 * cells * Integer.BYTES + (long) net.transitions * net.transitions;
    }

    /** What growing the parent and fired arrays for one more class would allocate. */
    private long treeGrowthBytes() {
        return classes.count() + 1 >= parent.length ? 2L * 2 * parent.length * Integer.BYTES : 0;
    }

    /** Bounds whose |value| is below this are stored as 16-bit halves. */
    static final long PACKED_LIMIT = 16_000;
    private static final int PACKED_INF = 0x7FFF;

    /** Copies a domain into key[1..], packed or not; returns how many ints it took. */
    private static int store(int[] domain, int n, int[] key, boolean packed) {
        if (!packed) {
            System.arraycopy(domain, 0, key, 1, n);
            return n;
        }
        int w = 1;
        for (int i = 0; i < n; i += 2) {
            int lo = domain[i] == Bound.INF ? PACKED_INF : domain[i];
            int hi = i + 1 < n ? (domain[i + 1] == Bound.INF ? PACKED_INF : domain[i + 1]) : 0;
            key[w++] = (lo & 0xFFFF) | (hi << 16);
        }
        return w - 1;
    }

    /**
     * The packed store of the hot path: writes key[1..len) from the domain and returns
     * ClassStore.hash(key, len), computed on the way instead of in a second pass.
     */
    private static int packWithHash(int[] domain, int n, int[] key, int len) {
        final int c = ClassStore.HASH_MULTIPLIER;
        int h = (len + key[0]) * c;
        int w = 1;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            int lo = domain[i] == Bound.INF ? PACKED_INF : domain[i];
            int hi = domain[i + 1] == Bound.INF ? PACKED_INF : domain[i + 1];
            int v = (lo & 0xFFFF) | (hi << 16);
            key[w++] = v;
            h = (h + v) * c;
        }
        if (i < n) {
            int lo = domain[i] == Bound.INF ? PACKED_INF : domain[i];
            int v = lo & 0xFFFF;
            key[w++] = v;
            h = (h + v) * c;
        }
        return h;
    }

    private static void unpack(int[] src, int off, int n, int[] out) {
        for (int i = 0; i < n; i += 2) {
            int v = src[off + (i >> 1)];
            int lo = (short) v;
            out[i] = lo == PACKED_INF ? Bound.INF : lo;
            if (i + 1 < n) {
                int hi = v >> 16;
                out[i + 1] = hi == PACKED_INF ? Bound.INF : hi;
            }
        }
    }

    /** The transitions fired from the initial class to class {@code id}: schedule it with {@link TraceScheduler}. */
    public int[] path(int id) {
        int n = 0;
        for (int c = id; parent[c] >= 0; c = parent[c]) {
            n++;
        }
        int[] p = new int[n];
        for (int c = id; parent[c] >= 0; c = parent[c]) {
            p[--n] = fired[c];
        }
        return p;
    }

    /** The marking of class {@code id}, for tests and traces. */
    public long[] marking(int id) {
        int[] u = new int[net.places];
        int mid = classes.page(id)[classes.offset(id)];
        MarkingPacking.unpack(markings.page(mid), markings.offset(mid), u);
        long[] m = new long[net.places];
        for (int p = 0; p < m.length; p++) {
            m[p] = u[p];
        }
        return m;
    }

    public int classCount() {
        return classes.count();
    }

    /** The class whose successor {@code id} is, or -1 for the initial class. */
    public int parent(int id) {
        return parent[id];
    }

    /** The transition fired from {@link #parent(int)} to reach {@code id}, or -1. */
    public int firedTransition(int id) {
        return fired[id];
    }
}

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
        // The domain is stored in DomainCodec's form: column and row 0 and the few entries they
        // do not imply. Where every bound fits in 16 bits (small integer intervals: the usual
        // case) those entries take 16 bits each.
        final boolean packed = tn.maxBoundValue < PACKED_LIMIT;
        final int[] domain = new int[maxDim * maxDim];

        int k0 = tn.enabledList(tn.initialMarking, enabled);
        int dim0 = k0 + 1;
        int[] d0 = new int[dim0 * dim0];
        step.initialDomain(enabled, k0, d0);
        final int[] packedMarking = new int[places + 1];
        key[0] = markings.add(packedMarking, MarkingPacking.pack(tn.initialMarking, packedMarking));
        classes.add(key, 1 + DomainCodec.encode(d0, 0, dim0, packed, key, 1));
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
            DomainCodec.decode(arena, off + 1, classes.length(id) - 1, dim, packed, domain);
            final int[] d = domain;
            final int dOff = 0;
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
                int r = classes.add(key, 1 + DomainCodec.encode(step.nextDomain, 0, nd, packed, key, 1));
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

    /** Bounds whose |value| is below this are stored as 16-bit halves (DomainCodec's halves mode). */
    static final long PACKED_LIMIT = 16_000;

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

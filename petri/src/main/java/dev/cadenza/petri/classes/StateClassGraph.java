package dev.cadenza.petri.classes;

import dev.cadenza.petri.PetriNet;

/**
 * The linear state class graph of Berthomieu and Diaz (TINA's default for time Petri nets),
 * explored breadth first: a class is a marking and the canonical firing domain over its enabled
 * transitions; two classes are the same when both are equal. Counts classes, distinct markings,
 * edges and dead classes; keeps for each class its parent and the transition fired to reach it.
 */
public final class StateClassGraph {

    private final TimedNet net;
    private final ClassStore classes = new ClassStore();
    private final ClassStore markings = new ClassStore();
    private int[] parent = new int[1024];
    private int[] fired = new int[1024];

    public StateClassGraph(PetriNet net) {
        this.net = new TimedNet(net);
    }

    public static ClassGraphStatistics explore(PetriNet net) {
        return new StateClassGraph(net).explore(ExplorationLimits.NONE, ProgressListener.NONE);
    }

    public ClassGraphStatistics explore(ExplorationLimits limits, ProgressListener progress) {
        final TimedNet tn = net;
        final int places = tn.places;
        final FiringDomain step = new FiringDomain(tn, 0);
        final int[] enabled = new int[tn.transitions];
        final int[] marking = new int[places];
        final int maxDim = tn.transitions + 1;
        final int[] key = new int[places + maxDim * maxDim];
        Watchdog watchdog = new Watchdog(limits, progress);

        int k0 = tn.enabledList(tn.initialMarking, enabled);
        System.arraycopy(tn.initialMarking, 0, key, 0, places);
        int dim0 = step.initialDomain(enabled, k0, new int[(k0 + 1) * (k0 + 1)]);
        int[] d0 = new int[dim0 * dim0];
        step.initialDomain(enabled, k0, d0);
        System.arraycopy(d0, 0, key, places, d0.length);
        classes.add(key, places + d0.length);
        markings.add(key, places);
        parent[0] = -1;
        fired[0] = -1;

        long edges = 0;
        long dead = 0;
        Limit limit = Limit.NONE;
        explore:
        for (int id = 0; id < classes.count(); id++) {
            int[] arena = classes.arena();
            int off = classes.offset(id);
            System.arraycopy(arena, off, marking, 0, places);
            int k = tn.enabledList(marking, enabled);
            if (k == 0) {
                dead++;
                continue;
            }
            int dim = k + 1;
            int dOff = off + places;
            for (int fi = 0; fi < k; fi++) {
                arena = classes.arena();
                if (!FiringDomain.firable(arena, dOff, k, dim, fi)) {
                    continue;
                }
                limit = watchdog.check(classes.count(), edges, classes.nextGrowthBytes(key.length)
                        + markings.nextGrowthBytes(places));
                if (limit != Limit.NONE) {
                    break explore;
                }
                int nd = step.fire(marking, enabled, k, arena, dOff, fi);
                edges++;
                System.arraycopy(step.nextMarking, 0, key, 0, places);
                System.arraycopy(step.nextDomain, 0, key, places, nd * nd);
                int r = classes.add(key, places + nd * nd);
                if (r >= 0) {
                    markings.add(key, places);
                    if (r == parent.length) {
                        parent = java.util.Arrays.copyOf(parent, r * 2);
                        fired = java.util.Arrays.copyOf(fired, r * 2);
                    }
                    parent[r] = id;
                    fired[r] = enabled[fi];
                }
            }
        }
        return new ClassGraphStatistics(classes.count(), markings.count(), edges, dead, limit, watchdog.seconds());
    }

    /** The marking of class {@code id}, for tests and traces. */
    public long[] marking(int id) {
        long[] m = new long[net.places];
        int off = classes.offset(id);
        for (int p = 0; p < m.length; p++) {
            m[p] = classes.arena()[off + p];
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

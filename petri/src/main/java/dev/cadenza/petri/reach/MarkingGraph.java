package dev.cadenza.petri.reach;

import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.classes.BundleSymmetry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The marking graph of a P/T net as explored breadth-first: its statistics, the markings found
 * (numbered in the order found, 0 the initial one) and, for each, the transition that first
 * reached it from an earlier one, so that a shortest firing sequence to any marking can be told.
 * The edges themselves are counted, not kept.
 */
public final class MarkingGraph {

    private final CompiledNet net;
    private final MarkingStore store;
    private final ExplorationStatistics statistics;
    private final int firstDead;
    private final int target;

    /** The symmetry the markings were stored up to (null: none): paths are mapped back through it. */
    private final BundleSymmetry sym;

    MarkingGraph(CompiledNet net, MarkingStore store, ExplorationStatistics statistics, int firstDead, int target,
            BundleSymmetry sym) {
        this.sym = sym;
        this.net = net;
        this.store = store;
        this.statistics = statistics;
        this.firstDead = firstDead;
        this.target = target;
    }

    /**
     * The first marking found where the search's target holds (the explorer then stopped there),
     * if one was: the shallowest of the graph explored.
     */
    public Optional<Integer> target() {
        return target < 0 ? Optional.empty() : Optional.of(target);
    }

    public PetriNet net() {
        return net.net();
    }

    public ExplorationStatistics statistics() {
        return statistics;
    }

    public int size() {
        return store.size();
    }

    /** The tokens of each place in marking {@code state}. */
    public long[] marking(int state) {
        long[] m = new long[net.places];
        store.unpack(state, m);
        return m;
    }

    /**
     * A dead marking at the least depth, if one was found: breadth-first order reaches the
     * shallowest first.
     */
    public Optional<Integer> firstDeadMarking() {
        return firstDead < 0 ? Optional.empty() : Optional.of(firstDead);
    }

    /** Transition indices of a shortest firing sequence from the initial marking to {@code state}. */
    public int[] pathTo(int state) {
        if (state < 0 || state >= store.size()) {
            throw new IndexOutOfBoundsException("no marking " + state + " among " + store.size());
        }
        int length = 0;
        for (int s = state; s != 0; s = store.parent(s)) {
            length++;
        }
        int[] path = new int[length];
        int[] chain = new int[length + 1];
        chain[length] = state;
        for (int s = state, i = length - 1; s != 0; s = store.parent(s), i--) {
            path[i] = store.via(s);
            chain[i] = store.parent(s);
        }
        return sym == null ? path : unpermute(path, chain);
    }

    /**
     * The stored path, fired from representatives, as a run of the net: each successor was moved
     * by some π_i to its representative, recomputed here (the sort is a function of the marking);
     * σ tells which bundle of the run each slot of the current representative stands for, and
     * the run fires σ(t).
     */
    private int[] unpermute(int[] path, int[] chain) {
        int[][] order = sym.newOrder();
        long[] scratch = new long[net.places];
        long[] m = net.initial.clone();
        sym.sortMarking(m, order, scratch);
        int[][] sigma = new int[order.length][];
        for (int c = 0; c < order.length; c++) {
            sigma[c] = order[c].clone();
        }
        int[] run = new int[path.length];
        for (int i = 0; i < path.length; i++) {
            int t = path[i];
            run[i] = sym.runTransition(t, sigma);
            store.unpack(chain[i], m);
            for (int e = net.effectStart[t]; e < net.effectStart[t + 1]; e++) {
                m[net.effectPlace[e]] += net.effectDelta[e];
            }
            if (!sym.sortMarking(m, order, scratch)) {
                continue;
            }
            sym.follow(sigma, order);
        }
        return run;
    }

    /** The same path as transition names, as the user knows them. */
    public List<String> pathNames(int state) {
        List<String> names = new ArrayList<>();
        for (int t : pathTo(state)) {
            names.add(net.net().transition(t).displayName());
        }
        return names;
    }
}

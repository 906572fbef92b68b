package dev.cadenza.petri.reach;

import dev.cadenza.petri.PetriNet;

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

    MarkingGraph(CompiledNet net, MarkingStore store, ExplorationStatistics statistics, int firstDead, int target) {
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
        for (int s = state, i = length - 1; s != 0; s = store.parent(s), i--) {
            path[i] = store.via(s);
        }
        return path;
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

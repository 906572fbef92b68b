package dev.cadenza.petri.reach;

import dev.cadenza.petri.Arc;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.Transition;

import java.util.Map;
import java.util.TreeMap;

/**
 * A P/T net compiled once into flat primitive arrays for the explorers: per transition its
 * tests (place, at least), inhibitors (place, below) and its effect (place, delta). Arrays of
 * all transitions are concatenated, transition {@code t} owning {@code [start[t], start[t+1])}.
 * Which transitions to test in a marking is {@link GuardIndex}'s business.
 */
public final class CompiledNet {

    final int places;
    final int transitions;
    final long[] initial;

    /** Enabling: m[testPlace[i]] >= testAtLeast[i] for the tests of t (normal and read arcs). */
    final int[] testStart;
    final int[] testPlace;
    final long[] testAtLeast;
    /** Enabling: m[inhibPlace[i]] < inhibBelow[i] for the inhibitor arcs of t. */
    final int[] inhibStart;
    final int[] inhibPlace;
    final long[] inhibBelow;
    /** Firing: m[effectPlace[i]] += effectDelta[i]; places where pre = post are left out. */
    final int[] effectStart;
    final int[] effectPlace;
    final long[] effectDelta;

    private final PetriNet net;

    private CompiledNet(PetriNet net) {
        this.net = net;
        this.places = net.placeCount();
        this.transitions = net.transitionCount();
        this.initial = net.initialMarking();

        IntLongList tests = new IntLongList();
        IntLongList inhibs = new IntLongList();
        IntLongList effects = new IntLongList();
        testStart = new int[transitions + 1];
        inhibStart = new int[transitions + 1];
        effectStart = new int[transitions + 1];
        for (int t = 0; t < transitions; t++) {
            Transition tr = net.transition(t);
            // Requirements and effects per place, merged: a place may carry a normal and a read arc.
            Map<Integer, Long> consume = new TreeMap<>();
            Map<Integer, Long> read = new TreeMap<>();
            Map<Integer, Long> below = new TreeMap<>();
            Map<Integer, Long> delta = new TreeMap<>();
            for (Arc a : tr.inputs()) {
                switch (a.kind()) {
                    case NORMAL -> {
                        consume.merge(a.place(), a.weight(), Long::sum);
                        delta.merge(a.place(), -a.weight(), Long::sum);
                    }
                    case READ -> read.merge(a.place(), a.weight(), Math::max);
                    case INHIBITOR -> below.merge(a.place(), a.weight(), Math::min);
                    default -> throw new AssertionError(a.kind());
                }
            }
            for (Arc a : tr.outputs()) {
                delta.merge(a.place(), a.weight(), Long::sum);
            }
            // A read arc and a normal arc on one place: both must hold, so the larger one counts.
            Map<Integer, Long> atLeast = new TreeMap<>(consume);
            for (Map.Entry<Integer, Long> e : read.entrySet()) {
                atLeast.merge(e.getKey(), e.getValue(), Math::max);
            }
            testStart[t] = tests.size();
            for (Map.Entry<Integer, Long> e : atLeast.entrySet()) {
                tests.add(e.getKey(), e.getValue());
            }
            inhibStart[t] = inhibs.size();
            for (Map.Entry<Integer, Long> e : below.entrySet()) {
                inhibs.add(e.getKey(), e.getValue());
            }
            effectStart[t] = effects.size();
            for (Map.Entry<Integer, Long> e : delta.entrySet()) {
                if (e.getValue() != 0) {
                    effects.add(e.getKey(), e.getValue());
                }
            }
        }
        testStart[transitions] = tests.size();
        inhibStart[transitions] = inhibs.size();
        effectStart[transitions] = effects.size();
        testPlace = tests.ints();
        testAtLeast = tests.longs();
        inhibPlace = inhibs.ints();
        inhibBelow = inhibs.longs();
        effectPlace = effects.ints();
        effectDelta = effects.longs();

    }

    public static CompiledNet of(PetriNet net) {
        return new CompiledNet(net);
    }

    public PetriNet net() {
        return net;
    }

    private dev.cadenza.petri.classes.BundleSymmetry.Candidates symmetry;

    /** The net's symmetry candidates, read once for the many searches of one compiled net. */
    synchronized dev.cadenza.petri.classes.BundleSymmetry.Candidates symmetryCandidates() {
        if (symmetry == null) {
            symmetry = dev.cadenza.petri.classes.BundleSymmetry.candidates(net);
        }
        return symmetry;
    }

    public int placeCount() {
        return places;
    }

    public int transitionCount() {
        return transitions;
    }

    /** True when transition t may fire in marking m (unpacked). */
    public boolean isEnabled(int t, long[] m) {
        for (int i = testStart[t], end = testStart[t + 1]; i < end; i++) {
            if (m[testPlace[i]] < testAtLeast[i]) {
                return false;
            }
        }
        for (int i = inhibStart[t], end = inhibStart[t + 1]; i < end; i++) {
            if (m[inhibPlace[i]] >= inhibBelow[i]) {
                return false;
            }
        }
        return true;
    }

    /** Fires t in m, in place; t must be enabled. */
    public void fire(int t, long[] m) {
        for (int i = effectStart[t], end = effectStart[t + 1]; i < end; i++) {
            m[effectPlace[i]] += effectDelta[i];
        }
    }

    /** A growable pair of parallel int and long arrays, for compiling only. */
    private static final class IntLongList {
        private int[] ints = new int[16];
        private long[] longs = new long[16];
        private int size;

        void add(int i, long l) {
            if (size == ints.length) {
                ints = java.util.Arrays.copyOf(ints, size * 2);
                longs = java.util.Arrays.copyOf(longs, size * 2);
            }
            ints[size] = i;
            longs[size] = l;
            size++;
        }

        int size() {
            return size;
        }

        int[] ints() {
            return java.util.Arrays.copyOf(ints, size);
        }

        long[] longs() {
            return java.util.Arrays.copyOf(longs, size);
        }
    }
}

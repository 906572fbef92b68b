package dev.cadenza.petri.testing;

import dev.cadenza.petri.Arc;
import dev.cadenza.petri.ArcKind;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.TimeInterval;
import dev.cadenza.petri.Transition;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.apache.commons.math3.fraction.BigFraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random small nets for properties. Boundedness is by construction: every transition consumes at
 * least as many tokens (normal arcs) as it produces, so the total token count never grows, and a
 * net with at most a handful of tokens has a small state space.
 */
public final class RandomNets {

    private RandomNets() {
    }

    /** Nets with closed integer intervals or [a,w[: those the discrete-time oracle is exact for. */
    public static Arbitrary<PetriNet> closedIntegerNets() {
        return Arbitraries.longs().map(seed -> generate(new Random(seed), false));
    }

    /** Any bounds: open, closed, fractions, infinite. For the .net round trip. */
    public static Arbitrary<PetriNet> anyNets() {
        return Arbitraries.longs().map(seed -> generate(new Random(seed), true));
    }

    public static PetriNet generate(Random r, boolean anyBounds) {
        int places = 2 + r.nextInt(4);
        int transitions = places + r.nextInt(3);
        PetriNet.Builder b = PetriNet.builder("n" + r.nextInt(1000));
        int tokens = 1 + r.nextInt(4);
        long[] m = new long[places];
        for (int i = 0; i < tokens; i++) {
            m[r.nextInt(places)]++;
        }
        for (int p = 0; p < places; p++) {
            b.place(anyBounds && r.nextInt(5) == 0 ? "p {" + p + "}" : "p" + p, m[p]);
        }
        for (int t = 0; t < transitions; t++) {
            List<Arc> in = new ArrayList<>();
            List<Arc> out = new ArrayList<>();
            boolean[] usedIn = new boolean[places];
            int nin = r.nextInt(3) == 0 ? 2 : 1;
            long consumed = 0;
            for (int k = 0; k < nin; k++) {
                // every place feeds some transition, so tokens keep moving
                int p = k == 0 ? t % places : r.nextInt(places);
                if (usedIn[p]) {
                    continue;
                }
                usedIn[p] = true;
                long w = 1 + (r.nextInt(6) == 0 ? 1 : 0);
                in.add(Arc.normal(p, w));
                consumed += w;
            }
            if (r.nextInt(4) == 0) {
                in.add(new Arc(r.nextInt(places), 1 + r.nextInt(2), ArcKind.READ));
            }
            if (r.nextInt(4) == 0) {
                in.add(new Arc(r.nextInt(places), 1 + r.nextInt(2), ArcKind.INHIBITOR));
            }
            // Mostly conservative (cycles, concurrency), sometimes losing a token (termination).
            long produce = r.nextInt(6) == 0 ? consumed - 1 : consumed;
            long[] outWeight = new long[places];
            for (long k = 0; k < produce; k++) {
                outWeight[r.nextInt(places)]++;
            }
            for (int p = 0; p < places; p++) {
                if (outWeight[p] > 0) {
                    out.add(Arc.normal(p, outWeight[p]));
                }
            }
            b.transition(new Transition("t" + t, anyBounds && r.nextInt(4) == 0 ? "lbl" + t : null,
                    interval(r, anyBounds), in, out));
        }
        return b.build();
    }

    /** Terminating nets (below), closed integer intervals or any bounds. */
    public static Arbitrary<PetriNet> terminatingNets(boolean anyBounds) {
        return Arbitraries.longs().map(seed -> terminating(new Random(seed), anyBounds));
    }

    /**
     * A net every firing sequence of which is finite, shaped like a deployment: places in a fixed
     * order, each transition taking tokens from one or two places and putting them only into
     * places after the first of those (so the marking falls in the lexicographic order of the
     * places: no run is infinite); read and inhibitor arcs on any place, weights 1 or 2. Input
     * places are mostly not shared, so many of these nets are persistent, and many are not.
     */
    public static PetriNet terminating(Random r, boolean anyBounds) {
        int places = 3 + r.nextInt(7);
        int transitions = 2 + r.nextInt(7);
        PetriNet.Builder b = PetriNet.builder("term" + r.nextInt(1000));
        for (int p = 0; p < places; p++) {
            long tokens = p < 3 && r.nextInt(3) != 0 ? 1 + (r.nextInt(5) == 0 ? 1 : 0) : r.nextInt(8) == 0 ? 1 : 0;
            b.place("p" + p, tokens);
        }
        boolean[] taken = new boolean[places];
        for (int t = 0; t < transitions; t++) {
            List<Arc> in = new ArrayList<>();
            List<Arc> out = new ArrayList<>();
            boolean[] used = new boolean[places];
            int first = pick(r, places - 1, taken);
            used[first] = true;
            in.add(Arc.normal(first, 1 + (r.nextInt(6) == 0 ? 1 : 0)));
            int lowest = first;
            if (r.nextInt(3) == 0) {
                int q = pick(r, places - 1, taken);
                if (!used[q]) {
                    used[q] = true;
                    in.add(Arc.normal(q, 1));
                    lowest = Math.min(lowest, q);
                }
            }
            int outs = 1 + (r.nextInt(3) == 0 ? 1 : 0);
            for (int k = 0; k < outs && lowest + 1 < places; k++) {
                int p = lowest + 1 + r.nextInt(places - lowest - 1);
                if (out.stream().noneMatch(a -> a.place() == p)) {
                    out.add(Arc.normal(p, 1 + (r.nextInt(6) == 0 ? 1 : 0)));
                }
            }
            for (int k = r.nextInt(3); k > 0; k--) {
                int p = r.nextInt(places);
                if (!used[p]) {
                    used[p] = true;
                    in.add(new Arc(p, 1 + (r.nextInt(4) == 0 ? 1 : 0),
                            r.nextInt(3) == 0 ? ArcKind.INHIBITOR : ArcKind.READ));
                }
            }
            b.transition(new Transition("t" + t, null, terminatingInterval(r, anyBounds), in, out));
        }
        return b.build();
    }

    /** Mostly a place no transition takes from yet (few conflicts), in [0, below]. */
    private static int pick(Random r, int below, boolean[] taken) {
        int p = r.nextInt(below);
        for (int i = 0; i < below && taken[p] && r.nextInt(5) != 0; i++) {
            p = (p + 1) % below;
        }
        taken[p] = true;
        return p;
    }

    private static TimeInterval terminatingInterval(Random r, boolean anyBounds) {
        if (r.nextInt(12) == 0) {
            return TimeInterval.atLeast(r.nextInt(3));
        }
        if (r.nextInt(5) == 0) {
            return TimeInterval.closed(0, 0);
        }
        return interval(r, anyBounds);
    }

    private static TimeInterval interval(Random r, boolean anyBounds) {
        int lo = r.nextInt(4);
        if (r.nextInt(6) == 0) {
            return TimeInterval.atLeast(lo);
        }
        int hi = lo + r.nextInt(4);
        if (!anyBounds) {
            return TimeInterval.closed(lo, hi);
        }
        BigFraction l = new BigFraction(lo * 2 + r.nextInt(2), 2);
        BigFraction h = l.add(new BigFraction(r.nextInt(3), 1 + r.nextInt(3)));
        boolean lo2 = r.nextBoolean();
        boolean hi2 = r.nextBoolean();
        if (l.equals(h)) {
            lo2 = false;
            hi2 = false;
        }
        return new TimeInterval(l, lo2, h, hi2);
    }
}

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
        int transitions = 1 + r.nextInt(5);
        PetriNet.Builder b = PetriNet.builder("n" + r.nextInt(1000));
        int tokens = 1 + r.nextInt(3);
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
            int nin = 1 + r.nextInt(2);
            long consumed = 0;
            for (int k = 0; k < nin; k++) {
                int p = r.nextInt(places);
                if (usedIn[p]) {
                    continue;
                }
                usedIn[p] = true;
                long w = 1 + (r.nextInt(4) == 0 ? 1 : 0);
                in.add(Arc.normal(p, w));
                consumed += w;
            }
            if (r.nextInt(4) == 0) {
                in.add(new Arc(r.nextInt(places), 1 + r.nextInt(2), ArcKind.READ));
            }
            if (r.nextInt(4) == 0) {
                in.add(new Arc(r.nextInt(places), 1 + r.nextInt(2), ArcKind.INHIBITOR));
            }
            long produce = r.nextInt(5) == 0 ? 0 : 1 + r.nextInt((int) consumed);
            boolean[] usedOut = new boolean[places];
            for (long k = 0; k < produce; k++) {
                int p = r.nextInt(places);
                if (!usedOut[p]) {
                    usedOut[p] = true;
                    out.add(Arc.normal(p, 1));
                }
            }
            b.transition(new Transition("t" + t, anyBounds && r.nextInt(4) == 0 ? "lbl" + t : null,
                    interval(r, anyBounds), in, out));
        }
        return b.build();
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

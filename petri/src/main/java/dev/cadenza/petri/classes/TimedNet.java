package dev.cadenza.petri.classes;

import dev.cadenza.petri.Arc;
import dev.cadenza.petri.ArcKind;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.TimeInterval;
import dev.cadenza.petri.Transition;
import org.apache.commons.math3.fraction.BigFraction;

import java.math.BigInteger;

/**
 * A net compiled once into the arrays the engines walk: markings are int per place, enabling is a
 * list of (place, at least) and (place, below) tests per transition, firing a list of deltas, and
 * every interval bound is scaled by the LCM of all denominators to an integer DBM bound.
 */
public final class TimedNet {

    final PetriNet net;
    final int places;
    final int transitions;
    /** Per transition t, tests [testStart[t], testStart[t+1]): m(testPlace) >= testAtLeast (normal and read arcs). */
    final int[] testStart;
    final int[] testPlace;
    final int[] testAtLeast;
    /** Per transition, inhibitor tests m(place) < below. */
    final int[] inhibitStart;
    final int[] inhibitPlace;
    final int[] inhibitBelow;
    /** Per transition, tokens consumed (normal input arcs). */
    final int[] preStart;
    final int[] prePlace;
    final int[] preWeight;
    /** Per transition, tokens produced. */
    final int[] postStart;
    final int[] postPlace;
    final int[] postWeight;
    /** D[0][t] for a newly enabled t: (-eft, strict if the lower bound is open). */
    final int[] lower;
    /** D[t][0] for a newly enabled t: (lft, strict if open), or {@link Bound#INF}. */
    final int[] upper;
    /** Time unit of the scaled bounds: a scaled value v means v / scale user time units. */
    final BigInteger scale;
    final int[] initialMarking;
    /** The largest finite scaled bound: every base DBM entry is within ±this (or INF). */
    final long maxBoundValue;

    public TimedNet(PetriNet net) {
        this.net = net;
        this.places = net.placeCount();
        this.transitions = net.transitionCount();
        int tests = 0;
        int inhibits = 0;
        int pres = 0;
        int posts = 0;
        BigInteger lcm = BigInteger.ONE;
        for (Transition t : net.transitions()) {
            for (Arc a : t.inputs()) {
                if (a.kind() == ArcKind.INHIBITOR) {
                    inhibits++;
                } else {
                    tests++;
                }
                if (a.kind() == ArcKind.NORMAL) {
                    pres++;
                }
            }
            posts += t.outputs().size();
            lcm = lcm(lcm, t.interval().lower().getDenominator());
            if (t.interval().upper() != null) {
                lcm = lcm(lcm, t.interval().upper().getDenominator());
            }
        }
        this.scale = lcm;
        testStart = new int[transitions + 1];
        testPlace = new int[tests];
        testAtLeast = new int[tests];
        inhibitStart = new int[transitions + 1];
        inhibitPlace = new int[inhibits];
        inhibitBelow = new int[inhibits];
        preStart = new int[transitions + 1];
        prePlace = new int[pres];
        preWeight = new int[pres];
        postStart = new int[transitions + 1];
        postPlace = new int[posts];
        postWeight = new int[posts];
        lower = new int[transitions];
        upper = new int[transitions];
        int ti = 0;
        int ii = 0;
        int pi = 0;
        int oi = 0;
        for (int t = 0; t < transitions; t++) {
            Transition tr = net.transition(t);
            testStart[t] = ti;
            inhibitStart[t] = ii;
            preStart[t] = pi;
            postStart[t] = oi;
            for (Arc a : tr.inputs()) {
                int w = weight(a, tr);
                if (a.kind() == ArcKind.INHIBITOR) {
                    inhibitPlace[ii] = a.place();
                    inhibitBelow[ii++] = w;
                } else {
                    testPlace[ti] = a.place();
                    testAtLeast[ti++] = w;
                }
                if (a.kind() == ArcKind.NORMAL) {
                    prePlace[pi] = a.place();
                    preWeight[pi++] = w;
                }
            }
            for (Arc a : tr.outputs()) {
                postPlace[oi] = a.place();
                postWeight[oi++] = weight(a, tr);
            }
            TimeInterval iv = tr.interval();
            lower[t] = Bound.of(-scaled(iv.lower(), tr), iv.lowerOpen());
            upper[t] = iv.upper() == null ? Bound.INF : Bound.of(scaled(iv.upper(), tr), iv.upperOpen());
        }
        long maxB = 0;
        for (int t = 0; t < transitions; t++) {
            maxB = Math.max(maxB, -Bound.value(lower[t]));
            if (upper[t] != Bound.INF) {
                maxB = Math.max(maxB, Bound.value(upper[t]));
            }
        }
        maxBoundValue = maxB;
        testStart[transitions] = ti;
        inhibitStart[transitions] = ii;
        preStart[transitions] = pi;
        postStart[transitions] = oi;
        initialMarking = new int[places];
        for (int p = 0; p < places; p++) {
            long m = net.place(p).initialTokens();
            if (m > MAX_TOKENS) {
                throw new NetTooLargeException("the marking " + m + " of place " + net.place(p).name()
                        + " is too large for the timed engines (at most 2^30 tokens)", null, net.place(p).name());
            }
            initialMarking[p] = (int) m;
        }
    }

    private static BigInteger lcm(BigInteger a, BigInteger b) {
        return a.divide(a.gcd(b)).multiply(b);
    }

    /**
     * The engines count time in integers of at most this many bits (one time unit: the least common
     * multiple of the bounds' denominators), so that sums of bounds in a firing domain never
     * overflow. The readers check it where the numbers are written: the .net reader with this
     * constant, core's TimeUnits with its own copy (core and petri share no code;
     * verify's TimeLimitsAgreeTest keeps the two equal).
     */
    public static final int MAX_TIME_BITS = 27;

    private long scaled(BigFraction f, Transition t) {
        BigInteger v = f.multiply(new BigFraction(scale)).getNumerator();
        if (v.bitLength() > MAX_TIME_BITS) {
            throw new IllegalArgumentException("the bounds of " + t.name() + " are too large once scaled to"
                    + " integers (time unit 1/" + scale + "): at most 2^" + MAX_TIME_BITS + " units are supported");
        }
        return v.longValueExact();
    }

    /** Token counts of the timed engines: a sum of two still fits an int. */
    static final long MAX_TOKENS = Integer.MAX_VALUE / 2;

    private int weight(Arc a, Transition tr) {
        if (a.weight() > MAX_TOKENS) {
            String place = net.place(a.place()).name();
            throw new NetTooLargeException("the weight " + a.weight() + " of the arc between " + tr.name() + " and "
                    + place + " is too large for the timed engines (at most 2^30 tokens)", tr.name(), place);
        }
        return (int) a.weight();
    }

    public PetriNet net() {
        return net;
    }

    public BigInteger scale() {
        return scale;
    }

    /** A scaled time value back in user units. */
    public BigFraction unscale(long v) {
        return new BigFraction(BigInteger.valueOf(v), scale);
    }

    boolean enabled(int t, int[] m) {
        for (int i = testStart[t], e = testStart[t + 1]; i < e; i++) {
            if (m[testPlace[i]] < testAtLeast[i]) {
                return false;
            }
        }
        for (int i = inhibitStart[t], e = inhibitStart[t + 1]; i < e; i++) {
            if (m[inhibitPlace[i]] >= inhibitBelow[i]) {
                return false;
            }
        }
        return true;
    }

    /** Fills {@code out} with the enabled transitions of m in index order; returns how many. */
    int enabledList(int[] m, int[] out) {
        int k = 0;
        for (int t = 0; t < transitions; t++) {
            if (enabled(t, m)) {
                out[k++] = t;
            }
        }
        return k;
    }

    /** m - Pre(t), in place. */
    void consume(int t, int[] m) {
        for (int i = preStart[t], e = preStart[t + 1]; i < e; i++) {
            m[prePlace[i]] -= preWeight[i];
        }
    }

    /** m + Post(t), in place. */
    void produce(int t, int[] m) {
        for (int i = postStart[t], e = postStart[t + 1]; i < e; i++) {
            int v = m[postPlace[i]] + postWeight[i];
            if (v > Integer.MAX_VALUE / 2) {
                throw new ArithmeticException("place " + net.place(postPlace[i]).name()
                        + " exceeds 2^30 tokens: the net looks unbounded");
            }
            m[postPlace[i]] = v;
        }
    }
}

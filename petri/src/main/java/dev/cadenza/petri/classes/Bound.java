package dev.cadenza.petri.classes;

/**
 * A DBM bound packed in one int, UPPAAL style: {@code (value << 1) | 1} for {@code <= value},
 * {@code value << 1} for {@code < value}, and {@link #INF} for no bound. Plain int order is the
 * bound order ({@code (c,<) < (c,<=) < (c+1,<)}), so min is {@code Math.min}. Engines keep
 * |value| below 2^28 so that the sum of two bounds never overflows.
 */
public final class Bound {

    public static final int INF = Integer.MAX_VALUE;
    /** {@code <= 0}: the diagonal, and "may be equal". */
    public static final int LE_ZERO = 1;
    /** Largest |value| an engine may store. */
    public static final long MAX_VALUE = 1L << 28;

    private Bound() {
    }

    public static int of(long value, boolean strict) {
        return (int) ((value << 1) | (strict ? 0 : 1));
    }

    public static int value(int bound) {
        return bound >> 1;
    }

    public static boolean isStrict(int bound) {
        return (bound & 1) == 0;
    }

    /** (a,≼1) + (b,≼2) = (a+b, strict if either is). */
    public static int add(int a, int b) {
        if (a == INF || b == INF) {
            return INF;
        }
        return (((a >> 1) + (b >> 1)) << 1) | (a & b & 1);
    }

    public static String toString(int bound) {
        return bound == INF ? "<inf" : (isStrict(bound) ? "<" : "<=") + value(bound);
    }
}

package dev.cadenza.petri.classes;

/**
 * Firing a transition from a state class: the next marking, the next enabled set, and the next
 * firing domain, by the O(n²) successor of Berthomieu–Diaz on canonical DBMs.
 *
 * <p>A domain over k enabled transitions (in index order) and {@code extra} trailing variables
 * is a row-major (k+extra+1)² int matrix of {@link Bound}s, index 0 the reference: D[i][j]
 * bounds θi − θj. Extra variables are never fired and never constrain firability; they move like
 * persistent transitions (the elapsed-time variable of {@link TimeBounds}).
 *
 * <p>Newly enabled, by TINA's intermediate-marking rule: t is newly enabled by firing f when t is f, or t was not
 * enabled before f fired, or t is not enabled in the intermediate marking m − Pre(f). We take
 * enabled there to include read and inhibitor arcs (TINA's manuals state the rule for normal
 * arcs; we found no statement for test arcs), so a transition whose read arc loses its tokens to f
 * (even if f gives them back) is newly enabled and restarts its clock; one disabled before f
 * (by an inhibitor arc, say) and enabled after it is newly enabled in any case.
 * One instance holds scratch arrays: not thread-safe.
 */
final class FiringDomain {

    private final TimedNet net;
    private final int extra;
    /** touchesPre[f * T + t]: t tests a place f consumes from, so f may disable t midway. */
    private final boolean[] touchesPre;
    /** affected[f]: transitions whose enabling may change when f fires. */
    private final int[][] affected;

    final int[] midMarking;
    final int[] nextMarking;
    final int[] nextEnabled;
    int nextCount;
    final int[] nextDomain;
    private final int[] source;

    FiringDomain(TimedNet net, int extra) {
        this.net = net;
        this.extra = extra;
        int n = net.transitions;
        touchesPre = new boolean[n * n];
        affected = new int[n][];
        boolean[] consumes = new boolean[net.places];
        boolean[] changes = new boolean[net.places];
        for (int f = 0; f < n; f++) {
            java.util.Arrays.fill(consumes, false);
            java.util.Arrays.fill(changes, false);
            for (int i = net.preStart[f]; i < net.preStart[f + 1]; i++) {
                consumes[net.prePlace[i]] = true;
                changes[net.prePlace[i]] = true;
            }
            for (int i = net.postStart[f]; i < net.postStart[f + 1]; i++) {
                changes[net.postPlace[i]] = true;
            }
            int[] aff = new int[n];
            int a = 0;
            for (int t = 0; t < n; t++) {
                boolean pre = false;
                boolean any = false;
                for (int i = net.testStart[t]; i < net.testStart[t + 1]; i++) {
                    pre |= consumes[net.testPlace[i]];
                    any |= changes[net.testPlace[i]];
                }
                for (int i = net.inhibitStart[t]; i < net.inhibitStart[t + 1]; i++) {
                    pre |= consumes[net.inhibitPlace[i]];
                    any |= changes[net.inhibitPlace[i]];
                }
                touchesPre[f * n + t] = pre;
                if (any) {
                    aff[a++] = t;
                }
            }
            affected[f] = java.util.Arrays.copyOf(aff, a);
        }
        midMarking = new int[net.places];
        nextMarking = new int[net.places];
        nextEnabled = new int[n];
        int dim = n + extra + 1;
        nextDomain = new int[dim * dim];
        source = new int[n + extra + 1];
    }

    /** The domain of the initial class: every enabled transition newly enabled, extras at 0. */
    int initialDomain(int[] enabled, int k, int[] out) {
        int dim = k + extra + 1;
        for (int a = 0; a < dim; a++) {
            boolean ta = a >= 1 && a <= k;
            int up = ta ? net.upper[enabled[a - 1]] : Bound.LE_ZERO;
            int lo = ta ? net.lower[enabled[a - 1]] : Bound.LE_ZERO;
            out[a * dim] = a == 0 ? Bound.LE_ZERO : up;
            out[a] = a == 0 ? Bound.LE_ZERO : lo;
        }
        for (int a = 1; a < dim; a++) {
            for (int b = 1; b < dim; b++) {
                out[a * dim + b] = a == b ? Bound.LE_ZERO : Bound.add(out[a * dim], out[b]);
            }
        }
        return dim;
    }

    /** f (at position fi, 0-based, in the enabled list) can fire first: D[j][f] >= (0,<=) for all j. */
    static boolean firable(int[] d, int off, int k, int dim, int fi) {
        int col = off + fi + 1;
        for (int j = 1; j <= k; j++) {
            if (d[col + j * dim] < Bound.LE_ZERO) {
                return false;
            }
        }
        return true;
    }

    /**
     * Fires the transition at position fi from (m, enabled[0..k), D at d[off..]): fills
     * nextMarking, nextEnabled/nextCount and nextDomain; returns the new dimension.
     */
    int fire(int[] m, int[] enabled, int k, int[] d, int off, int fi) {
        final TimedNet net = this.net;
        final int n = net.transitions;
        final int f = enabled[fi];
        System.arraycopy(m, 0, midMarking, 0, m.length);
        net.consume(f, midMarking);
        System.arraycopy(midMarking, 0, nextMarking, 0, m.length);
        net.produce(f, nextMarking);

        // Merge the old enabled list with the transitions f may affect (both in index order):
        // only those are retested, so the cost follows k and f's neighbourhood, not the net's size.
        // Each new transition gets its old DBM index, or 0 when newly enabled.
        final int[] aff = affected[f];
        final int fRow = f * n;
        int kn = 0;
        int oi = 0;
        int ai = 0;
        while (oi < k || ai < aff.length) {
            int fromOld = oi < k ? enabled[oi] : Integer.MAX_VALUE;
            int fromAff = ai < aff.length ? aff[ai] : Integer.MAX_VALUE;
            int t = Math.min(fromOld, fromAff);
            boolean wasEnabled = fromOld == t;
            boolean on = fromAff == t ? net.enabled(t, nextMarking) : true;
            if (on) {
                boolean persistent = wasEnabled && t != f && (!touchesPre[fRow + t] || net.enabled(t, midMarking));
                nextEnabled[kn] = t;
                source[++kn] = persistent ? oi + 1 : 0;
            }
            if (wasEnabled) {
                oi++;
            }
            if (fromAff == t) {
                ai++;
            }
        }
        nextCount = kn;
        for (int x = 1; x <= extra; x++) {
            source[kn + x] = k + x;
        }
        final int dim = k + extra + 1;
        final int nd = kn + extra + 1;
        final int fc = fi + 1;
        final int[] out = nextDomain;
        out[0] = Bound.LE_ZERO;
        for (int a = 1; a < nd; a++) {
            int i = source[a];
            if (i > 0) {
                out[a * nd] = d[off + i * dim + fc];
                int lo = Bound.INF;
                for (int j = 1; j <= k; j++) {
                    int v = d[off + j * dim + i];
                    if (v < lo) {
                        lo = v;
                    }
                }
                out[a] = lo;
            } else {
                int t = nextEnabled[a - 1];
                out[a * nd] = net.upper[t];
                out[a] = net.lower[t];
            }
        }
        for (int a = 1; a < nd; a++) {
            int i = source[a];
            int rowA = a * nd;
            int upA = out[rowA];
            int rowI = off + i * dim;
            for (int b = 1; b < nd; b++) {
                if (a == b) {
                    out[rowA + b] = Bound.LE_ZERO;
                    continue;
                }
                int via = Bound.add(upA, out[b]);
                int j = source[b];
                if (i > 0 && j > 0) {
                    int old = d[rowI + j];
                    out[rowA + b] = old < via ? old : via;
                } else {
                    out[rowA + b] = via;
                }
            }
        }
        return nd;
    }
}

package dev.cadenza.petri.classes;

/**
 * Moves a class (marking + firing domain over its enabled transitions, in index order, with
 * {@code extra} variables after them) to the representative of its orbit under a
 * {@link BundleSymmetry}: in each class of alike bundles the bundles are sorted by a key (their
 * marking, then the bounds of their enabled transitions against the reference and the extra
 * variables), ties kept in place. The result is always π(class) for a permutation π of the
 * bundles, itself an automorphism of the net: a real class of the net, with the same future up to
 * π. The form is not perfectly canonical (two bundles equal on the key but related differently to
 * a third are not told apart): two members of one orbit may then be stored twice, which costs
 * classes, never an answer. No allocation per call.
 */
final class ClassCanonizer {

    private final BundleSymmetry sym;
    /** order[c][r]: the bundle of the class before that moves to slot r. */
    final int[][] order;
    private final int[][] slotOf;
    private final int[] pos;
    private final int[] mapped;
    private final int[] rank;
    private final int[] newIndex;
    private int[] copy;

    ClassCanonizer(BundleSymmetry sym, int transitions) {
        this.sym = sym;
        int classes = sym.places.length;
        order = new int[classes][];
        slotOf = new int[classes][];
        for (int c = 0; c < classes; c++) {
            order[c] = new int[sym.places[c].length];
            slotOf[c] = new int[sym.places[c].length];
        }
        pos = new int[transitions];
        mapped = new int[transitions];
        rank = new int[transitions];
        newIndex = new int[transitions + 4];
        copy = new int[64];
    }

    /**
     * Rewrites key[0, places) (the marking) and key[places, places + dim²) (the domain: index 0
     * the reference, 1..k the enabled transitions {@code enabled[0..k)}, then dim − 1 − k extra
     * variables) into the representative; {@link #order} then tells which permutation was applied.
     * Returns whether anything moved.
     */
    boolean canonicalize(int[] key, int places, int dim, int[] enabled, int k) {
        final int[][][] bp = sym.places;
        final int[][][] bt = sym.transitions;
        for (int i = 0; i < k; i++) {
            pos[enabled[i]] = i + 1;
        }
        boolean moved = false;
        for (int c = 0; c < bp.length; c++) {
            int[] o = order[c];
            for (int r = 0; r < o.length; r++) {
                o[r] = r;
            }
            // insertion sort: stable, and cheap on the nearly sorted orders of successive classes
            for (int a = 1; a < o.length; a++) {
                int b = o[a];
                int x = a - 1;
                while (x >= 0 && compare(key, places, dim, bp[c][o[x]], bt[c][o[x]], bp[c][b], bt[c][b]) > 0) {
                    o[x + 1] = o[x];
                    x--;
                }
                o[x + 1] = b;
                moved |= x + 1 != a;
            }
        }
        if (!moved) {
            for (int i = 0; i < k; i++) {
                pos[enabled[i]] = 0;
            }
            return false;
        }
        for (int c = 0; c < bp.length; c++) {
            for (int r = 0; r < order[c].length; r++) {
                slotOf[c][order[c][r]] = r;
            }
        }
        int len = places + dim * dim;
        if (copy.length < len) {
            copy = new int[Math.max(len, copy.length * 2)];
        }
        System.arraycopy(key, 0, copy, 0, len);
        for (int c = 0; c < bp.length; c++) {
            for (int r = 0; r < order[c].length; r++) {
                int[] to = bp[c][r];
                int[] from = bp[c][order[c][r]];
                for (int x = 0; x < to.length; x++) {
                    key[to[x]] = copy[from[x]];
                }
            }
        }
        // π of each enabled transition, then its rank among them: its row in the new domain
        for (int i = 0; i < k; i++) {
            int t = enabled[i];
            int c = sym.transitionClass[t];
            mapped[i] = c < 0 ? t : bt[c][slotOf[c][sym.transitionBundle[t]]][sym.transitionLocal[t]];
            rank[i] = i;
        }
        for (int a = 1; a < k; a++) {
            int b = rank[a];
            int x = a - 1;
            while (x >= 0 && mapped[rank[x]] > mapped[b]) {
                rank[x + 1] = rank[x];
                x--;
            }
            rank[x + 1] = b;
        }
        newIndex[0] = 0;
        for (int r = 0; r < k; r++) {
            newIndex[rank[r] + 1] = r + 1;
        }
        for (int e = k + 1; e < dim; e++) {
            newIndex[e] = e;
        }
        for (int a = 0; a < dim; a++) {
            int na = places + newIndex[a] * dim;
            int oa = places + a * dim;
            for (int b = 0; b < dim; b++) {
                key[na + newIndex[b]] = copy[oa + b];
            }
        }
        for (int i = 0; i < k; i++) {
            pos[enabled[i]] = 0;
        }
        return true;
    }

    /** The sort key of two bundles of one class: marking, then each transition's bounds. */
    private int compare(int[] key, int places, int dim, int[] p1, int[] t1, int[] p2, int[] t2) {
        for (int x = 0; x < p1.length; x++) {
            int a = key[p1[x]];
            int b = key[p2[x]];
            if (a != b) {
                return a < b ? -1 : 1;
            }
        }
        for (int x = 0; x < t1.length; x++) {
            int i = pos[t1[x]];
            int j = pos[t2[x]];
            if ((i == 0) != (j == 0)) {
                return i == 0 ? -1 : 1;
            }
            if (i == 0) {
                continue;
            }
            int c = Integer.compare(key[places + i * dim], key[places + j * dim]);
            if (c == 0) {
                c = Integer.compare(key[places + i], key[places + j]);
            }
            for (int e = dim - extra; c == 0 && e < dim; e++) {
                c = Integer.compare(key[places + i * dim + e], key[places + j * dim + e]);
                if (c == 0) {
                    c = Integer.compare(key[places + e * dim + i], key[places + e * dim + j]);
                }
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private int extra = 1;

    /** How many variables after the enabled transitions the domains carry (1: the elapsed time). */
    ClassCanonizer withExtra(int n) {
        this.extra = n;
        return this;
    }
}

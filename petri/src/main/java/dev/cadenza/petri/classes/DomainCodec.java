package dev.cadenza.petri.classes;

/**
 * How a stored class keeps its firing domain: column 0 and row 0 of the DBM, and only those
 * other entries that differ from what these two imply.
 *
 * <p>Why. In a canonical domain D[i][j] ≤ D[i][0] + D[0][j] always, and the two are equal for
 * every pair of transitions that no firing has related more tightly than their own bounds do:
 * pairs where one was newly enabled after the other, and in the nets of the translation (many
 * transitions enabled together by zero-time moves) almost all pairs. Measured on the galera
 * example (program to_galera, deployable, time-to-target classes): with 8 hosts 99.6 % of the
 * entries off row and column 0 are implied, with 20 hosts 99.97 % (k ≈ 29 enabled transitions a
 * class, one entry in 3,000 not implied). The whole (k+1)² matrix then costs about 2k ints.
 *
 * <p>Form (a function of the matrix alone). For dim = k + extra + 1: the entries D[i][0]
 * (i = 1..dim−1), then D[0][j] (j = 1..dim−1), then, in row-major order, one pair (i·dim + j,
 * D[i][j]) for each other entry that differs from its implied value: {@code Bound.LE_ZERO} on the
 * diagonal (D[0][0] included), {@code Bound.add(D[i][0], D[0][j])} elsewhere. When this would not
 * be shorter than the matrix itself, the matrix is stored whole instead; which of the two is
 * told by the length (the whole matrix has a length no compact form reaches). In {@code halves}
 * mode (every entry below 2^15 in absolute value, INF aside: {@link StateClassGraph}'s small
 * bounds) column and row 0 and the whole matrix take 16 bits an entry; exception pairs stay
 * 32-bit.
 *
 * <p>Why it is exact. {@link #decode} rebuilds column and row 0 as written, computes every implied
 * value from them by the same rule, and overwrites the listed exceptions: decode(encode(D)) = D
 * for every int matrix, canonical or not (nothing assumes the inequality above; it only makes the
 * form short). So encode is injective: different domains never share a stored form. And encode is
 * deterministic (no hashing, no order but the matrix's): equal domains always get equal forms.
 * Hence two keys [marking][encode(D)] are equal exactly when the classes are, and the hash set of
 * classes deduplicates as it did on whole matrices: the same classes, the same counts. The
 * dimension is not stored: every caller derives it from the marking, part of the same key.
 *
 * <p>{@code -Dcadenza.rawDomains=true} stores every matrix whole (the form before this codec),
 * for measurements and cross-checks.
 */
final class DomainCodec {

    /** false: every domain stored whole. Read once; tests may flip it between searches. */
    static boolean compact = !Boolean.getBoolean("cadenza.rawDomains");

    private static final int HALF_INF = 0x7FFF;

    private DomainCodec() {
    }

    /** Ints of the whole matrix: the longest form, and the one no compact form has. */
    static int rawLength(int dim, boolean halves) {
        int n = dim * dim;
        return halves ? (n + 1) >> 1 : n;
    }

    /** Ints of column and row 0 in the compact form. */
    private static int headLength(int dim, boolean halves) {
        int n = 2 * (dim - 1);
        return halves ? n >> 1 : n;
    }

    /**
     * Writes the stored form of the dim×dim matrix d[off..] to out[at..]; returns how many ints
     * it took. out must have room for {@link #rawLength} ints.
     */
    static int encode(int[] d, int off, int dim, boolean halves, int[] out, int at) {
        int raw = rawLength(dim, halves);
        if (!compact) {
            return writeRaw(d, off, dim, halves, out, at);
        }
        int head = headLength(dim, halves);
        // count the exceptions first: the form is chosen before anything is written
        int budget = (raw - head - 1) >> 1; // most pairs a compact form may have (shorter than raw)
        int exceptions = d[off] == Bound.LE_ZERO ? 0 : 1;
        for (int i = 1; i < dim && exceptions <= budget; i++) {
            int row = off + i * dim;
            int up = d[row];
            for (int j = 1; j < dim; j++) {
                if (d[row + j] != (i == j ? Bound.LE_ZERO : Bound.add(up, d[off + j]))) {
                    exceptions++;
                }
            }
        }
        if (exceptions > budget) {
            return writeRaw(d, off, dim, halves, out, at);
        }
        int w = at;
        if (halves) {
            for (int h = 0; h < 2 * (dim - 1); h += 2) {
                out[w++] = pair(headEntry(d, off, dim, h), headEntry(d, off, dim, h + 1));
            }
        } else {
            for (int x = 1; x < dim; x++) {
                out[w++] = d[off + x * dim];
            }
            for (int x = 1; x < dim; x++) {
                out[w++] = d[off + x];
            }
        }
        assert w - at == head;
        if (d[off] != Bound.LE_ZERO) {
            out[w++] = 0;
            out[w++] = d[off];
        }
        for (int i = 1; i < dim; i++) {
            int row = off + i * dim;
            int up = d[row];
            for (int j = 1; j < dim; j++) {
                int v = d[row + j];
                if (v != (i == j ? Bound.LE_ZERO : Bound.add(up, d[off + j]))) {
                    out[w++] = i * dim + j;
                    out[w++] = v;
                }
            }
        }
        return w - at;
    }

    /** Entry h of column 0 then row 0 (h < dim − 1: D[h+1][0], else D[0][h − dim + 2]). */
    private static int headEntry(int[] d, int off, int dim, int h) {
        return h < dim - 1 ? d[off + (h + 1) * dim] : d[off + h - (dim - 1) + 1];
    }

    /** Rebuilds into out[0..dim²) the matrix whose stored form is src[at..at+len). */
    static void decode(int[] src, int at, int len, int dim, boolean halves, int[] out) {
        if (len == rawLength(dim, halves)) {
            readRaw(src, at, dim, halves, out);
            return;
        }
        int head = headLength(dim, halves);
        out[0] = Bound.LE_ZERO;
        if (halves) {
            // 2(dim−1) halves: column 0 then row 0, as one run
            int n = 2 * (dim - 1);
            for (int h = 0; h < n; h++) {
                int v = src[at + (h >> 1)];
                int e = unhalf((h & 1) == 0 ? (short) v : v >> 16);
                if (h < dim - 1) {
                    out[(h + 1) * dim] = e;
                } else {
                    out[h - (dim - 1) + 1] = e;
                }
            }
        } else {
            for (int x = 1; x < dim; x++) {
                out[x * dim] = src[at + x - 1];
                out[x] = src[at + dim - 1 + x - 1];
            }
        }
        for (int i = 1; i < dim; i++) {
            int row = i * dim;
            int up = out[row];
            for (int j = 1; j < dim; j++) {
                out[row + j] = i == j ? Bound.LE_ZERO : Bound.add(up, out[j]);
            }
        }
        for (int p = at + head; p < at + len; p += 2) {
            out[src[p]] = src[p + 1];
        }
    }

    private static int writeRaw(int[] d, int off, int dim, boolean halves, int[] out, int at) {
        int n = dim * dim;
        if (!halves) {
            System.arraycopy(d, off, out, at, n);
            return n;
        }
        int w = at;
        for (int i = 0; i < n; i += 2) {
            out[w++] = pair(d[off + i], i + 1 < n ? d[off + i + 1] : 0);
        }
        return w - at;
    }

    private static void readRaw(int[] src, int at, int dim, boolean halves, int[] out) {
        int n = dim * dim;
        if (!halves) {
            System.arraycopy(src, at, out, 0, n);
            return;
        }
        for (int i = 0; i < n; i += 2) {
            int v = src[at + (i >> 1)];
            out[i] = unhalf((short) v);
            if (i + 1 < n) {
                out[i + 1] = unhalf(v >> 16);
            }
        }
    }

    /** Two bounds in one int, lo in the low half; INF as 0x7FFF. */
    private static int pair(int lo, int hi) {
        return (half(lo) & 0xFFFF) | (half(hi) << 16);
    }

    private static int half(int bound) {
        if (bound == Bound.INF) {
            return HALF_INF;
        }
        assert bound > Short.MIN_VALUE && bound < HALF_INF : "bound " + bound + " does not fit 16 bits";
        return bound;
    }

    private static int unhalf(int h) {
        return h == HALF_INF ? Bound.INF : h;
    }
}

package dev.cadenza.petri.classes;

/**
 * Markings as keys: 32 places a word when every count is 0 or 1 (safe nets: the translation's),
 * four places a word when every count is below 256, else one word a place. The first word tells
 * which, and which is a function of the marking, so each marking has exactly one key and keys can
 * be compared as they are.
 */
final class MarkingPacking {

    private static final int BYTES = 0;
    private static final int WORDS = 1;
    private static final int BITS = 2;

    private MarkingPacking() {
    }

    /** Writes the key of m into out; returns its length. out must hold m.length + 1 ints. */
    static int pack(int[] m, int[] out) {
        return pack(m, m.length, out);
    }

    /** The key of the marking m[0, n) (a longer buffer's head); out must hold n + 1 ints. */
    static int pack(int[] m, int n, int[] out) {
        int or = 0;
        for (int i = 0; i < n; i++) {
            or |= m[i];
        }
        if ((or & ~0xFF) != 0) {
            out[0] = WORDS;
            System.arraycopy(m, 0, out, 1, n);
            return n + 1;
        }
        int w = 1;
        if ((or & ~1) == 0) {
            out[0] = BITS;
            for (int i = 0; i < n; i += 32) {
                int v = 0;
                for (int b = 0, e = Math.min(32, n - i); b < e; b++) {
                    v |= m[i + b] << b;
                }
                out[w++] = v;
            }
            return w;
        }
        out[0] = BYTES;
        for (int i = 0; i < n; i += 4) {
            int v = m[i];
            if (i + 1 < n) {
                v |= m[i + 1] << 8;
            }
            if (i + 2 < n) {
                v |= m[i + 2] << 16;
            }
            if (i + 3 < n) {
                v |= m[i + 3] << 24;
            }
            out[w++] = v;
        }
        return w;
    }

    static void unpack(int[] src, int off, int[] m) {
        int n = m.length;
        if (src[off] == WORDS) {
            System.arraycopy(src, off + 1, m, 0, n);
            return;
        }
        int w = off + 1;
        if (src[off] == BITS) {
            for (int i = 0; i < n; i += 32) {
                int v = src[w++];
                for (int b = 0, e = Math.min(32, n - i); b < e; b++) {
                    m[i + b] = (v >>> b) & 1;
                }
            }
            return;
        }
        for (int i = 0; i < n; i += 4) {
            int v = src[w++];
            m[i] = v & 0xFF;
            if (i + 1 < n) {
                m[i + 1] = (v >>> 8) & 0xFF;
            }
            if (i + 2 < n) {
                m[i + 2] = (v >>> 16) & 0xFF;
            }
            if (i + 3 < n) {
                m[i + 3] = v >>> 24;
            }
        }
    }
}

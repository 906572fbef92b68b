package dev.cadenza.petri.reach;

/**
 * How a marking is packed into longs: each place a bit field of its own width, fields never
 * straddling two words. Widths start from what the initial marking needs; a place that outgrows
 * its field gets a wider one and the store is re-packed ({@link #widen}), so a count never
 * overflows silently. Immutable: widening makes a new layout.
 */
final class MarkingLayout {

    /** A field holds at most 62 bits: counts stay positive longs with room for a delta. */
    static final int MAX_WIDTH = 62;

    final int places;
    final int words;
    final int[] width;
    final int[] word;
    final int[] shift;
    final long[] max;

    private MarkingLayout(int[] width) {
        this.places = width.length;
        this.width = width;
        this.word = new int[places];
        this.shift = new int[places];
        this.max = new long[places];
        int w = 0;
        int used = 0;
        for (int p = 0; p < places; p++) {
            if (used + width[p] > 64) {
                w++;
                used = 0;
            }
            word[p] = w;
            shift[p] = used;
            max[p] = (1L << width[p]) - 1;
            used += width[p];
        }
        this.words = places == 0 ? 1 : w + 1;
    }

    /** Room for the initial marking, and at least 1 bit (a safe net then packs 64 places a word). */
    static MarkingLayout forInitial(long[] initial) {
        int[] width = new int[initial.length];
        for (int p = 0; p < initial.length; p++) {
            width[p] = bitsFor(initial[p]);
        }
        return new MarkingLayout(width);
    }

    static int bitsFor(long value) {
        return Math.max(1, 64 - Long.numberOfLeadingZeros(value));
    }

    /**
     * A layout where {@code place} holds {@code value}. Doubling the width each time keeps the
     * number of re-packs logarithmic in the largest count.
     */
    MarkingLayout widen(int place, long value) {
        int needed = bitsFor(value);
        if (needed > MAX_WIDTH) {
            throw new TokenOverflowException(place, value);
        }
        int[] w = width.clone();
        w[place] = Math.min(MAX_WIDTH, Math.max(needed, 2 * width[place]));
        return new MarkingLayout(w);
    }

    void pack(long[] marking, long[] out, int outOffset) {
        for (int i = 0; i < words; i++) {
            out[outOffset + i] = 0;
        }
        for (int p = 0; p < places; p++) {
            out[outOffset + word[p]] |= marking[p] << shift[p];
        }
    }

    void unpack(long[] in, int inOffset, long[] marking) {
        for (int p = 0; p < places; p++) {
            marking[p] = (in[inOffset + word[p]] >>> shift[p]) & max[p];
        }
    }

    /** Bits of one packed marking, for memory estimates. */
    int bytesPerMarking() {
        return words * Long.BYTES;
    }
}

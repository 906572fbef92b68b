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
     * A layout where {@code place} holds {@code value}, with room for twice as much: a place
     * that reaches 2 will likely reach 3 or 4 too, and each re-pack late in a run costs a pass
     * over every stored marking. Growing by half the width at least keeps the number of re-packs
     * logarithmic for a count that climbs high, while small counts stay in few bits (a place of
     * at most 5 tokens takes 3 bits), which decides whether a marking fits one word.
     */
    MarkingLayout widen(int place, long value) {
        int needed = bitsFor(value);
        if (needed > MAX_WIDTH) {
            throw new TokenOverflowException(place, value);
        }
        int[] w = width.clone();
        w[place] = Math.min(MAX_WIDTH, Math.max(needed + 1, width[place] + width[place] / 2));
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

    /** One word, its top bit never used: the store may then keep markings in its hash table. */
    boolean fitsOneWordBelowTopBit() {
        return words == 1 && (places == 0 || shift[places - 1] + width[places - 1] <= 63);
    }

    /** Bits of one packed marking, for memory estimates. */
    int bytesPerMarking() {
        return words * Long.BYTES;
    }
}

package dev.cadenza.petri.reach;

import java.util.Arrays;

/**
 * The reachable markings found so far, packed, with the breadth-first tree that found them.
 *
 * <p>No object per state: markings live in an arena of fixed-size pages of longs (state i at
 * page {@code i >>> PAGE_BITS}), so growing never copies what is stored; a hash table of longs
 * (open addressing, linear probing, power-of-two capacity, at most half full) holds
 * {@code hash << 32 | (index + 1)}, 0 meaning empty: a probe compares hashes first and touches
 * the arena only on a likely hit. States are numbered in insertion order, which for a
 * breadth-first search is the queue order, so the arena is the queue. Per state the store also
 * keeps the parent's index and the transition fired from it (two ints) for paths.
 *
 * <p>Memory per state: the packed marking, 8 bytes of parent and transition, and 16 to 32
 * bytes of hash table.
 */
final class MarkingStore {

    /** {@link #add} could not add a new marking; {@link #refusal()} says why. */
    static final int REFUSED = Integer.MIN_VALUE;

    enum Refusal { NONE, STATE_LIMIT, MEMORY }

    private static final int PAGE_BITS = 14;
    private static final int PAGE_STATES = 1 << PAGE_BITS;
    private static final int PAGE_MASK = PAGE_STATES - 1;
    private static final int MAX_STATES = Integer.MAX_VALUE - 1;

    private final MemoryGuard guard;
    private final long stateLimit;
    private MarkingLayout layout;
    private int words;
    private long[][] pages = new long[16][];
    private int size;
    private long[] table;
    private int mask;
    private int resizeAt;
    private int[] parent = new int[1024];
    private int[] via = new int[1024];
    private Refusal refusal = Refusal.NONE;

    MarkingStore(MarkingLayout layout, long stateLimit, MemoryGuard guard) {
        this.layout = layout;
        this.words = layout.words;
        this.stateLimit = Math.min(stateLimit, MAX_STATES);
        this.guard = guard;
        this.table = new long[1 << 12];
        this.mask = table.length - 1;
        this.resizeAt = table.length / 2;
    }

    MarkingLayout layout() {
        return layout;
    }

    int size() {
        return size;
    }

    Refusal refusal() {
        return refusal;
    }

    int parent(int state) {
        return parent[state];
    }

    /** The transition fired from the parent to reach {@code state}; -1 for the initial one. */
    int via(int state) {
        return via[state];
    }

    /** Copies the packed marking of {@code state} into {@code out[0 .. words)}. */
    void copy(int state, long[] out) {
        System.arraycopy(pages[state >>> PAGE_BITS], (state & PAGE_MASK) * words, out, 0, words);
    }

    void unpack(int state, long[] marking) {
        layout.unpack(pages[state >>> PAGE_BITS], (state & PAGE_MASK) * words, marking);
    }

    /**
     * Adds the packed marking unless present. Returns its new index, or {@code -(index + 1)} of
     * the equal marking already stored, or {@link #REFUSED} when a new one does not fit.
     */
    int add(long[] packed, int parentState, int transition) {
        final int h = hash(packed, words);
        final long[] tab = table;
        final int m = mask;
        int slot = h & m;
        while (true) {
            long e = tab[slot];
            if (e == 0) {
                break;
            }
            if ((int) (e >>> 32) == h) {
                int idx = (int) e - 1;
                if (equalsStored(idx, packed)) {
                    return -(idx + 1);
                }
            }
            slot = (slot + 1) & m;
        }
        if (size >= stateLimit) {
            refusal = Refusal.STATE_LIMIT;
            return REFUSED;
        }
        if (!ensureRoomForOneMore()) {
            refusal = Refusal.MEMORY;
            return REFUSED;
        }
        int idx = size;
        if (table != tab) {
            // the table was replaced: find the free slot again
            slot = h & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
        }
        table[slot] = ((long) h << 32) | (idx + 1L);
        System.arraycopy(packed, 0, pages[idx >>> PAGE_BITS], (idx & PAGE_MASK) * words, words);
        parent[idx] = parentState;
        via[idx] = transition;
        size++;
        return idx;
    }

    private boolean equalsStored(int idx, long[] packed) {
        long[] page = pages[idx >>> PAGE_BITS];
        int off = (idx & PAGE_MASK) * words;
        for (int i = 0; i < words; i++) {
            if (page[off + i] != packed[i]) {
                return false;
            }
        }
        return true;
    }

    /** Grows the page directory, the current page, the tree arrays and the table as needed. */
    private boolean ensureRoomForOneMore() {
        int idx = size;
        int page = idx >>> PAGE_BITS;
        if ((idx & PAGE_MASK) == 0) {
            if (!guard.allows((long) PAGE_STATES * words * Long.BYTES)) {
                return false;
            }
            if (page == pages.length) {
                pages = Arrays.copyOf(pages, pages.length * 2);
            }
            if (pages[page] == null) {
                pages[page] = new long[PAGE_STATES * words];
            }
        }
        if (idx == parent.length) {
            int n = (int) Math.min(MAX_STATES, (long) parent.length * 3 / 2);
            if (!guard.allows(2L * n * Integer.BYTES)) {
                return false;
            }
            parent = Arrays.copyOf(parent, n);
            via = Arrays.copyOf(via, n);
        }
        if (idx >= resizeAt) {
            if (table.length >= (1 << 30) || !guard.allows((long) table.length * 2 * Long.BYTES)) {
                return false;
            }
            rehash(table.length * 2);
        }
        return true;
    }

    private void rehash(int capacity) {
        long[] old = table;
        long[] tab = new long[capacity];
        int m = capacity - 1;
        for (long e : old) {
            if (e != 0) {
                int slot = (int) (e >>> 32) & m;
                while (tab[slot] != 0) {
                    slot = (slot + 1) & m;
                }
                tab[slot] = e;
            }
        }
        table = tab;
        mask = m;
        resizeAt = capacity / 2;
    }

    /**
     * Re-packs every stored marking into {@code wider} (a place outgrew its field). Returns
     * false, changing nothing, when the heap has no room for the copy.
     */
    boolean repack(MarkingLayout wider) {
        int newWords = wider.words;
        int pageCount = (size + PAGE_MASK) >>> PAGE_BITS;
        if (!guard.allows((long) pageCount * PAGE_STATES * newWords * Long.BYTES + (long) table.length * Long.BYTES)) {
            return false;
        }
        long[][] newPages = new long[pages.length][];
        for (int p = 0; p < pageCount; p++) {
            newPages[p] = new long[PAGE_STATES * newWords];
        }
        long[] marking = new long[layout.places];
        long[] packed = new long[newWords];
        long[] tab = new long[table.length];
        int m = tab.length - 1;
        for (int i = 0; i < size; i++) {
            layout.unpack(pages[i >>> PAGE_BITS], (i & PAGE_MASK) * words, marking);
            wider.pack(marking, packed, 0);
            System.arraycopy(packed, 0, newPages[i >>> PAGE_BITS], (i & PAGE_MASK) * newWords, newWords);
            int h = hash(packed, newWords);
            int slot = h & m;
            while (tab[slot] != 0) {
                slot = (slot + 1) & m;
            }
            tab[slot] = ((long) h << 32) | (i + 1L);
        }
        pages = newPages;
        table = tab;
        layout = wider;
        words = newWords;
        return true;
    }

    /** Bytes held, for statistics: arena pages, tree arrays, table. */
    long bytes() {
        long pageBytes = 0;
        for (long[] p : pages) {
            if (p != null) {
                pageBytes += (long) p.length * Long.BYTES;
            }
        }
        return pageBytes + 2L * parent.length * Integer.BYTES + (long) table.length * Long.BYTES;
    }

    /**
     * A 32-bit hash of a packed marking, never used raw as a slot: packed fields differ in few
     * low bits, so each word is multiplied by an odd constant and the result mixed (as in
     * murmur3's finalizer) before the top half is taken.
     */
    static int hash(long[] packed, int words) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < words; i++) {
            h = (h ^ packed[i]) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        // any 32 bits do: 0 is a fine hash, as an entry's index part is never 0
        return (int) (h >>> 32);
    }
}

package dev.cadenza.petri.reach;

import dev.cadenza.petri.limit.Limit;
import dev.cadenza.petri.limit.Meter;

import java.util.Arrays;

/**
 * The reachable markings found so far, packed, with the breadth-first tree that found them.
 *
 * <p>No object per state: markings live in an arena of fixed-size pages of longs (state i at
 * page {@code i >>> PAGE_BITS}), so growing never copies what is stored; a hash table of longs
 * (open addressing, linear probing, power-of-two capacity, at most half full) holds
 * {@code hash << 32 | (index + 1)}, 0 meaning empty: a probe compares hashes first and touches
 * the arena only on a likely hit. States are numbered in insertion order, which for a
 * breadth-first search is the queue order, so the arena is the queue. When a marking packs into
 * one word with its top bit free (most safe or small nets), the table holds the marking itself,
 * tagged with that bit so it is never 0: a lookup of a known marking, the common case, then
 * touches one cache line instead of two. Per state the store also
 * keeps the parent's index and the transition fired from it (two ints) for paths.
 *
 * <p>Memory per state: the packed marking, 8 bytes of parent and transition, and 16 to 32
 * bytes of hash table.
 */
final class MarkingStore {

    /** {@link #add} could not add a new marking; {@link #refusal()} says why. */
    static final int REFUSED = Integer.MIN_VALUE;
    /** {@link #add} found the marking stored already. */
    static final int SEEN = -1;
    private static final long TAG = 1L << 63;

    private static final int PAGE_BITS = 14;
    private static final int PAGE_STATES = 1 << PAGE_BITS;
    private static final int PAGE_MASK = PAGE_STATES - 1;
    private static final int MAX_STATES = Integer.MAX_VALUE - 1;

    private final Meter meter;
    private MarkingLayout layout;
    private int words;
    /** The table holds tagged one-word markings rather than hash and index. */
    private boolean direct;
    private long[][] pages = new long[16][];
    private int size;
    private long[] table;
    private int mask;
    private int resizeAt;
    private int[] parent = new int[1024];
    private int[] via = new int[1024];
    private Limit refusal = Limit.NONE;
    /** Keeps the touching loads of {@link #repack} from being optimised away. */
    private long touched;

    MarkingStore(MarkingLayout layout, Meter meter) {
        this.layout = layout;
        this.words = layout.words;
        this.direct = layout.fitsOneWordBelowTopBit();
        this.meter = meter;
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

    /** Why the last {@link #REFUSED} add was refused. */
    Limit refusal() {
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

    /** The hash {@link #add} wants for the packed marking at {@code buf[off ..]}. */
    int hashOf(long[] buf, int off) {
        return direct ? hash1(buf[off]) : hash(buf, off, words);
    }

    /**
     * Reads the first table slot of each of {@code n} hashes and returns a meaningless sum.
     * The loads are independent, so the processor overlaps their cache misses; the adds that
     * follow then find their slots in cache. (Java has no prefetch; a load whose value is used
     * is the next best thing.)
     */
    long touch(int[] hashes, int n) {
        final long[] tab = table;
        final int m = mask;
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += tab[hashes[i] & m];
        }
        return sum;
    }

    /** {@link #add(long[], int, int, int, int)} of a marking in its own array. */
    int add(long[] packed, int parentState, int transition) {
        return add(packed, 0, hashOf(packed, 0), parentState, transition);
    }

    /**
     * Adds the packed marking at {@code buf[off .. off + words)}, whose {@link #hashOf} is
     * {@code h}, unless present. Returns its new index, {@link #SEEN} when it is stored already,
     * or {@link #REFUSED} when a new one does not fit.
     */
    int add(long[] buf, int off, int h, int parentState, int transition) {
        final long[] tab = table;
        final int m = mask;
        final long entry;
        int slot = h & m;
        if (direct) {
            final long key = buf[off] | TAG;
            for (long e = tab[slot]; e != 0; e = tab[slot]) {
                if (e == key) {
                    return SEEN;
                }
                slot = (slot + 1) & m;
            }
            entry = key;
        } else {
            for (long e = tab[slot]; e != 0; e = tab[slot]) {
                if ((int) (e >>> 32) == h && equalsStored((int) e - 1, buf, off)) {
                    return SEEN;
                }
                slot = (slot + 1) & m;
            }
            entry = ((long) h << 32) | (size + 1L);
        }
        Limit limit = size >= MAX_STATES ? Limit.MEMORY : meter.check(size);
        if (limit != Limit.NONE) {
            refusal = limit;
            return REFUSED;
        }
        if (!ensureRoomForOneMore()) {
            refusal = Limit.MEMORY;
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
        table[slot] = entry;
        System.arraycopy(buf, off, pages[idx >>> PAGE_BITS], (idx & PAGE_MASK) * words, words);
        parent[idx] = parentState;
        via[idx] = transition;
        size++;
        return idx;
    }

    private boolean equalsStored(int idx, long[] buf, int bufOff) {
        long[] page = pages[idx >>> PAGE_BITS];
        int off = (idx & PAGE_MASK) * words;
        for (int i = 0; i < words; i++) {
            if (page[off + i] != buf[bufOff + i]) {
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
            if (!meter.mayAllocate((long) PAGE_STATES * words * Long.BYTES)) {
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
            if (!meter.mayAllocate(2L * n * Integer.BYTES)) {
                return false;
            }
            parent = Arrays.copyOf(parent, n);
            via = Arrays.copyOf(via, n);
        }
        if (idx >= resizeAt) {
            if (table.length >= (1 << 30) || !meter.mayAllocate((long) table.length * 2 * Long.BYTES)) {
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
                int slot = (direct ? hash1(e & ~TAG) : (int) (e >>> 32)) & m;
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
        if (!meter.mayAllocate((long) pageCount * PAGE_STATES * newWords * Long.BYTES + (long) table.length * Long.BYTES)) {
            return false;
        }
        long[][] newPages = new long[pages.length][];
        for (int p = 0; p < pageCount; p++) {
            newPages[p] = new long[PAGE_STATES * newWords];
        }
        long[] tab = new long[table.length];
        int m = tab.length - 1;
        boolean newDirect = wider.fitsOneWordBelowTopBit();
        long[] marking = new long[layout.places];
        // In blocks, as in expansion: pack and hash a block, touch its slots, then insert.
        final int block = 256;
        long[] packed = new long[block * newWords];
        int[] hashes = new int[block];
        for (int first = 0; first < size; first += block) {
            int n = Math.min(block, size - first);
            for (int k = 0; k < n; k++) {
                int i = first + k;
                layout.unpack(pages[i >>> PAGE_BITS], (i & PAGE_MASK) * words, marking);
                wider.pack(marking, packed, k * newWords);
                System.arraycopy(packed, k * newWords, newPages[i >>> PAGE_BITS], (i & PAGE_MASK) * newWords, newWords);
                hashes[k] = newDirect ? hash1(packed[k * newWords]) : hash(packed, k * newWords, newWords);
            }
            long sum = 0;
            for (int k = 0; k < n; k++) {
                sum += tab[hashes[k] & m];
            }
            touched += sum;
            for (int k = 0; k < n; k++) {
                int slot = hashes[k] & m;
                while (tab[slot] != 0) {
                    slot = (slot + 1) & m;
                }
                tab[slot] = newDirect ? packed[k * newWords] | TAG : ((long) hashes[k] << 32) | (first + k + 1L);
            }
        }
        direct = newDirect;
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
    static int hash1(long word) {
        long h = (0x9E3779B97F4A7C15L ^ word) * 0xBF58476D1CE4E5B9L;
        h ^= h >>> 31;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return (int) (h >>> 32);
    }

    static int hash(long[] buf, int off, int words) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < words; i++) {
            h = (h ^ buf[off + i]) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        // any 32 bits do: 0 is a fine hash, as an entry's index part is never 0
        return (int) (h >>> 32);
    }
}

package dev.cadenza.petri.classes;

import java.util.Arrays;

/**
 * A set of keys (int runs: a marking, or a marking id and a canonical domain) in a flat arena,
 * found again through an open-addressing table of ids with linear probing (TLC's and hppc's
 * shape). No object per key. The arena is a list of fixed pages that never move, so growth copies
 * nothing big and a caller may keep reading the page of a key while adding others. The id is the
 * insertion rank, so a breadth-first search needs no queue: it expands ids in order.
 */
final class ClassStore {

    private final int pageSize;
    private int[][] pages = new int[4][];
    private int pageCount;
    private int used;
    /** Per id: page index << 32 | offset in the page. */
    private long[] start = new long[1 << 10];
    private int[] lengths = new int[1 << 10];
    private int[] hashes = new int[1 << 10];
    private int count;
    /** Slots hold hash << 32 | (id + 1), 0 is empty: a probe compares hashes without touching per-id arrays. */
    private long[] table = new long[1 << 11];
    private int mask = table.length - 1;
    /** Slots are taken from the high bits of the hash (Fibonacci hashing): they mix every key bit. */
    private int shift = 32 - 11;

    /** {@code maxKeyLength}: the longest key that will be added (a key never spans two pages). */
    ClassStore(int maxKeyLength) {
        pageSize = Math.max(1 << 20, Integer.highestOneBit(Math.max(1, maxKeyLength - 1)) << 1);
        used = pageSize;
    }

    int count() {
        return count;
    }

    /** The page holding key {@code id}. */
    int[] page(int id) {
        return pages[(int) (start[id] >>> 32)];
    }

    /** Where key {@code id} starts in its {@link #page(int)}. */
    int offset(int id) {
        return (int) start[id];
    }

    int length(int id) {
        return lengths[id];
    }

    /** Bytes the next add may allocate at most: the memory guard compares it with what is free. */
    long nextGrowthBytes(int len) {
        long need = 0;
        if (used + len > pageSize) {
            need += (long) pageSize * Integer.BYTES;
        }
        if (count + 1 > start.length) {
            need += (long) start.length * 2 * (Long.BYTES + 2 * Integer.BYTES);
        }
        if ((count + 1) * 2L > table.length) {
            need += (long) table.length * 2 * Long.BYTES;
        }
        return need;
    }

    static final int HASH_MULTIPLIER = 0x9E3779B1;

    static int hash(int[] key, int len) {
        int h = len;
        for (int i = 0; i < len; i++) {
            h = (h + key[i]) * HASH_MULTIPLIER;
        }
        return h;
    }

    /** Adds key[0..len) unless present: returns its new id, or -(id + 1) of the equal key. */
    int add(int[] key, int len) {
        return add(key, len, hash(key, len));
    }

    /** Same, with {@code h == hash(key, len)} already computed (while the key was built). */
    int add(int[] key, int len, int h) {
        assert h == hash(key, len);
        int slot = h >>> shift;
        final long[] tab = table;
        while (true) {
            long e = tab[slot];
            if (e == 0) {
                break;
            }
            int id = (int) e - 1;
            if ((int) (e >>> 32) == h && lengths[id] == len) {
                int s = (int) start[id];
                if (Arrays.equals(pages[(int) (start[id] >>> 32)], s, s + len, key, 0, len)) {
                    return -(id + 1);
                }
            }
            slot = (slot + 1) & mask;
        }
        int id = count;
        if (id == start.length) {
            start = Arrays.copyOf(start, id * 2);
            lengths = Arrays.copyOf(lengths, id * 2);
            hashes = Arrays.copyOf(hashes, id * 2);
        }
        if (used + len > pageSize) {
            if (pageCount == pages.length) {
                pages = Arrays.copyOf(pages, pageCount * 2);
            }
            pages[pageCount++] = new int[pageSize];
            used = 0;
        }
        System.arraycopy(key, 0, pages[pageCount - 1], used, len);
        start[id] = ((long) (pageCount - 1) << 32) | used;
        lengths[id] = len;
        hashes[id] = h;
        used += len;
        count++;
        tab[slot] = ((long) h << 32) | (id + 1);
        if (count * 2 > table.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        long[] t = new long[table.length * 2];
        int m = t.length - 1;
        int sh = shift - 1;
        for (int id = 0; id < count; id++) {
            int slot = hashes[id] >>> sh;
            while (t[slot] != 0) {
                slot = (slot + 1) & m;
            }
            t[slot] = ((long) hashes[id] << 32) | (id + 1);
        }
        table = t;
        mask = m;
        shift = sh;
    }
}

package dev.cadenza.verify.execute;

import java.util.Arrays;

/**
 * The states of the runtime's loop seen so far, each an {@code int[]} key (its
 * {@link LoopStateCodec} encoding), numbered in the order they were first stored: an
 * open-addressing table over flat primitive arrays (the keys back to back in pages of 4 MB — no
 * huge array to copy or to find room for in the heap — and a slot table of ids with linear
 * probing), so that "seen already?" costs one hash and a few probes and no object is made per
 * state.
 */
final class LoopStateStore {

    private static final int PAGE = 1 << 20;
    /** The first page: most per-iteration memos fit in it. */
    private static final int FIRST_PAGE = 1 << 12;
    /** The pages allocated (kept by {@link #clear}: the per-iteration memo is cleared once per state). */
    private int[][] pages = new int[4][];
    private int pageCount;
    /** The page being filled (-1: none yet since the last clear), and the ints used in it. */
    private int page = -1;
    private int pageUsed;
    /** Per id: page index << 32 | offset in the page. */
    private long[] offset = new long[1 << 8];
    private int[] length = new int[1 << 8];
    private int[] hash = new int[1 << 8];
    private int count;
    private int[] slots = filled(1 << 9);
    private int mask = (1 << 9) - 1;

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    int size() {
        return count;
    }

    /** Bytes held (for the memory check before growing). */
    long bytes() {
        long b = 0;
        for (int i = 0; i < pageCount; i++) {
            b += pages[i].length;
        }
        return 4L * (b + offset.length * 4L + slots.length);
    }

    /** Bytes that storing one more key of {@code len} ints would allocate (0 when nothing grows). */
    long growthBytes(int len) {
        long b = 0;
        if (count == offset.length) {
            b += 16L * count * 2;
        }
        if (page < 0 || pageUsed + len > pages[page].length) {
            int next = page + 1;
            if (next >= pageCount || pages[next].length < len) {
                b += 4L * Math.max(next == 0 ? FIRST_PAGE : PAGE, len);
            }
        }
        if ((count + 1) * 2 > slots.length) {
            b += 8L * slots.length;
        }
        return b;
    }

    /**
     * Forgets every key, keeping the pages and the tables for the next use: the per-iteration memo
     * is cleared once per state explored, and allocating (and zeroing) its pages again each time
     * cost more than its lookups. Only the slots in use are emptied when they are few.
     */
    void clear() {
        if (count * 8L < slots.length) {
            for (int id = 0; id < count; id++) {
                // each id is in its probe run from its home slot (slots emptied before it are passed over)
                int s = hash[id] & mask;
                while (slots[s] != id) {
                    s = (s + 1) & mask;
                }
                slots[s] = -1;
            }
        } else {
            Arrays.fill(slots, -1);
        }
        page = -1;
        pageUsed = 0;
        count = 0;
    }

    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;

    /**
     * A key's hash: two 64-bit lanes of xxHash-like rounds, each taking two ints at a time, so
     * that the multiplies of the lanes overlap (a chain that waited for the previous int's
     * multiply was a sixth of the exploration at galera n = 8, where keys are 600 ints); then a
     * final avalanche, since the slot is the low bits. Only where keys land depends on it: ids,
     * and so the states and their order, do not.
     */
    private static int hashOf(int[] key, int len) {
        long a = P1 + len;
        long b = P2;
        int i = 0;
        for (; i + 4 <= len; i += 4) {
            a = Long.rotateLeft(a + ((key[i] & 0xffffffffL) | (long) key[i + 1] << 32) * P2, 31) * P1;
            b = Long.rotateLeft(b + ((key[i + 2] & 0xffffffffL) | (long) key[i + 3] << 32) * P2, 31) * P1;
        }
        for (; i < len; i++) {
            a = Long.rotateLeft(a + (key[i] & 0xffffffffL) * P2, 31) * P1;
        }
        long h = Long.rotateLeft(a, 7) + Long.rotateLeft(b, 18);
        h ^= h >>> 33;
        h *= P2;
        h ^= h >>> 29;
        h *= P1;
        h ^= h >>> 32;
        return (int) h;
    }

    /** The id of {@code key[0..len)}, or -1 when it was never stored. */
    int find(int[] key, int len) {
        int h = hashOf(key, len);
        for (int s = h & mask; ; s = (s + 1) & mask) {
            int id = slots[s];
            if (id < 0) {
                return -1;
            }
            if (hash[id] == h && same(id, key, len)) {
                return id;
            }
        }
    }

    /** Stores {@code key[0..len)}: its new id, or {@code -(id + 1)} when it was stored already. */
    int add(int[] key, int len) {
        int h = hashOf(key, len);
        int s = h & mask;
        for (; ; s = (s + 1) & mask) {
            int id = slots[s];
            if (id < 0) {
                break;
            }
            if (hash[id] == h && same(id, key, len)) {
                return -(id + 1);
            }
        }
        if (count == offset.length) {
            offset = Arrays.copyOf(offset, count * 2);
            length = Arrays.copyOf(length, count * 2);
            hash = Arrays.copyOf(hash, count * 2);
        }
        if (page < 0 || pageUsed + len > pages[page].length) {
            page++;
            if (page == pageCount) {
                if (pageCount == pages.length) {
                    pages = Arrays.copyOf(pages, pageCount * 2);
                }
                pages[pageCount++] = new int[Math.max(page == 0 ? FIRST_PAGE : PAGE, len)];
            } else if (pages[page].length < len) {
                pages[page] = new int[Math.max(PAGE, len)]; // a kept page too small for this key
            }
            pageUsed = 0;
        }
        System.arraycopy(key, 0, pages[page], pageUsed, len);
        int id = count++;
        offset[id] = (long) page << 32 | pageUsed;
        length[id] = len;
        hash[id] = h;
        pageUsed += len;
        slots[s] = id;
        if (count * 2 > slots.length) {
            rehash();
        }
        return id;
    }

    private boolean same(int id, int[] key, int len) {
        if (length[id] != len) {
            return false;
        }
        int o = (int) offset[id];
        return Arrays.equals(pages[(int) (offset[id] >>> 32)], o, o + len, key, 0, len);
    }

    private void rehash() {
        slots = filled(slots.length * 2);
        mask = slots.length - 1;
        for (int id = 0; id < count; id++) {
            int s = hash[id] & mask;
            while (slots[s] >= 0) {
                s = (s + 1) & mask;
            }
            slots[s] = id;
        }
    }

    /** The page that holds the key of {@code id} (read it from {@link #offsetOf}, {@link #lengthOf} ints). */
    int[] pageOf(int id) {
        return pages[(int) (offset[id] >>> 32)];
    }

    int offsetOf(int id) {
        return (int) offset[id];
    }

    int lengthOf(int id) {
        return length[id];
    }

    /** A copy of the key of {@code id}. */
    int[] key(int id) {
        int o = (int) offset[id];
        return Arrays.copyOfRange(pages[(int) (offset[id] >>> 32)], o, o + length[id]);
    }
}

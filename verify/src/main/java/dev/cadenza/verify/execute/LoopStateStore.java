package dev.cadenza.verify.execute;

import java.util.Arrays;

/**
 * The states of the runtime's loop seen so far, each an {@code int[]} key (its
 * {@link LoopStateCodec} encoding), numbered in the order they were first stored: an
 * open-addressing table over flat primitive arrays (the keys back to back in one pool, a slot
 * table of ids with linear probing), so that "seen already?" costs one hash and a few probes and
 * no object is made per state.
 */
final class LoopStateStore {

    private int[] pool = new int[1 << 12];
    private int poolSize;
    private int[] offset = new int[1 << 8];
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
        return 4L * (pool.length + offset.length * 3L + slots.length);
    }

    void clear() {
        poolSize = 0;
        count = 0;
        Arrays.fill(slots, -1);
    }

    private static int hashOf(int[] key, int len) {
        int h = 0x9E3779B9;
        for (int i = 0; i < len; i++) {
            h = (h ^ key[i]) * 0x01000193;
            h ^= h >>> 15;
        }
        return h ^ (h >>> 16);
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
        if (poolSize + len > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + len));
        }
        System.arraycopy(key, 0, pool, poolSize, len);
        int id = count++;
        offset[id] = poolSize;
        length[id] = len;
        hash[id] = h;
        poolSize += len;
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
        int o = offset[id];
        for (int i = 0; i < len; i++) {
            if (pool[o + i] != key[i]) {
                return false;
            }
        }
        return true;
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

    /** A copy of the key of {@code id}. */
    int[] key(int id) {
        return Arrays.copyOfRange(pool, offset[id], offset[id] + length[id]);
    }
}

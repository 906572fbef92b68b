package dev.cadenza.petri.classes;

import java.util.Arrays;

/**
 * The set of state classes: each class is a run of ints (its marking, then its canonical domain)
 * in one flat arena, found again through an open-addressing table of class ids with linear
 * probing (TLC's and hppc's shape). No object per class. The class id is its insertion rank, so
 * a breadth-first search needs no queue: it expands ids in order.
 */
final class ClassStore {

    private int[] arena = new int[1 << 16];
    private int arenaSize;
    private int[] start = new int[1 << 10];
    private int[] hashes = new int[1 << 10];
    private int count;
    /** Slots hold id + 1; 0 is empty. */
    private int[] table = new int[1 << 11];
    private int mask = table.length - 1;

    int count() {
        return count;
    }

    int[] arena() {
        return arena;
    }

    int offset(int id) {
        return start[id];
    }

    int length(int id) {
        return (id + 1 < count ? start[id + 1] : arenaSize) - start[id];
    }

    /** Bytes the next growth of the arena would ask for: the memory guard compares it with what is free. */
    long nextGrowthBytes(int len) {
        long need = 0;
        if (arenaSize + len > arena.length) {
            need += (long) arena.length * 2 * Integer.BYTES;
        }
        if (count + 1 > start.length) {
            need += (long) start.length * 4 * Integer.BYTES;
        }
        if ((count + 1) * 2L > table.length) {
            need += (long) table.length * 2 * Integer.BYTES;
        }
        return need;
    }

    static int hash(int[] key, int len) {
        int h = 0x9E3779B9;
        for (int i = 0; i < len; i++) {
            h = (h ^ key[i]) * 0x01000193;
            h ^= h >>> 15;
        }
        return h ^ (h >>> 16);
    }

    /** Adds key[0..len) unless present: returns its new id, or -(id + 1) of the equal class. */
    int add(int[] key, int len) {
        int h = hash(key, len);
        int slot = h & mask;
        final int[] tab = table;
        while (true) {
            int e = tab[slot];
            if (e == 0) {
                break;
            }
            int id = e - 1;
            if (hashes[id] == h && equal(id, key, len)) {
                return -(id + 1);
            }
            slot = (slot + 1) & mask;
        }
        int id = count;
        if (id == start.length) {
            start = Arrays.copyOf(start, id * 2);
            hashes = Arrays.copyOf(hashes, id * 2);
        }
        if (arenaSize + len > arena.length) {
            long cap = Math.max((long) arena.length * 2, (long) arenaSize + len);
            if (cap > Integer.MAX_VALUE - 16) {
                cap = Integer.MAX_VALUE - 16;
                if (arenaSize + len > cap) {
                    throw new OutOfMemoryError("state class arena full");
                }
            }
            arena = Arrays.copyOf(arena, (int) cap);
        }
        System.arraycopy(key, 0, arena, arenaSize, len);
        start[id] = arenaSize;
        hashes[id] = h;
        arenaSize += len;
        count++;
        tab[slot] = id + 1;
        if (count * 2 > table.length) {
            rehash();
        }
        return id;
    }

    private boolean equal(int id, int[] key, int len) {
        int s = start[id];
        if (length(id) != len) {
            return false;
        }
        return Arrays.equals(arena, s, s + len, key, 0, len);
    }

    private void rehash() {
        int[] t = new int[table.length * 2];
        int m = t.length - 1;
        for (int id = 0; id < count; id++) {
            int slot = hashes[id] & m;
            while (t[slot] != 0) {
                slot = (slot + 1) & m;
            }
            t[slot] = id + 1;
        }
        table = t;
        mask = m;
    }
}

package dev.cadenza.petri.classes;

import java.util.Arrays;

/**
 * A binary min-heap of (long key, int value) without boxing: the shortest-path searches over
 * explored graphs (the state classes' min, the runtime's state space's earliest end) pop node
 * ids by distance. Stale entries are the caller's to skip (no decrease-key).
 */
public final class LongHeap {
    private long[] keys = new long[64];
    private int[] values = new int[64];
    private int size;

    public boolean isEmpty() {
        return size == 0;
    }

    /** What the next push would allocate. */
    public long growthBytes() {
        return size == keys.length ? 2L * keys.length * (Long.BYTES + Integer.BYTES) : 0;
    }

    public long topKey() {
        return keys[0];
    }

    public void push(long key, int value) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (keys[p] <= key) {
                break;
            }
            keys[i] = keys[p];
            values[i] = values[p];
            i = p;
        }
        keys[i] = key;
        values[i] = value;
    }

    public int pop() {
        int top = values[0];
        long key = keys[--size];
        int value = values[size];
        int i = 0;
        while (true) {
            int c = 2 * i + 1;
            if (c >= size) {
                break;
            }
            if (c + 1 < size && keys[c + 1] < keys[c]) {
                c++;
            }
            if (keys[c] >= key) {
                break;
            }
            keys[i] = keys[c];
            values[i] = values[c];
            i = c;
        }
        keys[i] = key;
        values[i] = value;
        return top;
    }
}

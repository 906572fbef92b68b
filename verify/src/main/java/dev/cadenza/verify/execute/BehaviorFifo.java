package dev.cadenza.verify.execute;

import java.util.Arrays;

/**
 * An instance's queue of pushed behaviors ({@code queued_behaviors}), first in first out, as
 * behavior indices in a primitive array: the state space restores it at every state it visits,
 * so it holds no boxed integer and allocates nothing once grown.
 */
final class BehaviorFifo {

    private int[] items = new int[4];
    private int head;
    private int size;

    int size() {
        return size;
    }

    /** The {@code i}-th behavior from the head. */
    int get(int i) {
        return items[head + i];
    }

    void add(int behavior) {
        if (head + size == items.length) {
            if (head > 0) {
                System.arraycopy(items, head, items, 0, size);
                head = 0;
            } else {
                items = Arrays.copyOf(items, items.length * 2);
            }
        }
        items[head + size++] = behavior;
    }

    /** Takes the head: its behavior, or -1 when the queue is empty. */
    int poll() {
        if (size == 0) {
            return -1;
        }
        size--;
        return items[head++];
    }

    void clear() {
        head = 0;
        size = 0;
    }
}

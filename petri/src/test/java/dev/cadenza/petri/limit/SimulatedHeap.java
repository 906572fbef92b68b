package dev.cadenza.petri.limit;

/**
 * A heap of {@code max} bytes of which {@code used} are taken, for tests: the memory guard sees a
 * small heap without the test JVM filling its real one. The largest allocation is what is free.
 */
public record SimulatedHeap(long max, long used) implements MemoryProbe {

    @Override
    public long maxHeap() {
        return max;
    }

    @Override
    public long usedHeap() {
        return used;
    }

    @Override
    public long largestAllocation() {
        return max - used;
    }

    @Override
    public void collect() {
    }

    /** A budget with no limit but a heap of {@code max} bytes, {@code used} of them taken. */
    public static Budget budget(long max, long used) {
        return Budget.unlimited().withMemory(new SimulatedHeap(max, used));
    }
}

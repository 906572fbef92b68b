package dev.cadenza.petri.reach;

/**
 * Answers "may the store allocate this much more?" before it does, so an exploration that would
 * run out of heap stops cleanly with what it found instead of dying in an OutOfMemoryError.
 */
final class MemoryGuard {

    private final Runtime runtime = Runtime.getRuntime();
    private final long reserve;

    /** Keeps {@code reserveFraction} of the maximum heap free for everything else (GC headroom, output). */
    MemoryGuard(double reserveFraction) {
        this.reserve = (long) (runtime.maxMemory() * reserveFraction);
    }

    boolean allows(long bytes) {
        if (bytes <= available()) {
            return true;
        }
        // The heap may hold garbage (an old arena being replaced, a parsed file): collect once and look again.
        System.gc();
        return bytes <= available();
    }

    private long available() {
        long used = runtime.totalMemory() - runtime.freeMemory();
        return runtime.maxMemory() - used - reserve;
    }
}

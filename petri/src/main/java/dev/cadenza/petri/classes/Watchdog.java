package dev.cadenza.petri.classes;

/** Checks the time and memory limits and reports progress, cheaply enough to call per class. */
final class Watchdog {

    private final ExplorationLimits limits;
    private final ProgressListener progress;
    private final long startNanos = System.nanoTime();
    private long lastReport = startNanos;
    private int tick;

    Watchdog(ExplorationLimits limits, ProgressListener progress) {
        this.limits = limits;
        this.progress = progress;
    }

    double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** The limit reached now, or NONE; the clock is read once every 1024 calls. */
    Limit check(long classes, long edges, long nextGrowthBytes) {
        if (classes >= limits.maxClasses()) {
            return Limit.CLASSES;
        }
        if (nextGrowthBytes > 0) {
            Runtime rt = Runtime.getRuntime();
            long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
            if (free - nextGrowthBytes < limits.memoryReserveBytes()) {
                System.gc();
                free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
                if (free - nextGrowthBytes < limits.memoryReserveBytes()) {
                    return Limit.MEMORY;
                }
            }
        }
        if ((++tick & 1023) != 0) {
            return Limit.NONE;
        }
        long now = System.nanoTime();
        if ((now - startNanos) / 1e9 > limits.maxSeconds()) {
            return Limit.SECONDS;
        }
        if (now - lastReport > 1_000_000_000L) {
            lastReport = now;
            progress.progress(classes, edges, (now - startNanos) / 1e9);
        }
        return Limit.NONE;
    }
}

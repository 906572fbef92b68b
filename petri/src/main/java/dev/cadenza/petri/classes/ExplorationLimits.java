package dev.cadenza.petri.classes;

/**
 * Where an exploration stops early: after {@code maxClasses} classes, after {@code maxSeconds}
 * seconds, or when the heap would come closer than {@code memoryReserveBytes} to its maximum.
 */
public record ExplorationLimits(long maxClasses, double maxSeconds, long memoryReserveBytes) {

    public static final ExplorationLimits NONE = new ExplorationLimits(Long.MAX_VALUE, Double.POSITIVE_INFINITY, 64L << 20);

    public ExplorationLimits withMaxClasses(long n) {
        return new ExplorationLimits(n, maxSeconds, memoryReserveBytes);
    }

    public ExplorationLimits withMaxSeconds(double s) {
        return new ExplorationLimits(maxClasses, s, memoryReserveBytes);
    }
}

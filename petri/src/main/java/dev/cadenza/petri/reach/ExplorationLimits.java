package dev.cadenza.petri.reach;

/**
 * Where an exploration stops early: at {@code maxStates} markings, after {@code timeoutSeconds}
 * (0 or less: never), or when the store would leave less than {@code memoryReserve} (a fraction)
 * of the maximum heap free.
 */
public record ExplorationLimits(long maxStates, double timeoutSeconds, double memoryReserve) {

    public ExplorationLimits {
        if (maxStates < 1) {
            throw new IllegalArgumentException("max states must be at least 1, not " + maxStates);
        }
        if (memoryReserve < 0 || memoryReserve >= 1) {
            throw new IllegalArgumentException("memory reserve is a fraction in [0, 1), not " + memoryReserve);
        }
    }

    /** No limit but the heap (keeping 10% of it free). */
    public static ExplorationLimits none() {
        return new ExplorationLimits(Long.MAX_VALUE, 0, 0.10);
    }

    public ExplorationLimits withMaxStates(long n) {
        return new ExplorationLimits(n, timeoutSeconds, memoryReserve);
    }

    public ExplorationLimits withTimeout(double seconds) {
        return new ExplorationLimits(maxStates, seconds, memoryReserve);
    }

    public ExplorationLimits withMemoryReserve(double fraction) {
        return new ExplorationLimits(maxStates, timeoutSeconds, fraction);
    }
}

package dev.cadenza.petri.limit;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * What the heap can still take. Free heap alone is not enough: one large array must fit whole in
 * one generation (with the parallel collector a 2 GB table fits nowhere once the old generation
 * has less than 2 GB free, however much the young one has), so the probe also says how large the
 * largest allocation can be. Tests pass a fake to simulate a small heap without filling the real
 * one.
 */
public interface MemoryProbe {

    /** The most the heap may grow to, in bytes. */
    long maxHeap();

    /** Bytes in use now (live and not yet collected). */
    long usedHeap();

    /** The largest single array, in bytes, that could be allocated now. */
    long largestAllocation();

    /** Gives garbage a chance to go before a refusal (a replaced table, a parsed file). */
    void collect();

    /** The running JVM's heap. */
    static MemoryProbe jvm() {
        return Jvm.INSTANCE;
    }

    /** The JVM's heap, read through its memory pools. */
    final class Jvm implements MemoryProbe {
        static final Jvm INSTANCE = new Jvm();

        private final Runtime runtime = Runtime.getRuntime();
        /**
         * The heap pool with the largest maximum: the old generation of a generational collector
         * (where a large array goes), or the one pool of a single-space collector.
         */
        private final MemoryPoolMXBean tenured;

        private Jvm() {
            MemoryPoolMXBean best = null;
            List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
            for (MemoryPoolMXBean p : pools) {
                if (p.getType() == MemoryType.HEAP && p.isValid() && p.getUsage().getMax() > 0
                        && (best == null || p.getUsage().getMax() > best.getUsage().getMax())) {
                    best = p;
                }
            }
            tenured = best;
        }

        @Override
        public long maxHeap() {
            return runtime.maxMemory();
        }

        @Override
        public long usedHeap() {
            return runtime.totalMemory() - runtime.freeMemory();
        }

        @Override
        public long largestAllocation() {
            long free = maxHeap() - usedHeap();
            if (tenured == null) {
                return free;
            }
            var u = tenured.getUsage();
            return Math.min(free, u.getMax() - u.getUsed());
        }

        @Override
        public void collect() {
            System.gc();
        }
    }
}

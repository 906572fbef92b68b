package dev.cadenza.verify.execute;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Many sampled runs of one subject ({@code cadenza simulate}): run i draws everything from its
 * own stream, seeded from the simulation's seed and i, so that the result depends on the seed
 * only — not on how many threads share the runs, nor in which order they finish.
 */
public final class Simulation {

    private Simulation() {
    }

    /** The seed of run {@code i} of a simulation seeded {@code seed} (SplittableRandom's mixing of seed + i·γ). */
    public static long runSeed(long seed, int i) {
        long z = seed + (i + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /** What a simulation found. Totals of finished runs, in seconds, sorted. */
    public record Report(int runs, long seed, double[] totals, int deadlocked, int stopped, int firstDeadlock,
                         String firstStop, Map<String, Double> criticalShare) {

        public int finished() {
            return totals.length;
        }

        public double min() {
            return totals.length == 0 ? Double.NaN : totals[0];
        }

        public double max() {
            return totals.length == 0 ? Double.NaN : totals[totals.length - 1];
        }

        public double mean() {
            return totals.length == 0 ? Double.NaN : Arrays.stream(totals).sum() / totals.length;
        }

        /** The p-th percentile (0 < p <= 100) of the finished totals, estimated as R's type 7 (linear between order statistics). */
        public double percentile(double p) {
            if (totals.length == 0) {
                return Double.NaN;
            }
            return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(totals, p);
        }
    }

    /**
     * {@code runs} sampled runs of {@code executor} on {@code threads} threads; {@code progress}
     * is told the number of runs done now and then (from any thread).
     */
    public static Report run(Executor executor, int runs, long seed, int threads, IntConsumer progress) {
        if (runs < 1) {
            throw new IllegalArgumentException("at least one run");
        }
        long[] ends = new long[runs];
        byte[] outcome = new byte[runs];
        String[] stops = new String[runs];
        int labels = executor.transitionLabels().size();
        int chunks = Math.max(1, Math.min(runs, threads * 8));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, chunks)), r -> {
            Thread t = new Thread(r, "cadenza-simulate");
            t.setDaemon(true);
            return t;
        });
        List<Future<long[]>> parts = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        try {
            for (int c = 0; c < chunks; c++) {
                int from = (int) ((long) runs * c / chunks);
                int to = (int) ((long) runs * (c + 1) / chunks);
                parts.add(pool.submit(() -> {
                    long[] critical = new long[labels];
                    for (int i = from; i < to; i++) {
                        Executor.Summary s = executor.summarize(Policies.sampled(runSeed(seed, i)));
                        ends[i] = s.endTicks();
                        outcome[i] = (byte) (s.finished() ? 0 : s.deadlock() ? 1 : 2);
                        stops[i] = s.stopped();
                        if (s.finished()) {
                            BitSet b = s.critical();
                            for (int k = b.nextSetBit(0); k >= 0; k = b.nextSetBit(k + 1)) {
                                critical[k]++;
                            }
                        }
                        int n = done.incrementAndGet();
                        if (progress != null && n % 1000 == 0) {
                            progress.accept(n);
                        }
                    }
                    return critical;
                }));
            }
            long[] critical = new long[labels];
            for (Future<long[]> f : parts) {
                long[] part = f.get();
                for (int k = 0; k < labels; k++) {
                    critical[k] += part[k];
                }
            }
            TimeScale scale = executor.scale();
            int finished = 0;
            int deadlocked = 0;
            int stopped = 0;
            int firstDeadlock = -1;
            String firstStop = null;
            for (int i = 0; i < runs; i++) {
                if (outcome[i] == 0) {
                    finished++;
                } else if (outcome[i] == 1) {
                    deadlocked++;
                    firstDeadlock = firstDeadlock < 0 ? i : firstDeadlock;
                } else {
                    stopped++;
                    firstStop = firstStop == null ? stops[i] : firstStop;
                }
            }
            double[] totals = new double[finished];
            int k = 0;
            for (int i = 0; i < runs; i++) {
                if (outcome[i] == 0) {
                    totals[k++] = scale.secondsAsDouble(ends[i]);
                }
            }
            Arrays.sort(totals);
            Map<String, Double> share = new LinkedHashMap<>();
            List<String> names = executor.transitionLabels();
            for (int t = 0; t < labels; t++) {
                share.put(names.get(t), finished == 0 ? 0.0 : critical[t] / (double) finished);
            }
            return new Report(runs, seed, totals, deadlocked, stopped, firstDeadlock, firstStop, share);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulation interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}

package dev.cadenza.verify.execute;

import org.apache.commons.math3.random.RandomGenerator;

import java.util.SplittableRandom;

/** The policies that need no run to follow: every duration at its minimum, at its maximum, or sampled. */
public final class Policies {

    private Policies() {
    }

    /**
     * Every transition takes its minimum, every step its minimum; components and items in
     * declaration order; a thread that finishes now is noticed now. Deterministic.
     */
    public static Policy allMin() {
        return new Extreme(false);
    }

    /** The same with every maximum (an unbounded maximum is refused). */
    public static Policy allMax() {
        return new Extreme(true);
    }

    /**
     * Durations drawn from their distributions (uniform by default), steps uniform in their
     * interval, zero-duration thread races decided by a coin, and orders as a real process makes
     * them: one random order per run, kept across iterations — all from one stream seeded with
     * {@code seed}.
     *
     * <p>Why one order per run: the runtime iterates Python sets — of component names (hashed with
     * the process's random string hash seed) and of places, docks and transitions (hashed by
     * address) — and CPython visits a set in the order of its table slots, which does not change
     * from one iteration to the next unless the table is resized (from the fifth element on). So a
     * process mostly keeps one order, while another process may use any other. Every run drawn so
     * is one that the runtime's "any order per iteration" reading (the translation's, and
     * {@link #sampledAnyOrder}) also allows.
     */
    public static Policy sampled(long seed) {
        return new Sampled(seed, false);
    }

    /** As {@link #sampled} but with a fresh random order at every iteration and phase: every order the semantics allows. */
    public static Policy sampledAnyOrder(long seed) {
        return new Sampled(seed, true);
    }

    private static final class Extreme implements Policy {
        private final boolean max;

        Extreme(boolean max) {
            this.max = max;
        }

        public long duration(TransitionChoice t) {
            if (!max) {
                return t.minTicks();
            }
            if (t.maxTicks() < 0) {
                throw new IllegalStateException(t.label() + " has no maximum duration ([a, inf])");
            }
            return t.maxTicks();
        }

        public void order(Phase phase, String instance, int[] items, int n, String[] names) {
        }

        public boolean noticeNow(TransitionChoice t, boolean sameIteration, long now) {
            return true;
        }

        public long step(long now, long min, long max) {
            return this.max ? max : min;
        }
    }

    private static final class Sampled implements Policy {
        private final SplittableRandom random;
        private final RandomGenerator generator;
        private final boolean anyOrder;
        /** One random rank per component name, and per instance and phase one per element: a process's set order. */
        private final java.util.HashMap<String, Long> componentRank = new java.util.HashMap<>();
        private final java.util.HashMap<String, long[]> elementRank = new java.util.HashMap<>();

        Sampled(long seed, boolean anyOrder) {
            random = new SplittableRandom(seed);
            generator = new SplittableGenerator(random);
            this.anyOrder = anyOrder;
        }

        public long duration(TransitionChoice t) {
            return t.sampler().sample(generator);
        }

        public void order(Phase phase, String instance, int[] items, int n, String[] names) {
            if (n < 2) {
                return;
            }
            if (anyOrder) {
                for (int i = n - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int tmp = items[i];
                    items[i] = items[j];
                    items[j] = tmp;
                }
                return;
            }
            if (phase == Phase.COMPONENTS) {
                long[] keys = new long[n];
                for (int i = 0; i < n; i++) {
                    keys[i] = componentRank.computeIfAbsent(names[items[i]], k -> random.nextLong());
                }
                sortBy(items, keys, n);
                return;
            }
            long[] ranks = elementRank.computeIfAbsent(instance + "\u0000" + phase.ordinal() + "\u0000" + names.length,
                    k -> random.longs(names.length).toArray());
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = ranks[items[i]];
            }
            sortBy(items, keys, n);
        }

        /** Insertion sort of items by keys (a handful of items). */
        private static void sortBy(int[] items, long[] keys, int n) {
            for (int i = 1; i < n; i++) {
                long k = keys[i];
                int it = items[i];
                int j = i - 1;
                while (j >= 0 && keys[j] > k) {
                    keys[j + 1] = keys[j];
                    items[j + 1] = items[j];
                    j--;
                }
                keys[j + 1] = k;
                items[j + 1] = it;
            }
        }

        public boolean noticeNow(TransitionChoice t, boolean sameIteration, long now) {
            return !sameIteration || random.nextBoolean();
        }

        public long step(long now, long min, long max) {
            return min == max ? min : min + random.nextLong(max - min + 1);
        }
    }

    /** commons-math3's generator interface over a SplittableRandom (cheap to seed, one per run). */
    private static final class SplittableGenerator implements RandomGenerator {
        private final SplittableRandom r;

        SplittableGenerator(SplittableRandom r) {
            this.r = r;
        }

        public void setSeed(int seed) {
            throw new UnsupportedOperationException();
        }

        public void setSeed(int[] seed) {
            throw new UnsupportedOperationException();
        }

        public void setSeed(long seed) {
            throw new UnsupportedOperationException();
        }

        public void nextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) r.nextInt(256);
            }
        }

        public int nextInt() {
            return r.nextInt();
        }

        public int nextInt(int n) {
            return r.nextInt(n);
        }

        public long nextLong() {
            return r.nextLong();
        }

        public boolean nextBoolean() {
            return r.nextBoolean();
        }

        public float nextFloat() {
            return (float) r.nextDouble();
        }

        public double nextDouble() {
            return r.nextDouble();
        }

        public double nextGaussian() {
            // Box-Muller, enough for the interface (sampling uses inversion, not this)
            double u = 1 - r.nextDouble();
            double v = r.nextDouble();
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        }
    }
}

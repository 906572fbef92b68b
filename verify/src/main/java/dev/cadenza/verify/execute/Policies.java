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
     * interval, orders uniformly random, zero-duration thread races decided by a coin — all from
     * one stream seeded with {@code seed}.
     */
    public static Policy sampled(long seed) {
        return new Sampled(seed);
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

        Sampled(long seed) {
            random = new SplittableRandom(seed);
            generator = new SplittableGenerator(random);
        }

        public long duration(TransitionChoice t) {
            return t.sampler().sample(generator);
        }

        public void order(Phase phase, String instance, int[] items, int n, String[] names) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = items[i];
                items[i] = items[j];
                items[j] = tmp;
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

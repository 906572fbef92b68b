package dev.cadenza.verify.execute;

import dev.cadenza.core.model.Distribution;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.TriangularDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Draws a transition's duration inside its interval [a, b] from its distribution (uniform when
 * none is given) truncated to the interval, by inversion: u uniform in [F(a), F(b)], then
 * F^-1(u) — exact truncation, never a rejected draw. Immutable and safe to share between threads
 * (the distributions are only inverted, never sampled through their own generator).
 */
public final class DurationSampler {

    private final long minTicks;
    private final long maxTicks;
    private final TimeScale scale;
    private final RealDistribution distribution;
    private final double lowP;
    private final double highP;
    private final String refusal;

    public DurationSampler(long minTicks, long maxTicks, Distribution d, TimeScale scale) {
        this.minTicks = minTicks;
        this.maxTicks = maxTicks;
        this.scale = scale;
        double a = scale.secondsAsDouble(minTicks);
        double b = maxTicks < 0 ? Double.POSITIVE_INFINITY : scale.secondsAsDouble(maxTicks);
        if (maxTicks < 0 && (d == null || !d.unboundedTail())) {
            refusal = "an interval [" + a + ", inf] needs a distribution with an unbounded tail to be sampled:"
                    + " write [" + a + ", inf] ~ exponential(MEAN) or ~ normal(MEAN, SD)";
            distribution = null;
            lowP = highP = 0;
            return;
        }
        refusal = null;
        if (d == null || d instanceof Distribution.Uniform || minTicks == maxTicks) {
            distribution = null;
        } else if (d instanceof Distribution.Triangular t) {
            distribution = new TriangularDistribution(null, a, t.mode().doubleValue(), b);
        } else if (d instanceof Distribution.Normal n) {
            distribution = new NormalDistribution(null, n.mean().doubleValue(), n.sd().doubleValue(),
                    NormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
        } else {
            distribution = new ExponentialDistribution(null, ((Distribution.Exponential) d).mean().doubleValue(),
                    ExponentialDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
        }
        if (distribution instanceof ExponentialDistribution) {
            // memoryless: truncating to [a, b] is a + a draw truncated to [0, b - a]
            lowP = 0;
            highP = b == Double.POSITIVE_INFINITY ? 1 : distribution.cumulativeProbability(b - a);
        } else if (distribution != null) {
            lowP = distribution.cumulativeProbability(a);
            highP = b == Double.POSITIVE_INFINITY ? 1 : distribution.cumulativeProbability(b);
        } else {
            lowP = 0;
            highP = 1;
        }
    }

    /** Null when the interval can be sampled; else why not, in words. */
    public String refusal() {
        return refusal;
    }

    public long sample(RandomGenerator random) {
        if (refusal != null) {
            throw new IllegalStateException(refusal);
        }
        if (minTicks == maxTicks) {
            return minTicks;
        }
        double u = random.nextDouble();
        double seconds;
        if (distribution == null) {
            double a = scale.secondsAsDouble(minTicks);
            seconds = a + u * (scale.secondsAsDouble(maxTicks) - a);
        } else {
            double p = lowP + u * (highP - lowP);
            if (p >= 1) {
                p = Math.nextDown(1.0);
            }
            double x = distribution.inverseCumulativeProbability(p);
            seconds = distribution instanceof ExponentialDistribution ? scale.secondsAsDouble(minTicks) + x : x;
        }
        long t = scale.ticks(seconds);
        if (t < minTicks) {
            return minTicks;
        }
        return maxTicks >= 0 && t > maxTicks ? maxTicks : t;
    }
}

package dev.cadenza.verify.execute;

/**
 * Simulated threads: a started transition finishes after the duration the policy chooses; an
 * iteration takes the step the policy chooses in [a, b] (none when steps are free); when nothing
 * moves the clock jumps to the next finish, paying one step per skipped iteration when steps
 * cost time. With a {@code speed}, the time that passes is also slept (model seconds / speed).
 */
final class SimulatedDriver extends Driver {

    private final double speed;
    private final long startNanos = System.nanoTime();

    SimulatedDriver(double speed) {
        this.speed = speed;
    }

    @Override
    long start(Execution x, ComponentState c, int t) {
        return x.now + x.policy.duration(x.choice(c, t));
    }

    @Override
    long afterChange(Execution x) {
        return pace(x, x.stepMax == 0 ? x.now : x.now + x.policy.step(x.now, x.stepMin, x.stepMax));
    }

    @Override
    long whenQuiet(Execution x, long next) {
        if (x.stepMax == 0) {
            return pace(x, Math.max(x.now, next));
        }
        long now = x.now;
        if (x.stepMin == x.stepMax && !x.policy.wantsEvents()) {
            // a fixed step: the first iteration at or after the finish, in one computation
            long k = Math.max(1, (next - now + x.stepMin - 1) / x.stepMin);
            return pace(x, now + k * x.stepMin);
        }
        long guard = 0;
        do {
            long s = x.policy.step(now, x.stepMin, x.stepMax);
            // iterations that take no time let the clock reach the finish itself
            now = s == 0 ? Math.max(now, next) : now + s;
            if (++guard > 10_000_000) {
                now = Math.max(now, next);
            }
        } while (now < next);
        return pace(x, now);
    }

    /** Sleeps until {@code to} (model ticks) is due in real time at the pace's speed. */
    private long pace(Execution x, long to) {
        if (speed > 0) {
            double seconds = x.scale().secondsAsDouble(to) / speed;
            long due = startNanos + (long) (seconds * 1e9);
            long wait;
            while ((wait = due - System.nanoTime()) > 0 && !x.interrupted()) {
                try {
                    Thread.sleep(Math.min(wait / 1_000_000 + 1, 200));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    x.interrupt();
                }
            }
        }
        return to;
    }
}

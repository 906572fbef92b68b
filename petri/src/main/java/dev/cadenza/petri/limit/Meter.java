package dev.cadenza.petri.limit;

/**
 * One search's draw on its command's {@link Budget}: told of every class (or marking) stored and
 * asked before every large allocation, it says when to stop. Cheap enough to call per class: a
 * comparison, and the clock read once every 1024 calls (and at the first, so that a search
 * started after the deadline stops at once). Call {@link #finish(long)} when the search ends so
 * that later searches of the command see what is left.
 */
public final class Meter {

    private static final int CLOCK_EVERY = 1024;

    private final Budget budget;
    private final long allowance;
    private final long deadline;
    private final long startNanos = System.nanoTime();
    private int ticks = CLOCK_EVERY - 1;
    /** What was charged to the budget already (published for progress lines). */
    private long charged;
    private boolean finished;

    Meter(Budget budget, long allowance, long deadline) {
        this.budget = budget;
        this.allowance = allowance;
        this.deadline = deadline;
    }

    /**
     * The limit reached with {@code stored} classes stored by this search, or {@link Limit#NONE}:
     * call it before storing one more.
     */
    public Limit check(long stored) {
        if (stored >= allowance) {
            return Limit.CLASSES;
        }
        return clock(stored);
    }

    /**
     * The time limit alone, for loops that store nothing new for a while (expanding known
     * states): {@link Limit#TIME} or {@link Limit#NONE}, the clock read every 1024 calls.
     */
    public Limit clock(long stored) {
        if (++ticks < CLOCK_EVERY) {
            return Limit.NONE;
        }
        ticks = 0;
        publish(stored);
        return System.nanoTime() - deadline >= 0 && deadline != Long.MAX_VALUE ? Limit.TIME : Limit.NONE;
    }

    /** Whether an allocation of {@code bytes} (one array, or the sum of a few) fits in the heap now. */
    public boolean mayAllocate(long bytes) {
        return budget.fits(bytes);
    }

    /** Charges what this search stored to the command's budget; later calls do nothing. */
    public void finish(long stored) {
        if (!finished) {
            publish(stored);
            finished = true;
        }
    }

    private void publish(long stored) {
        if (stored > charged) {
            budget.charge(stored - charged);
            charged = stored;
        }
    }

    public double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    public Budget budget() {
        return budget;
    }
}

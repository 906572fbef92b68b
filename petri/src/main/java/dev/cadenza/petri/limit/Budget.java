package dev.cadenza.petri.limit;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The limits of one command, from the command line to every search it runs: at most
 * {@code maxClasses} classes (or markings) stored over all its searches, an end {@code timeout}
 * seconds after the command started, and the heap. The default, {@link #unlimited()}, has no
 * limit but memory.
 *
 * <p>A budget is an account, not a per-search setting: each search opens a {@link Meter} that
 * may use what is left of the classes and the time, and charges what it used when it ends. So
 * {@code --timeout 60} ends the command's searches 60 s after the start, however many
 * properties it checks, and {@code --max-classes N} bounds their sum. When a search stops at a
 * limit its findings are partial and every answer built on "not found" is inconclusive; the
 * {@link Limit} it returns, put in words by {@link #reason(Limit)}, says why.
 *
 * <p>The memory guard asks the {@link MemoryProbe} before every large allocation whether it
 * fits (whole, in one generation) while leaving a reserve for reporting what was found.
 */
public final class Budget {

    /** No class limit. */
    public static final long NO_CLASS_LIMIT = Long.MAX_VALUE;

    private final long maxClasses;
    private final double timeoutSeconds;
    private final MemoryProbe memory;
    private final long startNanos;
    private final long deadline;
    private final AtomicLong spent;
    private volatile String unit = "classes";
    /** For a {@link #share}: why its own, earlier deadline ends a search (null: the command's). */
    private final String shareReason;

    private Budget(long maxClasses, double timeoutSeconds, MemoryProbe memory) {
        if (maxClasses < 1) {
            throw new IllegalArgumentException("a class budget is at least 1, not " + maxClasses);
        }
        if (!(timeoutSeconds > 0)) {
            throw new IllegalArgumentException("a timeout is a positive number of seconds, not " + timeoutSeconds);
        }
        this.maxClasses = maxClasses;
        this.timeoutSeconds = timeoutSeconds;
        this.memory = memory;
        this.startNanos = System.nanoTime();
        this.spent = new AtomicLong();
        this.shareReason = null;
        this.deadline = Double.isInfinite(timeoutSeconds) || timeoutSeconds * 1e9 >= Long.MAX_VALUE / 2.0
                ? Long.MAX_VALUE : startNanos + (long) (timeoutSeconds * 1e9);
    }

    private Budget(Budget whole, long deadline, String shareReason) {
        this.maxClasses = whole.maxClasses;
        this.timeoutSeconds = whole.timeoutSeconds;
        this.memory = whole.memory;
        this.startNanos = whole.startNanos;
        this.spent = whole.spent;
        this.shareReason = shareReason;
        this.deadline = deadline;
    }

    /**
     * A part of this budget for a search that only settles what an earlier one left open, with
     * questions after it: the same account of classes (what it stores is charged here) and the
     * same heap, but a deadline {@code fraction} of the time left from now, so that a search that
     * cannot finish does not take the time of every question after it. Cut there, its searches say
     * so ({@code who} used up its share), never that the command's time did. Without a time limit,
     * this budget itself: nothing is shared then, every search may run to the heap.
     */
    public Budget share(double fraction, String who) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("a share is in (0, 1], not " + fraction);
        }
        if (!limitsTime() || fraction == 1) {
            return this;
        }
        double left = secondsLeft();
        long end = System.nanoTime() + (long) (left * fraction * 1e9);
        String why = String.format(Locale.ROOT, "%s used up its share of the time budget (%.0f%% of the %.1f s"
                + " left of --timeout %s s when it started; the questions after it keep the rest)", who, fraction * 100,
                left, seconds(timeoutSeconds));
        return new Budget(this, Math.min(end, deadline), why);
    }

    /** No limit but the heap: the default of every command. */
    public static Budget unlimited() {
        return new Budget(NO_CLASS_LIMIT, Double.POSITIVE_INFINITY, MemoryProbe.jvm());
    }

    /**
     * At most {@code maxClasses} classes in all (or {@link #NO_CLASS_LIMIT}) and
     * {@code timeoutSeconds} from now (or {@code Double.POSITIVE_INFINITY}).
     */
    public static Budget of(long maxClasses, double timeoutSeconds) {
        return new Budget(maxClasses, timeoutSeconds, MemoryProbe.jvm());
    }

    /** At most {@code maxClasses} classes in all, no time limit. */
    public static Budget ofClasses(long maxClasses) {
        return of(maxClasses, Double.POSITIVE_INFINITY);
    }

    /** The same limits, starting now, with the heap seen through {@code probe} (tests simulate a small heap). */
    public Budget withMemory(MemoryProbe probe) {
        return new Budget(maxClasses, timeoutSeconds, probe);
    }

    /** Opens a search that stores {@code unit} ("classes", "markings"), drawing on what is left. */
    public Meter start(String unit) {
        this.unit = unit;
        return new Meter(this, classesLeft(), deadline);
    }

    /**
     * Opens a search that may store at most {@code cap} of what is left (a first stage that
     * gives way to another search when it is not cheap: at the cap it stops with
     * {@link Limit#CLASSES}, as at the budget's own limit).
     */
    public Meter start(String unit, long cap) {
        this.unit = unit;
        return new Meter(this, Math.min(cap, classesLeft()), deadline);
    }

    public long maxClasses() {
        return maxClasses;
    }

    public boolean limitsClasses() {
        return maxClasses != NO_CLASS_LIMIT;
    }

    public double timeoutSeconds() {
        return timeoutSeconds;
    }

    public boolean limitsTime() {
        return deadline != Long.MAX_VALUE;
    }

    public MemoryProbe memory() {
        return memory;
    }

    /** Classes (or markings) stored so far by every search of the command, the running one included. */
    public long classesUsed() {
        return spent.get();
    }

    /** What the next search may still store ({@link #NO_CLASS_LIMIT} without a class limit). */
    public long classesLeft() {
        return maxClasses == NO_CLASS_LIMIT ? NO_CLASS_LIMIT : Math.max(0, maxClasses - spent.get());
    }

    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Seconds until the deadline (0 once passed), or infinity without a time limit. */
    public double secondsLeft() {
        return deadline == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : Math.max(0, (deadline - System.nanoTime()) / 1e9);
    }

    /**
     * The limit already reached before a search starts: {@link Limit#TIME} past the deadline,
     * {@link Limit#CLASSES} with nothing left to store, else {@link Limit#NONE}. Callers ask it
     * before work that no {@link Meter} watches (translating a net, setting up a search), so
     * that a spent budget ends every later question at once rather than after its set-up.
     */
    public Limit spent() {
        if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline >= 0) {
            return Limit.TIME;
        }
        return classesLeft() == 0 ? Limit.CLASSES : Limit.NONE;
    }

    /** What the running search stores: "classes" or "markings". */
    public String unit() {
        return unit;
    }

    void charge(long stored) {
        spent.addAndGet(stored);
    }

    /**
     * Whether {@code bytes} more can be allocated, in one array, leaving the reserve free: a tenth
     * of the heap, at least 8 MB, for the statistics, the witness run and the output.
     */
    boolean fits(long bytes) {
        if (bytes <= 0) {
            return true;
        }
        if (fitsNow(bytes)) {
            return true;
        }
        memory.collect();
        return fitsNow(bytes);
    }

    private boolean fitsNow(long bytes) {
        long max = memory.maxHeap();
        long reserve = Math.max(8L << 20, max / 10);
        return bytes <= max - memory.usedHeap() - reserve && bytes <= memory.largestAllocation() - reserve;
    }

    /** Why a search stopped, in the user's words. */
    public String reason(Limit limit) {
        return switch (limit) {
            case NONE -> "complete";
            case CLASSES -> String.format(Locale.ROOT, "the class budget of the command (--max-classes %,d) was used up",
                    maxClasses);
            case TIME -> shareReason != null && System.nanoTime() - startNanos < (long) (timeoutSeconds * 1e9)
                    ? shareReason
                    : "the time budget of the command (--timeout " + seconds(timeoutSeconds) + " s) ran out";
            case MEMORY -> String.format(Locale.ROOT, "the heap (%s) would not hold the next step; give Java more"
                    + " memory (CADENZA_JAVA_OPTS=-Xmx…) or set --max-classes", bytes(memory.maxHeap()));
            case TOKENS -> "a place would hold more than 2^62 tokens";
        };
    }

    /** "6.0 GB", "512 MB". */
    public static String bytes(long b) {
        if (b >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", b / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%d MB", b >> 20);
    }

    private static String seconds(double s) {
        return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
    }
}

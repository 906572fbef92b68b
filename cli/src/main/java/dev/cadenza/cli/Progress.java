package dev.cadenza.cli;

import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.limit.MemoryProbe;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/**
 * Progress lines on stderr while a command runs: nothing for the first two seconds, then once a
 * second (every 5 s after a minute, every 30 s after ten), each line what the command has done
 * so far and what is left of its budget:
 * <pre>
 * cadenza check: 14 s, 1,234,567 classes (88,183/s), heap 1.2 GB of 6.0 GB, left: 765,433 classes, 46 s
 * </pre>
 * A daemon thread reads the budget's counters (published by the searches every 1024 classes),
 * so any phase of any command is covered, exploring or not. A command that printed progress ends
 * with one more line: its time, what its searches stored, its peak heap. Started and stopped around every
 * command by {@link Cadenza}; {@code --quiet} turns it off.
 */
final class Progress implements AutoCloseable {

    static final double FIRST_AFTER = 2;

    private final PrintWriter err;
    private final String command;
    private final Budget budget;
    private final MemoryProbe memory;
    private final DoubleSupplier clock;
    private final Thread thread;
    private final double firstAfter;
    private volatile boolean done;
    /** A line was printed: the command was long enough for a last one, with the peak heap. */
    private volatile boolean printed;
    private long lastClasses;
    private double lastSeconds;

    /**
     * {@code budget} may be null (a command that does not explore): lines then say time and heap.
     */
    Progress(PrintWriter err, String command, Budget budget, double firstAfter) {
        this(err, command, budget, budget == null ? MemoryProbe.jvm() : budget.memory(), null, firstAfter);
    }

    /** For tests: a clock of our own and no thread; call {@link #line()} by hand. */
    Progress(PrintWriter err, String command, Budget budget, MemoryProbe memory, DoubleSupplier clock) {
        this(err, command, budget, memory, clock, FIRST_AFTER);
    }

    private Progress(PrintWriter err, String command, Budget budget, MemoryProbe memory, DoubleSupplier clock,
                     double firstAfter) {
        this.firstAfter = firstAfter;
        this.err = err;
        this.command = command;
        this.budget = budget;
        this.memory = memory;
        long start = System.nanoTime();
        this.clock = clock != null ? clock : () -> (System.nanoTime() - start) / 1e9;
        this.thread = clock != null ? null : new Thread(this::run, "cadenza-progress");
    }

    Progress start() {
        if (thread != null) {
            thread.setDaemon(true);
            thread.start();
        }
        return this;
    }

    private void run() {
        double next = firstAfter;
        try {
            while (!done) {
                double now = clock.getAsDouble();
                if (now < next) {
                    Thread.sleep(Math.max(1, (long) ((next - now) * 1000)));
                    continue;
                }
                String line = line();
                synchronized (err) {
                    if (done) {
                        return;
                    }
                    err.println(line);
                    err.flush();
                    printed = true;
                }
                next = now + (now < 60 ? 1 : now < 600 ? 5 : 30);
            }
        } catch (InterruptedException e) {
            // closed: nothing more to say
        }
    }

    /** The line for now. */
    String line() {
        double seconds = clock.getAsDouble();
        StringBuilder b = new StringBuilder("cadenza ").append(command).append(": ")
                .append(String.format(Locale.ROOT, "%.0f s", seconds));
        if (budget != null && budget.classesUsed() > 0) {
            long classes = budget.classesUsed();
            double rate = seconds > lastSeconds ? (classes - lastClasses) / (seconds - lastSeconds) : 0;
            lastClasses = classes;
            lastSeconds = seconds;
            b.append(String.format(Locale.ROOT, ", %,d %s (%,.0f/s)", classes, budget.unit(), rate));
        }
        b.append(", heap ").append(Budget.bytes(memory.usedHeap())).append(" of ").append(Budget.bytes(memory.maxHeap()));
        if (budget != null && (budget.limitsClasses() || budget.limitsTime())) {
            b.append(", left:");
            if (budget.limitsClasses()) {
                b.append(String.format(Locale.ROOT, " %,d %s", budget.classesLeft(), budget.unit()));
            }
            if (budget.limitsTime()) {
                b.append(budget.limitsClasses() ? "," : "")
                        .append(String.format(Locale.ROOT, " %.0f s", Math.ceil(budget.secondsLeft())));
            }
        }
        return b.toString();
    }

    @Override
    public void close() {
        done = true;
        if (thread != null) {
            thread.interrupt();
            try {
                // a line being printed is finished before the command's own last words
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (printed) {
                synchronized (err) {
                    err.println(last());
                    err.flush();
                }
            }
        }
    }

    /**
     * The last line of a command that showed progress: time, what all its searches stored, and
     * the peak heap (the sum of each heap pool's peak, an upper bound; JSON says it as
     * {@code peak_heap_bytes}).
     */
    String last() {
        StringBuilder b = new StringBuilder("cadenza ").append(command).append(": done in ")
                .append(String.format(Locale.ROOT, "%.0f s", clock.getAsDouble()));
        if (budget != null && budget.classesUsed() > 0) {
            b.append(String.format(Locale.ROOT, ", %,d %s", budget.classesUsed(), budget.unit()));
        }
        return b.append(", peak heap ").append(Budget.bytes(JsonValues.peakHeap())).toString();
    }
}

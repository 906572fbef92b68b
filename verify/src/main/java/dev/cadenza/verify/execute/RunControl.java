package dev.cadenza.verify.execute;

/**
 * A handle on a run from another thread: {@link #interrupt()} (Ctrl-C) asks it to stop cleanly —
 * nothing new starts, running actions are stopped — and it ends {@code stopped: interrupted},
 * with its events so far.
 */
public final class RunControl {

    private volatile Execution execution;
    private volatile boolean interrupted;

    void attach(Execution x) {
        execution = x;
        if (interrupted) {
            x.interrupt();
        }
    }

    public void interrupt() {
        interrupted = true;
        Execution x = execution;
        if (x != null) {
            x.interrupt();
        }
    }

    public boolean interrupted() {
        return interrupted;
    }
}

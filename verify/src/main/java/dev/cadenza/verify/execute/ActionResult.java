package dev.cadenza.verify.execute;

/**
 * What one action of a real run did: the transition it stands for, its command, when it started
 * and ended (seconds from the start of the run; end NaN when it never ended), its exit status
 * (null when it was stopped), whether it was stopped at its timeout or by an interrupt, and the
 * last lines of its output (stdout and stderr together).
 */
public record ActionResult(String instance, String transition, String command, double start, double end,
                           Integer exitStatus, boolean timedOut, boolean interrupted, String outputTail) {

    public String label() {
        return instance + "." + transition;
    }

    public boolean succeeded() {
        return exitStatus != null && exitStatus == 0;
    }

    public double duration() {
        return end - start;
    }
}

package dev.cadenza.cli;

import picocli.CommandLine.Option;

/**
 * {@code --no-replay} (check, report, bounds of a model): the net's verdicts as the net gives them. By default every
 * verdict that rests on one run of the net (a deadlock, a counterexample, a witness, the fastest
 * and slowest runs of bounds) is replayed in the executor first, and one the runtime's loop does
 * not reproduce is inconclusive, or a bound only (docs/verify.md, "Zero-time moves") — unless
 * the runtime's state space, explored where a replay fails, settles it ({@code --no-state-space}
 * skips that; docs/verify.md, "The runtime's state space").
 */
final class ReplayOption {

    @Option(names = "--no-replay", description = "Report the net's verdicts without replaying their runs in the"
            + " executor (by default a deadlock, counterexample or witness the runtime's loop does not reproduce is"
            + " inconclusive, and a bound it does not attain is only a bound).")
    boolean off;

    @Option(names = "--no-state-space", description = "Where a replay fails, do not explore the runtime's state space"
            + " (every run of its loop) to settle the verdict; it stays inconclusive, or a bound only. The"
            + " exploration may take long on a large model.")
    boolean noStateSpace;

    boolean on() {
        return !off;
    }

    boolean stateSpace() {
        return !noStateSpace;
    }

    /** A net (.net) has no runtime to replay in: the options are refused rather than ignored. */
    void refuseFor(java.nio.file.Path file) {
        if (off || noStateSpace) {
            throw new UserInputException(file + ": " + (off ? "--no-replay" : "--no-state-space")
                    + " applies to a model (.cdz), whose runs the runtime replays; a net's bounds are the net's");
        }
    }
}

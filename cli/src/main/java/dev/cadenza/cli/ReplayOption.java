package dev.cadenza.cli;

import picocli.CommandLine.Option;

/**
 * {@code --no-replay} (check, report): a deadlock the net reaches is reported as violated without
 * being replayed in the executor first. By default it is replayed, and one the runtime's loop
 * does not reproduce is inconclusive (docs/verify.md, "Zero-time moves").
 */
final class ReplayOption {

    @Option(names = "--no-replay", description = "Report the net's deadlocks as violated without replaying them in"
            + " the executor (by default one the runtime's loop does not reproduce is inconclusive).")
    boolean off;

    boolean on() {
        return !off;
    }
}

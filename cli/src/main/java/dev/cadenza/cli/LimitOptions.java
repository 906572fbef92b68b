package dev.cadenza.cli;

import dev.cadenza.petri.classes.ExplorationLimits;
import dev.cadenza.petri.classes.ProgressListener;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Locale;

/** --max-classes and --timeout, shared by the commands that explore state classes. */
final class LimitOptions {

    @Option(names = {"--max-classes", "--max-states"}, paramLabel = "N",
            description = "Stop after N classes (for bounds: N classes with the elapsed-time variable, per search)"
                    + " (exit 3, partial statistics).")
    Long maxClasses;

    @Option(names = "--timeout", paramLabel = "S", description = "Stop after S seconds (exit 3, partial statistics).")
    Double timeout;

    ExplorationLimits limits(String command) {
        ExplorationLimits l = ExplorationLimits.NONE;
        if (maxClasses != null) {
            if (maxClasses < 1) {
                throw new UserInputException("cadenza " + command + ": --max-classes must be at least 1, not " + maxClasses);
            }
            l = l.withMaxClasses(maxClasses);
        }
        if (timeout != null) {
            if (!(timeout > 0)) {
                throw new UserInputException("cadenza " + command + ": --timeout must be a positive number of seconds, not "
                        + timeout);
            }
            l = l.withMaxSeconds(timeout);
        }
        return l;
    }

    /** Progress lines on stderr, only once a run has taken more than 2 seconds. */
    static ProgressListener progress(PrintWriter err, String command) {
        return (classes, edges, seconds) -> {
            if (seconds > 2) {
                err.printf(Locale.ROOT, "%s: %,d classes, %,.0f classes/s, %.1f s%n", command, classes,
                        classes / seconds, seconds);
                err.flush();
            }
        };
    }
}

package dev.cadenza.cli;

import dev.cadenza.petri.limit.Budget;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --max-classes} and {@code --timeout}: the command's {@link Budget}, shared by every
 * search it runs. Without them the only limit is memory.
 */
final class LimitOptions {

    @Spec(Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    Long maxClasses;
    Double timeout;
    private Budget budget;

    @Option(names = {"--max-classes", "--max-states"}, paramLabel = "N",
            description = "Store at most N classes (or markings) over all the searches of the command; at the limit"
                    + " the answer is inconclusive (exit 3) with the statistics so far. Default: no limit but memory.")
    void maxClasses(long n) {
        if (n < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--max-classes must be at least 1, not " + n);
        }
        maxClasses = n;
    }

    @Option(names = "--timeout", paramLabel = "S",
            description = "Stop the command's searches S seconds after it started; the answers not settled by then"
                    + " are inconclusive (exit 3) with the statistics so far. Default: no time limit.")
    void timeout(double seconds) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--timeout must be a positive number of seconds, not " + seconds);
        }
        timeout = seconds;
    }

    /** The command's budget, started at the first call (the command's start: {@link Cadenza} calls it first). */
    Budget budget() {
        if (budget == null) {
            budget = Budget.of(maxClasses == null ? Budget.NO_CLASS_LIMIT : maxClasses,
                    timeout == null ? Double.POSITIVE_INFINITY : timeout);
        }
        return budget;
    }
}

package dev.cadenza.cli;

import dev.cadenza.petri.limit.Budget;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * The root command. Subcommands are one class each and return their exit code:
 * 0 everything holds / done, 1 a property is violated, 2 bad input or usage, 3 a limit was reached,
 * 70 a bug of ours (an internal error, reported in one line).
 */
@Command(name = "cadenza",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Checks the commissioning and reconfiguration of distributed software:"
                + " Madeus assemblies and Concerto programs, compiled to time Petri nets.",
        subcommands = {
                CommandLine.HelpCommand.class,
                CheckCommand.class,
                ExploreCommand.class,
                BoundsCommand.class,
                ExportCommand.class,
                GanttCommand.class,
                DrawCommand.class,
                ReportCommand.class,
                SensitivityCommand.class,
        })
public final class Cadenza implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return ExitCode.OK;
    }

    public static CommandLine commandLine() {
        return commandLine(Progress.FIRST_AFTER);
    }

    /** With the first progress line after {@code progressAfter} seconds (tests: never, or at once). */
    static CommandLine commandLine(double progressAfter) {
        CommandLine cl = new CommandLine(new Cadenza());
        cl.setExecutionExceptionHandler(new ErrorReporter());
        cl.setParameterExceptionHandler(ErrorReporter::onUsageError);
        cl.setExecutionStrategy(parsed -> execute(parsed, progressAfter));
        return cl;
    }

    /**
     * Runs the chosen command inside what every command shares: its budget started first (so
     * that {@code --timeout} counts from the start), progress lines unless {@code --quiet}, and,
     * as the last resort under the memory guards and the parsers' depth limits, one line and
     * exit 3 for an OutOfMemoryError or StackOverflowError instead of a stack trace.
     */
    private static int execute(CommandLine.ParseResult parsed, double progressAfter) {
        CommandLine.ParseResult leaf = parsed;
        while (leaf.subcommand() != null) {
            leaf = leaf.subcommand();
        }
        CommandLine.Model.CommandSpec spec = leaf.commandSpec();
        Budget budget = null;
        boolean quiet = false;
        for (CommandLine.Model.CommandSpec mixin : spec.mixins().values()) {
            if (mixin.userObject() instanceof LimitOptions l) {
                budget = l.budget();
            } else if (mixin.userObject() instanceof QuietOption q) {
                quiet = q.quiet;
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = quiet || leaf == parsed || Double.isInfinite(progressAfter) ? null
                : new Progress(err, spec.name(), budget, progressAfter).start();
        try {
            return new CommandLine.RunLast().execute(parsed);
        } catch (OutOfMemoryError e) {
            close(progress);
            err.println("cadenza " + spec.name() + ": out of memory (the heap is " + Budget.bytes(Runtime.getRuntime()
                    .maxMemory()) + ") outside the guarded searches; give Java more memory"
                    + " (CADENZA_JAVA_OPTS=-Xmx…) or ask about a smaller model");
            err.flush();
            return ExitCode.INCONCLUSIVE;
        } catch (StackOverflowError e) {
            close(progress);
            err.println("cadenza " + spec.name() + ": the input nests too deeply for the stack; give Java a larger"
                    + " one (CADENZA_JAVA_OPTS=-Xss64m) or flatten the input");
            err.flush();
            return ExitCode.INCONCLUSIVE;
        } finally {
            close(progress);
        }
    }

    private static void close(Progress p) {
        if (p != null) {
            p.close();
        }
    }

    public static void main(String[] args) {
        int exit;
        try {
            exit = commandLine().execute(args);
        } catch (RuntimeException | Error e) {
            // a failure in the error handling itself: still one line, and the code of a bug of ours
            System.err.println("cadenza: internal error: " + e);
            exit = ExitCode.INTERNAL_ERROR;
        }
        System.exit(exit);
    }
}

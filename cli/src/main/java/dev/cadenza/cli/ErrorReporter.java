package dev.cadenza.cli;

import dev.cadenza.verify.LimitReachedException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Turns failures into one line on stderr and an exit code, never a stack trace.
 * Input errors of every module are recognised by their message already carrying
 * "file:line:col: …" (exit 2); a search the command needed cut by its budget is exit 3 with
 * the reason; anything unexpected is a bug of ours: an internal error (exit 70), reported with
 * its class so that a bug report can name it ({@code CADENZA_DEBUG=1} adds the stack trace).
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {


    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (InputErrors.isInputError(ex)) {
            err.println(ex.getMessage());
            err.flush();
            return ExitCode.BAD_INPUT;
        }
        if (ex instanceof LimitReachedException cut) {
            err.println(String.format(Locale.ROOT, "cadenza %s: inconclusive: %s (%,d classes)",
                    cl.getCommandName(), cut.reason(), cut.statistics().states()));
            err.flush();
            return ExitCode.INCONCLUSIVE;
        }
        err.println("cadenza: internal error: " + ex);
        err.flush();
        if (System.getenv("CADENZA_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        return ExitCode.INTERNAL_ERROR;
    }

    static int onUsageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("cadenza: " + ex.getMessage() + " (see '" + cl.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return ExitCode.BAD_INPUT;
    }
}

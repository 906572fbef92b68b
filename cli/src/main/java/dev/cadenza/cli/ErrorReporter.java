package dev.cadenza.cli;

import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Turns failures into one line on stderr and an exit code, never a stack trace.
 * Input errors of every module are recognised by their message already carrying
 * "file:line:col: …"; anything unexpected is an internal error (exit 70), reported
 * with its class so that a bug report can name it.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    static final int INTERNAL_ERROR = 70;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (InputErrors.isInputError(ex)) {
            err.println(ex.getMessage());
            err.flush();
            return ExitCode.BAD_INPUT;
        }
        err.println("cadenza: internal error: " + ex);
        err.flush();
        if (System.getenv("CADENZA_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        return INTERNAL_ERROR;
    }

    static int onUsageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("cadenza: " + ex.getMessage() + " (see '" + cl.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return ExitCode.BAD_INPUT;
    }
}

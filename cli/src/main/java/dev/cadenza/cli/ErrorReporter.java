package dev.cadenza.cli;

import dev.cadenza.verify.LimitReachedException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns failures into one line on stderr and an exit code, never a stack trace.
 * Input errors of every module are recognised by their message already carrying
 * "file:line:col: …" (exit 2); a search the command needed cut by its budget is exit 3 with
 * the reason; anything unexpected is a bug of ours: an internal error (exit 70), reported with
 * its class so that a bug report can name it ({@code CADENZA_DEBUG=1} adds the stack trace).
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {


    /** {@code file:line:col: problem}, the shape of every input error's first line. */
    private static final Pattern POSITIONED = Pattern.compile("(.+?):(\\d+):(\\d+): (.*)");

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (InputErrors.isInputError(ex)) {
            err.println(ex.getMessage());
            err.flush();
            return json(cl, parsed, ex.getMessage(), ExitCode.BAD_INPUT);
        }
        if (ex instanceof LimitReachedException cut) {
            err.println(String.format(Locale.ROOT, "cadenza %s: inconclusive: %s (%,d classes)",
                    cl.getCommandName(), cut.reason(), cut.statistics().states()));
            err.flush();
            return json(cl, parsed, String.format(Locale.ROOT, "cadenza %s: inconclusive: %s (%,d classes)",
                    cl.getCommandName(), cut.reason(), cut.statistics().states()), ExitCode.INCONCLUSIVE);
        }
        err.println("cadenza: internal error: " + ex);
        err.flush();
        if (System.getenv("CADENZA_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        return json(cl, parsed, "cadenza: internal error: " + ex, ExitCode.INTERNAL_ERROR);
    }

    static int onUsageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        String message = "cadenza: " + ex.getMessage() + " (see '" + cl.getCommandSpec().qualifiedName() + " --help')";
        err.println(message);
        err.flush();
        if (java.util.Arrays.asList(args).contains("--json") && cl.getParent() != null) {
            Map<String, Object> o = JsonValues.envelope(cl.getCommandName(), null);
            o.put("error", error(message));
            return JsonValues.print(cl.getOut(), o, ExitCode.BAD_INPUT);
        }
        return ExitCode.BAD_INPUT;
    }

    /**
     * With {@code --json}, the object of docs/json.md ("Errors") on stdout as well: the envelope
     * and the error's first line split into file, line, column and problem. Returns {@code exit}.
     */
    private static int json(CommandLine cl, CommandLine.ParseResult parsed, String message, int exit) {
        CommandLine.ParseResult leaf = parsed;
        while (leaf.subcommand() != null) {
            leaf = leaf.subcommand();
        }
        if (!leaf.hasMatchedOption("--json")) {
            return exit;
        }
        Object value = leaf.matchedPositionals().isEmpty() ? null : leaf.matchedPositional(0).getValue();
        String file = value == null ? null : value.toString();
        Map<String, Object> o = JsonValues.envelope(leaf.commandSpec().name(), null);
        o.put("file", file);
        o.put("error", error(message));
        return JsonValues.print(cl.getOut(), o, exit);
    }

    private static Map<String, Object> error(String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("message", message);
        String first = message.lines().findFirst().orElse("");
        Matcher m = POSITIONED.matcher(first);
        if (m.matches()) {
            e.put("file", m.group(1));
            e.put("line", Integer.parseInt(m.group(2)));
            e.put("column", Integer.parseInt(m.group(3)));
            e.put("problem", m.group(4));
        } else {
            int colon = first.indexOf(": ");
            e.put("file", colon > 0 && !first.startsWith("cadenza") ? first.substring(0, colon) : null);
            e.put("line", null);
            e.put("column", null);
            e.put("problem", colon > 0 ? first.substring(colon + 2) : first);
        }
        return e;
    }
}

package dev.cadenza.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/**
 * The root command. Subcommands are one class each and return their exit code:
 * 0 everything holds / done, 1 a property is violated, 2 bad input or usage, 3 a limit was reached.
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
                SimulateCommand.class,
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
        CommandLine cl = new CommandLine(new Cadenza());
        cl.setExecutionExceptionHandler(new ErrorReporter());
        cl.setParameterExceptionHandler(ErrorReporter::onUsageError);
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}

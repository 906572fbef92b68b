package dev.cadenza.cli;

import dev.cadenza.core.model.Model;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code cadenza check MODEL}: reads and validates a model (every problem on its own line on
 * stderr, exit 2; warnings printed, not fatal), then reports what it holds and the properties
 * its verify blocks ask. Verdicts come when the verification engine is plugged in here.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validates a model and checks the properties of its verify blocks.")
final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "the model file (.cdz)")
    Path model;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Model m = ModelFiles.load(model, warning -> err.println(warning));
        err.flush();
        ModelSummary summary = ModelSummary.of(m);
        out.print(json ? Json.write(summary.json()) + "\n" : summary.text());
        out.flush();
        return ExitCode.OK;
    }
}

package dev.cadenza.cli;

import dev.cadenza.cli.picture.AssemblyDiagram;
import dev.cadenza.cli.picture.GraphvizRenderer;
import dev.cadenza.cli.picture.NetDiagram;
import dev.cadenza.core.model.Model;
import guru.nidi.graphviz.model.MutableGraph;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code cadenza draw FILE -o OUT}: a picture of a model's assembly or program (Madeus style),
 * or of a Petri net ({@code .net}, {@code .pnml}); OUT's ending picks SVG, PNG or DOT text.
 */
@Command(name = "draw", mixinStandardHelpOptions = true,
        description = "Draws an assembly or program of a model (.cdz), or a Petri net (.net, .pnml).")
final class DrawCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a model (.cdz), a TINA net (.net) or a PNML net (.pnml)")
    Path file;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
            description = "the picture to write: .svg, .png or .dot")
    Path output;

    @CommandLine.ArgGroup(exclusive = true)
    Subject subject;

    @CommandLine.Mixin
    ModelOptions modelOptions = new ModelOptions();

    @CommandLine.Mixin
    QuietOption quiet = new QuietOption();

    static final class Subject {
        @Option(names = "--assembly", paramLabel = "A", description = "the assembly to draw (default: the first)")
        String assembly;

        @Option(names = "--program", paramLabel = "P", description = "the program whose components and connections to draw")
        String program;
    }

    @Override
    public Integer call() {
        if (GraphvizRenderer.Output.of(output) == null) {
            throw new UserInputException(output + ": cannot tell the picture format; end the file name with .svg, .png or .dot");
        }
        var engine = GraphvizRenderer.write(graph(), output);
        // which engine ran: the bundled one is slow to start, and the way out is one install away
        spec.commandLine().getOut().println(output + ": " + engine.map(e -> "laid out by " + e.description())
                .orElse("the Graphviz text (no layout)"));
        return ExitCode.OK;
    }

    private MutableGraph graph() {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".cdz")) {
            if (subject != null) {
                throw new UserInputException(file + ": --assembly and --program apply to models (.cdz), not nets");
            }
            modelOptions.refuseFor(file);
            return NetDiagram.of(NetFiles.load(file));
        }
        Model model = modelOptions.load(file);
        modelOptions.printApplied(spec.commandLine().getErr());
        if (subject != null && subject.program != null) {
            return AssemblyDiagram.of(model, model.program(subject.program).orElseThrow(() ->
                    new UserInputException(file + ": no program named " + subject.program + names(model, false))));
        }
        if (subject != null && subject.assembly != null) {
            return AssemblyDiagram.of(model, model.assembly(subject.assembly).orElseThrow(() ->
                    new UserInputException(file + ": no assembly named " + subject.assembly + names(model, true))));
        }
        if (!model.assemblies().isEmpty()) {
            return AssemblyDiagram.of(model, model.assemblies().get(0));
        }
        if (!model.programs().isEmpty()) {
            return AssemblyDiagram.of(model, model.programs().get(0));
        }
        throw new UserInputException(file + ": nothing to draw: the model has no assembly and no program");
    }

    private static String names(Model model, boolean assemblies) {
        var names = assemblies
                ? model.assemblies().stream().map(a -> a.name()).toList()
                : model.programs().stream().map(p -> p.name()).toList();
        return names.isEmpty() ? " (it has none)" : " (it has " + String.join(", ", names) + ")";
    }
}

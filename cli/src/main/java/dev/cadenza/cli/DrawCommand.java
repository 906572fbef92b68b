package dev.cadenza.cli;

import dev.cadenza.cli.picture.AssemblyDiagram;
import dev.cadenza.cli.picture.AssemblyHighlight;
import dev.cadenza.cli.picture.GraphvizRenderer;
import dev.cadenza.cli.picture.NetDiagram;
import dev.cadenza.core.model.Assembly;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.Program;
import dev.cadenza.verify.engine.StateClassEngine;
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

    @Option(names = "--critical", description = "mark the critical path of the slowest run (thick, framed transitions); models only")
    boolean critical;

    @picocli.CommandLine.Mixin
    ReductionOption reduction = new ReductionOption();

    @CommandLine.Mixin
    LimitOptions limitOptions = new LimitOptions();

    @CommandLine.Mixin
    ModelOptions modelOptions = new ModelOptions();

    @CommandLine.Mixin
    QuietOption quiet = new QuietOption();

    @Option(names = "--json", description = "Print one JSON object (docs/json.md): what was drawn, where.")
    boolean json;

    /** What {@link #graph()} drew: "assembly", "program" or "net", and the assembly or program's name. */
    private String drawing;
    private String drawn;

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
        MutableGraph graph;
        try {
            graph = graph();
        } catch (LimitReached e) {
            spec.commandLine().getErr().println("cadenza draw: --critical: " + e.getMessage() + " No picture.");
            return ExitCode.INCONCLUSIVE;
        }
        var engine = GraphvizRenderer.write(graph, output);
        String layout = engine.map(e -> "laid out by " + e.description()).orElse("the Graphviz text (no layout)");
        if (json) {
            java.util.Map<String, Object> o = JsonValues.envelope("draw", file);
            o.put("output", output.toString());
            o.put("format", GraphvizRenderer.Output.of(output).name().toLowerCase(Locale.ROOT));
            o.put("layout", layout);
            o.put("drawing", drawing);
            o.put("subject", drawn);
            o.put("nodes", count(graph, true));
            o.put("edges", count(graph, false));
            return JsonValues.print(spec.commandLine().getOut(), o, ExitCode.OK);
        }
        // which engine ran: the bundled one is slow to start, and the way out is one install away
        spec.commandLine().getOut().println(output + ": " + layout);
        return ExitCode.OK;
    }

    /** The nodes (or the edges) of the graph and its subgraphs. */
    private static int count(MutableGraph g, boolean nodes) {
        int n = 0;
        for (var node : g.nodes()) {
            n += nodes ? 1 : node.links().size();
        }
        for (MutableGraph sub : g.graphs()) {
            n += count(sub, nodes);
        }
        return n;
    }

    private MutableGraph graph() {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".cdz")) {
            if (subject != null || critical) {
                throw new UserInputException(file + ": --assembly, --program and --critical apply to models (.cdz), not nets");
            }
            modelOptions.refuseFor(file);
            drawing = "net";
            return NetDiagram.of(NetFiles.load(file));
        }
        Model model = modelOptions.load(file);
        modelOptions.printApplied(spec.commandLine().getErr());
        if (subject != null && subject.program != null) {
            drawing = "program";
            drawn = subject.program;
            Program p = model.program(subject.program).orElseThrow(() ->
                    new UserInputException(file + ": no program named " + subject.program + names(model, false)));
            return AssemblyDiagram.of(model, p, highlight(model, p.name()));
        }
        if (subject != null && subject.assembly != null) {
            drawing = "assembly";
            drawn = subject.assembly;
            Assembly a = model.assembly(subject.assembly).orElseThrow(() ->
                    new UserInputException(file + ": no assembly named " + subject.assembly + names(model, true)));
            return AssemblyDiagram.of(model, a, highlight(model, a.name()));
        }
        if (!model.assemblies().isEmpty()) {
            drawing = "assembly";
            drawn = model.assemblies().get(0).name();
            Assembly a = model.assemblies().get(0);
            return AssemblyDiagram.of(model, a, highlight(model, a.name()));
        }
        if (!model.programs().isEmpty()) {
            drawing = "program";
            drawn = model.programs().get(0).name();
            Program p = model.programs().get(0);
            return AssemblyDiagram.of(model, p, highlight(model, p.name()));
        }
        throw new UserInputException(file + ": nothing to draw: the model has no assembly and no program");
    }

    /** With {@code --critical}: the transitions on the critical path of the subject's slowest run. */
    private AssemblyHighlight highlight(Model model, String name) {
        if (!critical) {
            return AssemblyHighlight.NONE;
        }
        dev.cadenza.verify.Subject s = reduction.subject(model, name, limitOptions.budget());
        BoundsChart chart;
        try {
            chart = BoundsChart.of(s, null, false);
        } catch (dev.cadenza.verify.LimitReachedException e) {
            throw new LimitReached("inconclusive: " + e.reason() + ".");
        }
        if (!chart.report().complete()) {
            throw new LimitReached("inconclusive: " + s.budget().reason(chart.report().statistics().limit()) + " ("
                    + chart.report().statistics().states() + " classes).");
        }
        if (!chart.report().reachable()) {
            throw new UserInputException(file + ": " + name + " never finishes: it has no critical path to mark");
        }
        return AssemblyHighlight.critical(ScheduleRows.names(chart.report().criticalPath()));
    }

    /** The bounds search behind --critical was cut: no picture, exit 3. */
    private static final class LimitReached extends RuntimeException {
        LimitReached(String message) {
            super(message);
        }
    }

    private static String names(Model model, boolean assemblies) {
        var names = assemblies
                ? model.assemblies().stream().map(a -> a.name()).toList()
                : model.programs().stream().map(p -> p.name()).toList();
        return names.isEmpty() ? " (it has none)" : " (it has " + String.join(", ", names) + ")";
    }
}

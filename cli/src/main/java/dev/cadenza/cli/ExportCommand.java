package dev.cadenza.cli;

import dev.cadenza.core.model.Model;
import dev.cadenza.petri.io.PnmlWriter;
import dev.cadenza.petri.io.TinaNetWriter;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.engine.StateClassEngine;
import dev.cadenza.verify.translate.TranslatedNet;
import dev.cadenza.verify.translate.TranslationOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code cadenza export MODEL [--program P | --assembly A] --format net|pnml|dot [-o F]}: the
 * time Petri net a program or assembly compiles to, as TINA .net, as a PNML P/T net (untimed:
 * {@link PnmlWriter} says how read and inhibitor arcs are written), or as a Graphviz graph.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes the time Petri net of a program or assembly (TINA .net, PNML, or dot).",
                "pnml: a P/T net without time (the net of --untimed), read arcs as self-loops, inhibitor arcs"
                        + " as TAPAAL reads them (type=\"inhibitor\") and as the 2009 special-arcs extension writes"
                        + " them; for cross-checks of deployable untimed with TAPAAL."})
final class ExportCommand implements Callable<Integer> {

    enum Format { net, pnml, dot }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "the model file (.cdz)")
    Path model;

    @picocli.CommandLine.Mixin
    ReductionOption reduction = new ReductionOption();

    @CommandLine.Mixin
    SubjectChoice subject = new SubjectChoice();

    @Option(names = "--format", required = true, description = "net (TINA), pnml (P/T net, untimed) or dot (Graphviz)")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "F", description = "write here instead of stdout")
    Path output;

    @CommandLine.Mixin
    ModelOptions modelOptions = new ModelOptions();

    @Option(names = "--untimed", description = "every interval [0,w[")
    boolean untimed;

    @Option(names = "--no-fuse", description = "keep every instantaneous move a transition of its own")
    boolean noFuse;

    /** A program {@code after} another starts from that one's final state, found by a search. */
    @CommandLine.Mixin
    LimitOptions limitOptions = new LimitOptions();

    @CommandLine.Mixin
    QuietOption quiet = new QuietOption();

    @Option(names = "--json", description = "Print one JSON object (docs/json.md): the net's size and, without -o,"
            + " its text.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        Model m = modelOptions.load(model);
        modelOptions.printApplied(spec.commandLine().getErr());
        // a program 'after' another starts from the other's final state: Subject finds it
        Subject s = new Subject(m, subject.of(m), reduction.engine(), limitOptions.budget(),
                TranslationOptions.DEFAULT.withFuse(!noFuse)).reduction(reduction.on());
        // a P/T net has no time: PNML is always the untimed net
        boolean pt = format == Format.pnml;
        TranslatedNet tn = s.net(untimed || pt ? Subject.Mode.UNTIMED : Subject.Mode.TIMED);
        String text = switch (format) {
            case net -> TinaNetWriter.write(tn.net());
            case pnml -> PnmlWriter.write(tn.net());
            case dot -> NetDot.of(tn.net(), tn.backMap());
        };
        if (pt && PnmlWriter.hasInhibitorArcs(tn.net())) {
            spec.commandLine().getErr().println("cadenza export: the net has inhibitor arcs (written as TAPAAL reads"
                    + " them); tools without inhibitor arcs, such as LoLA, would misread it");
        }
        if (output != null) {
            OutputFile.write(output, text);
        }
        if (json) {
            java.util.Map<String, Object> o = JsonValues.envelope("export", model);
            o.put("subject", s.name());
            o.put("semantics", m.semantics().keyword());
            o.put("step", ModelOptions.stepJson(m));
            o.put("overrides", modelOptions.json());
            o.put("format", format.name());
            o.put("output", output == null ? null : output.toString());
            o.put("places", tn.net().placeCount());
            o.put("transitions", tn.net().transitionCount());
            o.put("arcs", tn.net().transitions().stream().mapToInt(t -> t.inputs().size() + t.outputs().size()).sum());
            o.put("text", output == null ? text : null);
            o.put("statistics", JsonValues.command(limitOptions.budget(), dev.cadenza.petri.limit.Limit.NONE));
            return JsonValues.print(spec.commandLine().getOut(), o, ExitCode.OK);
        }
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        }
        return ExitCode.OK;
    }
}

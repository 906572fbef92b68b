package dev.cadenza.cli;

import dev.cadenza.core.model.Model;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code cadenza export MODEL [--program P | --assembly A] --format net|dot [-o F]}: the time
 * Petri net a program or assembly compiles to, as TINA .net or as a Graphviz graph.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes the time Petri net of a program or assembly (TINA .net, or dot).")
final class ExportCommand implements Callable<Integer> {

    enum Format { net, dot }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "the model file (.cdz)")
    Path model;

    @CommandLine.Mixin
    SubjectChoice subject = new SubjectChoice();

    @Option(names = "--format", required = true, description = "net (TINA) or dot (Graphviz)")
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

    @Override
    public Integer call() throws IOException {
        Model m = modelOptions.load(model);
        modelOptions.printApplied(spec.commandLine().getErr());
        // a program 'after' another starts from the other's final state: Subject finds it
        Subject s = new Subject(m, subject.of(m), new StateClassEngine(), limitOptions.budget(),
                TranslationOptions.DEFAULT.withFuse(!noFuse));
        TranslatedNet tn = s.net(untimed ? Subject.Mode.UNTIMED : Subject.Mode.TIMED);
        String text = format == Format.net ? TinaNetWriter.write(tn.net()) : NetDot.of(tn.net(), tn.backMap());
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        }
        return ExitCode.OK;
    }
}

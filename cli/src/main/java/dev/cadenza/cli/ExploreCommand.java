package dev.cadenza.cli;

import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.classes.ClassGraphStatistics;
import dev.cadenza.petri.classes.StateClassGraph;
import dev.cadenza.petri.reach.ExplorationStatistics;
import dev.cadenza.petri.reach.MarkingGraph;
import dev.cadenza.petri.reach.MarkingGraphExplorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code cadenza explore FILE}: the state class graph of a time Petri net, or the marking graph
 * of a net without time (or with --untimed), counted. The marking graph has its own explorer
 * (packed markings, no domains), which is much faster than state classes with trivial domains.
 */
@Command(name = "explore",
        mixinStandardHelpOptions = true,
        description = {
                "Explores the state space of a net and prints its statistics.",
                "By default the linear state class graph (Berthomieu-Diaz, as TINA's default): classes,"
                        + " distinct markings among them, edges (one per class and firable transition),"
                        + " dead classes.",
                "With --untimed, the marking graph: every reachable marking once, one edge per marking"
                        + " and fired transition (as the Model Checking Contest counts them).",
                "A PNML P/T net has no time, so its marking graph is given even without --untimed.",
                "A model (.cdz) is translated first: the net of its first program (or --program/--assembly),"
                        + " every interval [0,w[ with --untimed; the counts are those of the exported net.",
                "Exit codes: 0 explored completely, 2 bad input, 3 a limit was reached (what was found"
                        + " so far is printed)."},
        sortOptions = false)
final class ExploreCommand implements Callable<Integer> {

    enum Witness { dead }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A TINA time Petri net (.net), a PNML P/T net (.pnml), or a model (.cdz).")
    Path file;

    @Mixin
    SubjectChoice subject = new SubjectChoice();

    @Mixin
    ModelOptions modelOptions = new ModelOptions();

    @Option(names = "--untimed", description = "Ignore time: explore the marking graph.")
    boolean untimed;

    @Option(names = "--json", description = "Print one JSON object: classes (timed), markings, edges, dead,"
            + " complete, seconds; untimed also places, transitions, max_tokens (and witness).")
    boolean json;

    @Mixin
    LimitOptions limitOptions = new LimitOptions();

    @Mixin
    QuietOption quiet = new QuietOption();

    @Option(names = "--witness", paramLabel = "dead",
            description = "Untimed: also print a shortest firing sequence to a dead marking, if there is one.")
    Witness witness;

    @Override
    public Integer call() {
        PetriNet net = net();
        if (untimed || net.isUntimed()) {
            return markingGraph(net);
        }
        if (witness != null) {
            throw new UserInputException("cadenza explore: --witness needs --untimed (or a net without time)");
        }
        return stateClasses(net);
    }

    /** The net of the file; a model's is its subject's translation (untimed with --untimed). */
    private PetriNet net() {
        if (!file.toString().toLowerCase(Locale.ROOT).endsWith(".cdz")) {
            modelOptions.refuseFor(file);
            if (subject.program != null || subject.assembly != null) {
                throw new UserInputException(file + ": --program and --assembly apply to models (.cdz), not nets");
            }
            return NetFiles.load(file);
        }
        PrintWriter err = spec.commandLine().getErr();
        var m = modelOptions.load(file, warning -> err.println(warning));
        modelOptions.printApplied(err);
        err.flush();
        var s = new dev.cadenza.verify.Subject(m, subject.of(m), new dev.cadenza.verify.engine.StateClassEngine(),
                limitOptions.budget());
        return s.net(untimed ? dev.cadenza.verify.Subject.Mode.UNTIMED : dev.cadenza.verify.Subject.Mode.TIMED).net();
    }

    private int stateClasses(PetriNet net) {
        ClassGraphStatistics s;
        try {
            s = new StateClassGraph(net).explore(limitOptions.budget());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new UserInputException(file + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonWriter w = new JsonWriter()
                    .field("classes", s.classes())
                    .field("markings", s.markings())
                    .field("edges", s.edges())
                    .field("dead", s.dead())
                    .field("complete", s.complete());
            if (!s.complete()) {
                w.field("stopped", limitOptions.budget().reason(s.limit()));
            }
            w.field("seconds", Math.round(s.seconds() * 1000) / 1000.0);
            out.println(w);
        } else {
            out.printf(Locale.ROOT, "net %s: %d places, %d transitions%n", net.name(), net.placeCount(),
                    net.transitionCount());
            out.println(s.complete() ? "state class graph: complete"
                    : "state class graph: INCOMPLETE, " + limitOptions.budget().reason(s.limit())
                    + " (the numbers are lower bounds)");
            out.printf(Locale.ROOT, "  classes      %,d%n", s.classes());
            out.printf(Locale.ROOT, "  markings     %,d%n", s.markings());
            out.printf(Locale.ROOT, "  edges        %,d%n", s.edges());
            out.printf(Locale.ROOT, "  dead         %,d%n", s.dead());
            out.printf(Locale.ROOT, "  seconds      %.3f%n", s.seconds());
        }
        out.flush();
        return s.complete() ? ExitCode.OK : ExitCode.INCONCLUSIVE;
    }

    private int markingGraph(PetriNet net) {
        MarkingGraph graph = new MarkingGraphExplorer(net).budget(limitOptions.budget()).explore();
        ExplorationStatistics s = graph.statistics();
        Optional<List<String>> path = witness == Witness.dead
                ? graph.firstDeadMarking().map(graph::pathNames)
                : Optional.empty();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(json(s, path));
        } else {
            text(out, net, s, path);
        }
        out.flush();
        return s.complete() ? ExitCode.OK : ExitCode.INCONCLUSIVE;
    }

    private String json(ExplorationStatistics s, Optional<List<String>> path) {
        JsonWriter w = new JsonWriter()
                .field("places", s.places())
                .field("transitions", s.transitions())
                .field("markings", s.markings())
                .field("edges", s.edges())
                .field("dead", s.dead())
                .field("max_tokens", s.maxTokens())
                .field("max_tokens_in_marking", s.maxTokensInMarking())
                .field("depth", s.depth())
                .field("complete", s.complete());
        if (!s.complete()) {
            w.field("stopped", limitOptions.budget().reason(s.limit()));
        }
        w.field("seconds", Math.round(s.seconds() * 1000) / 1000.0);
        if (witness == Witness.dead) {
            if (path.isPresent()) {
                w.field("witness", path.get());
            } else {
                w.field("witness", (String) null);
            }
        }
        return w.toString();
    }

    private void text(PrintWriter out, PetriNet net, ExplorationStatistics s, Optional<List<String>> path) {
        out.printf(Locale.ROOT, "net %s: %d places, %d transitions%n", net.name(), s.places(), s.transitions());
        out.println(s.complete()
                ? "marking graph: complete"
                : "marking graph: INCOMPLETE, " + limitOptions.budget().reason(s.limit())
                + " (the numbers are lower bounds)");
        out.printf(Locale.ROOT, "  markings     %,d%n", s.markings());
        out.printf(Locale.ROOT, "  edges        %,d%n", s.edges());
        out.printf(Locale.ROOT, "  dead         %,d%n", s.dead());
        out.printf(Locale.ROOT, "  max tokens   %,d in one place, %,d in one marking%n",
                s.maxTokens(), s.maxTokensInMarking());
        out.printf(Locale.ROOT, "  depth        %d%n", s.depth());
        out.printf(Locale.ROOT, "  seconds      %.3f%n", s.seconds());
        if (witness == Witness.dead) {
            if (path.isPresent()) {
                out.println("witness (shortest firing sequence to a dead marking, " + path.get().size() + " steps):");
                out.println("  " + (path.get().isEmpty() ? "(the initial marking is dead)" : String.join(" ", path.get())));
            } else {
                out.println(s.complete()
                        ? "witness: no dead marking is reachable"
                        : "witness: no dead marking found before the limit");
            }
        }
    }
}

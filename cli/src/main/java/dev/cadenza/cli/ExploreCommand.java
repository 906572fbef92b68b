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
import java.util.Map;
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

    @picocli.CommandLine.Mixin
    ReductionOption reduction = new ReductionOption();

    @Mixin
    SubjectChoice subject = new SubjectChoice();

    @Mixin
    ModelOptions modelOptions = new ModelOptions();

    @Option(names = "--untimed", description = "Ignore time: explore the marking graph.")
    boolean untimed;

    @Option(names = "--json", description = "Print one JSON object (docs/json.md): classes (timed), markings, edges, dead,"
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
        var s = reduction.subject(m, subject.of(m), limitOptions.budget());
        return s.net(untimed ? dev.cadenza.verify.Subject.Mode.UNTIMED : dev.cadenza.verify.Subject.Mode.TIMED).net();
    }

    private int stateClasses(PetriNet net) {
        ClassGraphStatistics s;
        try {
            s = new StateClassGraph(net).explore(limitOptions.budget());
        } catch (dev.cadenza.petri.classes.NetTooLargeException e) {
            throw NetFiles.tooLarge(file, e);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new UserInputException(file + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        int exit = s.complete() ? ExitCode.OK : ExitCode.INCONCLUSIVE;
        if (json) {
            Map<String, Object> o = start(net, "state classes");
            o.put("classes", s.classes());
            o.put("markings", s.markings());
            o.put("edges", s.edges());
            o.put("dead", s.dead());
            o.put("complete", s.complete());
            if (!s.complete()) {
                o.put("stopped", limitOptions.budget().reason(s.limit()));
            }
            o.put("seconds", Math.round(s.seconds() * 1000) / 1000.0);
            overrides(o);
            o.put("statistics", JsonValues.command(limitOptions.budget(), s.limit()));
            return JsonValues.print(out, o, exit);
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
        return exit;
    }

    /** The envelope and the net's size. */
    private Map<String, Object> start(PetriNet net, String graph) {
        Map<String, Object> o = JsonValues.envelope("explore", file);
        o.put("net", net.name());
        o.put("places", net.placeCount());
        o.put("transitions", net.transitionCount());
        o.put("graph", graph);
        return o;
    }

    /**
     * A {@code .net} explored as a marking graph without {@code --untimed}: every interval is
     * [0,w[, so every firing domain is the same and each marking has exactly one class; the
     * class count is the marking count (and the edges the same).
     */
    private boolean classesAreMarkings() {
        return !untimed && file.toString().toLowerCase(Locale.ROOT).endsWith(".net");
    }

    private int markingGraph(PetriNet net) {
        MarkingGraph graph = new MarkingGraphExplorer(net).budget(limitOptions.budget()).explore();
        ExplorationStatistics s = graph.statistics();
        Optional<List<String>> path = witness == Witness.dead
                ? graph.firstDeadMarking().map(graph::pathNames)
                : Optional.empty();
        PrintWriter out = spec.commandLine().getOut();
        int exit = s.complete() ? ExitCode.OK : ExitCode.INCONCLUSIVE;
        if (json) {
            return JsonValues.print(out, json(net, s, path), exit);
        }
        text(out, net, s, path);
        out.flush();
        return exit;
    }

    /** A model's what-if overrides, when some were given (a net's JSON stays as it was). */
    private void overrides(Map<String, Object> o) {
        if (!modelOptions.applied().isEmpty()) {
            o.put("overrides", modelOptions.json());
        }
    }

    private Map<String, Object> json(PetriNet net, ExplorationStatistics s, Optional<List<String>> path) {
        Map<String, Object> o = start(net, "marking graph");
        if (classesAreMarkings()) {
            o.put("classes", s.markings());
        }
        o.put("markings", s.markings());
        o.put("edges", s.edges());
        o.put("dead", s.dead());
        o.put("max_tokens", s.maxTokens());
        o.put("max_tokens_in_marking", s.maxTokensInMarking());
        o.put("depth", s.depth());
        o.put("complete", s.complete());
        if (!s.complete()) {
            o.put("stopped", limitOptions.budget().reason(s.limit()));
        }
        o.put("seconds", Math.round(s.seconds() * 1000) / 1000.0);
        if (witness == Witness.dead) {
            o.put("witness", path.orElse(null));
        }
        overrides(o);
        o.put("statistics", JsonValues.command(limitOptions.budget(), s.limit()));
        return o;
    }

    private void text(PrintWriter out, PetriNet net, ExplorationStatistics s, Optional<List<String>> path) {
        out.printf(Locale.ROOT, "net %s: %d places, %d transitions%n", net.name(), s.places(), s.transitions());
        out.println(s.complete()
                ? "marking graph: complete"
                : "marking graph: INCOMPLETE, " + limitOptions.budget().reason(s.limit())
                + " (the numbers are lower bounds)");
        if (classesAreMarkings()) {
            out.printf(Locale.ROOT, "  classes      %,d (every interval is [0,w[: one class per marking)%n",
                    s.markings());
        }
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

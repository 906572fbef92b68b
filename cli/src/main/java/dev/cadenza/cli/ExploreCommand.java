package dev.cadenza.cli;

import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.TimeInterval;
import dev.cadenza.petri.Transition;
import dev.cadenza.petri.classes.ClassGraphStatistics;
import dev.cadenza.petri.classes.StateClassGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code cadenza explore FILE}: the state class graph of a time Petri net (or its marking graph), counted. */
@Command(name = "explore",
        mixinStandardHelpOptions = true,
        description = {
                "Explores the state space of a net and prints its statistics.",
                "By default the linear state class graph (Berthomieu-Diaz, as TINA's default): classes,"
                        + " distinct markings among them, edges (one per class and firable transition),"
                        + " dead classes.",
                "With --untimed, the marking graph: time is ignored.",
                "Exit codes: 0 explored completely, 2 bad input, 3 a limit was reached (what was found"
                        + " so far is printed)."},
        sortOptions = false)
final class ExploreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The net: a TINA time Petri net (.net).")
    Path file;

    @Option(names = "--untimed", description = "Ignore time: explore the marking graph.")
    boolean untimed;

    @Option(names = "--json", description = "Print one JSON object: classes, markings, edges, dead, complete, seconds.")
    boolean json;

    @Mixin
    LimitOptions limitOptions;

    @Override
    public Integer call() {
        PetriNet net = NetFiles.load(file);
        PetriNet explored = untimed ? withoutTime(net) : net;
        PrintWriter err = spec.commandLine().getErr();
        ClassGraphStatistics s;
        try {
            s = new StateClassGraph(explored).explore(limitOptions.limits("explore"),
                    LimitOptions.progress(err, "explore"));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new UserInputException(file + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonWriter w = new JsonWriter();
            if (!untimed) {
                w.field("classes", s.classes());
            }
            w.field("markings", s.markings())
                    .field("edges", s.edges())
                    .field("dead", s.dead())
                    .field("complete", s.complete());
            if (!s.complete()) {
                w.field("stopped", s.limit().describe());
            }
            w.field("seconds", Math.round(s.seconds() * 1000) / 1000.0);
            out.println(w);
        } else {
            out.printf(Locale.ROOT, "net %s: %d places, %d transitions%n", net.name(), net.placeCount(),
                    net.transitionCount());
            String what = untimed ? "marking graph" : "state class graph";
            out.println(s.complete() ? what + ": complete"
                    : what + ": INCOMPLETE, " + s.limit().describe() + " (the numbers are lower bounds)");
            if (!untimed) {
                out.printf(Locale.ROOT, "  classes      %,d%n", s.classes());
            }
            out.printf(Locale.ROOT, "  markings     %,d%n", s.markings());
            out.printf(Locale.ROOT, "  edges        %,d%n", s.edges());
            out.printf(Locale.ROOT, "  dead         %,d%n", s.dead());
            out.printf(Locale.ROOT, "  seconds      %.3f%n", s.seconds());
        }
        out.flush();
        return s.complete() ? ExitCode.OK : ExitCode.INCONCLUSIVE;
    }

    /**
     * The net with every interval [0,w[. Its state class graph is its marking graph: with no
     * bounds, every domain is the unconstrained one, so a class is just a marking and its edges
     * are the marking graph's.
     */
    static PetriNet withoutTime(PetriNet net) {
        List<Transition> ts = new ArrayList<>();
        for (Transition t : net.transitions()) {
            ts.add(new Transition(t.name(), t.label(), TimeInterval.UNBOUNDED, t.inputs(), t.outputs()));
        }
        return new PetriNet(net.name(), net.places(), ts);
    }
}

package dev.cadenza.cli;

import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.reach.ExplorationLimits;
import dev.cadenza.petri.reach.ExplorationListener;
import dev.cadenza.petri.reach.ExplorationStatistics;
import dev.cadenza.petri.reach.MarkingGraph;
import dev.cadenza.petri.reach.MarkingGraphExplorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code cadenza explore FILE}: the marking graph of a net, counted. */
@Command(name = "explore",
        mixinStandardHelpOptions = true,
        description = {
                "Explores the state space of a net and prints its statistics.",
                "With --untimed, the marking graph: every reachable marking once, one edge per marking"
                        + " and fired transition (as the Model Checking Contest counts them).",
                "A PNML P/T net has no time, so its marking graph is given even without --untimed;"
                        + " state classes of timed nets come with the timed engine.",
                "Exit codes: 0 explored completely, 2 bad input, 3 a limit was reached (what was found"
                        + " so far is printed)."},
        sortOptions = false)
final class ExploreCommand implements Callable<Integer> {

    enum Witness { dead }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The net: a PNML P/T net (.pnml).")
    Path file;

    @Option(names = "--untimed", description = "Ignore time: explore the marking graph.")
    boolean untimed;

    @Option(names = "--json", description = "Print one JSON object: places, transitions, markings, edges,"
            + " dead, max_tokens, complete, seconds (and witness).")
    boolean json;

    @Option(names = "--max-states", paramLabel = "N", description = "Stop after N markings (exit 3).")
    Long maxStates;

    @Option(names = "--timeout", paramLabel = "S", description = "Stop after S seconds (exit 3).")
    Double timeout;

    @Option(names = "--witness", paramLabel = "dead",
            description = "Also print a shortest firing sequence to a dead marking, if there is one.")
    Witness witness;

    @Override
    public Integer call() {
        if (maxStates != null && maxStates < 1) {
            throw new UserInputException("cadenza explore: --max-states must be at least 1, not " + maxStates);
        }
        if (timeout != null && !(timeout > 0)) {
            throw new UserInputException("cadenza explore: --timeout must be a positive number of seconds, not " + timeout);
        }
        PetriNet net = NetFiles.load(file);
        if (!untimed && !net.isUntimed()) {
            throw new UserInputException(file + ": the net has time intervals, and timed exploration"
                    + " is not there yet; add --untimed for its marking graph");
        }
        ExplorationLimits limits = ExplorationLimits.none();
        if (maxStates != null) {
            limits = limits.withMaxStates(maxStates);
        }
        if (timeout != null) {
            limits = limits.withTimeout(timeout);
        }
        PrintWriter err = spec.commandLine().getErr();
        ExplorationListener progress = p -> {
            err.printf(Locale.ROOT, "explore: %,d markings, %,.0f markings/s, depth %d, %.1f s%n",
                    p.markings(), p.markingsPerSecond(), p.depth(), p.seconds());
            err.flush();
        };
        MarkingGraph graph = new MarkingGraphExplorer(net).limits(limits).listener(progress).explore();
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
            w.field("stopped", s.stopReason().description());
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
                : "marking graph: INCOMPLETE, " + s.stopReason().description() + " (the numbers are lower bounds)");
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

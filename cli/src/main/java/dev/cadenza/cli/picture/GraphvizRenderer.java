package dev.cadenza.cli.picture;

import dev.cadenza.cli.OutputFile;
import dev.cadenza.cli.UserInputException;
import guru.nidi.graphviz.engine.Format;
import guru.nidi.graphviz.engine.Graphviz;
import guru.nidi.graphviz.engine.GraphvizException;
import guru.nidi.graphviz.model.MutableGraph;
import guru.nidi.graphviz.model.MutableNode;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes a graphviz-java graph as {@code .dot} text, {@code .svg} or {@code .png}, told apart by
 * the file's ending. The layout is the {@link LayoutEngine#chosen() chosen engine}'s: the
 * system's Graphviz {@code dot} when installed, else the one bundled in the jar.
 */
public final class GraphvizRenderer {

    /** The file endings this renderer writes. */
    public enum Output {
        DOT, SVG, PNG;

        /** The output format for a file name, or null for an ending we do not write. */
        public static Output of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            for (Output o : values()) {
                if (name.endsWith("." + o.name().toLowerCase(Locale.ROOT))) {
                    return o;
                }
            }
            return null;
        }
    }

    /**
     * Above this, layout is refused rather than left to run for minutes, by either engine:
     * measured here (shared cores), MCC nets took 5–10 s of CPU at 400–620 arcs on viz.js, over
     * 90 s at 1158 (SimpleLoadBal-05), over 5 min at 4444 (TokenRing-010); the system's dot 2.43
     * also ran over 5 min on SimpleLoadBal-05 (crossing minimization, not the engine, is slow);
     * openstack.cdz draws about 150 edges.
     */
    static final int MAX_LAYOUT_EDGES = 1000;

    private GraphvizRenderer() {
    }

    /**
     * Writes {@code graph} to {@code out} in the format its ending names; returns the engine
     * that laid it out (none for {@code .dot}).
     */
    public static Optional<LayoutEngine> write(MutableGraph graph, Path out) {
        Output format = Output.of(out);
        if (format == null) {
            throw new UserInputException(out + ": cannot tell the picture format; end the file name with .svg, .png or .dot");
        }
        try {
            if (format == Output.DOT) {
                OutputFile.write(out, dot(graph));
                return Optional.empty();
            }
            refuseTooLarge(graph, out);
            LayoutEngine engine = LayoutEngine.chosen();
            if (format == Output.SVG) {
                OutputFile.write(out, engine.svg(graph));
            } else {
                OutputFile.write(out, part -> engine.png(graph, part));
            }
            return Optional.of(engine);
        } catch (GraphvizException e) {
            throw cannotLayOut(out, e);
        }
    }

    private static void refuseTooLarge(MutableGraph graph, Object what) {
        int edges = edges(graph);
        if (edges > MAX_LAYOUT_EDGES) {
            throw new UserInputException(what + ": " + edges + " edges are too many to lay out here (at most "
                    + MAX_LAYOUT_EDGES + "; dense nets take minutes from about a thousand); write a .dot file"
                    + " and lay it out with a faster Graphviz layout (sfdp), or draw a smaller part");
        }
    }

    /** Every edge of the graph and its subgraphs. */
    static int edges(MutableGraph graph) {
        int n = 0;
        for (MutableNode node : graph.nodes()) {
            n += node.links().size();
        }
        for (MutableGraph sub : graph.graphs()) {
            n += edges(sub);
        }
        return n;
    }

    /** A layout the engine gave up on (memory above all): one line saying what to do instead. */
    private static UserInputException cannotLayOut(Path out, GraphvizException e) {
        String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        if (why.length() > 120) {
            why = why.substring(0, 120) + "…";
        }
        return new UserInputException(out + ": the layout engine gave up (" + why + "); write a .dot"
                + " file and lay it out with Graphviz's dot, or draw a smaller part");
    }

    /** The DOT text of the graph, as graphviz-java serializes it (no layout run). */
    public static String dot(MutableGraph graph) {
        return Graphviz.fromGraph(graph).render(Format.DOT).toString();
    }

    /** The SVG text of the graph, laid out by the chosen engine. */
    public static String svg(MutableGraph graph) {
        return LayoutEngine.chosen().svg(graph);
    }
}

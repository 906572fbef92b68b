package dev.cadenza.cli.picture;

import dev.cadenza.cli.UserInputException;
import guru.nidi.graphviz.engine.Format;
import guru.nidi.graphviz.engine.Graphviz;
import guru.nidi.graphviz.engine.GraphvizCmdLineEngine;
import guru.nidi.graphviz.engine.GraphvizEngine;
import guru.nidi.graphviz.engine.GraphvizException;
import guru.nidi.graphviz.engine.GraphvizV8Engine;
import guru.nidi.graphviz.model.MutableGraph;
import guru.nidi.graphviz.model.MutableNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes a graphviz-java graph as {@code .dot} text, {@code .svg} or {@code .png}, told apart by
 * the file's ending.
 *
 * <p>Layout runs in-process on graphviz-java's bundled engine, viz.js (Graphviz compiled to
 * JavaScript), executed by V8 through J2V8, whose Linux x86_64 library graphviz-java ships: no
 * system Graphviz is needed. A system {@code dot}, if any, is only the fallback where V8 cannot
 * load (another OS or CPU). We choose the engines ourselves rather than take graphviz-java's
 * default order, which prefers a system {@code dot}: the same input then gives the same picture
 * on every machine. PNG is rasterized from the SVG by svgSalamander, headless.
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

    private static final int LAYOUT_MEMORY = 256 << 20;
    /**
     * Above this, layout is refused rather than left to run for minutes: measured here (shared
     * cores), MCC nets took 5–10 s of CPU at 400–620 arcs, over 90 s at 1158 (SimpleLoadBal-05),
     * over 5 min at 4444 (TokenRing-010); openstack.cdz draws about 150 edges.
     */
    static final int MAX_LAYOUT_EDGES = 1000;
    private static boolean engineChosen;
    /**
     * svgSalamander (the PNG rasterizer) warns on java.util.logging for every text it draws in
     * a font it lacks (Helvetica here; it falls back to Serif); kept quiet.
     */
    private static final Logger SALAMANDER_LOG = Logger.getLogger("com.kitfox.svg");

    private GraphvizRenderer() {
    }

    /** Writes {@code graph} to {@code out} in the format its ending names. */
    public static void write(MutableGraph graph, Path out) {
        Output format = Output.of(out);
        if (format == null) {
            throw new UserInputException(out + ": cannot tell the picture format; end the file name with .svg, .png or .dot");
        }
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (format != Output.DOT && edges(graph) > MAX_LAYOUT_EDGES) {
                throw new UserInputException(out + ": " + edges(graph) + " edges are too many to lay out here (at most "
                        + MAX_LAYOUT_EDGES + "; dense nets take minutes from about a thousand); write a .dot file"
                        + " and lay it out with Graphviz's dot, or draw a smaller part");
            }
            switch (format) {
                case DOT -> Files.writeString(out, dot(graph), StandardCharsets.UTF_8);
                case SVG -> Files.writeString(out, svg(graph), StandardCharsets.UTF_8);
                case PNG -> {
                    useBundledEngine();
                    layout(graph).render(Format.PNG).toFile(out.toFile());
                }
            }
        } catch (IOException e) {
            throw new UserInputException(out + ": cannot write: " + e.getMessage());
        } catch (GraphvizException e) {
            throw cannotLayOut(out, e);
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

    /**
     * viz.js lays out in a fixed memory (16 MB by default, too little for a net of a thousand
     * transitions); we give it 256 MB and, beyond that, say plainly what to do.
     */
    private static Graphviz layout(MutableGraph graph) {
        return Graphviz.fromGraph(graph).totalMemory(LAYOUT_MEMORY);
    }

    /** A layout the engine gave up on (memory above all): one line saying what to do instead. */
    private static UserInputException cannotLayOut(Path out, GraphvizException e) {
        String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        if (why.length() > 120) {
            why = why.substring(0, 120) + "…";
        }
        return new UserInputException(out + ": the bundled layout engine gave up (" + why + "); write a .dot"
                + " file and lay it out with Graphviz's dot, or draw a smaller part");
    }

    /** The DOT text of the graph, as graphviz-java serializes it (no layout run). */
    public static String dot(MutableGraph graph) {
        return Graphviz.fromGraph(graph).render(Format.DOT).toString();
    }

    /** The SVG text of the graph, laid out by the bundled engine. */
    public static String svg(MutableGraph graph) {
        useBundledEngine();
        return layout(graph).render(Format.SVG).toString();
    }

    /**
     * Selects V8 (then a system dot) once per JVM. J2V8 extracts its 19 MB library before
     * loading it; by default into the home folder, the same file for every process, so two
     * cadenza runs at once could overwrite a library the other has mapped. We give each process
     * its own folder and remove the file once loaded (Linux keeps a mapped file alive).
     */
    static synchronized void useBundledEngine() {
        if (engineChosen) {
            return;
        }
        System.setProperty("java.awt.headless", "true");
        SALAMANDER_LOG.setLevel(Level.OFF);
        Path dir;
        try {
            dir = Files.createTempDirectory("cadenza-v8-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a folder for the V8 library", e);
        }
        List<GraphvizEngine> engines = new ArrayList<>();
        engines.add(new GraphvizV8Engine(dir.toString()));
        engines.add(new GraphvizCmdLineEngine()); // starts only where dot is on the PATH
        Graphviz.useEngine(engines);
        try {
            // engines start asynchronously; render a trivial graph to wait for one and fail here
            Graphviz.fromString("digraph{a}").render(Format.SVG).toString();
        } catch (GraphvizException e) {
            throw new IllegalStateException("no Graphviz engine could start: the bundled one (V8) runs on"
                    + " Linux x86_64 only; elsewhere install Graphviz so that 'dot' is on the PATH", e);
        } finally {
            deleteQuietly(dir);
        }
        engineChosen = true;
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a leftover temporary file is not worth failing a picture for
        }
    }
}

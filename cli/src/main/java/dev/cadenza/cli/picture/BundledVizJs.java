package dev.cadenza.cli.picture;

import dev.cadenza.cli.UserInputException;
import guru.nidi.graphviz.engine.Format;
import guru.nidi.graphviz.engine.Graphviz;
import guru.nidi.graphviz.engine.GraphvizException;
import guru.nidi.graphviz.engine.GraphvizV8Engine;
import guru.nidi.graphviz.model.MutableGraph;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The layout engine inside the jar: viz.js (Graphviz compiled to JavaScript) run by V8 through
 * J2V8, whose Linux x86_64 library graphviz-java ships ({@link V8Library} loads it). No system
 * Graphviz is needed; the price is about 3 s of start-up per process. PNG is rasterized from the
 * SVG by svgSalamander, headless.
 */
final class BundledVizJs implements LayoutEngine {

    static final BundledVizJs INSTANCE = new BundledVizJs();
    /** viz.js lays out in a fixed memory (16 MB by default, too little for a net of a thousand transitions). */
    private static final int LAYOUT_MEMORY = 256 << 20;
    /**
     * svgSalamander (the PNG rasterizer) warns on java.util.logging for every text it draws in
     * a font it lacks (Helvetica here; it falls back to Serif); kept quiet. Held here so that the
     * setting is not collected with the logger.
     */
    private static final Logger SALAMANDER_LOG = Logger.getLogger("com.kitfox.svg");
    private boolean started;

    private BundledVizJs() {
    }

    @Override
    public String svg(MutableGraph graph) {
        start();
        return layout(graph).render(Format.SVG).toString();
    }

    @Override
    public void png(MutableGraph graph, Path out) throws IOException {
        start();
        layout(graph).render(Format.PNG).toFile(out.toFile());
    }

    @Override
    public String description() {
        return "the bundled engine (viz.js on V8; installing Graphviz makes pictures faster: apt install graphviz)";
    }

    private static Graphviz layout(MutableGraph graph) {
        return Graphviz.fromGraph(graph).totalMemory(LAYOUT_MEMORY);
    }

    /** Starts V8 and viz.js once per JVM. */
    private synchronized void start() {
        if (started) {
            return;
        }
        System.setProperty("java.awt.headless", "true");
        SALAMANDER_LOG.setLevel(Level.OFF);
        try {
            V8Library.load();
        } catch (IllegalStateException e) {
            throw new UserInputException("the bundled layout engine cannot start (" + e.getMessage()
                    + "); install Graphviz so that dot is on the PATH (e.g. apt install graphviz)");
        }
        // the library is loaded already, so J2V8 extracts nothing into this folder
        Graphviz.useEngine(new GraphvizV8Engine(System.getProperty("java.io.tmpdir")));
        try {
            // engines start asynchronously; render a trivial graph to wait for it and fail here
            Graphviz.fromString("digraph{a}").render(Format.SVG).toString();
        } catch (GraphvizException e) {
            throw new UserInputException("the bundled layout engine cannot start (" + e.getMessage()
                    + "); install Graphviz so that dot is on the PATH (e.g. apt install graphviz)");
        }
        started = true;
    }
}

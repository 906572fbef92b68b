package dev.cadenza.cli.picture;

import dev.cadenza.cli.UserInputException;
import guru.nidi.graphviz.model.MutableGraph;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What lays out a picture: the system's Graphviz {@code dot} when it is installed, else the
 * engine bundled in the jar (viz.js, Graphviz compiled to JavaScript, on V8).
 *
 * <p>Measured on openstack.cdz's assembly (2 shared cores, OpenJDK 17): {@code dot} lays it out in
 * about 0.05 s and writes the PNG itself (cairo, the system's fonts) in 0.5 s; the bundled engine
 * needs 1.9 s to start (V8 0.4 s, viz.js 1.5 s), 1.5 s for its first layout and 1.6 s to
 * rasterize the PNG (svgSalamander, serif fallback font). GraalJS, the other JavaScript engine
 * graphviz-java can use, runs interpreted on a stock JDK: 11 s for the first picture. So: dot
 * when installed, V8 otherwise.
 *
 * <p>{@code CADENZA_LAYOUT} (or the system property {@code cadenza.layout}) chooses: {@code auto}
 * (the default: dot if on the PATH), {@code dot} (fail without it), {@code bundled}.
 */
public sealed interface LayoutEngine permits SystemDot, BundledVizJs {

    /** The SVG document of the graph, laid out. */
    String svg(MutableGraph graph);

    /** Writes the graph, laid out, as a PNG file ({@code out} is the temporary file of {@code OutputFile}). */
    void png(MutableGraph graph, Path out) throws IOException;

    /** Says which engine this is, for the user ("Graphviz dot (/usr/bin/dot)"). */
    String description();

    /** The engine the setting asks for, or the best one here. */
    static LayoutEngine chosen() {
        String setting = System.getProperty("cadenza.layout");
        if (setting == null) {
            setting = System.getenv("CADENZA_LAYOUT");
        }
        String want = setting == null ? "auto" : setting.strip().toLowerCase(Locale.ROOT);
        return switch (want) {
            case "", "auto" -> SystemDot.find().map(LayoutEngine.class::cast).orElseGet(LayoutEngine::bundled);
            case "dot" -> SystemDot.find().orElseThrow(() -> new UserInputException("CADENZA_LAYOUT=dot, but there"
                    + " is no dot on the PATH; install Graphviz (e.g. apt install graphviz) or unset CADENZA_LAYOUT"));
            case "bundled" -> bundled();
            default -> throw new UserInputException("CADENZA_LAYOUT=" + setting + ": say auto, dot or bundled");
        };
    }

    private static LayoutEngine bundled() {
        if (!V8Library.availableHere()) {
            throw new UserInputException("no layout engine: the bundled one (V8) runs on Linux x86_64 only;"
                    + " install Graphviz so that dot is on the PATH (e.g. brew install graphviz)");
        }
        return BundledVizJs.INSTANCE;
    }
}

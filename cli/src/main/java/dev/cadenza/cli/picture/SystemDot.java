package dev.cadenza.cli.picture;

import dev.cadenza.cli.UserInputException;
import guru.nidi.graphviz.model.MutableGraph;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The system's Graphviz {@code dot} command: the graph's DOT text on its standard input, the
 * picture on its output. We run it ourselves rather than through graphviz-java's command-line
 * engine, which asks dot for SVG only and rasterizes PNG in Java (2.5 s for openstack.cdz, in a
 * serif fallback font); dot writes PNG itself in a tenth of that, with the system's fonts.
 */
record SystemDot(Path executable) implements LayoutEngine {

    /** A layout that takes longer is stopped: dot can take minutes on dense nets. */
    static final int TIMEOUT_SECONDS = 300;

    /** The first executable {@code dot} on the PATH. */
    static Optional<SystemDot> find() {
        return find(System.getenv("PATH"));
    }

    /** The first executable {@code dot} in the folders of {@code path} (a PATH value; null: none). */
    static Optional<SystemDot> find(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "dot");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(new SystemDot(candidate));
            }
        }
        return Optional.empty();
    }

    @Override
    public String svg(MutableGraph graph) {
        return new String(run(graph, "svg", null), StandardCharsets.UTF_8);
    }

    @Override
    public void png(MutableGraph graph, Path out) throws IOException {
        run(graph, "png", out);
    }

    @Override
    public String description() {
        return "Graphviz dot (" + executable + ")";
    }

    /** Runs dot; returns its standard output, or writes {@code -o file} when one is given. */
    private byte[] run(MutableGraph graph, String format, Path file) {
        byte[] input = GraphvizRenderer.dot(graph).getBytes(StandardCharsets.UTF_8);
        ProcessBuilder pb = file == null
                ? new ProcessBuilder(executable.toString(), "-T" + format)
                : new ProcessBuilder(executable.toString(), "-T" + format, "-o", file.toString());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UserInputException(executable + ": cannot run: " + e.getMessage());
        }
        // stderr drained aside: dot's warnings must not fill a pipe and stall it
        CompletableFuture<byte[]> errors = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        try {
            // dot reads its whole input before it writes anything: no need to write and read at once
            try (OutputStream in = p.getOutputStream()) {
                in.write(input);
            }
            CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new UserInputException(executable + " took over " + TIMEOUT_SECONDS + " s to lay out this picture;"
                        + " write a .dot file and lay it out yourself, or draw a smaller part");
            }
            byte[] out = output.join();
            if (p.exitValue() != 0) {
                String why = new String(errors.join(), StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.isBlank()).findFirst().orElse("exit " + p.exitValue());
                throw new UserInputException(executable + " could not lay out the picture: " + why);
            }
            return out;
        } catch (IOException e) {
            p.destroyForcibly();
            throw new UserInputException(executable + ": " + e.getMessage());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new UserInputException(executable + ": interrupted");
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

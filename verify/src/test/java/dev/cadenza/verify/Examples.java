package dev.cadenza.verify;

import dev.cadenza.core.lang.ModelParser;
import dev.cadenza.core.model.Model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Models for tests: the repository's examples, and texts written in the tests. */
public final class Examples {

    private Examples() {
    }

    public static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("examples"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no examples/ above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    public static Model example(String file) {
        Path f = root().resolve("examples").resolve(file);
        try {
            return ModelParser.parse(f.getFileName().toString(), Files.readString(f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Model parse(String text) {
        return ModelParser.parse("test.cdz", text);
    }
}

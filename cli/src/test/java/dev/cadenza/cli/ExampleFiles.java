package dev.cadenza.cli;

import java.nio.file.Path;

/** Where the repository's examples are, seen from a test run in any module directory. */
final class ExampleFiles {

    private ExampleFiles() {
    }

    static String example(String name) {
        Path p = Path.of("").toAbsolutePath();
        while (!p.resolve("examples").toFile().isDirectory()) {
            p = p.getParent();
        }
        return p.resolve("examples").resolve(name).toString();
    }
}

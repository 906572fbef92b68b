package dev.cadenza.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher's JVM options: CADENZA_JAVA_OPTS adds to the defaults (a deep stack for deep
 * inputs, the parallel GC for large searches) instead of replacing them, as README.md says.
 */
class LauncherTest {

    @Test
    void userOptionsComeAfterTheDefaults() throws IOException {
        Path launcher = Path.of(CliRun.example("")).getParent().resolve("cadenza");
        String exec = Files.readAllLines(launcher).stream().filter(l -> l.startsWith("exec java")).findFirst()
                .orElseThrow();
        int defaults = exec.indexOf("-Xss16m -XX:+UseParallelGC");
        int user = exec.indexOf("${CADENZA_JAVA_OPTS:-}");
        assertTrue(defaults > 0 && user > defaults, exec);
    }
}

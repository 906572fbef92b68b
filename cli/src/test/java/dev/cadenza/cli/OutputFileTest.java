package dev.cadenza.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every output file is written whole or not at all, and a failed write is one line, exit 2. */
class OutputFileTest {

    @TempDir
    Path dir;

    @Test
    void aFailedWriteLeavesTheOldFileAndNoPartBehind() throws IOException {
        Path target = dir.resolve("g.svg");
        Files.writeString(target, "the good picture");
        UserInputException e = assertThrows(UserInputException.class, () -> OutputFile.write(target, part -> {
            Files.writeString(part, "half a pic");
            throw new IOException("No space left on device");
        }));
        assertEquals(target + ": cannot write: No space left on device (the file is left as it was)", e.getMessage());
        assertEquals("the good picture", Files.readString(target));
        assertEquals(List.of(target), listing());
    }

    @Test
    void aWriteReplacesTheFileWholeAndReadable() throws IOException {
        Path target = dir.resolve("x.net");
        Files.writeString(target, "old");
        OutputFile.write(target, "new text");
        assertEquals("new text", Files.readString(target));
        assertTrue(Files.isReadable(target));
        assertEquals(List.of(target), listing());
    }

    @Test
    void aMissingDirectoryIsNamedAndNotCreated() {
        Path target = dir.resolve("nodir").resolve("x.net");
        UserInputException e = assertThrows(UserInputException.class, () -> OutputFile.write(target, "t"));
        assertEquals(target + ": cannot write: the directory " + dir.resolve("nodir") + " does not exist; create it first",
                e.getMessage());
        assertFalse(Files.exists(dir.resolve("nodir")));
    }

    @Test
    void aDirectoryIsNoTarget() {
        UserInputException e = assertThrows(UserInputException.class, () -> OutputFile.write(dir, "t"));
        assertEquals(dir + ": cannot write: it is a directory; give a file name", e.getMessage());
    }

    /** Every command that writes a file: exit 2 and one line naming the path, for a missing directory. */
    @Test
    void everyWriterRefusesAMissingDirectoryInOneLine() {
        String model = CliRun.example("server-client.cdz");
        String missing = dir.resolve("nodir").toString();
        List<String[]> commands = List.of(
                new String[] {"export", model, "--format", "net", "-o", missing + "/x.net"},
                new String[] {"gantt", model, "-o", missing + "/g.svg"},
                new String[] {"draw", model, "-o", missing + "/d.dot"},
                new String[] {"report", model, "-o", missing + "/r.html"},
                new String[] {"simulate", model, "--runs", "5", "-o", missing + "/h.svg"},
                new String[] {"sensitivity", model, "-o", missing + "/t.svg"},
                new String[] {"run", model, "--dry-run", "--speed", "1000", "--trace", missing + "/t.json"});
        for (String[] args : commands) {
            CliRun r = CliRun.of(args);
            assertEquals(2, r.exit(), String.join(" ", args) + "\n" + r.err());
            List<String> lines = r.err().lines().filter(l -> l.contains("cannot write")).toList();
            assertEquals(1, lines.size(), r.err());
            assertTrue(lines.get(0).startsWith(missing + "/"), r.err());
            assertTrue(lines.get(0).contains("does not exist"), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        assertFalse(Files.exists(dir.resolve("nodir")));
    }

    @Test
    void exportOntoADirectoryIsExit2() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        CliRun r = CliRun.of("export", CliRun.example("server-client.cdz"), "--format", "net", "-o", sub.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals(sub + ": cannot write: it is a directory; give a file name\n", r.err());
    }

    /** The case: {@code ulimit -f} (a full disk) must not replace a good chart with a cut one. */
    @Test
    void aFileSizeLimitLeavesTheGoodChart() throws Exception {
        Path chart = dir.resolve("g.svg");
        String good = "<svg>the good chart</svg>";
        Files.writeString(chart, good);
        List<String> command = new ArrayList<>(List.of("bash", "-c", "ulimit -f 2; exec \"$@\"", "bash"));
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"), Cadenza.class.getName(),
                "gantt", CliRun.example("server-client.cdz"), "--quiet", "-o", chart.toString()));
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        assertEquals(2, exit, err);
        assertEquals(chart + ": cannot write: File too large (the file is left as it was)\n", err);
        assertEquals(good, Files.readString(chart));
        assertEquals(List.of(chart), listing());
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}

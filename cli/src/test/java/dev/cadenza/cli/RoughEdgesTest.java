package dev.cadenza.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Names never cut in tables; warnings when a model or a loop checks nothing. */
class RoughEdgesTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void longPropertyNamesAreShownWhole() {
        CliRun r = CliRun.of("check", ExampleFiles.example("server-client.cdz"));
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.out().contains("…"), r.out());
        assertTrue(r.out().contains("  sequence s.allocate before c.configure before c.start holds"), r.out());
    }

    @Test
    void anEmptyModelWarnsThatNothingIsChecked() throws IOException {
        Path p = file("empty.cdz", "# nothing yet\n");
        CliRun r = CliRun.of("check", p.toString());
        assertEquals(0, r.exit());
        assertEquals(p + ":1:1: warning: the model is empty: nothing to check; a model declares component types,"
                + " a program or an assembly, and verify blocks\n", r.err());
    }

    @Test
    void aModelWithoutVerifyBlockWarns() throws IOException {
        Path p = file("nov.cdz", "component A {\n  places a, b\n  initial a\n  behavior d { t: a -> b [1, 2] }\n}\n"
                + "assembly x { a: A }\n");
        CliRun r = CliRun.of("check", p.toString());
        assertEquals(0, r.exit());
        assertEquals(p + ": warning: no verify block: nothing is checked; add one, e.g. 'verify x { deployable }'"
                + " (docs/language.md)\n", r.err());
    }

    @Test
    void aLoopThatRunsNoTurnWarnsAlsoAfterAParameterChange() throws IOException {
        Path p = file("loop.cdz", """
                component A {
                  places a, b
                  initial a
                  behavior d { t: a -> b [1, 2] }
                }
                program deploy {
                  param n = 2
                  for i in 1..n:
                      add(a{i} : A)
                      pushB(a{i}, d)
                  for i in 3..1:
                      waitAll
                  waitAll
                }
                verify deploy { deployable }
                """);
        CliRun r = CliRun.of("check", p.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(p + ":11:3: warning: loop 'for i in 3..1' runs no turn (3 > 1 with n = 2): its body is never"
                + " executed, and checks nothing\n", r.err());
        CliRun zero = CliRun.of("check", p.toString(), "--param", "n=0");
        assertTrue(zero.err().startsWith(p + ":8:3: warning: loop 'for i in 1..n' runs no turn (1 > 0 with n = 0)"),
                zero.err());
    }
}

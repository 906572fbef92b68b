package dev.cadenza.verify.property;

import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.VerifyBlock;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.Verifier;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.engine.StateClassEngine;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Every example of examples/ is checked: every property gets a verdict (none inconclusive), but for
 * a run of the net that the executor does not reproduce (galera's to_galera: its deadlock and the
 * sequence broken in it, issue 13): that search completed, and the verdict says why it is not
 * violated.
 */
class AllExamplesTest {

    @Test
    void everyExampleIsAnswered() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Examples.root().resolve("examples"))) {
            files = s.filter(p -> p.toString().endsWith(".cdz")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path f : files) {
            Model m = Examples.example(f.getFileName().toString());
            for (VerifyBlock b : m.verifyBlocks()) {
                Subject s = new Subject(m, b.subject(), new StateClassEngine(), Budget.unlimited());
                for (Verifier.Result r : Verifier.check(s, b)) {
                    System.out.printf("%s | %s | %-50s %s%n", f.getFileName(), b.subject(), r.property().name(),
                            r.verdict().word());
                    if (r.verdict() instanceof Verdict.Inconclusive i && i.statistics().complete()
                            && i.statistics().stage() != null
                            && i.statistics().stage().endsWith(RuntimeReplay.NOT_REPRODUCED)
                            && i.reason().contains("did not reproduce")) {
                        continue;
                    }
                    assertNotEquals("inconclusive", r.verdict().word(), f + " " + r.property().name());
                }
            }
        }
    }
}

package dev.cadenza.verify.property;

import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.VerifyBlock;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.Verifier;
import dev.cadenza.verify.engine.StateClassEngine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * galera's to_galera (n = 3) checked as a block: {@code deployable galera} explores the runtime's
 * state space and observes the block's sequences on the way ({@link RuntimeObservations}); the
 * sequence the net breaks along runs the executor does not make then reads its answer there — the
 * same exploration, the same verdict as the sequence checked alone, where it explores by itself.
 */
class RuntimeObservationsTest {

    @Test
    void theSequenceReadsTheDeployablesExploration() {
        Model m = Examples.example("galera.cdz");
        VerifyBlock block = m.verifyBlocks().stream().filter(b -> b.subject().equals("to_galera")).findFirst()
                .orElseThrow();
        Subject s = new Subject(m, "to_galera", new StateClassEngine(), Budget.unlimited());
        List<Verifier.Result> results = Verifier.check(s, block);
        Verdict deployable = verdict(results, "deployable galera");
        Verdict sequence = verdict(results, "sequence mariadb1.restore before mariadb2.start");
        assertInstanceOf(Verdict.Holds.class, deployable);
        assertInstanceOf(Verdict.Holds.class, sequence);
        String explored = exploration(deployable.details().get(0));
        assertEquals(explored, exploration(sequence.details().get(0)), String.join("\n", sequence.details()));

        // alone (no block): its own search, the same verdict
        Property alone = results.stream().filter(r -> r.property().name().startsWith("sequence mariadb1.restore"))
                .findFirst().orElseThrow().property();
        Verdict own = alone.check(new Subject(m, "to_galera", new StateClassEngine(), Budget.unlimited()));
        assertInstanceOf(Verdict.Holds.class, own);
        assertTrue(own.details().get(0).contains("the runtime's state space explored completely"), own.details().get(0));
        assertTrue(!exploration(own.details().get(0)).equals(explored), own.details().get(0));
    }

    private static Verdict verdict(List<Verifier.Result> results, String name) {
        Verdict v = results.stream().filter(r -> r.property().name().equals(name)).findFirst().orElseThrow().verdict();
        assertNotNull(v, name);
        return v;
    }

    /** "(N states, E edges, …" of a detail line. */
    private static String exploration(String detail) {
        int i = detail.indexOf('(');
        int j = detail.indexOf(" sweeps run");
        assertTrue(i >= 0 && j > i, detail);
        return detail.substring(i, j);
    }
}

package dev.cadenza.verify.property;

import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.Subject;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.engine.StateClassEngine;
import dev.cadenza.verify.trace.ModelState;
import dev.cadenza.verify.trace.TransitionSpan;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The data a counterexample carries for drawing: the last state in model terms and the run's schedule. */
class CounterexampleDataTest {

    private static Counterexample deadlock(Model m, String subject) {
        Verdict v = new Deployable(null, false, SourcePosition.NONE)
                .check(new Subject(m, subject, new StateClassEngine(), Budget.unlimited()));
        return assertInstanceOf(Verdict.Violated.class, v, String.join("\n", v.details())).counterexample();
    }

    @Test
    void cyclicUseStopsInTheInitialPlacesWithBothProvidePortsBlocking() {
        Counterexample c = deadlock(Examples.parse(DefectsFixtures.CYCLE), "loop");
        ModelState s = c.state();
        assertNotNull(s);
        assertEquals(Map.of("a", Set.of("a0"), "b", Set.of("b0")), s.marked());
        assertEquals(Map.of(), s.running());
        assertEquals(Map.of("a", Set.of("ready"), "b", Set.of("ready")), s.blockedPorts());
        ModelState.BlockedPort bReady = s.blocked().stream().filter(p -> p.instance().equals("b")).findFirst().orElseThrow();
        assertTrue(bReady.reason().startsWith("a.prepare starts: waits for use port's provider b.ready"), bReady.reason());
        assertTrue(c.schedule().stream().noneMatch(TransitionSpan::started), "nothing ever starts: " + c.schedule());
        // both are ready from the start and wait for the other's port until the deadlock
        TransitionSpan prepare = c.schedule().stream().filter(s2 -> s2.label().equals("a.prepare")).findFirst().orElseThrow();
        assertEquals(BigFraction.ZERO, prepare.ready());
        assertTrue(prepare.waits().stream().anyMatch(w -> w.open()
                && w.describe().startsWith("a.prepare starts: waits for use port's provider b.ready")), prepare.toString());
        assertEquals(BigFraction.ZERO, c.end());
        // the text is unchanged
        assertTrue(c.blocked().stream().anyMatch(l -> l.startsWith("a.prepare starts: waits for use port's provider b.ready")));
    }

    @Test
    void maintainedServerNamesTheClientsUsePortAndTheStateItStopsIn() throws Exception {
        String text = Files.readString(Examples.root().resolve("examples/server-client.cdz")) + """

                program careless after deploy {
                  pushB(s, maintain)
                  pushB(s, deploy)
                  wait(s)
                }
                """;
        Counterexample c = deadlock(Examples.parse(text), "careless");
        ModelState s = c.state();
        assertTrue(s.marked().getOrDefault("c", Set.of()).contains("running"), s.toString());
        assertTrue(s.marked().getOrDefault("s", Set.of()).contains("running"), s.toString());
        assertTrue(s.blockedPorts().getOrDefault("c", Set.of()).contains("server"), s.toString());
        ModelState.BlockedPort server = s.blocked().stream()
                .filter(p -> p.instance().equals("c") && p.port().equals("server")).findFirst().orElseThrow();
        assertTrue(server.reason().contains("s.stop starts: locked: use port c.server is using it"), server.reason());
        // careless starts where deploy left everything (running) and s cannot even start to stop
        assertTrue(c.schedule().stream().noneMatch(TransitionSpan::started), c.schedule().toString());
        // s.stop is held back by the lock from the start: it shows in the schedule, never ready
        TransitionSpan stop = c.schedule().stream().filter(x -> x.label().equals("s.stop")).findFirst().orElseThrow();
        assertNull(stop.ready());
        assertTrue(stop.waits().get(0).open(), stop.toString());
        assertEquals(Map.of(), s.running());
        for (TransitionSpan i : c.schedule().stream().filter(TransitionSpan::started).toList()) {
            assertNotNull(i.end(), i.label() + " still running in a deadlock");
            assertTrue(i.start().compareTo(i.end()) <= 0, i.toString());
            assertTrue(i.end().compareTo(c.end()) <= 0, i.toString());
        }
    }

    @Test
    void parallelWitnessStopsWithBothRunning() {
        Model m = Examples.parse(DefectsFixtures.TIMING_SAFE);
        Verdict v = new Parallel(List.of("p", "u"), SourcePosition.NONE)
                .check(new Subject(m, "race", new StateClassEngine(), Budget.unlimited()));
        Verdict.Holds h = assertInstanceOf(Verdict.Holds.class, v, String.join("\n", v.details()));
        Counterexample w = h.witness();
        assertNotNull(w);
        assertEquals(w.lines(), h.details());
        assertTrue(!w.state().running().getOrDefault("p", Set.of()).isEmpty(), w.state().toString());
        assertTrue(!w.state().running().getOrDefault("u", Set.of()).isEmpty(), w.state().toString());
        long open = w.schedule().stream().filter(TransitionSpan::stillRunning).count();
        assertEquals(2, open, w.schedule().toString());
        assertNull(Counterexample.of("x").state());
    }
}

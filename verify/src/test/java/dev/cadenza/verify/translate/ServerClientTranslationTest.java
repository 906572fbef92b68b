package dev.cadenza.verify.translate;

import dev.cadenza.core.model.Model;
import dev.cadenza.petri.io.TinaNetWriter;
import dev.cadenza.verify.Examples;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed's deploy program as a net: the arcs that carry the semantics, read in TINA's syntax. */
class ServerClientTranslationTest {

    private static String net(TranslationOptions o) {
        Model m = Examples.example("server-client.cdz");
        return TinaNetWriter.write(ModelTranslator.translate(m, "deploy", o).net());
    }

    @Test
    void portsGuardTheStartsAndEntriesThatNeedThem() {
        String net = net(TranslationOptions.DEFAULT);
        // use server_ip data by configure: its start reads the connection and the "provided" flag
        assertTrue(net.contains("tr {c.configure.start} [0,0] {c.configure.od} {con.s.ip.c.server_ip}?1"
                + " {s.ip.provided}?1 -> {c.configure.run}"), net);
        // use server at running: entering running reads s in running (and waits while running is marked:
        // a place holds one token)
        assertTrue(net.contains("tr {c.enter.running.install} [0,0] {c.start.id} {con.s.service.c.server}?1"
                + " {s.running}?1 {c.running}?-1 -> {c.running}"), net);
        // provide ip data at allocated: the first entry sets the flag
        assertTrue(net.contains("{s.ip.provided}?-1 -> {s.allocated} {s.ip.provided}"), net);
    }

    @Test
    void theDurationIsOnTheEndAndFusionSkipsVanishingDocks() {
        String net = net(TranslationOptions.DEFAULT);
        assertTrue(net.contains("tr {c.install.start} [0,0] {c.off} {c.beh.install}?1 -> {c.install.run}"), net);
        assertTrue(net.contains("tr {c.install.end} [3,6] {c.install.run} -> {c.installed}"), net);
        String plain = net(TranslationOptions.DEFAULT.withFuse(false));
        assertTrue(plain.contains("tr {c.leave.off.install} [0,0] {c.off} {c.beh.install}?1 -> {c.install.od}"), plain);
        assertTrue(plain.contains("tr {c.install.end} [3,6] {c.install.run} -> {c.install.id}"), plain);
    }

    @Test
    void behaviorCompletionIsInhibitedByEverythingThatCanStillMove() {
        String net = net(TranslationOptions.DEFAULT);
        assertTrue(net.contains("tr {c.complete.1} [0,0] {c.act.1} {c.beh.install} {c.install.run}?-1 {c.off}?-1"), net);
        assertTrue(net.contains("tr {pc.6.wait} [0,0] {pc.6} {c.idle.1}?1 -> {pc.7}"), net);
    }

    @Test
    void theNonBlockingPrefixIsOneStepThatBeginsTheFirstBehaviors() {
        String net = net(TranslationOptions.DEFAULT);
        long steps = net.lines().filter(l -> l.startsWith("tr {pc.")).count();
        assertEquals(2, steps, net); // add..pushB fused, then wait(c)
        assertTrue(net.contains("-> {pc.6}"), net);
    }
}

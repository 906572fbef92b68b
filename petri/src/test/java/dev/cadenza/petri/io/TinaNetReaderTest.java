package dev.cadenza.petri.io;

import dev.cadenza.petri.ArcKind;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.TimeInterval;
import dev.cadenza.petri.Transition;
import dev.cadenza.petri.testing.RandomNets;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TinaNetReaderTest {

    static Path tina(String name) {
        return Path.of("src/test/resources/tina", name);
    }

    static PetriNet parse(String text) {
        return TinaNetReader.read("t.net", text, "t");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abp.net", "ifip.net", "jdeds.net", "l6000.net", "plant.net", "train3.net",
            "train4.net", "wodes.net", "wodes232.net"})
    void readsEveryTinaExampleAndRoundTrips(String file) {
        PetriNet net = TinaNetReader.read(tina(file));
        assertTrue(net.transitionCount() > 0);
        assertEquals(net, TinaNetReader.read("w.net", TinaNetWriter.write(net), "x"));
    }

    @Test
    void multipliersOfL6000() {
        PetriNet net = TinaNetReader.read(tina("l6000.net"));
        assertEquals(6000, net.place(net.placeIndex("p1")).initialTokens());
        Transition t1 = net.transition(net.transitionIndex("t1"));
        assertEquals(6000, t1.inputs().get(0).weight());
        assertEquals("l6000", net.name());
    }

    @Test
    void bracedNamesLabelsAndDefaults() {
        PetriNet net = parse("net {a b}\ntr {x\\}y} : {my label} p q*2 -> {r s}*3 # comment\ntr u p?-1 s?2 -> \n");
        Transition x = net.transition(0);
        assertEquals("x}y", x.name());
        assertEquals("my label", x.label());
        assertEquals(TimeInterval.UNBOUNDED, x.interval());
        assertEquals(4, net.placeCount());
        assertEquals(3, x.outputs().get(0).weight());
        Transition u = net.transition(1);
        assertEquals(ArcKind.INHIBITOR, u.inputs().get(0).kind());
        assertEquals(ArcKind.READ, u.inputs().get(1).kind());
        assertEquals(2, u.inputs().get(1).weight());
        assertEquals("a b", net.name());
    }

    @Test
    void placeDeclarationsCarryArcsAndDeclarationsAddUp() {
        PetriNet net = parse("pl p (1) t1 t2*2 -> t3 t4?2\ntr t1 [1,2] q -> p\ntr t3 ]1/2,2.5[\n");
        Transition t1 = net.transition(net.transitionIndex("t1"));
        assertEquals(2, t1.outputs().get(0).weight(), "p from pl and from tr add up");
        assertEquals(TimeInterval.closed(1, 2), t1.interval());
        Transition t3 = net.transition(net.transitionIndex("t3"));
        assertEquals(new TimeInterval(new BigFraction(1, 2), true, new BigFraction(5, 2), true), t3.interval());
        Transition t4 = net.transition(net.transitionIndex("t4"));
        assertEquals(ArcKind.READ, t4.inputs().get(0).kind());
    }

    @Test
    void labelDeclaration() {
        PetriNet net = parse("pl p (1)\nlb p hello\n");
        assertEquals("hello", net.place(0).label());
    }

    @Test
    void errorsCarryExactPositions() {
        assertEquals("t.net:2:1: priorities (pr) are not supported: cadenza computes state classes without"
                + " priorities; remove the pr declaration", assertThrows(NetFormatException.class,
                () -> parse("tr a p -> q\npr a > b\n")).getMessage());
        assertEquals("t.net:1:9: expected a time bound (an integer, a decimal like 1.5 or a fraction like 3/2),"
                + " found 'x'", assertThrows(NetFormatException.class, () -> parse("tr t [1,x] p -> q")).getMessage());
        assertEquals("t.net:1:6: empty interval [3,2]",
                assertThrows(NetFormatException.class, () -> parse("tr t [3,2] p -> q")).getMessage());
        assertEquals("t.net:1:12: stopwatch arcs (!k, !-k) are not supported",
                assertThrows(NetFormatException.class, () -> parse("tr t p -> q!2")).getMessage());
        NetFormatException e = assertThrows(NetFormatException.class, () -> parse("tr t p q \n nt x 1 y"));
        assertEquals(2, e.line());
        assertEquals(2, e.column());
        assertEquals("t.net:1:9: an output arc cannot be a read arc; write p or p*k",
                assertThrows(NetFormatException.class, () -> parse("tr t ->q?1")).getMessage());
        assertEquals("t.net:3:6: expected a marking (an integer, optionally followed by K, M or G), found 'x'",
                assertThrows(NetFormatException.class, () -> parse("\n\npl p(x)")).getMessage());
        assertEquals("t.net:1:10: an infinite upper bound is open: write w[",
                assertThrows(NetFormatException.class, () -> parse("tr t [0,w] p -> q")).getMessage());
    }

    @Test
    void moreValuesAndConflicts() {
        PetriNet net = parse("pl p (2G)\ntr t [0.25,1e0] p*3M -> q\n".replace("1e0", "1"));
        assertEquals(2_000_000_000L, net.place(0).initialTokens());
        assertEquals(3_000_000L, net.transition(0).inputs().get(0).weight());
        assertEquals(new BigFraction(1, 4), net.transition(0).interval().lower());
        assertEquals("t.net:2:6: transition t already has the interval [1,2]",
                assertThrows(NetFormatException.class, () -> parse("tr t [1,2] p -> q\ntr t [1,3]")).getMessage());
        assertEquals("t.net:2:7: place p already has marking 1",
                assertThrows(NetFormatException.class, () -> parse("pl p (1)\npl p (2)")).getMessage());
        assertEquals("t.net:1:4: lb names 'x', which is not a place or transition declared before it",
                assertThrows(NetFormatException.class, () -> parse("lb x y")).getMessage());
        assertEquals("t.net:1:1: unknown declaration 'foo': expected net, pl, tr or lb",
                assertThrows(NetFormatException.class, () -> parse("foo")).getMessage());
        assertEquals("t.net:1:10: unterminated {name}: missing '}'",
                assertThrows(NetFormatException.class, () -> parse("tr t p ->{q")).getMessage());
        // the same place read twice keeps the larger weight, inhibited twice the smaller
        PetriNet twice = parse("tr t p?1 p?3 q?-2 q?-5 ->\n");
        assertEquals(3, twice.transition(0).inputs().get(0).weight());
        assertEquals(2, twice.transition(0).inputs().get(1).weight());
    }

    @Provide
    Arbitrary<PetriNet> nets() {
        return RandomNets.anyNets();
    }

    @Property(tries = 300)
    void writtenNetsReadBackEqual(@ForAll("nets") PetriNet net) {
        assertEquals(net, TinaNetReader.read("w.net", TinaNetWriter.write(net), "x"));
    }
}

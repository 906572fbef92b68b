package dev.cadenza.petri.io;

import dev.cadenza.petri.Arc;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.Transition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PnmlReaderTest {

    private static final String HEAD = """
            <?xml version="1.0" encoding="utf-8"?>
            <pnml xmlns="http://www.pnml.org/version-2009/grammar/pnml">
             <net id="n" type="http://www.pnml.org/version-2009/grammar/ptnet">
            """;

    private static PetriNet read(String xml) {
        return PnmlReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "t.pnml");
    }

    private static String error(String xml) {
        return assertThrows(NetFormatException.class, () -> read(xml)).getMessage();
    }

    @Test
    void readsPagesNamesMarkingsAndInscriptionsInEitherDirection() {
        PetriNet net = read(HEAD + """
                  <page id="outer"><name><text>ignored page name</text></name>
                   <place id="p1"><name><text>ready</text></name>
                    <initialMarking><text> 3 </text></initialMarking>
                    <graphics><position x="1" y="2"/></graphics></place>
                   <page id="inner">
                    <place id="p2"/>
                    <transition id="t1"><name><text>go</text></name></transition>
                   </page>
                   <arc id="a2" source="t1" target="p2"/>
                  </page>
                  <page id="other">
                   <arc id="a1" source="p1" target="t1"><inscription><text>2</text></inscription></arc>
                   <arc id="a3" source="p1" target="t1"/>
                  </page>
                  <toolspecific tool="nupn"><structure units="1"/></toolspecific>
                 </net>
                </pnml>
                """);
        assertEquals("n", net.name());
        assertEquals(2, net.placeCount());
        assertEquals("ready", net.place(0).displayName());
        assertEquals("p1", net.place(0).name());
        assertEquals(3, net.place(0).initialTokens());
        assertEquals(0, net.place(1).initialTokens());
        Transition t = net.transition(0);
        assertEquals("go", t.displayName());
        assertEquals(List.of(Arc.normal(0, 3)), t.inputs(), "repeated arcs add up: 2 + default 1");
        assertEquals(List.of(Arc.normal(1, 1)), t.outputs());
        assertEquals(true, net.isUntimed());
    }

    @Test
    void truncatedXml() {
        String xml = HEAD + " <page id=\"g\">\n  <place id=\"p1\">\n";
        assertEquals("t.pnml:6:1: the XML ends before its elements are closed (a truncated file?);"
                + " a PNML file ends with </pnml>", error(xml));
    }

    @Test
    void arcToAnUnknownNode() {
        String xml = HEAD + """
                  <place id="p1"/>
                  <transition id="t1"/>
                  <arc id="a1" source="p1" target="t9"/>
                 </net>
                </pnml>
                """;
        assertEquals("t.pnml:6:41: arc 'a1' refers to an unknown node 't9'; source and target must be"
                + " ids of places or transitions of the net", error(xml));
    }

    @Test
    void nonNumericMarking() {
        String xml = HEAD + """
                  <place id="p1"><initialMarking><text>three</text></initialMarking></place>
                 </net>
                </pnml>
                """;
        assertEquals("t.pnml:4:40: initial marking of place 'p1' is 'three', not a number;"
                + " write a whole number of tokens (0 or more)", error(xml));
    }

    @Test
    void colouredNetByItsType() {
        String xml = """
                <?xml version="1.0"?>
                <pnml xmlns="http://www.pnml.org/version-2009/grammar/pnml">
                 <net id="c" type="http://www.pnml.org/version-2009/grammar/symmetricnet">
                 </net>
                </pnml>
                """;
        assertEquals("t.pnml:3:75: a coloured net (its type is http://www.pnml.org/version-2009/grammar/symmetricnet);"
                + " cadenza reads P/T nets only: use the model's P/T variant (…-PT-…) or unfold it first", error(xml));
    }

    @Test
    void colouredNetByItsDeclarations() {
        String xml = HEAD + """
                  <declaration><structure><declarations/></structure></declaration>
                 </net>
                </pnml>
                """;
        assertEquals("t.pnml:4:16: a coloured net (it has a <declaration> element);"
                + " cadenza reads P/T nets only: use the model's P/T variant (…-PT-…) or unfold it first", error(xml));
    }

    @Test
    void missingFile(@TempDir Path dir) {
        Path missing = dir.resolve("nothing.pnml");
        NetFormatException e = assertThrows(NetFormatException.class, () -> PnmlReader.read(missing));
        assertEquals(missing + ": no such file", e.getMessage());
        assertEquals(0, e.line());
    }

    @Test
    void arcBetweenTwoPlaces() {
        String xml = HEAD + """
                  <place id="p1"/><place id="p2"/>
                  <arc id="a" source="p1" target="p2"/>
                 </net>
                </pnml>
                """;
        assertEquals("t.pnml:5:40: arc 'a' joins two places ('p1' and 'p2');"
                + " an arc goes from a place to a transition or back", error(xml));
    }
}

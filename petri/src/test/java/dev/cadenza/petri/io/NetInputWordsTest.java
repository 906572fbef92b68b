package dev.cadenza.petri.io;

import dev.cadenza.petri.PetriNet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Net files that are wrong in ways a user meets (another encoding, XInclude, no net, duplicate
 * ids, bounds too large for the engines, editors' line ends): one positioned message in the
 * user's words, and nothing from the XML parser on stderr.
 */
class NetInputWordsTest {

    private static final String NET = """
            <pnml xmlns="http://www.pnml.org/version-2009/grammar/pnml">
            <net id="n" type="http://www.pnml.org/version-2009/grammar/ptnet"><page id="g">
            <place id="p"><name><text>NAME</text></name><initialMarking><text>1</text></initialMarking></place>
            <transition id="t"/>
            <arc id="a" source="p" target="t"/>
            </page></net></pnml>
            """;

    private static PetriNet pnml(byte[] bytes) {
        return PnmlReader.read(new ByteArrayInputStream(bytes), "t.pnml");
    }

    private static String pnmlError(byte[] bytes) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return assertThrows(NetFormatException.class, () -> pnml(bytes)).getMessage();
        } finally {
            System.setErr(saved);
            assertEquals("", err.toString(StandardCharsets.UTF_8), "the XML parser printed on stderr");
        }
    }

    @Test
    void latin1BytesInAUtf8FileAreOneLineAtTheByte() {
        byte[] latin1 = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + NET.replace("NAME", "caf\u00e9"))
                .getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("t.pnml:4:30: not UTF-8 text (byte 0xE9 here): the file is in another encoding; declare it"
                + " (<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>) or save the file as UTF-8", pnmlError(latin1));
    }

    @Test
    void aDeclaredEightBitEncodingIsRead() {
        byte[] latin1 = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + NET.replace("NAME", "caf\u00e9"))
                .getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("caf\u00e9", pnml(latin1).place(0).label());
    }

    @Test
    void aUtf16DeclarationOnEightBitTextIsRefusedAtTheDeclaration() {
        byte[] wrong = ("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" + NET).getBytes(StandardCharsets.UTF_8);
        assertEquals("t.pnml:1:31: the XML declaration says encoding=\"UTF-16\", but the file is 8-bit text (no"
                + " byte-order mark); correct the declaration (encoding=\"UTF-8\") or save the file in UTF-16",
                pnmlError(wrong));
        byte[] real = ("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" + NET).getBytes(StandardCharsets.UTF_16);
        assertEquals(1, pnml(real).placeCount());
    }

    @Test
    void aByteOrderMarkAndCrLineEndsAreRead() {
        byte[] bom = ("\uFEFF<?xml version=\"1.0\"?>\r\n" + NET.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
        assertEquals(1, pnml(bom).placeCount());
    }

    @Test
    void xincludeIsRefusedWhereItStands() {
        String x = NET.replace("<page id=\"g\">", "<page id=\"g\"><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\""
                + " href=\"more.xml\"/>");
        assertEquals("t.pnml:2:152: <xi:include> (XInclude) pulls another file in; cadenza reads one self-contained"
                + " PNML file: put the included part in it", pnmlError(x.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aPnmlWithoutANetIsPlaced() {
        assertEquals("t.pnml:2:8: no <net …> in this <pnml>; a PNML file holds <pnml><net id=\"…\" type=\"…/ptnet\">"
                + " with places, transitions and arcs", pnmlError("<?xml version=\"1.0\"?>\n<pnml/>\n"
                .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void duplicateArcIdsAreRefused() {
        String twice = NET.replace("<arc id=\"a\" source=\"p\" target=\"t\"/>",
                "<arc id=\"a\" source=\"p\" target=\"t\"/>\n<arc id=\"a\" source=\"t\" target=\"p\"/>");
        assertEquals("t.pnml:6:36: a second element with id 'a'; ids must be unique in a net (arcs included)",
                pnmlError(twice.getBytes(StandardCharsets.UTF_8)));
        String likeANode = NET.replace("<arc id=\"a\"", "<arc id=\"p\"");
        assertEquals("t.pnml:5:36: a second element with id 'p'; ids must be unique in a net (arcs included)",
                pnmlError(likeANode.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void netIntervalsTooLargeForTheEnginesArePlaced() {
        NetFormatException e = assertThrows(NetFormatException.class,
                () -> TinaNetReader.read("h.net", "net h\ntr t [1,99999999999999999999] p -> q\npl p (1)\n", "h"));
        assertEquals("h.net:2:6: the interval [1,99999999999999999999] of t is too large: bounds must stay below"
                + " 2^27 = 134217728 time units; shorten it or use a coarser unit", e.getMessage());
        NetFormatException fine = assertThrows(NetFormatException.class,
                () -> TinaNetReader.read("h.net", "net h\ntr t [0,100000] p -> q\ntr u [1/10000,1] q -> p\n", "h"));
        assertEquals("h.net:2:6: the interval [0,100000] of t is too large: bounds must stay below 2^27 = 134217728"
                + " time units of 1/10000 (the net's finest fraction); shorten it or use a coarser unit",
                fine.getMessage());
        TinaNetReader.read("h.net", "net h\ntr t [0,134217727] p -> q\n", "h");
    }

    @Test
    void weightsThatAddUpBeyondALongArePlaced() {
        NetFormatException e = assertThrows(NetFormatException.class, () -> TinaNetReader.read("h.net",
                "tr t p*9000000000000000000 -> q\ntr t p*9000000000000000000 -> q\n", "h"));
        assertEquals("h.net:2:6: the weights of this arc add up beyond 9223372036854775807", e.getMessage());
    }

    @Test
    void netFilesInAnotherEncodingOrWithCrLineEnds(@TempDir Path dir) throws IOException {
        Path latin = dir.resolve("l.net");
        Files.write(latin, "net h\n# caf\u00e9\ntr t [1,2] p -> q\n".getBytes(StandardCharsets.ISO_8859_1));
        NetFormatException e = assertThrows(NetFormatException.class, () -> TinaNetReader.read(latin));
        assertEquals(latin + ":2:6: not UTF-8 text (byte 0xE9 here): the file is in another encoding or not text;"
                + " save it as UTF-8", e.getMessage());
        Path cr = dir.resolve("cr.net");
        Files.write(cr, "\uFEFFnet h\r# comment\rtr t [1,2] p -> q\rpl p (1)\r".getBytes(StandardCharsets.UTF_8));
        assertEquals(1, TinaNetReader.read(cr).transitionCount());
    }
}

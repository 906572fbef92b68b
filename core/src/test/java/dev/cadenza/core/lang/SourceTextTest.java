package dev.cadenza.core.lang;

import dev.cadenza.core.model.Model;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Model files as editors write them (a byte-order mark, CR or CRLF line ends), and files that are not text. */
class SourceTextTest {

    private static final String MODEL = "# a comment\ncomponent A {\n  places a, b\n  initial a\n"
            + "  behavior go { t: a -> b [1, 2] }\n}\nassembly x { a: A }\n";

    private static Model parse(byte[] bytes) {
        return ModelParser.parse("m.cdz", bytes);
    }

    @Test
    void aByteOrderMarkAndEveryLineEndReadTheSame() {
        Model plain = WithoutPositions.strip(parse(MODEL.getBytes(StandardCharsets.UTF_8)));
        byte[] bom = ("\uFEFF" + MODEL).getBytes(StandardCharsets.UTF_8);
        assertEquals(plain, WithoutPositions.strip(parse(bom)));
        assertEquals(plain, WithoutPositions.strip(parse(MODEL.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8))));
        // old Mac files: CR alone; the comment on the first line must not swallow the model
        Model cr = parse(MODEL.replace("\n", "\r").getBytes(StandardCharsets.UTF_8));
        assertEquals(plain, WithoutPositions.strip(cr));
        assertEquals(2, cr.types().get(0).position().line());
    }

    @Test
    void positionsCountLinesAsAnEditorShowsThem() {
        String bad = MODEL.replace("initial a", "initial @");
        for (String eol : new String[] {"\n", "\r\n", "\r"}) {
            ModelSyntaxException e = assertThrows(ModelSyntaxException.class,
                    () -> parse(("\uFEFF" + bad.replace("\n", eol)).getBytes(StandardCharsets.UTF_8)));
            assertEquals("m.cdz:4:11: unexpected character '@'", e.getMessage());
        }
    }

    @Test
    void anotherEncodingIsAnErrorAtTheFirstByteThatIsNotUtf8() {
        byte[] latin1 = MODEL.replace("# a comment", "# caf\u00e9 au lait").getBytes(StandardCharsets.ISO_8859_1);
        ModelSyntaxException e = assertThrows(ModelSyntaxException.class, () -> parse(latin1));
        assertEquals("m.cdz:1:6: not UTF-8 text (byte 0xE9 here): the file is in another encoding (Latin-1?) or not"
                + " text; save it as UTF-8", e.getMessage());
    }

    @Test
    void aBinaryFileIsSaidToBeOne() {
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (255 - i);
        }
        ModelSyntaxException e = assertThrows(ModelSyntaxException.class, () -> parse(binary));
        assertEquals("m.cdz:1:1: not UTF-8 text (byte 0xFF here): the file is in another encoding (Latin-1?) or not"
                + " text; save it as UTF-8", e.getMessage());
        byte[] withNul = "component A {\n\0\0".getBytes(StandardCharsets.UTF_8);
        ModelSyntaxException nul = assertThrows(ModelSyntaxException.class, () -> parse(withNul));
        assertEquals("m.cdz:2:1: this is a binary file (a NUL byte here), not a model; a model is UTF-8 text"
                + " (docs/language.md)", nul.getMessage());
    }

    @Test
    void invisibleCharactersAreShownByTheirCode() {
        ModelSyntaxException e = assertThrows(ModelSyntaxException.class,
                () -> parse("component A {\u0007".getBytes(StandardCharsets.UTF_8)));
        assertEquals("m.cdz:1:14: unexpected character U+0007", e.getMessage());
    }
}

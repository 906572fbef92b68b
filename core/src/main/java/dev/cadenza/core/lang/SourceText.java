package dev.cadenza.core.lang;

import dev.cadenza.core.model.SourcePosition;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of a model file as text: UTF-8, a leading byte-order mark dropped, and every line
 * end ({@code \r\n}, a lone {@code \r} of old Mac files, {@code \n}) made {@code \n}, so that
 * positions count lines as an editor shows them. A file that is not UTF-8 text (another encoding,
 * a binary file) is a syntax error at the line and column of the first byte that does not
 * decode, in the user's words: Java's "Input length = 1" says nothing to someone with a model.
 */
public final class SourceText {

    private SourceText() {
    }

    /** {@code bytes} decoded and normalised; a {@link ModelSyntaxException} at the first bad byte. */
    public static String decode(String file, byte[] bytes) {
        int nul = -1;
        for (int i = 0; i < bytes.length && nul < 0; i++) {
            if (bytes[i] == 0) {
                nul = i;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError() && (nul < 0 || in.position() < nul)) {
            int bad = in.position();
            throw new ModelSyntaxException(at(file, bytes, bad), String.format(
                    "not UTF-8 text (byte 0x%02X here): the file is in another encoding (Latin-1?) or not text;"
                            + " save it as UTF-8", bytes[bad] & 0xff));
        }
        if (nul >= 0) {
            // the first thing wrong is a NUL byte: text has none
            throw new ModelSyntaxException(at(file, bytes, nul),
                    "this is a binary file (a NUL byte here), not a model; a model is UTF-8 text (docs/language.md)");
        }
        decoder.flush(out);
        return normalise(out.flip().toString());
    }

    /** Without a byte-order mark, every line end {@code \n}. */
    public static String normalise(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (t.indexOf('\r') < 0) {
            return t;
        }
        return t.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The line and column (in characters) of byte {@code offset}, counting the valid text before it. */
    private static SourcePosition at(String file, byte[] bytes, int offset) {
        String before = new String(bytes, 0, offset, StandardCharsets.UTF_8);
        before = normalise(before);
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < before.length(); i++) {
            if (before.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new SourcePosition(file, line, before.length() - lineStart + 1);
    }
}

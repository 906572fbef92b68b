package dev.cadenza.petri.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of a .net file as text: UTF-8 (ASCII in practice), a byte-order mark dropped, every
 * line end made {@code \n}; a byte that does not decode is an error at its line and column. (The
 * model reader in core has the same rules; core and petri share no code.)
 */
final class NetText {

    private NetText() {
    }

    static String decode(String source, byte[] bytes) {
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
            throw error(source, bytes, bad, String.format("not UTF-8 text (byte 0x%02X here): the file is in another"
                    + " encoding or not text; save it as UTF-8", bytes[bad] & 0xff));
        }
        if (nul >= 0) {
            // the first thing wrong is a NUL byte: text has none
            throw error(source, bytes, nul, "this is a binary file (a NUL byte here), not a TINA net in text");
        }
        decoder.flush(out);
        return normalise(out.flip().toString());
    }

    static String normalise(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (t.indexOf('\r') < 0) {
            return t;
        }
        return t.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static NetFormatException error(String source, byte[] bytes, int offset, String problem) {
        String before = normalise(new String(bytes, 0, offset, StandardCharsets.UTF_8));
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < before.length(); i++) {
            if (before.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new NetFormatException(source, line, before.length() - lineStart + 1, problem);
    }
}

package dev.cadenza.petri.io;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens an XML stream so that an encoding problem is one positioned message in the user's
 * words. The JDK's parser, left to decode UTF-8 itself, reports a bad byte as "Invalid byte 2 of
 * 3-byte UTF-8 sequence" and also prints a {@code [Fatal Error] :-1:-1:} line on stderr that no
 * caller can suppress. So a file that is UTF-8 by its declaration (or by having none) is decoded
 * here, streaming, with the line and column of the first byte that is not UTF-8; a file that
 * declares another encoding (ISO-8859-1, …) or starts with a UTF-16/32 byte-order mark is left to
 * the parser, and one that declares UTF-16 or UTF-32 while its bytes are 8-bit text is refused
 * at its declaration.
 */
final class XmlText {

    private static final Pattern ENCODING = Pattern.compile("^<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([^\"']*)[\"']");

    private XmlText() {
    }

    static XMLStreamReader open(XMLInputFactory factory, InputStream in, String source) throws XMLStreamException {
        BufferedInputStream b = new BufferedInputStream(in, 1 << 16);
        byte[] head;
        try {
            b.mark(1024);
            head = b.readNBytes(1024);
            b.reset();
        } catch (IOException e) {
            throw new NetFormatException(source, "cannot read the file (" + e.getClass().getSimpleName() + ")");
        }
        if (head.length >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE))
                || head.length >= 4 && head[0] == 0 && head[1] == 0) {
            return factory.createXMLStreamReader(b); // UTF-16 or UTF-32 with a byte-order mark: the parser's
        }
        if (head.length >= 2 && (head[0] == 0 || head[1] == 0)) {
            return factory.createXMLStreamReader(b); // UTF-16 without a mark: the parser detects it
        }
        int start = head.length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF ? 3 : 0;
        String ascii = new String(head, start, head.length - start, StandardCharsets.ISO_8859_1);
        Matcher m = ENCODING.matcher(ascii);
        if (m.find()) {
            String declared = m.group(1).trim().toUpperCase(Locale.ROOT);
            if (declared.startsWith("UTF-16") || declared.startsWith("UTF-32") || declared.startsWith("UCS")) {
                throw new NetFormatException(source, 1, m.start(1) + 1, "the XML declaration says encoding=\""
                        + m.group(1) + "\", but the file is 8-bit text (no byte-order mark); correct the"
                        + " declaration (encoding=\"UTF-8\") or save the file in " + m.group(1));
            }
            if (!declared.equals("UTF-8") && !declared.equals("UTF8") && !declared.equals("US-ASCII")
                    && !declared.equals("ASCII")) {
                return factory.createXMLStreamReader(b); // a declared 8-bit encoding: the parser decodes it
            }
        }
        return factory.createXMLStreamReader(new Utf8(b, source));
    }

    /** Decodes UTF-8 as it streams, counting lines and columns, and drops a leading byte-order mark. */
    private static final class Utf8 extends Reader {
        private final InputStream in;
        private final String source;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        private final CharBuffer chars = CharBuffer.allocate(1 << 16);
        private boolean eof;
        private boolean first = true;
        private int line = 1;
        private int column = 1;
        private boolean afterCr;

        Utf8(InputStream in, String source) {
            this.in = in;
            this.source = source;
            bytes.flip();
            chars.flip();
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (!chars.hasRemaining()) {
                if (!fill()) {
                    return -1;
                }
            }
            int n = Math.min(len, chars.remaining());
            chars.get(buf, off, n);
            return n;
        }

        /** Decodes more characters; false at the end. */
        private boolean fill() throws IOException {
            if (eof && !bytes.hasRemaining()) {
                return false;
            }
            if (!eof) {
                bytes.compact();
                int got = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (got < 0) {
                    eof = true;
                } else {
                    bytes.position(bytes.position() + got);
                }
                bytes.flip();
            }
            chars.clear();
            CoderResult r = decoder.decode(bytes, chars, eof);
            if (eof && !r.isError()) {
                decoder.flush(chars);
            }
            chars.flip();
            count(chars);
            if (r.isError()) {
                int bad = bytes.get(bytes.position()) & 0xff;
                throw new NetFormatException(source, line, column, String.format("not UTF-8 text (byte 0x%02X here):"
                        + " the file is in another encoding; declare it (<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>)"
                        + " or save the file as UTF-8", bad));
            }
            if (first && chars.hasRemaining()) {
                first = false;
                if (chars.get(chars.position()) == '\uFEFF') {
                    chars.get();
                }
            }
            if (eof && !bytes.hasRemaining() && !chars.hasRemaining()) {
                return false;
            }
            return true;
        }

        /** Advances the position over the characters just decoded (XML's line ends: LF, CR, CRLF). */
        private void count(CharBuffer cs) {
            for (int i = cs.position(); i < cs.limit(); i++) {
                char c = cs.get(i);
                if (c == '\n') {
                    if (!afterCr) {
                        line++;
                    }
                    column = 1;
                    afterCr = false;
                } else if (c == '\r') {
                    line++;
                    column = 1;
                    afterCr = true;
                } else {
                    column++;
                    afterCr = false;
                }
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}

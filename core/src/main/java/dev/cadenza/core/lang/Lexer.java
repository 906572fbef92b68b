package dev.cadenza.core.lang;

import dev.cadenza.core.lang.Token.Kind;
import dev.cadenza.core.model.SourcePosition;

/**
 * Splits model text into tokens on demand. It is pulled by the parser one token at a time
 * rather than run ahead over the whole file, because two forms are not tokens at all and are
 * read raw: the predicate after {@code forbidden} (the petri module owns the predicate language,
 * which has characters of its own like {@code &&} and {@code !=}) and a loop header's bracket
 * note. {@code #} starts a comment to the end of the line.
 */
final class Lexer {

    private final String file;
    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;

    Lexer(String file, String text) {
        this.file = file;
        this.text = text;
    }

    /** Goes back to the start of a token already read (it must be on the current line or later). */
    void reset(Token t) {
        pos = t.offset();
        line = t.line();
        lineStart = t.offset() - (t.column() - 1);
    }

    SourcePosition positionAt(int line, int column) {
        return new SourcePosition(file, line, column);
    }

    Token next() {
        skipBlanksAndComments();
        int start = pos;
        int col = pos - lineStart + 1;
        if (pos >= text.length()) {
            return new Token(Kind.EOF, "", pos, pos, line, col);
        }
        char c = text.charAt(pos);
        if (isNameStart(c)) {
            while (pos < text.length() && isNamePart(text.charAt(pos))) {
                pos++;
            }
            return token(Kind.NAME, start, col);
        }
        if (Character.isDigit(c)) {
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            // "2..n" is a range, "2.5" a decimal
            if (pos + 1 < text.length() && text.charAt(pos) == '.' && Character.isDigit(text.charAt(pos + 1))) {
                pos++;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
            }
            return token(Kind.NUMBER, start, col);
        }
        if (c == '"') {
            return string(start, col);
        }
        pos++;
        return switch (c) {
            case '{' -> token(Kind.LBRACE, start, col);
            case '}' -> token(Kind.RBRACE, start, col);
            case '(' -> token(Kind.LPAREN, start, col);
            case ')' -> token(Kind.RPAREN, start, col);
            case '[' -> token(Kind.LBRACKET, start, col);
            case ']' -> token(Kind.RBRACKET, start, col);
            case ',' -> token(Kind.COMMA, start, col);
            case ':' -> token(Kind.COLON, start, col);
            case '=' -> token(Kind.EQUALS, start, col);
            case '+' -> token(Kind.PLUS, start, col);
            case '~' -> token(Kind.TILDE, start, col);
            case '.' -> {
                if (pos < text.length() && text.charAt(pos) == '.') {
                    pos++;
                    yield token(Kind.DOTDOT, start, col);
                }
                yield token(Kind.DOT, start, col);
            }
            case '-' -> {
                if (pos < text.length() && text.charAt(pos) == '>') {
                    pos++;
                    yield token(Kind.ARROW, start, col);
                }
                yield token(Kind.MINUS, start, col);
            }
            default -> throw new ModelSyntaxException(positionAt(line, col), "unexpected character " + shown(c));
        };
    }

    /**
     * The raw text from here to the end of the line, a {@code #} comment or a {@code }} (whichever
     * comes first), trimmed; the lexer continues after it. Returns null when it is empty.
     */
    PredicateSpan restOfLine() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
        int start = pos;
        int col = pos - lineStart + 1;
        while (pos < text.length() && "\n\r#}".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        String raw = text.substring(start, pos).strip();
        return raw.isEmpty() ? null : new PredicateSpan(raw, positionAt(line, col));
    }

    /** Skips raw text up to and including the next {@code close} on this line; false if there is none. */
    boolean skipPast(char close) {
        while (pos < text.length() && text.charAt(pos) != '\n') {
            if (text.charAt(pos++) == close) {
                return true;
            }
        }
        return false;
    }

    /** A character as the user can see it: invisible and control characters by their code. */
    static String shown(char c) {
        if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.getType(c) == Character.FORMAT
                || Character.isSurrogate(c) || c == '\uFFFD') {
            return String.format("U+%04X", (int) c);
        }
        return "'" + c + "'" + (c > 126 ? String.format(" (U+%04X)", (int) c) : "");
    }

    record PredicateSpan(String text, SourcePosition position) {
    }

    private Token token(Kind kind, int start, int col) {
        return new Token(kind, text.substring(start, pos), start, pos, line, col);
    }

    private Token string(int start, int col) {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length() || text.charAt(pos) == '\n') {
                throw new ModelSyntaxException(positionAt(line, col), "unterminated string; close it with '\"' on the same line");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                break;
            }
            if (c == '\\' && pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                char e = text.charAt(pos++);
                switch (e) {
                    case '"', '\\' -> sb.append(e);
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    default -> throw new ModelSyntaxException(positionAt(line, pos - 1 - lineStart),
                            "unknown escape '\\" + e + "' in string; use \\\", \\\\, \\n or \\t");
                }
            } else {
                sb.append(c);
            }
        }
        return new Token(Kind.STRING, sb.toString(), start, pos, line, col);
    }

    private void skipBlanksAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }
}

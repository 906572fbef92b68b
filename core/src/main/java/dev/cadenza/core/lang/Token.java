package dev.cadenza.core.lang;

/** One lexeme: its kind, its text as written, where it starts and ends (offsets) and its line:col. */
record Token(Kind kind, String text, int offset, int end, int line, int column) {

    enum Kind {
        NAME, NUMBER, STRING,
        LBRACE, RBRACE, LPAREN, RPAREN, LBRACKET, RBRACKET,
        COMMA, COLON, DOT, DOTDOT, ARROW, EQUALS, PLUS, MINUS, TILDE,
        EOF
    }

    boolean is(Kind k) {
        return kind == k;
    }

    boolean isName(String word) {
        return kind == Kind.NAME && text.equals(word);
    }

    /** How an error message names this token: {@code 'foo'}, {@code a string}, {@code end of file}. */
    String describe() {
        return switch (kind) {
            case EOF -> "end of file";
            case STRING -> "a string";
            default -> "'" + text + "'";
        };
    }
}

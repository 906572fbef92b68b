package dev.cadenza.cli;

import java.util.List;

/**
 * Writes one JSON object, fields in the order given. Enough for command results (numbers,
 * booleans, strings, lists of strings); not worth a library.
 */
final class JsonWriter {

    private final StringBuilder out = new StringBuilder("{");
    private boolean first = true;

    JsonWriter field(String name, long value) {
        return raw(name, Long.toString(value));
    }

    JsonWriter field(String name, boolean value) {
        return raw(name, Boolean.toString(value));
    }

    /** A finite number as written by Java (JSON has no NaN or infinity). */
    JsonWriter field(String name, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " is not a finite number: " + value);
        }
        return raw(name, Double.toString(value));
    }

    JsonWriter field(String name, String value) {
        return raw(name, value == null ? "null" : quote(value));
    }

    JsonWriter field(String name, List<String> values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(quote(values.get(i)));
        }
        return raw(name, b.append(']').toString());
    }

    private JsonWriter raw(String name, String json) {
        if (!first) {
            out.append(", ");
        }
        first = false;
        out.append(quote(name)).append(": ").append(json);
        return this;
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    @Override
    public String toString() {
        return out + "}";
    }
}

package dev.cadenza.cli;

import java.util.List;
import java.util.Map;

/**
 * Writes nested values as JSON for the model commands' {@code --json} output: maps (in their
 * iteration order, so use LinkedHashMap), lists, strings, numbers, booleans and null.
 * {@link JsonWriter} builds flat objects field by field for the net commands; both quote alike.
 */
final class Json {

    private Json() {
    }

    static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb);
        return sb.toString();
    }

    private static void write(Object value, StringBuilder sb) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof String s) {
            quote(s, sb);
        } else if (value instanceof Number || value instanceof Boolean) {
            sb.append(value);
        } else if (value instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                quote(String.valueOf(e.getKey()), sb);
                sb.append(": ");
                write(e.getValue(), sb);
            }
            sb.append('}');
        } else if (value instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                write(list.get(i), sb);
            }
            sb.append(']');
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass());
        }
    }

    /** One escaping rule for both writers: {@link JsonWriter#quote}. */
    private static void quote(String s, StringBuilder sb) {
        sb.append(JsonWriter.quote(s));
    }
}

package dev.cadenza.petri.io;

import dev.cadenza.petri.Arc;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.Place;
import dev.cadenza.petri.Transition;

import java.util.regex.Pattern;

/**
 * Writes a net in TINA's {@code .net} format so that {@link TinaNetReader} reads back an equal
 * net: every place is declared (in order, with its marking) before the transitions, so indices
 * survive; names that are not plain TINA names are written as {@code {…}} with escapes.
 * Non-integer bounds are written as fractions {@code p/q}, which TINA itself does not read.
 */
public final class TinaNetWriter {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_']+");

    private TinaNetWriter() {
    }

    public static String write(PetriNet net) {
        StringBuilder sb = new StringBuilder();
        if (net.name() != null) {
            sb.append("net ").append(name(net.name())).append('\n');
        }
        for (Place p : net.places()) {
            sb.append("pl ").append(name(p.name()));
            if (p.label() != null) {
                sb.append(" : ").append(name(p.label()));
            }
            sb.append(" (").append(p.initialTokens()).append(")\n");
        }
        for (Transition t : net.transitions()) {
            sb.append("tr ").append(name(t.name()));
            if (t.label() != null) {
                sb.append(" : ").append(name(t.label()));
            }
            sb.append(' ').append(t.interval());
            for (Arc a : t.inputs()) {
                sb.append(' ').append(name(net.place(a.place()).name()));
                switch (a.kind()) {
                    case NORMAL -> {
                        if (a.weight() != 1) {
                            sb.append('*').append(a.weight());
                        }
                    }
                    case READ -> sb.append('?').append(a.weight());
                    case INHIBITOR -> sb.append("?-").append(a.weight());
                }
            }
            sb.append(" ->");
            for (Arc a : t.outputs()) {
                sb.append(' ').append(name(net.place(a.place()).name()));
                if (a.weight() != 1) {
                    sb.append('*').append(a.weight());
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** A name as TINA reads it: plain when it can be, else braced with {, } and \ escaped. */
    static String name(String n) {
        if (PLAIN.matcher(n).matches() && !isKeyword(n)) {
            return n;
        }
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == '{' || c == '}' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('}').toString();
    }

    private static boolean isKeyword(String n) {
        return switch (n) {
            case "net", "pl", "tr", "lb", "pr", "nt", "w" -> true;
            default -> false;
        };
    }
}

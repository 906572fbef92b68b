package dev.cadenza.petri.io;

import dev.cadenza.petri.Arc;
import dev.cadenza.petri.ArcKind;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.TimeInterval;
import dev.cadenza.petri.Transition;
import org.apache.commons.math3.fraction.BigFraction;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads TINA's textual {@code .net} format (the grammar of TINA's {@code formats(n)} manual page):
 * {@code net}, {@code pl}, {@code tr} and {@code lb} declarations, superposed in file order.
 *
 * <p>Beyond TINA's integers, interval bounds may be decimals ({@code 1.5}) or fractions
 * ({@code 3/2}). Priorities ({@code pr}), notes ({@code nt}), stopwatch arcs ({@code !k},
 * {@code !-k}) and any other construct are refused with {@code file:line:col}: they would change
 * the meaning of the net, and dropping them silently would give wrong answers.
 *
 * <p>Superposition: every mention of a place or transition creates it (places with marking 0,
 * transitions with [0,w[); weights of repeated normal arcs add up; repeated read arcs keep the
 * largest weight and repeated inhibitor arcs the smallest (both tests must hold); a second,
 * different interval, marking or label for the same node is refused rather than guessed.
 */
public final class TinaNetReader {

    private final String source;
    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;

    private String netName;
    private final Map<String, PlaceDecl> places = new LinkedHashMap<>();
    private final Map<String, TransitionDecl> transitions = new LinkedHashMap<>();

    private TinaNetReader(String source, String text) {
        this.source = source;
        this.text = text;
    }

    public static PetriNet read(Path file) {
        String text;
        try {
            text = NetText.decode(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new NetFormatException(file.toString(), "cannot read: " + e.getMessage());
        }
        String stem = file.getFileName().toString().replaceFirst("\\.net$", "");
        return read(file.toString(), text, stem);
    }

    /** {@code source} names the input in error messages; {@code defaultName} is used without {@code net}. */
    public static PetriNet read(String source, String text, String defaultName) {
        TinaNetReader r = new TinaNetReader(source, NetText.normalise(text));
        r.parse();
        return r.build(defaultName);
    }

    /**
     * {@code problem}, placed where {@code file} first writes the arc between {@code transition}
     * and {@code place} (or, when {@code transition} is null, the marking of {@code place}): for
     * a limit that only an engine meets, after the file was read (an arc weight too large for the
     * timed engines, which the untimed marking graph takes). Without a position when the file no
     * longer reads or does not write it.
     */
    public static NetFormatException placed(Path file, String transition, String place, String problem) {
        try {
            TinaNetReader r = new TinaNetReader(file.toString(),
                    NetText.normalise(NetText.decode(file.toString(), Files.readAllBytes(file))));
            r.parse();
            Token at = null;
            if (transition == null) {
                PlaceDecl p = r.places.get(place);
                at = p == null ? null : p.markingAt;
            } else {
                TransitionDecl t = r.transitions.get(transition);
                at = t == null ? null : t.arcAt.get(place);
            }
            if (at != null) {
                return new NetFormatException(file.toString(), at.line(), at.col(), problem);
            }
        } catch (IOException | NetFormatException e) {
            // the file changed since it was read: say the problem without a position
        }
        return new NetFormatException(file.toString(), problem);
    }

    // ---------------------------------------------------------------- declarations

    private void parse() {
        while (true) {
            skipBlanks();
            if (pos >= text.length()) {
                return;
            }
            Token kw = next();
            if (kw.kind != Kind.WORD) {
                throw error(kw, "expected a declaration (net, pl, tr, lb), found '" + kw.text + "'");
            }
            switch (kw.text) {
                case "net" -> netName = name(next(), "a net name");
                case "pl" -> placeDecl();
                case "tr" -> transitionDecl();
                case "lb" -> labelDecl();
                case "pr" -> throw error(kw, "priorities (pr) are not supported: cadenza computes state classes"
                        + " without priorities; remove the pr declaration");
                case "nt" -> throw error(kw, "notes (nt) are not supported; remove the nt declaration");
                default -> throw error(kw, "unknown declaration '" + kw.text + "': expected net, pl, tr or lb");
            }
        }
    }

    private void placeDecl() {
        Token nameTok = next();
        String p = name(nameTok, "a place name");
        PlaceDecl decl = place(p);
        Token t = peek();
        if (t.kind == Kind.COLON) {
            next();
            setLabel(decl, name(next(), "a label"), t);
            t = peek();
        }
        if (t.kind == Kind.LPAREN) {
            next();
            Token m = next();
            long marking = count(m, "a marking");
            expect(Kind.RPAREN, "')' after the marking");
            if (decl.markingSet && decl.marking != marking) {
                throw error(m, "place " + p + " already has marking " + decl.marking);
            }
            decl.marking = marking;
            decl.markingSet = true;
            if (decl.markingAt == null) {
                decl.markingAt = m;
            }
        }
        if (!startsArc(peek())) {
            return;
        }
        // pl p t1 t2*2 -> t3 : the inputs of p are transitions producing into p (normal arcs);
        // its outputs are transitions reading from p, with any kind of input arc.
        while (startsArc(peek())) {
            Token tt = next();
            String tr = name(tt, "a transition name");
            ArcSpec a = arcSuffix(false);
            transition(tr).arcAt.putIfAbsent(p, tt);
            add(tt, () -> transition(tr).addOutput(p, a.weight));
        }
        expect(Kind.ARROW, "'->' between the transitions feeding " + p + " and those it feeds");
        while (startsArc(peek())) {
            Token tt = next();
            String tr = name(tt, "a transition name");
            ArcSpec a = arcSuffix(true);
            transition(tr).arcAt.putIfAbsent(p, tt);
            add(tt, () -> transition(tr).addInput(p, a.kind, a.weight));
        }
    }

    private void transitionDecl() {
        Token nameTok = next();
        String tname = name(nameTok, "a transition name");
        TransitionDecl decl = transition(tname);
        Token t = peek();
        if (t.kind == Kind.COLON) {
            next();
            setLabel(decl, name(next(), "a label"), t);
            t = peek();
        }
        if (t.kind == Kind.LBRACKET || t.kind == Kind.RBRACKET) {
            TimeInterval iv = interval();
            if (decl.interval != null && !decl.interval.equals(iv)) {
                throw error(t, "transition " + tname + " already has the interval " + decl.interval);
            }
            decl.interval = iv;
            decl.intervalAt = t;
        }
        if (!startsArc(peek()) && peek().kind != Kind.ARROW) {
            return;
        }
        while (startsArc(peek())) {
            Token pt = next();
            String p = name(pt, "a place name");
            place(p);
            ArcSpec a = arcSuffix(true);
            decl.arcAt.putIfAbsent(p, pt);
            add(pt, () -> decl.addInput(p, a.kind, a.weight));
        }
        expect(Kind.ARROW, "'->' between the input and output places of " + tname);
        while (startsArc(peek())) {
            Token pt = next();
            String p = name(pt, "a place name");
            place(p);
            ArcSpec a = arcSuffix(false);
            decl.arcAt.putIfAbsent(p, pt);
            add(pt, () -> decl.addOutput(p, a.weight));
        }
    }

    private void labelDecl() {
        Token nt = next();
        String n = name(nt, "a place or transition name");
        Token lt = next();
        String label = name(lt, "a label");
        if (places.containsKey(n)) {
            setLabel(places.get(n), label, lt);
        } else if (transitions.containsKey(n)) {
            setLabel(transitions.get(n), label, lt);
        } else {
            throw error(nt, "lb names '" + n + "', which is not a place or transition declared before it");
        }
    }

    private void setLabel(Node node, String label, Token at) {
        if (node.label != null && !node.label.equals(label)) {
            throw error(at, node.name + " already has the label " + node.label);
        }
        node.label = label;
    }

    private record ArcSpec(ArcKind kind, long weight) {
    }

    private ArcSpec arcSuffix(boolean input) {
        Token t = peek();
        switch (t.kind) {
            case STAR -> {
                next();
                return new ArcSpec(ArcKind.NORMAL, weight(next()));
            }
            case QUESTION -> {
                if (!input) {
                    throw error(t, "an output arc cannot be a read arc; write p or p*k");
                }
                next();
                return new ArcSpec(ArcKind.READ, weight(next()));
            }
            case QUESTION_MINUS -> {
                if (!input) {
                    throw error(t, "an output arc cannot be an inhibitor arc; write p or p*k");
                }
                next();
                return new ArcSpec(ArcKind.INHIBITOR, weight(next()));
            }
            case BANG, BANG_MINUS -> throw error(t, "stopwatch arcs (!k, !-k) are not supported");
            default -> {
                return new ArcSpec(ArcKind.NORMAL, 1);
            }
        }
    }

    private static boolean startsArc(Token t) {
        return (t.kind == Kind.WORD && !isKeyword(t.text)) || t.kind == Kind.QNAME;
    }

    private static boolean isKeyword(String w) {
        return switch (w) {
            case "net", "pl", "tr", "lb", "pr", "nt" -> true;
            default -> false;
        };
    }

    // ---------------------------------------------------------------- values

    private TimeInterval interval() {
        Token open = next();
        boolean lowerOpen = open.kind == Kind.RBRACKET;
        BigFraction lo = bound(next());
        expect(Kind.COMMA, "',' between the bounds of the interval");
        Token hiTok = next();
        BigFraction hi = hiTok.kind == Kind.WORD && hiTok.text.equals("w") ? null : bound(hiTok);
        Token close = next();
        if (close.kind != Kind.LBRACKET && close.kind != Kind.RBRACKET) {
            throw error(close, "expected ']' or '[' closing the interval, found '" + close.text + "'");
        }
        boolean upperOpen = close.kind == Kind.LBRACKET;
        if (hi == null && !upperOpen) {
            throw error(close, "an infinite upper bound is open: write w[");
        }
        try {
            return new TimeInterval(lo, lowerOpen, hi, upperOpen);
        } catch (IllegalArgumentException e) {
            throw error(open, e.getMessage());
        }
    }

    private BigFraction bound(Token t) {
        if (t.kind == Kind.WORD && !t.text.isEmpty() && Character.isDigit(t.text.charAt(0))) {
            String s = t.text;
            try {
                int slash = s.indexOf('/');
                if (slash >= 0) {
                    BigInteger num = new BigInteger(s.substring(0, slash));
                    BigInteger den = new BigInteger(s.substring(slash + 1));
                    if (den.signum() == 0) {
                        throw error(t, "division by zero in bound " + s);
                    }
                    return new BigFraction(num, den);
                }
                BigDecimal d = new BigDecimal(s);
                if (d.scale() <= 0) {
                    return new BigFraction(d.toBigIntegerExact());
                }
                return new BigFraction(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
            } catch (NumberFormatException | ArithmeticException e) {
                // falls through to the error below
            }
        }
        throw error(t, "expected a time bound (an integer, a decimal like 1.5 or a fraction like 3/2), found '"
                + t.text + "'");
    }

    private long weight(Token t) {
        long w = count(t, "an arc weight");
        if (w < 1) {
            throw error(t, "an arc weight must be at least 1");
        }
        return w;
    }

    /** INT{K|M|G}: 6K = 6000. */
    private long count(Token t, String what) {
        String s = t.text;
        if (t.kind == Kind.WORD && !s.isEmpty()) {
            long mult = 1;
            char last = s.charAt(s.length() - 1);
            if (last == 'K' || last == 'M' || last == 'G') {
                mult = last == 'K' ? 1_000L : last == 'M' ? 1_000_000L : 1_000_000_000L;
                s = s.substring(0, s.length() - 1);
            }
            if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
                try {
                    return Math.multiplyExact(Long.parseLong(s), mult);
                } catch (NumberFormatException | ArithmeticException e) {
                    throw error(t, what + " too large: " + t.text);
                }
            }
        }
        throw error(t, "expected " + what + " (an integer, optionally followed by K, M or G), found '"
                + t.text + "'");
    }

    private String name(Token t, String what) {
        if (t.kind == Kind.QNAME || (t.kind == Kind.WORD && !isKeyword(t.text))) {
            return t.text;
        }
        throw error(t, "expected " + what + ", found " + (t.kind == Kind.EOF ? "the end of the file" : "'" + t.text + "'"));
    }

    private void expect(Kind kind, String what) {
        Token t = next();
        if (t.kind != kind) {
            throw error(t, "expected " + what + ", found " + (t.kind == Kind.EOF ? "the end of the file" : "'" + t.text + "'"));
        }
    }

    // ---------------------------------------------------------------- building

    private abstract static class Node {
        final String name;
        String label;

        Node(String name) {
            this.name = name;
        }
    }

    private static final class PlaceDecl extends Node {
        long marking;
        boolean markingSet;
        /** Where the marking was first written. */
        Token markingAt;

        PlaceDecl(String name) {
            super(name);
        }
    }

    private record InputKey(ArcKind kind, String place) {
    }

    private static final class TransitionDecl extends Node {
        TimeInterval interval;
        /** Where the interval was written, for an error about its size. */
        Token intervalAt;
        /** Where each arc (by place) was first written, for an error about its weight. */
        final Map<String, Token> arcAt = new LinkedHashMap<>();
        final Map<String, Long> normalIn = new LinkedHashMap<>();
        final Map<String, Long> readIn = new LinkedHashMap<>();
        final Map<String, Long> inhibitIn = new LinkedHashMap<>();
        final Map<String, Long> out = new LinkedHashMap<>();
        /** Input arcs in order of first mention, as (kind, place): the built net keeps that order. */
        final List<InputKey> inputOrder = new ArrayList<>();

        TransitionDecl(String name) {
            super(name);
        }

        void addInput(String p, ArcKind kind, long w) {
            Map<String, Long> m = switch (kind) {
                case NORMAL -> normalIn;
                case READ -> readIn;
                case INHIBITOR -> inhibitIn;
            };
            Long old = m.get(p);
            if (old == null) {
                inputOrder.add(new InputKey(kind, p));
                m.put(p, w);
            } else {
                m.put(p, switch (kind) {
                    case NORMAL -> Math.addExact(old, w);
                    case READ -> Math.max(old, w);
                    case INHIBITOR -> Math.min(old, w);
                });
            }
        }

        void addOutput(String p, long w) {
            out.merge(p, w, Math::addExact);
        }
    }

    private PlaceDecl place(String name) {
        return places.computeIfAbsent(name, PlaceDecl::new);
    }

    private TransitionDecl transition(String name) {
        return transitions.computeIfAbsent(name, TransitionDecl::new);
    }

    /** Declarations add up: an arc whose weights add up beyond a long is an error where it is written. */
    private void add(Token at, Runnable addArc) {
        try {
            addArc.run();
        } catch (ArithmeticException e) {
            throw error(at, "the weights of this arc add up beyond " + Long.MAX_VALUE);
        }
    }

    /**
     * The engines scale every bound of the net by one time unit (the least common multiple of the
     * bounds' denominators) to integers of at most {@value #MAX_TIME_BITS} bits; a bound beyond
     * that is refused here, at its interval, rather than by the engine without a position.
     */
    static final int MAX_TIME_BITS = dev.cadenza.petri.classes.TimedNet.MAX_TIME_BITS;

    private void checkTimeScale() {
        BigInteger scale = BigInteger.ONE;
        for (TransitionDecl t : transitions.values()) {
            if (t.interval != null) {
                scale = lcm(scale, t.interval.lower().getDenominator());
                if (t.interval.upper() != null) {
                    scale = lcm(scale, t.interval.upper().getDenominator());
                }
            }
        }
        for (TransitionDecl t : transitions.values()) {
            if (t.interval == null) {
                continue;
            }
            BigFraction widest = t.interval.upper() != null ? t.interval.upper() : t.interval.lower();
            BigInteger units = widest.multiply(new BigFraction(scale)).getNumerator();
            if (units.bitLength() > MAX_TIME_BITS) {
                throw error(t.intervalAt, "the interval " + t.interval + " of " + t.name + " is too large: bounds"
                        + " must stay below 2^" + MAX_TIME_BITS + " = " + (1 << MAX_TIME_BITS) + " time units"
                        + (scale.equals(BigInteger.ONE) ? "" : " of 1/" + scale + " (the net's finest fraction)")
                        + "; shorten it or use a coarser unit");
            }
        }
    }

    private static BigInteger lcm(BigInteger a, BigInteger b) {
        return a.divide(a.gcd(b)).multiply(b);
    }

    private PetriNet build(String defaultName) {
        checkTimeScale();
        PetriNet.Builder b = PetriNet.builder(netName != null ? netName : defaultName);
        for (PlaceDecl p : places.values()) {
            b.place(p.name, p.label, p.marking);
        }
        for (TransitionDecl t : transitions.values()) {
            List<Arc> in = new ArrayList<>();
            for (InputKey key : t.inputOrder) {
                ArcKind k = key.kind();
                String p = key.place();
                long w = switch (k) {
                    case NORMAL -> t.normalIn.get(p);
                    case READ -> t.readIn.get(p);
                    case INHIBITOR -> t.inhibitIn.get(p);
                };
                in.add(new Arc(b.placeIndex(p), w, k));
            }
            List<Arc> out = new ArrayList<>();
            for (Map.Entry<String, Long> e : t.out.entrySet()) {
                out.add(Arc.normal(b.placeIndex(e.getKey()), e.getValue()));
            }
            TimeInterval iv = t.interval != null ? t.interval : TimeInterval.UNBOUNDED;
            b.transition(new Transition(t.name, t.label, iv, in, out));
        }
        return b.build();
    }

    // ---------------------------------------------------------------- lexer

    private enum Kind {
        WORD, QNAME, COLON, LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, ARROW, STAR, QUESTION, QUESTION_MINUS,
        BANG, BANG_MINUS, OTHER, EOF
    }

    private record Token(Kind kind, String text, int line, int col) {
    }

    private Token lookahead;

    private Token peek() {
        if (lookahead == null) {
            lookahead = scan();
        }
        return lookahead;
    }

    private Token next() {
        Token t = peek();
        lookahead = null;
        return t;
    }

    private void skipBlanks() {
        if (lookahead != null) {
            return;
        }
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (Character.isWhitespace(c)) {
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

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '\'';
    }

    private Token scan() {
        skipBlanks();
        int col = pos - lineStart + 1;
        if (pos >= text.length()) {
            return new Token(Kind.EOF, "", line, col);
        }
        char c = text.charAt(pos);
        int start = pos;
        if (c == '{') {
            StringBuilder sb = new StringBuilder();
            int l0 = line;
            pos++;
            while (true) {
                if (pos >= text.length()) {
                    throw new NetFormatException(source, l0, col, "unterminated {name}: missing '}'");
                }
                char d = text.charAt(pos++);
                if (d == '\\' && pos < text.length()) {
                    sb.append(text.charAt(pos++));
                } else if (d == '}') {
                    break;
                } else {
                    if (d == '\n') {
                        line++;
                        lineStart = pos;
                    }
                    sb.append(d);
                }
            }
            return new Token(Kind.QNAME, sb.toString(), l0, col);
        }
        if (wordChar(c)) {
            boolean number = Character.isDigit(c);
            while (pos < text.length()) {
                char d = text.charAt(pos);
                if (wordChar(d) || (number && (d == '.' || d == '/'))) {
                    pos++;
                } else {
                    break;
                }
            }
            return new Token(Kind.WORD, text.substring(start, pos), line, col);
        }
        pos++;
        Kind k = switch (c) {
            case ':' -> Kind.COLON;
            case '(' -> Kind.LPAREN;
            case ')' -> Kind.RPAREN;
            case '[' -> Kind.LBRACKET;
            case ']' -> Kind.RBRACKET;
            case ',' -> Kind.COMMA;
            case '*' -> Kind.STAR;
            case '-' -> {
                if (pos < text.length() && text.charAt(pos) == '>') {
                    pos++;
                    yield Kind.ARROW;
                }
                yield Kind.OTHER;
            }
            case '?' -> {
                if (pos < text.length() && text.charAt(pos) == '-') {
                    pos++;
                    yield Kind.QUESTION_MINUS;
                }
                yield Kind.QUESTION;
            }
            case '!' -> {
                if (pos < text.length() && text.charAt(pos) == '-') {
                    pos++;
                    yield Kind.BANG_MINUS;
                }
                yield Kind.BANG;
            }
            default -> Kind.OTHER;
        };
        return new Token(k, text.substring(start, pos), line, col);
    }

    private NetFormatException error(Token t, String problem) {
        return new NetFormatException(source, t.line, t.col, problem);
    }
}

package dev.cadenza.core.lang;

import dev.cadenza.core.lang.Token.Kind;
import dev.cadenza.core.model.Assembly;
import dev.cadenza.core.model.Behavior;
import dev.cadenza.core.model.ComponentType;
import dev.cadenza.core.model.Connection;
import dev.cadenza.core.model.Deployment;
import dev.cadenza.core.model.DeploymentEntry;
import dev.cadenza.core.model.Distribution;
import dev.cadenza.core.model.Duration;
import dev.cadenza.core.model.ForLoop;
import dev.cadenza.core.model.Group;
import dev.cadenza.core.model.Instance;
import dev.cadenza.core.model.Instruction;
import dev.cadenza.core.model.IntExpr;
import dev.cadenza.core.model.Join;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.Parameter;
import dev.cadenza.core.model.PlaceDecl;
import dev.cadenza.core.model.Port;
import dev.cadenza.core.model.PortBinding;
import dev.cadenza.core.model.PortDirection;
import dev.cadenza.core.model.PortKind;
import dev.cadenza.core.model.PortRef;
import dev.cadenza.core.model.PredicateText;
import dev.cadenza.core.model.Program;
import dev.cadenza.core.model.PropertySpec;
import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.core.model.Semantics;
import dev.cadenza.core.model.Statement;
import dev.cadenza.core.model.TransitionDecl;
import dev.cadenza.core.model.TransitionRef;
import dev.cadenza.core.model.VerifyBlock;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a model file (docs/language.md) into a {@link Model}, stopping at the first syntax error.
 *
 * <p>Hand-written rather than generated (ANTLR and the like): the grammar is small, every error
 * message should say exactly what was expected where, and three forms do not fit a context-free
 * token grammar well — loop bodies end where the indentation does, lists end at the end of a
 * line unless a comma continues them, and {@code forbidden} predicates are kept as raw text for
 * the petri module's parser. A few dozen lines of recursive descent say all that plainly.
 *
 * <p>Every node carries the line:col of its first token. Names are checked against each other
 * by {@link ModelValidator}, not here.
 */
public final class ModelParser {

    private static final String DECLARATIONS =
            "'component', 'program', 'assembly', 'deployment', 'verify', 'semantics' or 'step'";

    /**
     * The deepest nesting of loops read. The parser and everything after it (validation, unrolling,
     * translation, printing) recurse over loop bodies; a deeper input would overflow the stack.
     */
    public static final int MAX_LOOP_DEPTH = 200;

    private final Lexer lexer;
    private Token peeked;
    private int loopDepth;

    private ModelParser(String file, String text) {
        this.lexer = new Lexer(file, text);
    }

    /**
     * Parses {@code text}, naming {@code fileName} in positions and messages. A byte-order mark
     * and {@code \r\n} or lone {@code \r} line ends are read as an editor shows them.
     */
    public static Model parse(String fileName, String text) {
        return new ModelParser(fileName, SourceText.normalise(text)).file(fileName);
    }

    /** Parses a file's bytes: UTF-8 text, else a syntax error at the first byte that is not ({@link SourceText}). */
    public static Model parse(String fileName, byte[] bytes) {
        return parse(fileName, SourceText.decode(fileName, bytes));
    }

    // ---- tokens

    private Token peek() {
        if (peeked == null) {
            peeked = lexer.next();
        }
        return peeked;
    }

    private Token take() {
        Token t = peek();
        peeked = null;
        return t;
    }

    private SourcePosition pos(Token t) {
        return lexer.positionAt(t.line(), t.column());
    }

    private ModelSyntaxException error(Token at, String message) {
        return new ModelSyntaxException(pos(at), message);
    }

    private Token expect(Kind kind, String what) {
        Token t = peek();
        if (!t.is(kind)) {
            throw error(t, "expected " + what + ", found " + t.describe());
        }
        return take();
    }

    private Token expectName(String what) {
        return expect(Kind.NAME, what);
    }

    private void expectWord(String word) {
        Token t = peek();
        if (!t.isName(word)) {
            throw error(t, "expected '" + word + "', found " + t.describe());
        }
        take();
    }

    private boolean accept(Kind kind) {
        if (peek().is(kind)) {
            take();
            return true;
        }
        return false;
    }

    /**
     * A name list: names separated by commas or by blanks on one line. The list ends at the end
     * of the line unless a comma continues it.
     */
    private List<String> nameList(String what) {
        List<String> names = new ArrayList<>();
        Token last = expectName(what);
        names.add(last.text());
        while (true) {
            if (accept(Kind.COMMA)) {
                last = expectName(what);
                names.add(last.text());
            } else if (peek().is(Kind.NAME) && peek().line() == last.line()) {
                last = take();
                names.add(last.text());
            } else {
                return names;
            }
        }
    }

    /** Names up to a closing brace, commas optional: {@code { a, b c }}. */
    private List<String> bracedNames(String what) {
        expect(Kind.LBRACE, "'{'");
        List<String> names = new ArrayList<>();
        while (!accept(Kind.RBRACE)) {
            if (!names.isEmpty()) {
                accept(Kind.COMMA);
            }
            names.add(expectName(what + " or '}'").text());
        }
        if (names.isEmpty()) {
            throw error(peek(), "empty " + what + " list; name at least one between the braces");
        }
        return names;
    }

    // ---- file

    private Model file(String fileName) {
        List<ComponentType> types = new ArrayList<>();
        List<Assembly> assemblies = new ArrayList<>();
        List<Program> programs = new ArrayList<>();
        List<Deployment> deployments = new ArrayList<>();
        List<VerifyBlock> verifies = new ArrayList<>();
        Semantics semantics = null;
        Duration step = null;
        while (!peek().is(Kind.EOF)) {
            Token t = peek();
            if (!t.is(Kind.NAME)) {
                throw error(t, "expected " + DECLARATIONS + ", found " + t.describe());
            }
            switch (t.text()) {
                case "component" -> types.add(component());
                case "program" -> programs.add(program());
                case "assembly" -> assemblies.add(assembly());
                case "deployment" -> deployments.add(deployment());
                case "verify" -> verifies.add(verify());
                case "semantics" -> {
                    if (semantics != null) {
                        throw error(t, "the semantics is declared twice; keep one 'semantics' line");
                    }
                    semantics = semantics();
                }
                case "step" -> {
                    if (step != null) {
                        throw error(t, "the step is declared twice; keep one 'step' line");
                    }
                    step = step();
                }
                default -> throw error(t, "expected " + DECLARATIONS + ", found " + t.describe());
            }
        }
        return new Model(fileName, types, assemblies, programs, deployments, verifies,
                semantics == null ? Semantics.CONCERTO : semantics, step);
    }

    /** {@code semantics concerto} or {@code semantics concerto-d} (the dash touching both words). */
    private Semantics semantics() {
        take();
        Token word = expectName("the runtime: " + Semantics.keywords());
        String text = word.text();
        if (peek().is(Kind.MINUS) && peek().line() == word.line()) {
            Token dash = take();
            Token tail = expectName("the runtime: " + Semantics.keywords());
            if (dash.offset() != word.end() || tail.offset() != dash.end()) {
                throw error(dash, "write the runtime as one word: " + Semantics.keywords());
            }
            text = text + "-" + tail.text();
        }
        String found = text;
        return Semantics.byKeyword(text).orElseThrow(() -> error(word, "unknown semantics '" + found
                + "'; the runtimes are " + Semantics.keywords()));
    }

    /** {@code step [a, b]}: how long one iteration of the runtime's loop takes, in seconds. */
    private Duration step() {
        Token at = take();
        Duration d = interval("the step's interval '[min, max]', e.g. 'step [0, 0.05]'", "the step");
        if (d.isUnbounded()) {
            throw error(at, "the step is unbounded; give its maximum, e.g. 'step [0, 0.05]'");
        }
        return d;
    }

    // ---- component types

    private ComponentType component() {
        Token start = take();
        String name = expectName("a component type name").text();
        expect(Kind.LBRACE, "'{' after 'component " + name + "'");
        List<PlaceDecl> places = new ArrayList<>();
        String initial = null;
        SourcePosition initialAt = null;
        List<Behavior> behaviors = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        List<Port> ports = new ArrayList<>();
        List<Join> joins = new ArrayList<>();
        while (!accept(Kind.RBRACE)) {
            Token t = peek();
            if (!t.is(Kind.NAME)) {
                throw error(t, "expected 'places', 'initial', 'behavior', 'group', 'join', 'provide', 'use' or '}'"
                        + " in component " + name + ", found " + t.describe());
            }
            switch (t.text()) {
                case "places" -> {
                    take();
                    Token last = expectName("a place name");
                    places.add(new PlaceDecl(last.text(), pos(last)));
                    while (true) {
                        if (accept(Kind.COMMA)) {
                            last = expectName("a place name");
                        } else if (peek().is(Kind.NAME) && peek().line() == last.line()) {
                            last = take();
                        } else {
                            break;
                        }
                        places.add(new PlaceDecl(last.text(), pos(last)));
                    }
                }
                case "initial" -> {
                    take();
                    if (initial != null) {
                        throw error(t, "component " + name + " already has initial place '" + initial
                                + "'; a component starts in one place");
                    }
                    Token place = expectName("the initial place's name");
                    initial = place.text();
                    initialAt = pos(place);
                }
                case "behavior" -> behaviors.add(behavior());
                case "group" -> {
                    take();
                    Token g = expectName("a group name");
                    groups.add(new Group(g.text(), bracedNames("a place name"), pos(t)));
                }
                case "join" -> joins.add(join());
                case "provide" -> ports.add(port(PortDirection.PROVIDE));
                case "use" -> ports.add(port(PortDirection.USE));
                default -> throw error(t, "expected 'places', 'initial', 'behavior', 'group', 'join', 'provide',"
                        + " 'use' or '}' in component " + name + ", found " + t.describe()
                        + " (transitions go inside 'behavior NAME { … }')");
            }
        }
        return new ComponentType(name, places, initial, behaviors, groups, ports, joins, pos(start), initialAt);
    }

    private Behavior behavior() {
        Token start = take();
        String name = expectName("a behavior name").text();
        expect(Kind.LBRACE, "'{' after 'behavior " + name + "'");
        List<TransitionDecl> transitions = new ArrayList<>();
        while (!accept(Kind.RBRACE)) {
            transitions.add(transition());
        }
        return new Behavior(name, transitions, pos(start));
    }

    /** {@code name: source -> destination [min, max] [action "command"]}. */
    private TransitionDecl transition() {
        Token t = expectName("a transition 'name: source -> destination [min, max]' or '}'");
        expect(Kind.COLON, "':' after transition name '" + t.text() + "'");
        String source = expectName("the source place of transition " + t.text()).text();
        expect(Kind.ARROW, "'->' after the source place of transition " + t.text());
        String destination = expectName("the destination place of transition " + t.text()).text();
        Duration duration = duration(t.text());
        String action = null;
        if (peek().isName("action")) {
            take();
            action = expect(Kind.STRING, "a quoted command after 'action'").text();
        }
        return new TransitionDecl(t.text(), source, destination, duration, action, pos(t));
    }

    private Duration duration(String transition) {
        Duration d = interval("a duration '[min, max]' for transition " + transition, "the duration of transition "
                + transition);
        return peek().is(Kind.TILDE) ? d.withDistribution(distribution(transition, d.min(), d.max())) : d;
    }

    /** {@code [min, max]}, max a number or {@code inf}; {@code expected} and {@code what} name it in messages. */
    private Duration interval(String expected, String what) {
        Token open = expect(Kind.LBRACKET, expected);
        BigDecimal min = new BigDecimal(expect(Kind.NUMBER, "the minimum duration (a number)").text());
        expect(Kind.COMMA, "',' between the minimum and maximum duration");
        BigDecimal max;
        if (peek().isName("inf")) {
            take();
            max = null;
        } else {
            max = new BigDecimal(expect(Kind.NUMBER, "the maximum duration (a number or 'inf')").text());
        }
        expect(Kind.RBRACKET, "']' closing the duration");
        if (max != null && max.compareTo(min) < 0) {
            throw error(open, what + " has maximum " + max.toPlainString()
                    + " below its minimum " + min.toPlainString() + "; write [min, max] with min <= max");
        }
        return new Duration(min, max);
    }

    /** {@code ~ uniform | triangular(mode) | normal(mean, sd) | exponential(mean)} after an interval. */
    private Distribution distribution(String transition, BigDecimal min, BigDecimal max) {
        take();
        Token name = expectName("a distribution after '~': uniform, triangular(mode), normal(mean, sd) or"
                + " exponential(mean)");
        String interval = "[" + min.toPlainString() + ", " + (max == null ? "inf" : max.toPlainString()) + "]";
        switch (name.text()) {
            case "uniform" -> {
                if (max == null) {
                    throw error(name, "transition " + transition + ": a uniform duration needs a finite maximum, not "
                            + interval + "; give [a, inf] a normal(mean, sd) or exponential(mean) distribution");
                }
                if (peek().is(Kind.LPAREN)) {
                    take();
                    expect(Kind.RPAREN, "')': uniform takes no parameter");
                }
                return new Distribution.Uniform();
            }
            case "triangular" -> {
                BigDecimal[] a = parameters(name, 1, "triangular(mode)");
                if (max == null) {
                    throw error(name, "transition " + transition + ": a triangular duration needs a finite maximum, not "
                            + interval + "; give [a, inf] a normal(mean, sd) or exponential(mean) distribution");
                }
                if (a[0].compareTo(min) < 0 || a[0].compareTo(max) > 0) {
                    throw error(name, "transition " + transition + ": the mode " + a[0].toPlainString()
                            + " of triangular is outside " + interval + "; write a mode inside the interval");
                }
                return new Distribution.Triangular(a[0]);
            }
            case "normal" -> {
                BigDecimal[] a = parameters(name, 2, "normal(mean, sd)");
                if (a[1].signum() <= 0) {
                    throw error(name, "transition " + transition + ": the standard deviation of normal must be"
                            + " positive, not " + a[1].toPlainString());
                }
                // truncated to the interval: it must keep some weight there
                double sd = a[1].doubleValue();
                double lo = (min.doubleValue() - a[0].doubleValue()) / sd;
                double hi = max == null ? Double.POSITIVE_INFINITY : (max.doubleValue() - a[0].doubleValue()) / sd;
                if (lo > 8 || hi < -8) {
                    throw error(name, "transition " + transition + ": normal(" + a[0].toPlainString() + ", "
                            + a[1].toPlainString() + ") puts no weight on " + interval
                            + " (more than 8 standard deviations away); write a mean nearer the interval");
                }
                return new Distribution.Normal(a[0], a[1]);
            }
            case "exponential" -> {
                BigDecimal[] a = parameters(name, 1, "exponential(mean)");
                if (a[0].signum() <= 0) {
                    throw error(name, "transition " + transition + ": the mean of exponential must be positive, not "
                            + a[0].toPlainString());
                }
                return new Distribution.Exponential(a[0]);
            }
            default -> throw error(name, "unknown distribution '" + name.text() + "'; write uniform,"
                    + " triangular(mode), normal(mean, sd) or exponential(mean)");
        }
    }

    private BigDecimal[] parameters(Token name, int n, String form) {
        expect(Kind.LPAREN, "'(' after '" + name.text() + "': write " + form);
        BigDecimal[] out = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                expect(Kind.COMMA, "',' between the parameters of " + form);
            }
            out[i] = new BigDecimal(expect(Kind.NUMBER, "a number: write " + form).text());
        }
        expect(Kind.RPAREN, "')' closing " + form);
        return out;
    }

    /** {@code join place { t1, t2 } or { t3 }}. */
    private Join join() {
        Token start = take();
        String place = expectName("the place the join is for").text();
        List<List<String>> sets = new ArrayList<>();
        sets.add(bracedNames("a transition name"));
        while (peek().isName("or")) {
            take();
            sets.add(bracedNames("a transition name"));
        }
        return new Join(place, sets, pos(start));
    }

    /** {@code provide|use NAME [service|data] (at L | from P | by L)}; the validator checks which fit. */
    private Port port(PortDirection direction) {
        Token start = take();
        String name = expectName("a port name").text();
        PortKind kind = PortKind.SERVICE;
        if (peek().isName("service") || peek().isName("data")) {
            kind = take().text().equals("data") ? PortKind.DATA : PortKind.SERVICE;
        }
        Token how = peek();
        PortBinding binding;
        if (how.isName("at")) {
            take();
            binding = new PortBinding.At(nameList("a place or group name"));
        } else if (how.isName("from")) {
            take();
            binding = new PortBinding.From(expectName("a place name after 'from'").text());
        } else if (how.isName("by")) {
            take();
            binding = new PortBinding.By(nameList("a transition name"));
        } else {
            throw error(how, "expected 'at', 'from' or 'by' binding port " + name + ", found " + how.describe());
        }
        return new Port(name, direction, kind, binding, pos(start));
    }

    // ---- programs

    private Program program() {
        Token start = take();
        String name = expectName("a program name").text();
        String after = null;
        if (peek().isName("after")) {
            take();
            after = expectName("the name of the program this one starts after").text();
        }
        expect(Kind.LBRACE, "'{' after 'program " + name + "'");
        List<Parameter> parameters = new ArrayList<>();
        List<Statement> body = new ArrayList<>();
        while (!accept(Kind.RBRACE)) {
            if (peek().isName("param")) {
                Token p = take();
                String pname = expectName("a parameter name").text();
                expect(Kind.EQUALS, "'=' after 'param " + pname + "'");
                Token v = expect(Kind.NUMBER, "an integer value for parameter " + pname);
                parameters.add(new Parameter(pname, integer(v), pos(p)));
            } else {
                body.add(statement());
            }
        }
        return new Program(name, parameters, body, pos(start), after);
    }

    private long integer(Token t) {
        try {
            return Long.parseLong(t.text());
        } catch (NumberFormatException e) {
            if (t.text().chars().allMatch(Character::isDigit)) {
                throw error(t, "the integer " + t.text() + " is too large (at most " + Long.MAX_VALUE + ")");
            }
            throw error(t, "expected an integer, found " + t.describe());
        }
    }

    private Statement statement() {
        Token t = peek();
        if (!t.is(Kind.NAME)) {
            throw error(t, "expected an instruction (add, del, con, dcon, pushB, wait, waitAll, for) or '}',"
                    + " found " + t.describe());
        }
        switch (t.text()) {
            case "for":
                return forLoop();
            case "add": {
                take();
                openArgs("add");
                String instance = instanceName();
                expect(Kind.COLON, "':' between the instance and its type in add");
                String type = expectName("a component type name").text();
                closeArgs();
                return new Instruction.Add(instance, type, pos(t));
            }
            case "del": {
                take();
                openArgs("del");
                String instance = instanceName();
                closeArgs();
                return new Instruction.Del(instance, pos(t));
            }
            case "con":
            case "dcon": {
                take();
                openArgs(t.text());
                PortRef provider = portRef();
                expect(Kind.COMMA, "',' between the provide port and the use port");
                PortRef user = portRef();
                closeArgs();
                return t.text().equals("con")
                        ? new Instruction.Con(provider, user, pos(t))
                        : new Instruction.Dcon(provider, user, pos(t));
            }
            case "pushB": {
                take();
                openArgs("pushB");
                String instance = instanceName();
                expect(Kind.COMMA, "',' between the instance and the behavior in pushB");
                String behavior = expectName("a behavior name").text();
                closeArgs();
                return new Instruction.PushB(instance, behavior, pos(t));
            }
            case "wait": {
                take();
                openArgs("wait");
                String instance = instanceName();
                closeArgs();
                return new Instruction.Wait(instance, pos(t));
            }
            case "waitAll": {
                take();
                // waitAll() is accepted as well as waitAll
                if (peek().is(Kind.LPAREN) && peek().line() == t.line()) {
                    take();
                    closeArgs();
                }
                return new Instruction.WaitAll(pos(t));
            }
            case "param":
                throw error(t, "'param' inside a loop; declare parameters at the top level of the program");
            default:
                throw error(t, "unknown instruction '" + t.text()
                        + "'; instructions are add, del, con, dcon, pushB, wait, waitAll and for");
        }
    }

    private void openArgs(String instruction) {
        expect(Kind.LPAREN, "'(' after " + instruction);
    }

    private void closeArgs() {
        expect(Kind.RPAREN, "')'");
    }

    /**
     * An instance name, possibly with {@code {i}} templates: {@code mariadb{i}}, {@code n{i}_{j}}.
     * The pieces must touch (no blank between them), which keeps {@code {} apart from blocks.
     */
    private String instanceName() {
        Token first = expectName("a component instance name");
        StringBuilder sb = new StringBuilder(first.text());
        int end = first.end();
        while (true) {
            Token t = peek();
            if (t.offset() != end) {
                return sb.toString();
            }
            if (t.is(Kind.LBRACE)) {
                take();
                Token var = expectName("a loop variable inside '{…}'");
                Token close = expect(Kind.RBRACE, "'}' closing the template {" + var.text());
                sb.append('{').append(var.text()).append('}');
                end = close.end();
            } else if (t.is(Kind.NAME) || t.is(Kind.NUMBER)) {
                take();
                sb.append(t.text());
                end = t.end();
            } else {
                return sb.toString();
            }
        }
    }

    private PortRef portRef() {
        Token start = peek();
        String instance = instanceName();
        expect(Kind.DOT, "'.' between instance and port (instance.port)");
        String port = expectName("a port name after '" + instance + ".'").text();
        return new PortRef(instance, port, pos(start));
    }

    /**
     * {@code for i in A..B: [note]} then the body: every following statement that starts on a
     * later line, indented deeper than {@code for}. The bracket note is a comment (the seed
     * writes the range of a scaled-up variant there).
     */
    private ForLoop forLoop() {
        Token start = take();
        if (++loopDepth > MAX_LOOP_DEPTH) {
            throw error(start, "loops nested more than " + MAX_LOOP_DEPTH + " deep; flatten the program"
                    + " (a loop over a product of ranges, or separate loops)");
        }
        String variable = expectName("a loop variable after 'for'").text();
        expectWord("in");
        IntExpr from = intExpr();
        expect(Kind.DOTDOT, "'..' between the loop bounds");
        IntExpr to = intExpr();
        Token colon = expect(Kind.COLON, "':' ending the loop header");
        if (peek().is(Kind.LBRACKET) && peek().line() == colon.line()) {
            Token open = take();
            if (!lexer.skipPast(']')) {
                throw error(open, "unclosed '[' note after the loop header; close it with ']' on the same line");
            }
        }
        List<Statement> body = new ArrayList<>();
        while (true) {
            Token t = peek();
            if (t.is(Kind.RBRACE) || t.is(Kind.EOF) || t.line() == start.line() || t.column() <= start.column()) {
                break;
            }
            body.add(statement());
        }
        if (body.isEmpty()) {
            throw error(peek(), "the loop 'for " + variable + "' has an empty body;"
                    + " indent its statements deeper than 'for' on the following lines");
        }
        loopDepth--;
        return new ForLoop(variable, from, to, body, pos(start));
    }

    /** {@code term (('+'|'-') term)*}, a term an integer or a name. */
    private IntExpr intExpr() {
        IntExpr e = intTerm();
        while (peek().is(Kind.PLUS) || peek().is(Kind.MINUS)) {
            boolean minus = take().is(Kind.MINUS);
            e = new IntExpr.Sum(e, minus, intTerm());
        }
        return e;
    }

    private IntExpr intTerm() {
        Token t = peek();
        if (t.is(Kind.NUMBER)) {
            return new IntExpr.Literal(integer(take()));
        }
        if (t.is(Kind.NAME)) {
            take();
            return new IntExpr.Variable(t.text(), pos(t));
        }
        throw error(t, "expected an integer or a parameter name, found " + t.describe());
    }

    // ---- assemblies and deployments

    private Assembly assembly() {
        Token start = take();
        String name = expectName("an assembly name").text();
        expect(Kind.LBRACE, "'{' after 'assembly " + name + "'");
        List<Instance> instances = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        while (!accept(Kind.RBRACE)) {
            Token t = expectName("an instance 'name: Type', a 'connect' or '}'");
            if (t.text().equals("connect")) {
                PortRef provider = portRef();
                expect(Kind.ARROW, "'->' from the provide port to the use port");
                PortRef user = portRef();
                connections.add(new Connection(provider, user, pos(t)));
            } else {
                expect(Kind.COLON, "':' after instance name '" + t.text() + "'");
                String type = expectName("a component type name").text();
                instances.add(new Instance(t.text(), type, pos(t)));
            }
        }
        return new Assembly(name, instances, connections, pos(start));
    }

    private Deployment deployment() {
        Token start = take();
        String name = expectName("a deployment name").text();
        expect(Kind.LBRACE, "'{' after 'deployment " + name + "'");
        List<DeploymentEntry> entries = new ArrayList<>();
        while (!accept(Kind.RBRACE)) {
            if (!entries.isEmpty()) {
                accept(Kind.COMMA);
            }
            Token t = expectName("an entry 'instance: place' or '}'");
            expect(Kind.COLON, "':' after instance name '" + t.text() + "'");
            String place = expectName("a place name").text();
            entries.add(new DeploymentEntry(t.text(), place, pos(t)));
        }
        return new Deployment(name, entries, pos(start));
    }

    // ---- verify blocks

    private VerifyBlock verify() {
        Token start = take();
        String subject = expectName("the program or assembly to verify").text();
        expect(Kind.LBRACE, "'{' after 'verify " + subject + "'");
        List<PropertySpec> properties = new ArrayList<>();
        while (!accept(Kind.RBRACE)) {
            properties.add(property());
        }
        return new VerifyBlock(subject, properties, pos(start));
    }

    private PropertySpec property() {
        Token t = peek();
        String expected = "expected a property (deployable, forbidden, sequence, parallel, bounds, within, query,"
                + " response)"
                + " or '}', found ";
        if (!t.is(Kind.NAME)) {
            throw error(t, expected + t.describe());
        }
        take();
        SourcePosition at = pos(t);
        switch (t.text()) {
            case "deployable": {
                boolean untimed = false;
                String deployment = null;
                if (peek().isName("untimed") && peek().line() == t.line()) {
                    take();
                    untimed = true;
                }
                if (peek().is(Kind.NAME) && peek().line() == t.line()) {
                    deployment = take().text();
                }
                return new PropertySpec.Deployable(deployment, untimed, at);
            }
            case "forbidden": {
                Lexer.PredicateSpan span = rawRestOfLine(t);
                if (span == null) {
                    throw error(t, "expected a predicate after 'forbidden' on the same line");
                }
                return new PropertySpec.Forbidden(new PredicateText(span.text(), span.position()), at);
            }
            case "sequence": {
                List<TransitionRef> steps = new ArrayList<>();
                steps.add(transitionRef());
                do {
                    expectWord("before");
                    steps.add(transitionRef());
                } while (peek().isName("before"));
                return new PropertySpec.Sequence(steps, at);
            }
            case "parallel": {
                List<String> instances = new ArrayList<>();
                instances.add(expectName("an instance name").text());
                do {
                    expect(Kind.COMMA, "',' and another instance (parallel names at least two)");
                    instances.add(expectName("an instance name").text());
                } while (peek().is(Kind.COMMA));
                return new PropertySpec.Parallel(instances, at);
            }
            case "bounds":
                return new PropertySpec.Bounds(at);
            case "within":
                return new PropertySpec.Within(new BigDecimal(expect(Kind.NUMBER, "a time in seconds").text()), at);
            case "query": {
                boolean untimed = false;
                if (peek().isName("untimed") && peek().line() == t.line()) {
                    take();
                    untimed = true;
                }
                Token f = expect(Kind.STRING, "a quoted formula after 'query" + (untimed ? " untimed" : "") + "'");
                // the formula's first character, just inside the opening quote
                SourcePosition inside = new SourcePosition(at.file(), f.line(), f.column() + 1);
                return new PropertySpec.Query(f.text(), untimed, inside, at);
            }
            case "response":
                return response(t, at);
            default:
                throw error(t, expected + t.describe());
        }
    }

    private static final java.util.regex.Pattern LEADS_TO =
            java.util.regex.Pattern.compile("(?<![\\w.'])leads\\s+to(?![\\w.'])");
    private static final java.util.regex.Pattern WITHIN =
            java.util.regex.Pattern.compile("(?<![\\w.'])within(?![\\w.'])");

    /**
     * {@code response TRIGGER leads to RESPONSE within T}, on one line: the two predicates are raw
     * text (as after {@code forbidden}), cut at the words {@code leads to} and {@code within}.
     */
    private PropertySpec response(Token keyword, SourcePosition at) {
        Lexer.PredicateSpan span = rawRestOfLine(keyword);
        String form = "; write 'response PRED leads to PRED within SECONDS' on one line";
        if (span == null) {
            throw error(keyword, "expected a predicate after 'response' on the same line" + form);
        }
        String text = span.text();
        java.util.regex.Matcher leads = LEADS_TO.matcher(text);
        if (!leads.find()) {
            throw new ModelSyntaxException(span.position(), "expected 'leads to' after the predicate" + form);
        }
        java.util.regex.Matcher within = WITHIN.matcher(text);
        if (!within.find(leads.end())) {
            throw new ModelSyntaxException(shift(span.position(), leads.end()), "expected 'within SECONDS' after"
                    + " the second predicate" + form);
        }
        PredicateText trigger = part(text, 0, leads.start(), span.position(), "before 'leads to'", form);
        PredicateText response = part(text, leads.end(), within.start(), span.position(), "between 'leads to' and"
                + " 'within'", form);
        String seconds = text.substring(within.end()).strip();
        SourcePosition secondsAt = shift(span.position(), text.length() - seconds.length());
        if (!seconds.matches("[0-9]+(\\.[0-9]+)?")) {
            throw new ModelSyntaxException(secondsAt, "expected a time in seconds after 'within', not '" + seconds
                    + "'" + form);
        }
        return new PropertySpec.Response(trigger, response, new BigDecimal(seconds), at);
    }

    private static PredicateText part(String text, int from, int to, SourcePosition start, String where, String form) {
        String raw = text.substring(from, to);
        int lead = raw.length() - raw.stripLeading().length();
        String p = raw.strip();
        if (p.isEmpty()) {
            throw new ModelSyntaxException(shift(start, from), "expected a predicate " + where + form);
        }
        return new PredicateText(p, shift(start, from + lead));
    }

    private static SourcePosition shift(SourcePosition p, int columns) {
        return new SourcePosition(p.file(), p.line(), p.column() + columns);
    }

    /** The raw text after {@code keyword} to the end of its line (the next token is not lexed yet). */
    private Lexer.PredicateSpan rawRestOfLine(Token keyword) {
        if (peeked != null) {
            Token t = peeked;
            peeked = null;
            lexer.reset(t);
            if (t.line() != keyword.line()) {
                return null;
            }
        }
        return lexer.restOfLine();
    }

    private TransitionRef transitionRef() {
        Token i = expectName("a step 'instance.transition'");
        expect(Kind.DOT, "'.' between instance and transition");
        String transition = expectName("a transition name after '" + i.text() + ".'").text();
        return new TransitionRef(i.text(), transition, pos(i));
    }
}

package dev.cadenza.core.lang;

import dev.cadenza.core.model.Assembly;
import dev.cadenza.core.model.Behavior;
import dev.cadenza.core.model.ComponentType;
import dev.cadenza.core.model.Connection;
import dev.cadenza.core.model.Deployment;
import dev.cadenza.core.model.DeploymentEntry;
import dev.cadenza.core.model.Duration;
import dev.cadenza.core.model.Semantics;
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
import dev.cadenza.core.model.Statement;
import dev.cadenza.core.model.TransitionDecl;
import dev.cadenza.core.model.TransitionRef;
import dev.cadenza.core.model.VerifyBlock;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Random models for the print/parse round trip: every form of the language, names drawn at
 * random (keywords excepted, where a keyword would change the reading), strings with quotes,
 * backslashes and newlines. They need not validate: the round trip is about syntax.
 */
final class RandomModels {

    private static final Set<String> KEYWORDS = Set.of("component", "program", "assembly", "deployment", "verify",
            "places", "initial", "behavior", "group", "join", "provide", "use", "service", "data", "at", "from", "by",
            "action", "inf", "or", "after", "param", "for", "in", "add", "del", "con", "dcon", "pushB", "wait",
            "waitAll", "connect", "deployable", "untimed", "forbidden", "sequence", "before", "parallel", "bounds",
            "within", "query");
    private static final SourcePosition AT = SourcePosition.NONE;
    private static final String NAME_START = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_";
    private static final String NAME_PART = NAME_START + "0123456789";
    private static final String STRING_CHARS = "abc xyz\"\\\n\t#{}é/-.";
    private static final String PREDICATE_CHARS = "abcs.()!&|<=>0123456789 _";

    private final Random random;

    private RandomModels(Random random) {
        this.random = random;
    }

    static Model model(Random random) {
        return new RandomModels(random).model();
    }

    private Model model() {
        Semantics semantics = random.nextBoolean() ? Semantics.CONCERTO : Semantics.CONCERTO_D;
        Duration step = null;
        if (random.nextInt(3) == 0) {
            BigDecimal min = decimal();
            step = new Duration(min, min.add(decimal()));
        }
        return new Model("random.cdz", list(0, 3, this::type), list(0, 2, this::assembly), list(0, 3, this::program),
                list(0, 2, this::deployment), list(0, 2, this::verify), semantics, step);
    }

    private <T> List<T> list(int min, int max, Supplier<T> element) {
        int n = min + random.nextInt(max - min + 1);
        List<T> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(element.get());
        }
        return out;
    }

    private String name() {
        while (true) {
            StringBuilder sb = new StringBuilder();
            sb.append(NAME_START.charAt(random.nextInt(NAME_START.length())));
            int more = random.nextInt(7);
            for (int i = 0; i < more; i++) {
                sb.append(NAME_PART.charAt(random.nextInt(NAME_PART.length())));
            }
            if (!KEYWORDS.contains(sb.toString())) {
                return sb.toString();
            }
        }
    }

    private String text(String chars, int maxLength) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(maxLength + 1);
        for (int i = 0; i < n; i++) {
            sb.append(chars.charAt(random.nextInt(chars.length())));
        }
        return sb.toString();
    }

    private BigDecimal decimal() {
        return BigDecimal.valueOf(random.nextInt(1000), random.nextInt(3));
    }

    private ComponentType type() {
        return new ComponentType(name(), list(0, 4, () -> new PlaceDecl(name(), AT)),
                random.nextInt(5) == 0 ? null : name(), list(0, 3, this::behavior), list(0, 2, this::group),
                list(0, 3, this::port), list(0, 2, this::join), AT);
    }

    private Behavior behavior() {
        return new Behavior(name(), list(0, 3, this::transition), AT);
    }

    private TransitionDecl transition() {
        BigDecimal min = decimal();
        BigDecimal max = random.nextInt(4) == 0 ? null : min.add(decimal());
        return new TransitionDecl(name(), name(), name(), new Duration(min, max, distribution(min, max)),
                random.nextBoolean() ? null : text(STRING_CHARS, 12), AT);
    }

    /** Sometimes a sampling distribution that fits the interval. */
    private dev.cadenza.core.model.Distribution distribution(BigDecimal min, BigDecimal max) {
        return switch (random.nextInt(6)) {
            case 0 -> max == null ? null : new dev.cadenza.core.model.Distribution.Uniform();
            case 1 -> max == null ? null : new dev.cadenza.core.model.Distribution.Triangular(min);
            case 2 -> new dev.cadenza.core.model.Distribution.Normal(min, BigDecimal.ONE.add(decimal()));
            case 3 -> new dev.cadenza.core.model.Distribution.Exponential(BigDecimal.ONE.add(decimal()));
            default -> null;
        };
    }

    private Group group() {
        return new Group(name(), list(1, 3, this::name), AT);
    }

    private Join join() {
        return new Join(name(), list(1, 3, () -> list(1, 3, this::name)), AT);
    }

    private Port port() {
        PortBinding binding = switch (random.nextInt(3)) {
            case 0 -> new PortBinding.At(list(1, 3, this::name));
            case 1 -> new PortBinding.From(name());
            default -> new PortBinding.By(list(1, 3, this::name));
        };
        return new Port(name(), random.nextBoolean() ? PortDirection.PROVIDE : PortDirection.USE,
                random.nextBoolean() ? PortKind.SERVICE : PortKind.DATA, binding, AT);
    }

    private Program program() {
        return new Program(name(), list(0, 2, () -> new Parameter(name(), random.nextInt(100), AT)),
                statements(List.of(), 0), AT, random.nextBoolean() ? null : name());
    }

    private List<Statement> statements(List<String> variables, int depth) {
        int n = (depth == 0 ? 0 : 1) + random.nextInt(4);
        List<Statement> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (depth < 2 && random.nextInt(5) == 0) {
                String v = name();
                List<String> inner = new ArrayList<>(variables);
                inner.add(v);
                out.add(new ForLoop(v, intExpr(variables), intExpr(variables), statements(inner, depth + 1), AT));
            } else {
                out.add(instruction(variables));
            }
        }
        return out;
    }

    private IntExpr intExpr(List<String> variables) {
        IntExpr e = term(variables);
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
            e = new IntExpr.Sum(e, random.nextBoolean(), term(variables));
        }
        return e;
    }

    private IntExpr term(List<String> variables) {
        if (random.nextBoolean()) {
            return new IntExpr.Literal(random.nextInt(20));
        }
        return new IntExpr.Variable(variables.isEmpty() || random.nextBoolean() ? name()
                : variables.get(random.nextInt(variables.size())), AT);
    }

    /** An instance name, with {@code {v}} templates when loop variables are in scope. */
    private String instance(List<String> variables) {
        String name = name();
        if (!variables.isEmpty() && random.nextBoolean()) {
            name += "{" + variables.get(random.nextInt(variables.size())) + "}";
            if (random.nextBoolean()) {
                name += random.nextBoolean() ? name() : Integer.toString(random.nextInt(10));
            }
        }
        return name;
    }

    private PortRef portRef(List<String> variables) {
        return new PortRef(instance(variables), name(), AT);
    }

    private Instruction instruction(List<String> v) {
        return switch (random.nextInt(7)) {
            case 0 -> new Instruction.Add(instance(v), name(), AT);
            case 1 -> new Instruction.Del(instance(v), AT);
            case 2 -> new Instruction.Con(portRef(v), portRef(v), AT);
            case 3 -> new Instruction.Dcon(portRef(v), portRef(v), AT);
            case 4 -> new Instruction.PushB(instance(v), name(), AT);
            case 5 -> new Instruction.Wait(instance(v), AT);
            default -> new Instruction.WaitAll(AT);
        };
    }

    private Assembly assembly() {
        return new Assembly(name(), list(0, 3, () -> new Instance(name(), name(), AT)),
                list(0, 3, () -> new Connection(portRef(List.of()), portRef(List.of()), AT)), AT);
    }

    private Deployment deployment() {
        return new Deployment(name(), list(0, 3, () -> new DeploymentEntry(name(), name(), AT)), AT);
    }

    private VerifyBlock verify() {
        return new VerifyBlock(name(), list(0, 5, this::property), AT);
    }

    private PropertySpec property() {
        return switch (random.nextInt(9)) {
            case 7 -> new PropertySpec.Response(new PredicateText(predicate(), AT), new PredicateText(predicate(), AT),
                    decimal(), AT);
            case 8 -> new PropertySpec.Query(text(STRING_CHARS, 20), true, AT, AT);
            case 0 -> new PropertySpec.Deployable(random.nextBoolean() ? null : name(), random.nextBoolean(), AT);
            case 1 -> new PropertySpec.Forbidden(new PredicateText(predicate(), AT), AT);
            case 2 -> new PropertySpec.Sequence(list(2, 4, () -> new TransitionRef(name(), name(), AT)), AT);
            case 3 -> new PropertySpec.Parallel(list(2, 3, this::name), AT);
            case 4 -> new PropertySpec.Bounds(AT);
            case 5 -> new PropertySpec.Within(decimal(), AT);
            default -> new PropertySpec.Query(text(STRING_CHARS, 20), AT);
        };
    }

    private String predicate() {
        String p = text(PREDICATE_CHARS, 20).strip();
        return p.isEmpty() ? "dead" : p;
    }
}

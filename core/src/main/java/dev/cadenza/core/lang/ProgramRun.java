package dev.cadenza.core.lang;

import dev.cadenza.core.model.Behavior;
import dev.cadenza.core.model.ComponentType;
import dev.cadenza.core.model.ForLoop;
import dev.cadenza.core.model.Instruction;
import dev.cadenza.core.model.IntExpr;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.Parameter;
import dev.cadenza.core.model.PortRef;
import dev.cadenza.core.model.Program;
import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.core.model.Statement;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Validates one program by running it symbolically, in program order, from the state its
 * predecessor ({@code after}) leaves: components must be added before they are used and not
 * deleted, a use port is connected at most once at a time, a component is deleted only once
 * disconnected. Loops are unrolled first, so an error inside a loop names the concrete
 * component ({@code mariadb3}) at the position of the statement that produced it.
 */
final class ProgramRun {

    /** Beyond this many unrolled instructions a program is surely a typo in its loop bounds. */
    static final long MAX_INSTRUCTIONS = 1_000_000;
    private static final Pattern TEMPLATE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final Model model;
    private final Program program;
    private final Consumer<Problem> report;
    private final Wiring wiring;
    private final ProgramState state;
    /** Problems found by the scope checks, which decide whether the program can be unrolled. */
    private int problems;

    private ProgramRun(Model model, Program program, ProgramState start, Consumer<Problem> report) {
        this.model = model;
        this.program = program;
        this.report = report;
        this.wiring = new Wiring(model, report);
        this.state = start.copy();
    }

    /** Runs {@code program} from {@code start} (left unchanged) and returns the state it leaves. */
    static ProgramState run(Model model, Program program, ProgramState start, Consumer<Problem> report) {
        ProgramRun r = new ProgramRun(model, program, start, report);
        if (r.scopesAreClosed() && r.sizeIsReasonable()) {
            r.emptyLoops();
            for (Instruction i : program.instructions()) {
                r.execute(i);
            }
        }
        return r.state;
    }

    // ---- names of parameters and loop variables, checked before unrolling (which needs them)

    private boolean scopesAreClosed() {
        int before = problems;
        Names.duplicates(program.parameters(), Parameter::name, Parameter::position,
                "parameter", " in program " + program.name(), this::count);
        Set<String> scope = new HashSet<>();
        program.parameters().forEach(p -> scope.add(p.name()));
        statements(program.body(), scope);
        return problems == before;
    }

    private void count(Problem p) {
        problems++;
        report.accept(p);
    }

    private void statements(List<Statement> body, Set<String> scope) {
        for (Statement s : body) {
            if (s instanceof ForLoop loop) {
                expression(loop.from(), scope);
                expression(loop.to(), scope);
                Set<String> inner = new HashSet<>(scope);
                inner.add(loop.variable());
                statements(loop.body(), inner);
            } else {
                for (String name : namesIn((Instruction) s)) {
                    Matcher m = TEMPLATE.matcher(name);
                    while (m.find()) {
                        if (!scope.contains(m.group(1))) {
                            count(Problem.error(s.position(), "unknown variable {" + m.group(1) + "} in '" + name
                                    + "'; " + Names.listing("the variables here", sorted(scope))));
                        }
                    }
                }
            }
        }
    }

    private void expression(IntExpr e, Set<String> scope) {
        if (e instanceof IntExpr.Variable v && !scope.contains(v.name())) {
            count(Problem.error(v.position(), "unknown parameter '" + v.name() + "' in loop bounds; declare it with"
                    + " 'param " + v.name() + " = …' (" + Names.listing("the names here", sorted(scope)) + ")"));
        } else if (e instanceof IntExpr.Sum sum) {
            expression(sum.left(), scope);
            expression(sum.right(), scope);
        }
    }

    /**
     * Counts the unrolled instructions, giving up past {@link #MAX_INSTRUCTIONS} instructions or
     * loop turns (a loop whose inner ranges are empty still turns), so counting stays cheap.
     */
    private boolean sizeIsReasonable() {
        Map<String, Long> env = new HashMap<>();
        program.parameters().forEach(p -> env.put(p.name(), p.value()));
        try {
            long[] work = {0};
            if (size(program.body(), env, work) && work[0] <= MAX_INSTRUCTIONS) {
                return true;
            }
            report.accept(Problem.error(program.position(), "program " + program.name() + " unrolls to more than "
                    + MAX_INSTRUCTIONS + " instructions; check its loop bounds and parameters"));
        } catch (ArithmeticException e) {
            report.accept(Problem.error(program.position(), "the loop bounds of program " + program.name()
                    + " overflow 64-bit integers; check its loop bounds and parameters"));
        }
        return false;
    }

    /** Adds instructions and loop turns to {@code work[0]}; false once past the limit. */
    private static boolean size(List<Statement> body, Map<String, Long> env, long[] work) {
        for (Statement s : body) {
            if (++work[0] > MAX_INSTRUCTIONS) {
                return false;
            }
            if (s instanceof ForLoop loop) {
                long hi = loop.to().evaluate(env);
                Map<String, Long> inner = new HashMap<>(env);
                for (long i = loop.from().evaluate(env); i <= hi; i++) {
                    inner.put(loop.variable(), i);
                    if (++work[0] > MAX_INSTRUCTIONS || !size(loop.body(), inner, work)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * A warning for each loop that never runs a turn (its bounds, with the declared parameters,
     * give an empty range wherever it is reached, as {@code for i in 3..1}): its body checks
     * nothing. A loop inside one that never turns is not reached, and not reported again.
     */
    private void emptyLoops() {
        Map<String, Long> env = new HashMap<>();
        program.parameters().forEach(p -> env.put(p.name(), p.value()));
        Map<ForLoop, long[]> reached = new java.util.LinkedHashMap<>();
        Set<ForLoop> turned = new HashSet<>();
        loops(program.body(), env, reached, turned);
        reached.forEach((loop, range) -> {
            if (!turned.contains(loop)) {
                report.accept(Problem.warning(loop.position(), "loop 'for " + loop.variable() + " in " + loop.from()
                        + ".." + loop.to() + "' runs no turn (" + range[0] + " > " + range[1]
                        + (program.parameters().isEmpty() ? "" : " with " + parameters())
                        + "): its body is never executed, and checks nothing"));
            }
        });
    }

    private static void loops(List<Statement> body, Map<String, Long> env, Map<ForLoop, long[]> reached,
                              Set<ForLoop> turned) {
        for (Statement s : body) {
            if (s instanceof ForLoop loop) {
                long lo = loop.from().evaluate(env);
                long hi = loop.to().evaluate(env);
                reached.putIfAbsent(loop, new long[] {lo, hi});
                Map<String, Long> inner = new HashMap<>(env);
                for (long i = lo; i <= hi; i++) {
                    turned.add(loop);
                    inner.put(loop.variable(), i);
                    loops(loop.body(), inner, reached, turned);
                }
            }
        }
    }

    private String parameters() {
        return String.join(", ", program.parameters().stream().map(p -> p.name() + " = " + p.value()).toList());
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    private static List<String> namesIn(Instruction i) {
        if (i instanceof Instruction.Add a) {
            return List.of(a.instance());
        } else if (i instanceof Instruction.Del d) {
            return List.of(d.instance());
        } else if (i instanceof Instruction.Con c) {
            return List.of(c.provider().instance(), c.user().instance());
        } else if (i instanceof Instruction.Dcon d) {
            return List.of(d.provider().instance(), d.user().instance());
        } else if (i instanceof Instruction.PushB b) {
            return List.of(b.instance());
        } else if (i instanceof Instruction.Wait w) {
            return List.of(w.instance());
        }
        return List.of();
    }

    // ---- the symbolic run

    private void execute(Instruction i) {
        if (i instanceof Instruction.Add a) {
            add(a);
        } else if (i instanceof Instruction.Del d) {
            del(d);
        } else if (i instanceof Instruction.Con c) {
            con(c.provider(), c.user(), c.position());
        } else if (i instanceof Instruction.Dcon d) {
            dcon(d.provider(), d.user(), d.position());
        } else if (i instanceof Instruction.PushB b) {
            pushB(b);
        } else if (i instanceof Instruction.Wait w) {
            present(w.instance(), w.position(), "wait");
        }
    }

    private void add(Instruction.Add a) {
        if (state.present.containsKey(a.instance())) {
            report.accept(Problem.error(a.position(), "component '" + a.instance() + "' is already added"
                    + " (as " + state.present.get(a.instance()) + "); give the new one another name or del it first"));
            return;
        }
        String type = a.type();
        if (model.type(type).isEmpty()) {
            report.accept(Problem.error(a.position(), Names.unknown("component type", type, "",
                    "types", model.types().stream().map(ComponentType::name).toList())));
            type = null;
        }
        state.present.put(a.instance(), type);
        state.deletedAt.remove(a.instance());
        state.everAdded.putIfAbsent(a.instance(), type);
    }

    private void del(Instruction.Del d) {
        if (!present(d.instance(), d.position(), "del")) {
            return;
        }
        List<ProgramState.Link> links = state.links.values().stream()
                .filter(l -> l.provider().instance().equals(d.instance()) || l.user().instance().equals(d.instance()))
                .toList();
        if (!links.isEmpty()) {
            report.accept(Problem.error(d.position(), "del(" + d.instance() + ") while it still has connections: "
                    + links.stream().map(l -> l.provider() + " -> " + l.user()).collect(Collectors.joining(", "))
                    + "; dcon them first"));
            links.forEach(l -> state.links.remove(key(l.user())));
        }
        state.present.remove(d.instance());
        state.deletedAt.put(d.instance(), d.position());
    }

    private void con(PortRef provider, PortRef user, SourcePosition at) {
        boolean both = present(provider.instance(), at, "con") & present(user.instance(), at, "con");
        if (!both || !wiring.compatible(provider, state.present.get(provider.instance()), user,
                state.present.get(user.instance()), "con")) {
            return;
        }
        ProgramState.Link existing = state.links.get(key(user));
        if (existing != null) {
            report.accept(Problem.error(at, "use port " + user + " is already connected to " + existing.provider()
                    + " (by the con at " + existing.madeAt() + "); a use port has one provider, dcon it first"));
            return;
        }
        state.links.put(key(user), new ProgramState.Link(provider, user, at));
    }

    private void dcon(PortRef provider, PortRef user, SourcePosition at) {
        boolean both = present(provider.instance(), at, "dcon") & present(user.instance(), at, "dcon");
        if (!both || !wiring.compatible(provider, state.present.get(provider.instance()), user,
                state.present.get(user.instance()), "dcon")) {
            return;
        }
        ProgramState.Link existing = state.links.get(key(user));
        if (existing == null || !existing.provider().toString().equals(provider.toString())) {
            report.accept(Problem.error(at, "no connection " + provider + " -> " + user + " to dcon; "
                    + (existing == null ? user + " is not connected" : user + " is connected to " + existing.provider())));
            return;
        }
        state.links.remove(key(user));
    }

    private void pushB(Instruction.PushB b) {
        if (!present(b.instance(), b.position(), "pushB")) {
            return;
        }
        String typeName = state.present.get(b.instance());
        Optional<ComponentType> type = typeName == null ? Optional.empty() : model.type(typeName);
        if (type.isPresent() && type.get().behavior(b.behavior()).isEmpty()) {
            report.accept(Problem.error(b.position(), "component type " + typeName + " (of " + b.instance()
                    + ") has no behavior '" + b.behavior() + "'; "
                    + Names.listing("behaviors", type.get().behaviors().stream().map(Behavior::name).toList())));
        }
    }

    /** True when the component is present; otherwise says why not (never added, or deleted). */
    private boolean present(String instance, SourcePosition at, String verb) {
        if (state.present.containsKey(instance)) {
            return true;
        }
        SourcePosition deleted = state.deletedAt.get(instance);
        if (deleted != null) {
            report.accept(Problem.error(at, verb + " on component '" + instance + "', deleted by the del at "
                    + deleted + "; add it again first"));
        } else {
            report.accept(Problem.error(at, verb + " on component '" + instance + "', which is never added before;"
                    + " add it with add(" + instance + " : TYPE)" + (program.after() == null
                    ? " or start the program 'after' the one that adds it" : "")));
        }
        return false;
    }

    private static String key(PortRef user) {
        return user.instance() + "." + user.port();
    }
}

package dev.cadenza.core.whatif;

import dev.cadenza.core.lang.ModelValidationException;
import dev.cadenza.core.lang.ModelValidator;
import dev.cadenza.core.lang.Problem;
import dev.cadenza.core.lang.Severity;
import dev.cadenza.core.model.Assembly;
import dev.cadenza.core.model.Behavior;
import dev.cadenza.core.model.ComponentType;
import dev.cadenza.core.model.Duration;
import dev.cadenza.core.model.Instance;
import dev.cadenza.core.model.Instruction;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.Parameter;
import dev.cadenza.core.model.Program;
import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.core.model.Statement;
import dev.cadenza.core.model.TransitionDecl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies a {@link WhatIf} to a parsed model — the one place where overrides change a model, so
 * that every reader (translation, critical-path fast path, executor, pictures) sees the same
 * durations without knowing about overrides.
 *
 * <p>Order: parameters first (they decide how loops unroll, hence which instances exist), then
 * validation of the model so changed, then intervals, which need to know each instance's type.
 * A type-level interval ({@code MariaDB.pull}) rewrites the type's transition. An instance-level
 * one ({@code mariadb1.pull}) gives that instance a type of its own, {@code MariaDB@mariadb1}: the
 * type with the instance's intervals (and the type-level ones it does not override), the
 * instance's {@code add} or assembly entry pointing to it. A program whose {@code add} of such an
 * instance stands inside a loop is unrolled into plain instructions (its parameters already
 * applied), since a loop body cannot give one turn another type. The more specific override
 * wins: an instance's interval over its type's, a program's parameter ({@code to_galera.n}) over
 * the same name for every program ({@code n}).
 */
final class Overriding {

    /** Separates a type from the instance it is specialised for: not a name character, so it never clashes. */
    static final String VARIANT = "@";

    private final WhatIf whatIf;
    private final List<Problem> problems;
    private final List<AppliedOverride> applied = new ArrayList<>();

    private Overriding(WhatIf whatIf) {
        this.whatIf = whatIf;
        this.problems = new ArrayList<>(whatIf.malformed());
    }

    /** The words of every problem of {@link dev.cadenza.core.lang.TimeUnits}. */
    private static final String TIME_UNITS = "exact analyses count time in units";

    static Overridden apply(Model parsed, WhatIf whatIf, java.util.function.Function<Model, List<Problem>> moreChecks) {
        Overriding o = new Overriding(whatIf);
        Model m = o.parameters(parsed);
        List<Problem> modelProblems = new ArrayList<>(ModelValidator.validate(m));
        m = o.intervals(m);
        if (!whatIf.intervals().isEmpty() && modelProblems.stream().noneMatch(p -> p.message().contains(TIME_UNITS))) {
            // an interval given on the command line may be too large, or make the time unit finer for all
            java.util.Map<Duration, SourcePosition> given = new java.util.IdentityHashMap<>();
            whatIf.intervals().forEach(i -> given.put(i.duration(), i.at()));
            dev.cadenza.core.lang.TimeUnits.check(m, given::get, modelProblems::add);
        }
        modelProblems.addAll(moreChecks.apply(m));
        modelProblems.sort(java.util.Comparator.comparingInt((Problem p) -> p.position().line())
                .thenComparingInt(p -> p.position().column()));
        // the options' problems in command-line order: --param ones, then --interval ones
        o.problems.sort(java.util.Comparator.comparing((Problem p) -> !p.position().file().equals(WhatIf.PARAM))
                .thenComparingInt(p -> p.position().line()).thenComparingInt(p -> p.position().column()));
        List<Problem> errors = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        for (Problem p : concat(modelProblems, o.problems)) {
            (p.isError() ? errors : warnings).add(p);
        }
        if (!errors.isEmpty()) {
            throw new ModelValidationException(concat(modelProblems, o.problems));
        }
        return new Overridden(m, warnings, o.inOrderGiven());
    }

    /** Applied overrides in the order of the command line: parameters, then intervals, each as given. */
    private List<AppliedOverride> inOrderGiven() {
        List<String> order = new ArrayList<>();
        whatIf.parameters().forEach(p -> order.add(WhatIf.PARAM + " " + p.given()));
        whatIf.intervals().forEach(i -> order.add(WhatIf.INTERVAL + " " + i.given()));
        List<AppliedOverride> out = new ArrayList<>(applied);
        out.sort(java.util.Comparator.comparingInt(a -> order.indexOf(a.option() + " " + a.given())));
        return out;
    }

    private static List<Problem> concat(List<Problem> a, List<Problem> b) {
        List<Problem> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private void error(SourcePosition at, String message) {
        problems.add(new Problem(at, Severity.ERROR, message));
    }

    private void warning(SourcePosition at, String message) {
        problems.add(new Problem(at, Severity.WARNING, message));
    }

    // ---- parameters

    private Model parameters(Model m) {
        if (whatIf.parameters().isEmpty()) {
            return m;
        }
        // program -> parameter -> the override that sets it (the program's own form wins)
        Map<String, Map<String, ParameterOverride>> chosen = new HashMap<>();
        Map<String, ParameterOverride> seen = new HashMap<>();
        for (ParameterOverride p : whatIf.parameters()) {
            ParameterOverride earlier = seen.putIfAbsent(p.target(), p);
            if (earlier != null) {
                error(p.at(), "parameter " + p.target() + " is given twice (first at " + earlier.at()
                        + "); give it once");
                continue;
            }
            List<Program> targets = new ArrayList<>();
            if (p.program() != null) {
                var program = m.program(p.program());
                if (program.isEmpty()) {
                    error(p.at(), "unknown program '" + p.program() + "'; " + listing("programs",
                            m.programs().stream().map(Program::name).toList()));
                    continue;
                }
                if (declares(program.get(), p.name())) {
                    targets.add(program.get());
                } else {
                    error(p.at(), "program " + p.program() + " has no parameter '" + p.name() + "'; "
                            + listing("its parameters", program.get().parameters().stream().map(Parameter::name).toList()));
                    continue;
                }
            } else {
                for (Program program : m.programs()) {
                    if (declares(program, p.name())) {
                        targets.add(program);
                    }
                }
                if (targets.isEmpty()) {
                    error(p.at(), "unknown parameter '" + p.name() + "'; " + listing("the parameters", allParameters(m)));
                    continue;
                }
            }
            for (Program program : targets) {
                Map<String, ParameterOverride> own = chosen.computeIfAbsent(program.name(), k -> new HashMap<>());
                ParameterOverride there = own.get(p.name());
                if (there == null || (there.program() == null && p.program() != null)) {
                    own.put(p.name(), p);
                }
            }
        }
        List<Program> programs = new ArrayList<>();
        for (Program program : m.programs()) {
            Map<String, ParameterOverride> own = chosen.getOrDefault(program.name(), Map.of());
            if (own.isEmpty()) {
                programs.add(program);
                continue;
            }
            List<Parameter> params = new ArrayList<>();
            for (Parameter q : program.parameters()) {
                ParameterOverride o = own.get(q.name());
                if (o == null) {
                    params.add(q);
                } else {
                    params.add(new Parameter(q.name(), o.value(), q.position()));
                    applied.add(new AppliedOverride(WhatIf.PARAM, o.given(), program.name() + "." + q.name(),
                            Long.toString(q.value()), Long.toString(o.value()), List.of("program " + program.name())));
                }
            }
            programs.add(new Program(program.name(), params, program.body(), program.position(), program.after()));
        }
        return new Model(m.file(), m.types(), m.assemblies(), programs, m.deployments(), m.verifyBlocks(), m.semantics(),
                m.step());
    }

    private static boolean declares(Program p, String name) {
        return p.parameters().stream().anyMatch(q -> q.name().equals(name));
    }

    private static List<String> allParameters(Model m) {
        List<String> out = new ArrayList<>();
        for (Program p : m.programs()) {
            for (Parameter q : p.parameters()) {
                out.add(q.name() + " (program " + p.name() + ")");
            }
        }
        return out;
    }

    // ---- intervals

    /** Where an instance of some type occurs: in which subject. */
    private record Occurrence(String instance, String type, String subject) {
    }

    private Model intervals(Model m) {
        if (whatIf.intervals().isEmpty()) {
            return m;
        }
        Map<String, ComponentType> types = new LinkedHashMap<>();
        m.types().forEach(t -> types.putIfAbsent(t.name(), t));
        List<Occurrence> occurrences = occurrences(m);
        Map<String, List<Occurrence>> byInstance = new LinkedHashMap<>();
        for (Occurrence o : occurrences) {
            if (!byInstance.computeIfAbsent(o.instance(), k -> new ArrayList<>()).contains(o)) {
                byInstance.get(o.instance()).add(o);
            }
        }
        // type -> transition -> override; instance -> transition -> override
        Map<String, Map<String, IntervalOverride>> byType = new LinkedHashMap<>();
        Map<String, Map<String, IntervalOverride>> forInstance = new LinkedHashMap<>();
        Map<String, IntervalOverride> seen = new HashMap<>();
        for (IntervalOverride o : whatIf.intervals()) {
            IntervalOverride earlier = seen.putIfAbsent(o.target(), o);
            if (earlier != null) {
                error(o.at(), "interval " + o.target() + " is given twice (first at " + earlier.at() + "); give it once");
                continue;
            }
            boolean isType = types.containsKey(o.owner());
            boolean isInstance = byInstance.containsKey(o.owner());
            if (isType && isInstance) {
                error(o.at(), "'" + o.owner() + "' is both a component type and an instance; the override would be"
                        + " ambiguous: rename one of them");
            } else if (isType) {
                ComponentType t = types.get(o.owner());
                if (t.transition(o.transition()).isEmpty()) {
                    error(o.at(), "unknown transition '" + o.transition() + "' of component type " + t.name() + "; "
                            + listing("its transitions", transitionNames(t)));
                } else {
                    byType.computeIfAbsent(t.name(), k -> new LinkedHashMap<>()).put(o.transition(), o);
                    if (occurrences.stream().noneMatch(x -> x.type().equals(t.name()))) {
                        warning(o.at(), "component type " + t.name() + " has no instance in any program or assembly;"
                                + " this override changes nothing");
                    }
                }
            } else if (isInstance) {
                Set<String> known = new TreeSet<>();
                boolean found = false;
                for (Occurrence x : byInstance.get(o.owner())) {
                    ComponentType t = types.get(x.type());
                    known.addAll(transitionNames(t));
                    found |= t.transition(o.transition()).isPresent();
                }
                if (!found) {
                    error(o.at(), "unknown transition '" + o.transition() + "' of instance " + o.owner() + " ("
                            + String.join(", ", byInstance.get(o.owner()).stream().map(Occurrence::type).distinct()
                            .toList()) + "); " + listing("its transitions", List.copyOf(known)));
                } else {
                    forInstance.computeIfAbsent(o.owner(), k -> new LinkedHashMap<>()).put(o.transition(), o);
                }
            } else {
                error(o.at(), "unknown instance or component type '" + o.owner() + "'; "
                        + listing("instances", List.copyOf(new TreeSet<>(byInstance.keySet()))) + "; "
                        + listing("types", List.copyOf(types.keySet())));
            }
        }
        if (problems.stream().anyMatch(Problem::isError)) {
            return m;
        }
        return rewrite(m, types, occurrences, byType, forInstance);
    }

    private Model rewrite(Model m, Map<String, ComponentType> types, List<Occurrence> occurrences,
                          Map<String, Map<String, IntervalOverride>> byType,
                          Map<String, Map<String, IntervalOverride>> forInstance) {
        // type-level first: every instance sees them unless it has its own
        List<ComponentType> newTypes = new ArrayList<>();
        Map<String, ComponentType> effective = new LinkedHashMap<>();
        for (ComponentType t : m.types()) {
            Map<String, IntervalOverride> own = byType.getOrDefault(t.name(), Map.of());
            ComponentType nt = withDurations(t, t.name(), own);
            newTypes.add(nt);
            effective.putIfAbsent(t.name(), nt);
            for (IntervalOverride o : own.values()) {
                List<String> where = new ArrayList<>();
                Map<String, List<String>> bySubject = new LinkedHashMap<>();
                for (Occurrence x : occurrences) {
                    if (x.type().equals(t.name()) && !forInstance.getOrDefault(x.instance(), Map.of())
                            .containsKey(o.transition())) {
                        List<String> names = bySubject.computeIfAbsent(x.subject(), k -> new ArrayList<>());
                        if (!names.contains(x.instance())) {
                            names.add(x.instance());
                        }
                    }
                }
                bySubject.forEach((s, names) -> where.add(s + ": " + String.join(", ", names)));
                applied.add(new AppliedOverride(WhatIf.INTERVAL, o.given(), o.target(),
                        t.transition(o.transition()).orElseThrow().duration().toString(), o.duration().toString(),
                        where));
            }
        }
        // instance-level: a variant type per (instance, type) whose type has one of the transitions
        Map<String, String> variantOf = new HashMap<>(); // "instance\0type" -> variant type name
        for (Map.Entry<String, Map<String, IntervalOverride>> e : forInstance.entrySet()) {
            String instance = e.getKey();
            Map<String, List<String>> subjectsByType = new LinkedHashMap<>();
            for (Occurrence x : occurrences) {
                if (x.instance().equals(instance)) {
                    subjectsByType.computeIfAbsent(x.type(), k -> new ArrayList<>()).add(x.subject());
                }
            }
            for (Map.Entry<String, List<String>> byT : subjectsByType.entrySet()) {
                ComponentType base = effective.get(byT.getKey());
                Map<String, IntervalOverride> own = new LinkedHashMap<>();
                e.getValue().forEach((tr, o) -> {
                    if (base.transition(tr).isPresent()) {
                        own.put(tr, o);
                    }
                });
                if (own.isEmpty()) {
                    continue;
                }
                String name = base.name() + VARIANT + instance;
                newTypes.add(withDurations(base, name, own));
                variantOf.put(instance + "\0" + base.name(), name);
                for (IntervalOverride o : own.values()) {
                    applied.add(new AppliedOverride(WhatIf.INTERVAL, o.given(), o.target(),
                            types.get(byT.getKey()).transition(o.transition()).orElseThrow().duration().toString(),
                            o.duration().toString(), List.of(String.join(", ", new LinkedHashSet<>(byT.getValue()))
                            + ": " + instance + " (" + base.name() + ")")));
                }
            }
        }
        List<Assembly> assemblies = new ArrayList<>();
        for (Assembly a : m.assemblies()) {
            List<Instance> instances = new ArrayList<>();
            for (Instance i : a.instances()) {
                String v = variantOf.get(i.name() + "\0" + i.type());
                instances.add(v == null ? i : new Instance(i.name(), v, i.position()));
            }
            assemblies.add(new Assembly(a.name(), instances, a.connections(), a.position()));
        }
        List<Program> programs = new ArrayList<>();
        for (Program p : m.programs()) {
            List<Instruction> flat = unrolled(p);
            boolean touched = flat != null && flat.stream().anyMatch(i -> i instanceof Instruction.Add add
                    && variantOf.containsKey(add.instance() + "\0" + add.type()));
            if (!touched) {
                programs.add(p);
                continue;
            }
            List<Statement> body = new ArrayList<>();
            for (Instruction i : flat) {
                if (i instanceof Instruction.Add add && variantOf.containsKey(add.instance() + "\0" + add.type())) {
                    body.add(new Instruction.Add(add.instance(), variantOf.get(add.instance() + "\0" + add.type()),
                            add.position()));
                } else {
                    body.add(i);
                }
            }
            programs.add(new Program(p.name(), p.parameters(), body, p.position(), p.after()));
        }
        return new Model(m.file(), newTypes, assemblies, programs, m.deployments(), m.verifyBlocks(), m.semantics(),
                m.step());
    }

    /** Every instance of every assembly and program (programs unrolled), with its type and subject. */
    private static List<Occurrence> occurrences(Model m) {
        Set<String> typeNames = new java.util.HashSet<>();
        m.types().forEach(t -> typeNames.add(t.name()));
        List<Occurrence> out = new ArrayList<>();
        for (Program p : m.programs()) {
            List<Instruction> flat = unrolled(p);
            if (flat == null) {
                continue;
            }
            for (Instruction i : flat) {
                if (i instanceof Instruction.Add add && typeNames.contains(add.type())) {
                    out.add(new Occurrence(add.instance(), add.type(), "program " + p.name()));
                }
            }
        }
        for (Assembly a : m.assemblies()) {
            for (Instance i : a.instances()) {
                if (typeNames.contains(i.type())) {
                    out.add(new Occurrence(i.name(), i.type(), "assembly " + a.name()));
                }
            }
        }
        return out;
    }

    /** The program's instructions, or null when it cannot be unrolled (validation says why). */
    private static List<Instruction> unrolled(Program p) {
        try {
            return p.instructions();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static ComponentType withDurations(ComponentType t, String name, Map<String, IntervalOverride> own) {
        if (own.isEmpty() && name.equals(t.name())) {
            return t;
        }
        List<Behavior> behaviors = new ArrayList<>();
        for (Behavior b : t.behaviors()) {
            List<TransitionDecl> ts = new ArrayList<>();
            for (TransitionDecl d : b.transitions()) {
                IntervalOverride o = own.get(d.name());
                Duration duration = o == null ? d.duration() : o.duration();
                ts.add(new TransitionDecl(d.name(), d.source(), d.destination(), duration, d.action(), d.position()));
            }
            behaviors.add(new Behavior(b.name(), ts, b.position()));
        }
        return new ComponentType(name, t.places(), t.initialPlace(), behaviors, t.groups(), t.ports(), t.joins(),
                t.position(), t.initialAt());
    }

    private static List<String> transitionNames(ComponentType t) {
        List<String> out = new ArrayList<>();
        for (Behavior b : t.behaviors()) {
            b.transitions().forEach(d -> out.add(d.name()));
        }
        return out;
    }

    private static String listing(String plural, List<String> known) {
        return known.isEmpty() ? "there are no " + plural.replaceFirst("^(its|the) ", "") : plural + " are "
                + String.join(", ", known);
    }
}

package dev.cadenza.core.lang;

import dev.cadenza.core.model.Assembly;
import dev.cadenza.core.model.ComponentType;
import dev.cadenza.core.model.Connection;
import dev.cadenza.core.model.Deployment;
import dev.cadenza.core.model.DeploymentEntry;
import dev.cadenza.core.model.Instance;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.PlaceDecl;
import dev.cadenza.core.model.Program;
import dev.cadenza.core.model.PropertySpec;
import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.core.model.TransitionDecl;
import dev.cadenza.core.model.TransitionRef;
import dev.cadenza.core.model.VerifyBlock;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds every problem of a parsed model at once: names that refer to nothing, duplicates,
 * ports connected the wrong way, programs that use components before adding them, properties
 * about things that do not exist. Errors make the model unusable; warnings (a place no
 * transition reaches) are printed but do not stop anything.
 *
 * <p>Predicates ({@code forbidden}, {@code query}) are not looked into: their language is
 * parsed by the petri module and resolved by verify.
 */
public final class ModelValidator {

    private final Model model;
    private final Set<Problem> problems = new LinkedHashSet<>();
    /** The state each program leaves, computed once (a program may be the start of several). */
    private final Map<String, ProgramState> after = new HashMap<>();
    private final Set<String> running = new HashSet<>();

    private ModelValidator(Model model) {
        this.model = model;
    }

    /** Every problem, in file order (errors and warnings). */
    public static List<Problem> validate(Model model) {
        ModelValidator v = new ModelValidator(model);
        v.run();
        List<Problem> out = new ArrayList<>(v.problems);
        out.sort(Comparator.comparingInt((Problem p) -> p.position().line()).thenComparingInt(p -> p.position().column()));
        return out;
    }

    /** The warnings, when there is no error; otherwise throws with every problem. */
    public static List<Problem> check(Model model) {
        List<Problem> all = validate(model);
        if (all.stream().anyMatch(Problem::isError)) {
            throw new ModelValidationException(all);
        }
        return all;
    }

    private void report(Problem p) {
        problems.add(p);
    }

    private void run() {
        if (model.types().isEmpty() && model.programs().isEmpty() && model.assemblies().isEmpty()
                && model.verifyBlocks().isEmpty() && model.deployments().isEmpty()) {
            report(Problem.warning(new SourcePosition(model.file(), 1, 1), "the model is empty: nothing to check;"
                    + " a model declares component types, a program or an assembly, and verify blocks"));
        }
        Names.duplicates(model.types(), ComponentType::name, ComponentType::position, "component type", "", this::report);
        for (ComponentType t : model.types()) {
            ComponentTypeChecks.check(t, this::report);
        }
        TimeUnits.check(model, this::report);
        subjectNames();
        for (Assembly a : model.assemblies()) {
            assembly(a);
        }
        for (Program p : model.programs()) {
            stateAfter(p);
        }
        Names.duplicates(model.deployments(), Deployment::name, Deployment::position, "deployment", "", this::report);
        for (Deployment d : model.deployments()) {
            Names.duplicates(d.entries(), DeploymentEntry::instance, DeploymentEntry::position,
                    "entry for instance", " in deployment " + d.name(), this::report);
        }
        for (VerifyBlock v : model.verifyBlocks()) {
            verify(v);
        }
    }

    /** Programs and assemblies share one name space: a verify block names either. */
    private void subjectNames() {
        record Subject(String name, SourcePosition position) {
        }
        List<Subject> subjects = Stream.concat(
                model.programs().stream().map(p -> new Subject(p.name(), p.position())),
                model.assemblies().stream().map(a -> new Subject(a.name(), a.position())))
                .sorted(Comparator.comparingInt((Subject s) -> s.position().line())
                        .thenComparingInt(s -> s.position().column()))
                .toList();
        Names.duplicates(subjects, Subject::name, Subject::position, "program or assembly name", "", this::report);
    }

    private void assembly(Assembly a) {
        Names.duplicates(a.instances(), Instance::name, Instance::position,
                "instance", " in assembly " + a.name(), this::report);
        Map<String, String> types = new HashMap<>();
        Set<String> typeNames = new HashSet<>();
        for (ComponentType t : model.types()) {
            typeNames.add(t.name());
        }
        for (Instance i : a.instances()) {
            String type = i.type();
            if (!typeNames.contains(type)) {
                report(Problem.error(i.position(), Names.unknown("component type", type, "", "types", typeNames())));
                type = null;
            }
            types.putIfAbsent(i.name(), type);
        }
        Wiring wiring = new Wiring(model, this::report);
        Map<String, Connection> users = new HashMap<>();
        for (Connection c : a.connections()) {
            boolean known = instance(c.provider().instance(), types, c.provider().position(), "assembly " + a.name())
                    & instance(c.user().instance(), types, c.user().position(), "assembly " + a.name());
            if (!known || !wiring.compatible(c.provider(), types.get(c.provider().instance()), c.user(),
                    types.get(c.user().instance()), "connect")) {
                continue;
            }
            Connection earlier = users.putIfAbsent(c.user().toString(), c);
            if (earlier != null) {
                report(Problem.error(c.position(), "use port " + c.user() + " is already connected to "
                        + earlier.provider() + " (at " + earlier.position() + "); a use port has one provider"));
            }
        }
    }

    private boolean instance(String name, Map<String, String> types, SourcePosition at, String where) {
        if (types.containsKey(name)) {
            return true;
        }
        report(Problem.error(at, Names.unknown("instance", name, where, "instances", List.copyOf(types.keySet()))));
        return false;
    }

    /** Runs the program's predecessors first, so that it starts from the state they leave. */
    private ProgramState stateAfter(Program p) {
        ProgramState done = after.get(p.name());
        if (done != null) {
            return done;
        }
        ProgramState start = new ProgramState();
        if (p.after() != null) {
            Optional<Program> previous = model.program(p.after());
            if (previous.isEmpty()) {
                report(Problem.error(p.position(), Names.unknown("program", p.after(), "'after' of program " + p.name(),
                        "programs", model.programs().stream().map(Program::name).toList())));
            } else if (!running.add(p.name())) {
                report(Problem.error(p.position(), "program " + p.name() + " starts after itself through 'after'"
                        + " clauses; the programs must follow each other without a cycle"));
                return start;
            } else {
                start = stateAfter(previous.get());
                running.remove(p.name());
            }
        }
        ProgramState end = ProgramRun.run(model, p, start, this::report);
        after.putIfAbsent(p.name(), end);
        return after.get(p.name());
    }

    // ---- verify blocks

    private void verify(VerifyBlock v) {
        Map<String, String> instances;
        Optional<Program> program = model.program(v.subject());
        Optional<Assembly> assembly = model.assembly(v.subject());
        if (program.isPresent()) {
            instances = stateAfter(program.get()).everAdded;
        } else if (assembly.isPresent()) {
            instances = new LinkedHashMap<>();
            Set<String> typeNames = new HashSet<>();
            for (ComponentType t : model.types()) {
                typeNames.add(t.name());
            }
            for (Instance i : assembly.get().instances()) {
                instances.putIfAbsent(i.name(), typeNames.contains(i.type()) ? i.type() : null);
            }
        } else {
            report(Problem.error(v.position(), "verify names '" + v.subject() + "', which is neither a program nor an"
                    + " assembly; " + Names.listing("programs", model.programs().stream().map(Program::name).toList())
                    + "; " + Names.listing("assemblies", model.assemblies().stream().map(Assembly::name).toList())));
            return;
        }
        String where = (program.isPresent() ? "program " : "assembly ") + v.subject();
        for (PropertySpec p : v.properties()) {
            if (p instanceof PropertySpec.Deployable d && d.deployment() != null) {
                deployable(d, instances, where);
            } else if (p instanceof PropertySpec.Sequence s) {
                for (TransitionRef step : s.steps()) {
                    if (instance(step.instance(), instances, step.position(), where)) {
                        transition(step, instances.get(step.instance()));
                    }
                }
            } else if (p instanceof PropertySpec.Parallel par) {
                for (String i : par.instances()) {
                    instance(i, instances, par.position(), where);
                }
            }
        }
    }

    private void deployable(PropertySpec.Deployable d, Map<String, String> instances, String where) {
        Optional<Deployment> target = model.deployment(d.deployment());
        if (target.isEmpty()) {
            report(Problem.error(d.position(), Names.unknown("deployment", d.deployment(), "", "deployments",
                    model.deployments().stream().map(Deployment::name).toList())));
            return;
        }
        for (DeploymentEntry e : target.get().entries()) {
            if (!instance(e.instance(), instances, e.position(), where + " (deployment " + d.deployment()
                    + " is checked against it at " + d.position() + ")")) {
                continue;
            }
            String typeName = instances.get(e.instance());
            Optional<ComponentType> type = typeName == null ? Optional.empty() : model.type(typeName);
            if (type.isPresent() && type.get().place(e.place()).isEmpty()) {
                report(Problem.error(e.position(), Names.unknown("place", e.place(), "component " + typeName
                        + " (of " + e.instance() + ")", "places", type.get().places().stream().map(PlaceDecl::name).toList())));
            }
        }
    }

    private void transition(TransitionRef ref, String typeName) {
        Optional<ComponentType> type = typeName == null ? Optional.empty() : model.type(typeName);
        if (type.isPresent() && type.get().transition(ref.transition()).isEmpty()) {
            report(Problem.error(ref.position(), Names.unknown("transition", ref.transition(), "component " + typeName
                    + " (of " + ref.instance() + ")", "transitions", type.get().behaviors().stream()
                    .flatMap(b -> b.transitions().stream()).map(TransitionDecl::name).toList())));
        }
    }

    private List<String> typeNames() {
        return model.types().stream().map(ComponentType::name).toList();
    }
}

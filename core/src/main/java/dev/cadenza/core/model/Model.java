package dev.cadenza.core.model;

import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One model file: component types, assemblies, programs, deployments and verify blocks, and the
 * runtime they are held to ({@code semantics}) with the cost of one loop iteration ({@code step};
 * null: the semantics' default, {@link Semantics#defaultStep()}).
 */
public record Model(String file, List<ComponentType> types, List<Assembly> assemblies,
                    List<Program> programs, List<Deployment> deployments, List<VerifyBlock> verifyBlocks,
                    Semantics semantics, Duration step) {

    public Model {
        if (semantics == null) {
            throw new IllegalArgumentException("a model's semantics is concerto or concerto-d, never null");
        }
        if (step != null && step.isUnbounded()) {
            throw new IllegalArgumentException("a step cost must be bounded, not " + step);
        }
        types = List.copyOf(types);
        assemblies = List.copyOf(assemblies);
        programs = List.copyOf(programs);
        deployments = List.copyOf(deployments);
        verifyBlocks = List.copyOf(verifyBlocks);
    }

    /** A model with the default semantics (concerto) and step. */
    public Model(String file, List<ComponentType> types, List<Assembly> assemblies,
                 List<Program> programs, List<Deployment> deployments, List<VerifyBlock> verifyBlocks) {
        this(file, types, assemblies, programs, deployments, verifyBlocks, Semantics.CONCERTO, null);
    }

    /** The cost of one loop iteration: the declared step, or the semantics' default. */
    public Duration effectiveStep() {
        return step != null ? step : semantics.defaultStep();
    }

    /** The same model held to another runtime (the step stays as declared). */
    public Model withSemantics(Semantics s) {
        return new Model(file, types, assemblies, programs, deployments, verifyBlocks, s, step);
    }

    /** The same model with another step cost (null: the semantics' default). */
    public Model withStep(Duration s) {
        return new Model(file, types, assemblies, programs, deployments, verifyBlocks, semantics, s);
    }

    public Optional<ComponentType> type(String name) {
        return types.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Optional<Assembly> assembly(String name) {
        return assemblies.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public Optional<Program> program(String name) {
        return programs.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<Deployment> deployment(String name) {
        return deployments.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /**
     * The programs that run before {@code program}, following its {@code after} clauses, the
     * first to run first. Stops at a name that is no program or at a cycle (validation reports both).
     */
    public List<Program> startingChain(Program program) {
        LinkedList<Program> chain = new LinkedList<>();
        Set<String> seen = new HashSet<>();
        seen.add(program.name());
        Optional<Program> previous = program.after() == null ? Optional.empty() : program(program.after());
        while (previous.isPresent() && seen.add(previous.get().name())) {
            chain.addFirst(previous.get());
            previous = previous.get().after() == null ? Optional.empty() : program(previous.get().after());
        }
        return List.copyOf(chain);
    }
}

package dev.cadenza.core.model;

import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One model file: component types, assemblies, programs, deployments and verify blocks. */
public record Model(String file, List<ComponentType> types, List<Assembly> assemblies,
                    List<Program> programs, List<Deployment> deployments, List<VerifyBlock> verifyBlocks) {

    public Model {
        types = List.copyOf(types);
        assemblies = List.copyOf(assemblies);
        programs = List.copyOf(programs);
        deployments = List.copyOf(deployments);
        verifyBlocks = List.copyOf(verifyBlocks);
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

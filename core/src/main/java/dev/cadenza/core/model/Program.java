package dev.cadenza.core.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Concerto program as written: parameters and statements (loops kept, for printing).
 * {@code after} names the program whose final state this one starts from
 * ({@code program to_galera after deploy_central { … }}), or is null: it starts from nothing.
 */
public record Program(String name, List<Parameter> parameters, List<Statement> body, SourcePosition position,
                      String after) {

    public Program {
        parameters = List.copyOf(parameters);
        body = List.copyOf(body);
    }

    /** A program that starts from nothing. */
    public Program(String name, List<Parameter> parameters, List<Statement> body, SourcePosition position) {
        this(name, parameters, body, position, null);
    }

    /** The instructions in execution order, loops unrolled with the declared parameter values. */
    public List<Instruction> instructions() {
        return instructions(Map.of());
    }

    /** The same, with some parameters given other values (e.g. from the command line). */
    public List<Instruction> instructions(Map<String, Long> overrides) {
        Map<String, Long> env = new HashMap<>();
        for (Parameter p : parameters) {
            env.put(p.name(), p.value());
        }
        env.putAll(overrides);
        List<Instruction> out = new ArrayList<>();
        for (Statement s : body) {
            s.unroll(env, out::add);
        }
        return out;
    }
}

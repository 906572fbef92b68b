package dev.cadenza.core.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** {@code for i in from..to:} with an indented body, both bounds inclusive. */
public record ForLoop(String variable, IntExpr from, IntExpr to, List<Statement> body,
                      SourcePosition position) implements Statement {

    public ForLoop {
        body = List.copyOf(body);
    }

    @Override
    public void unroll(Map<String, Long> env, Consumer<Instruction> out) {
        long lo = from.evaluate(env);
        long hi = to.evaluate(env);
        Map<String, Long> inner = new HashMap<>(env);
        for (long i = lo; i <= hi; i++) {
            inner.put(variable, i);
            for (Statement s : body) {
                s.unroll(inner, out);
            }
        }
    }
}

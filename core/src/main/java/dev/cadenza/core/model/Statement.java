package dev.cadenza.core.model;

import java.util.Map;
import java.util.function.Consumer;

/**
 * A statement of a Concerto program as written: an instruction, or a loop of statements.
 * Names inside a loop body may contain {@code {i}}, replaced by the loop variable's value when
 * the program is unrolled.
 */
public sealed interface Statement permits Instruction, ForLoop {

    SourcePosition position();

    /** Emits the concrete instructions of this statement, names substituted from {@code env}. */
    void unroll(Map<String, Long> env, Consumer<Instruction> out);
}

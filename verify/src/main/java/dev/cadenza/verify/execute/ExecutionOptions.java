package dev.cadenza.verify.execute;

import java.util.Map;

/**
 * How to execute: which runtime's rules ({@code semantics}), the cost of a loop iteration
 * ({@code step}; null: the semantics' own, zero for Concerto, 50 ms for Concerto-D), program
 * parameters overriding the declared ones, and a bound on loop iterations (a run that reaches it
 * is stopped, never silently cut).
 */
public record ExecutionOptions(Semantics semantics, StepCost step, Map<String, Long> parameters, long maxIterations) {

    public static final ExecutionOptions DEFAULT = new ExecutionOptions(Semantics.CONCERTO, null, Map.of(), 50_000_000);

    public ExecutionOptions {
        parameters = Map.copyOf(parameters);
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be positive");
        }
    }

    /** The step cost in force: the one given, else the semantics' own. */
    public StepCost effectiveStep() {
        if (step != null) {
            return step;
        }
        return semantics == Semantics.CONCERTO_D ? StepCost.CONCERTO_D_POLLING : StepCost.ZERO;
    }

    public ExecutionOptions withSemantics(Semantics s) {
        return new ExecutionOptions(s, step, parameters, maxIterations);
    }

    public ExecutionOptions withStep(StepCost s) {
        return new ExecutionOptions(semantics, s, parameters, maxIterations);
    }

    public ExecutionOptions withParameters(Map<String, Long> p) {
        return new ExecutionOptions(semantics, step, p, maxIterations);
    }

    public ExecutionOptions withMaxIterations(long n) {
        return new ExecutionOptions(semantics, step, parameters, n);
    }
}

package dev.cadenza.verify.execute;

/**
 * How to execute, beyond what the model says (its {@code semantics} and {@code step} are the
 * model's): a bound on loop iterations, a safety net — a run of a finite program always ends,
 * every behavior leaves each place at most once — so a run that reaches it is stopped, never
 * silently cut.
 */
public record ExecutionOptions(long maxIterations) {

    public static final ExecutionOptions DEFAULT = new ExecutionOptions(50_000_000);

    public ExecutionOptions {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be positive");
        }
    }
}

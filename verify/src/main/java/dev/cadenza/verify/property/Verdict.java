package dev.cadenza.verify.property;

import dev.cadenza.verify.engine.Statistics;

import java.util.List;

/** The answer to a property: it holds, it is violated (with a counterexample), or a limit stopped the search. */
public sealed interface Verdict {

    Statistics statistics();

    /** Lines to show under the verdict: witness runs, bounds, notes. */
    List<String> details();

    /** {@code holds}, {@code violated}, {@code inconclusive}: the JSON words (contract). */
    String word();

    /** {@code witness}: the run that shows it (e.g. of {@code parallel}), to draw; null when none. */
    record Holds(List<String> details, Statistics statistics, Counterexample witness) implements Verdict {
        public Holds {
            details = List.copyOf(details);
        }

        public Holds(List<String> details, Statistics statistics) {
            this(details, statistics, null);
        }

        public String word() {
            return "holds";
        }
    }

    record Violated(Counterexample counterexample, Statistics statistics) implements Verdict {
        public List<String> details() {
            return counterexample.lines();
        }

        public String word() {
            return "violated";
        }
    }

    /**
     * A search was cut by the command's budget: {@code reason} says which limit, {@code partial}
     * what was still established (an exact min, a run found), in lines.
     */
    record Inconclusive(String reason, List<String> partial, Statistics statistics) implements Verdict {
        public Inconclusive {
            partial = List.copyOf(partial);
        }

        public Inconclusive(String reason, Statistics statistics) {
            this(reason, List.of(), statistics);
        }

        public List<String> details() {
            List<String> out = new java.util.ArrayList<>();
            out.add(reason);
            out.addAll(partial);
            return out;
        }

        public String word() {
            return "inconclusive";
        }
    }
}

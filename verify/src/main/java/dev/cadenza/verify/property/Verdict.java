package dev.cadenza.verify.property;

import dev.cadenza.verify.bounds.BoundsReport;
import dev.cadenza.verify.engine.Statistics;

import java.util.List;

/** The answer to a property: it holds, it is violated (with a counterexample), or a limit stopped the search. */
public sealed interface Verdict {

    Statistics statistics();

    /** Lines to show under the verdict: witness runs, bounds, notes. */
    List<String> details();

    /** {@code holds}, {@code violated}, {@code inconclusive}: the JSON words (contract). */
    String word();

    /** The time bounds the verdict rests on ({@code bounds}, {@code within}), as data; null when none. */
    default BoundsReport bounds() {
        return null;
    }

    /**
     * {@code witness}: the run that shows it (e.g. of {@code parallel}), to draw; null when none.
     * {@code bounds}: the bounds it reports, as data, or null.
     */
    record Holds(List<String> details, Statistics statistics, Counterexample witness, BoundsReport bounds)
            implements Verdict {
        public Holds {
            details = List.copyOf(details);
        }

        public Holds(List<String> details, Statistics statistics, Counterexample witness) {
            this(details, statistics, witness, null);
        }

        public Holds(List<String> details, Statistics statistics) {
            this(details, statistics, null, null);
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
     * what was still established (an exact min, a run found), in lines, and {@code bounds} as data
     * (or null).
     */
    record Inconclusive(String reason, List<String> partial, Statistics statistics, BoundsReport bounds)
            implements Verdict {
        public Inconclusive {
            partial = List.copyOf(partial);
        }

        public Inconclusive(String reason, List<String> partial, Statistics statistics) {
            this(reason, partial, statistics, null);
        }

        public Inconclusive(String reason, Statistics statistics) {
            this(reason, List.of(), statistics, null);
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

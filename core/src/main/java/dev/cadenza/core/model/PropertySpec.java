package dev.cadenza.core.model;

import java.math.BigDecimal;
import java.util.List;

/** A property asked in a {@code verify} block. */
public sealed interface PropertySpec {

    SourcePosition position();

    /**
     * {@code deployable [untimed] [DEPLOYMENT]}: every maximal run ends with the program done and
     * every component idle (or in the named deployment's places). {@code untimed}: every interval
     * read as [0, inf[.
     */
    record Deployable(String deployment, boolean untimed, SourcePosition position) implements PropertySpec {
    }

    /** {@code forbidden PRED}: no reachable state satisfies PRED. */
    record Forbidden(PredicateText predicate, SourcePosition position) implements PropertySpec {
    }

    /** {@code sequence a.t1 before b.t2 [before …]}: in every run each ends before the next starts. */
    record Sequence(List<TransitionRef> steps, SourcePosition position) implements PropertySpec {
        public Sequence {
            steps = List.copyOf(steps);
        }
    }

    /** {@code parallel X, Y [, …]}: some reachable state has a transition of each running at once. */
    record Parallel(List<String> instances, SourcePosition position) implements PropertySpec {
        public Parallel {
            instances = List.copyOf(instances);
        }
    }

    /** {@code bounds}: exact min and max time to the end, critical path, per-transition windows. */
    record Bounds(SourcePosition position) implements PropertySpec {
    }

    /** {@code within T}: the max time is at most T seconds. */
    record Within(BigDecimal seconds, SourcePosition position) implements PropertySpec {
    }

    /**
     * {@code query "AG …"}: a formula over the same predicates — timed, {@code AG p}, {@code EF p}
     * or {@code AF p}; {@code query untimed "…"}: any CTL formula, decided on the marking graph
     * with time ignored. {@code formulaAt} is where the formula's text starts (inside the quotes),
     * so errors in it are placed exactly.
     */
    record Query(String formula, boolean untimed, SourcePosition formulaAt, SourcePosition position)
            implements PropertySpec {

        /** A timed query whose text starts right after {@code query "}. */
        public Query(String formula, SourcePosition position) {
            this(formula, false, position.line() <= 0 ? position : new SourcePosition(position.file(),
                    position.line(), position.column() + "query \"".length()), position);
        }
    }

    /**
     * {@code response TRIGGER leads to RESPONSE within T}: every time TRIGGER holds, RESPONSE holds
     * at that instant or within T seconds after it (in every run).
     */
    record Response(PredicateText trigger, PredicateText response, BigDecimal seconds, SourcePosition position)
            implements PropertySpec {
    }
}

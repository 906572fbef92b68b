package dev.cadenza.verify.execute;

import dev.cadenza.verify.trace.Run;

/**
 * What {@link RuntimeStateSpace#reach} found: a run of the runtime's loop that passes through a
 * state where the predicate holds (made by the executor itself, cut right after the move that makes
 * it hold), none (the search was complete: no state of any run of the loop satisfies it, between
 * any two moves), or no answer (a limit cut the search, or the model is beyond what the state space
 * explores: the reason says which).
 */
public sealed interface PredicateSearch {

    StateSpaceStatistics statistics();

    /** A run that reaches the predicate; it ends {@code Cut} where it holds. */
    record Found(Run run, StateSpaceStatistics statistics) implements PredicateSearch {
    }

    /** Every run of the loop was explored, every state between two moves observed: none satisfies it. */
    record Absent(StateSpaceStatistics statistics) implements PredicateSearch {
    }

    /** The search was cut or refused: no answer. */
    record Unanswered(String reason, StateSpaceStatistics statistics) implements PredicateSearch {
    }
}

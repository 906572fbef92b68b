package dev.cadenza.verify.execute;

import dev.cadenza.verify.trace.Run;

/**
 * What {@link RuntimeStateSpace#deadlock()} found: a run of the runtime's loop that deadlocks
 * (made by the executor itself, so it is one of its runs), none (the search was complete: no run
 * of the loop deadlocks), or no answer (a limit cut the search, or the model is beyond what the
 * state space explores: the reason says which).
 */
public sealed interface DeadlockSearch {

    StateSpaceStatistics statistics();

    /** A run that deadlocks. {@code run} is null only when the deadlock is in a program the subject runs after (the executor refuses to tell such a run). */
    record Found(Run run, String where, StateSpaceStatistics statistics) implements DeadlockSearch {
    }

    /** Every run of the loop was explored: none deadlocks. */
    record Absent(StateSpaceStatistics statistics) implements DeadlockSearch {
    }

    /** The search was cut or refused: no answer. */
    record Unanswered(String reason, StateSpaceStatistics statistics) implements DeadlockSearch {
    }
}

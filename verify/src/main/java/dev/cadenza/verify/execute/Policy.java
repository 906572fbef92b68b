package dev.cadenza.verify.execute;

/**
 * The choices the runtime leaves open, made for one run: how long each transition run takes
 * (chosen when it starts), in which order the components of a loop iteration and the items of a
 * sweep's phase are visited (Python sets: their order follows string hashing and memory
 * addresses), whether a thread that finished at this very instant is already noticed (a thread
 * race), and how long an iteration takes when steps cost time. One policy object serves one run.
 */
public interface Policy {

    /** Where an order is chosen. */
    enum Phase {
        /** The active components of one loop iteration (assembly.py:425). */
        COMPONENTS,
        /** Input docks to places (component.py:862). */
        ENTER,
        /** Places to output docks (component.py:726). */
        LEAVE,
        /** Output docks to started transitions (component.py:789). */
        START,
        /** Running transitions whose thread may have finished (component.py:829). */
        END
    }

    /** Ticks the run of {@code t} starting now takes, within its interval. */
    long duration(TransitionChoice t);

    /**
     * Permutes {@code items[0..n)}: components (ids) of an iteration, or the places or transitions
     * (indices into {@code names}) of one phase of {@code instance}'s sweep.
     */
    void order(Phase phase, String instance, int[] items, int n, String[] names);

    /**
     * A thread of {@code t} finished exactly at this instant ({@code sameIteration}: it also started
     * in this loop iteration, a zero-duration thread): is it already noticed by this end phase?
     * A thread that finished earlier is always noticed; one deferred is offered again at the next
     * end phase, and noticed for sure once an iteration goes by without any other move.
     */
    boolean noticeNow(TransitionChoice t, boolean sameIteration, long now);

    /**
     * A thread of {@code t} finished exactly at this instant and was left unnoticed through an
     * iteration in which nothing else moved: is it noticed by this end phase? Threads that finish
     * in the same tick finish in some order in real time, and the loop may go round quietly
     * between two of them, so each may wait for the others' consequences to settle; one not
     * noticed now is noticed after one more quiet iteration, for sure. Every policy but an
     * explorer's notices at once (the default).
     */
    default boolean noticeWhenForced(TransitionChoice t, long now) {
        return true;
    }

    /** Ticks the loop iteration starting at {@code now} takes, in [min, max]. */
    long step(long now, long min, long max);

    /**
     * The program asked for starts now, at time 0; whatever ran before (the programs it runs
     * {@code after}) only prepared the state it starts from.
     */
    default void subjectStarts() {
    }

    /** A loop iteration begins at {@code now} (ticks). */
    default void beginIteration(long now) {
    }

    /** Whether {@link #happened} wants to be told the events (costs a call per event). */
    default boolean wantsEvents() {
        return false;
    }

    /**
     * Told each event as the executor records it (a policy that follows a run keeps its place):
     * {@code element} is the place, transition or behavior, or for an instruction its index.
     */
    default void happened(EventKind kind, String instance, String element, long time) {
    }

    /** The kinds of recorded events, as a policy is told them. */
    enum EventKind {
        INSTRUCTION, BEHAVIOR_BEGUN, BEHAVIOR_COMPLETED, PLACE_ENTERED, PLACE_LEFT, WANTS_TO_LEAVE,
        TRANSITION_READY, TRANSITION_STARTED, TRANSITION_ENDED
    }
}

package dev.cadenza.verify.engine;

/**
 * The explored graph of a net's states (state classes in dense time): state 0 is the initial
 * one; edges are labelled by the fired transition. Properties read it; engines build it.
 */
public interface StateGraph {

    int size();

    long[] marking(int state);

    /** No transition is enabled in this state's marking: a maximal run ends here. */
    boolean dead(int state);

    /** Successor states, parallel to {@link #edgeTransitions(int)}. */
    int[] successors(int state);

    int[] edgeTransitions(int state);

    /** A feasible timed run from the initial state to {@code state}. */
    TimedRun runTo(int state);

    Statistics statistics();
}

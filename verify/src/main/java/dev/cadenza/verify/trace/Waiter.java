package dev.cadenza.verify.trace;

import java.util.List;

/**
 * A step of a run that was ready to happen but had to wait: a transition to start, a place to be
 * left or entered, a program instruction to finish. How a wait and a blocked step are named.
 */
public sealed interface Waiter {

    /** {@code c.configure starts}, {@code s leaves running}, {@code program: wait(s)}. */
    String describe();

    /** The instance that waits, or null for the program. */
    String instance();

    /** Transition {@code transition} of {@code instance} is ready (its output dock is active) but cannot start. */
    record Start(String instance, String transition) implements Waiter {
        public String describe() {
            return instance + "." + transition + " starts";
        }
    }

    /**
     * {@code instance} would leave {@code place}, making the transitions {@code transitions} (its
     * outgoing ones in the active behavior) ready, but may not (a provide port bound there is
     * locked). Named after the transition when there is one: that is the step the user waits for.
     */
    record Leave(String instance, String place, List<String> transitions) implements Waiter {
        public Leave {
            transitions = List.copyOf(transitions);
        }

        public String describe() {
            return transitions.size() == 1 ? instance + "." + transitions.get(0) + " starts"
                    : instance + " leaves " + place;
        }
    }

    /** {@code instance} would enter {@code place} (a transition into it has ended) but may not yet. */
    record Enter(String instance, String place) implements Waiter {
        public String describe() {
            return instance + " enters " + place;
        }
    }

    /** The program's instruction number {@code index} (0-based), written {@code instruction}, cannot finish yet. */
    record Instruction(int index, String instruction) implements Waiter {
        public String describe() {
            return "program: " + instruction;
        }

        public String instance() {
            return null;
        }
    }
}

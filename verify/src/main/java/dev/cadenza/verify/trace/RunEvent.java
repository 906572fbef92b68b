package dev.cadenza.verify.trace;

import org.apache.commons.math3.fraction.BigFraction;

import java.util.List;

/**
 * Something that happened in a run, in model terms, at an exact time in seconds from the start.
 * The same events come from a counterexample of the net (read back through the back-map), from
 * the executor of the Concerto semantics, and from a real run.
 *
 * <p>{@code cause}: the index, in the run's events, of the event that last enabled this one (the
 * end of the transition a join waited for, the entry of the place that activated a provider, the
 * release of a lock, the start of a timed transition for its end), or -1 when nothing earlier
 * did. Following causes back from the last event gives the run's critical chain.
 */
public sealed interface RunEvent {

    BigFraction time();

    int cause();

    /** The words a run's text uses for this event: {@code c.configure starts (uses s.ip)}. */
    String describe();

    /** Whether a run's text shows this event; leaving places and docks becoming active are plumbing. */
    default boolean shown() {
        return true;
    }

    /** The instance this event is about, or null for the program's own steps. */
    String instance();

    /** The program executed its instruction number {@code index} (0-based), written {@code instruction}. */
    record InstructionExecuted(BigFraction time, int index, String instruction, int cause) implements RunEvent {
        public String describe() {
            return "program: " + instruction;
        }

        public String instance() {
            return null;
        }
    }

    /** {@code instance} made {@code behavior} its active behavior (from its queue, or pushed while idle). */
    record BehaviorBegun(BigFraction time, String instance, String behavior, int cause) implements RunEvent {
        public String describe() {
            return instance + " begins behavior " + behavior;
        }
    }

    /** {@code instance} has nothing left to do in {@code behavior} (Concerto's idle check). */
    record BehaviorCompleted(BigFraction time, String instance, String behavior, int cause) implements RunEvent {
        public String describe() {
            return instance + " completes behavior " + behavior;
        }
    }

    /**
     * {@code instance} entered {@code place}, through the input docks of the transitions
     * {@code via} (one join set; empty for the initial place), using the providers {@code uses}
     * (the use ports bound to the place or to a group it activates).
     */
    record PlaceEntered(BigFraction time, String instance, String place, List<String> via, List<String> uses,
                        int cause) implements RunEvent {
        public PlaceEntered {
            via = List.copyOf(via);
            uses = List.copyOf(uses);
        }

        public String describe() {
            return instance + " enters " + place + Uses.text(uses);
        }

        /** Entering is plumbing unless it needed a provider. */
        public boolean shown() {
            return !uses.isEmpty();
        }
    }

    /** {@code instance} left {@code place}: the output docks of its outgoing transitions became active. */
    record PlaceLeft(BigFraction time, String instance, String place, int cause) implements RunEvent {
        public String describe() {
            return instance + " leaves " + place;
        }

        public boolean shown() {
            return false;
        }
    }

    /**
     * A provider wants to leave {@code place}, which keeps some of its provide ports active:
     * from now on those ports refuse new users (Concerto-D's refusing; the translation models it).
     */
    record WantsToLeave(BigFraction time, String instance, String place, int cause) implements RunEvent {
        public String describe() {
            return instance + " wants to leave " + place;
        }
    }

    /** The output dock of {@code transition} (on its {@code source} place) became active: it may start. */
    record TransitionReady(BigFraction time, String instance, String transition, String source, int cause)
            implements RunEvent {
        public String describe() {
            return instance + "." + transition + " ready to start";
        }

        public boolean shown() {
            return false;
        }
    }

    /** {@code transition} started, its use ports served by the providers {@code uses}. */
    record TransitionStarted(BigFraction time, String instance, String transition, List<String> uses, int cause)
            implements RunEvent {
        public TransitionStarted {
            uses = List.copyOf(uses);
        }

        public String describe() {
            return instance + "." + transition + " starts" + Uses.text(uses);
        }
    }

    /** {@code transition} ended: its input dock on {@code destination} became active. */
    record TransitionEnded(BigFraction time, String instance, String transition, String destination, int cause)
            implements RunEvent {
        public String describe() {
            return instance + "." + transition + " ends";
        }
    }

    /** {@code (uses s.ip, t.db)}. */
    final class Uses {
        private Uses() {
        }

        static String text(List<String> uses) {
            return uses.isEmpty() ? "" : " (uses " + String.join(", ", uses) + ")";
        }
    }
}

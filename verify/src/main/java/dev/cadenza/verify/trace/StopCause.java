package dev.cadenza.verify.trace;

/** Why a run was stopped before its end. */
public sealed interface StopCause {

    String describe();

    /** A limit of the run (steps, time) was reached. */
    record LimitReached(String limit) implements StopCause {
        public String describe() {
            return "limit reached: " + limit;
        }
    }

    /** The action of {@code instance.transition} exited with {@code exitStatus}; {@code outputTail}: its last lines. */
    record ActionFailed(String instance, String transition, int exitStatus, String outputTail) implements StopCause {
        public String describe() {
            return "the action of " + instance + "." + transition + " failed with exit status " + exitStatus;
        }
    }

    /** The action of {@code instance.transition} ran longer than {@code seconds} and was stopped. */
    record ActionTimedOut(String instance, String transition, double seconds, String outputTail) implements StopCause {
        public String describe() {
            return "the action of " + instance + "." + transition + " exceeded its timeout of " + seconds + " s";
        }
    }

    /** The runtime itself fails here (e.g. Concerto-D's {@code del} of an instance still active). */
    record RuntimeFailure(String what) implements StopCause {
        public String describe() {
            return what;
        }
    }

    /**
     * The program has ended while instances were still active: Concerto-D's process exits with
     * the program ({@code active}: those instances).
     */
    record ProgramEnded(java.util.List<String> active) implements StopCause {
        public ProgramEnded {
            active = java.util.List.copyOf(active);
        }

        public String describe() {
            return "the program ended while " + String.join(", ", active) + (active.size() == 1 ? " was" : " were")
                    + " still active (Concerto-D stops with its program)";
        }
    }

    /** The user interrupted the run (Ctrl-C). */
    record Interrupted() implements StopCause {
        public String describe() {
            return "interrupted";
        }
    }
}

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

    /** The user interrupted the run (Ctrl-C). */
    record Interrupted() implements StopCause {
        public String describe() {
            return "interrupted";
        }
    }
}

package dev.cadenza.verify.trace;

import dev.cadenza.verify.report.Times;
import org.apache.commons.math3.fraction.BigFraction;

/** How a run ends, at {@link #time()} seconds from its start. */
public sealed interface RunEnd {

    BigFraction time();

    /** One line: {@code finished at t=9}, {@code deadlock at t=4}. */
    String describe();

    /** The program has run to its end and every component is idle. */
    record Finished(BigFraction time) implements RunEnd {
        public String describe() {
            return "finished at t=" + Times.format(time);
        }
    }

    /**
     * Nothing can move, no transition is running and the program is not finished (or, for a
     * counterexample of {@code deployable D}, finished outside D): the run's open waits say who
     * waits on what.
     */
    record Deadlock(BigFraction time) implements RunEnd {
        public String describe() {
            return "deadlock at t=" + Times.format(time);
        }
    }

    /** The run was stopped before its end: {@code cause} says why. */
    record Stopped(BigFraction time, StopCause cause) implements RunEnd {
        public String describe() {
            return "stopped at t=" + Times.format(time) + ": " + cause.describe();
        }
    }

    /**
     * The run is shown up to here only: the state a property asks about is reached
     * ({@code why}: "violation", "witness"), or a horizon.
     */
    record Cut(BigFraction time, String why) implements RunEnd {
        public String describe() {
            return "cut at t=" + Times.format(time) + (why == null ? "" : " (" + why + ")");
        }
    }
}

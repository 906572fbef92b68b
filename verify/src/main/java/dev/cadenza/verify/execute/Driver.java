package dev.cadenza.verify.execute;

/**
 * How time passes in a run and where the threads of started transitions run: simulated (the
 * policy chooses each duration, the clock jumps from one finish to the next), paced (the same,
 * slept in real time: {@code run --dry-run}) or real ({@link ProcessDriver}: each action a shell
 * process, the clock the wall clock). The loop ({@link Execution}) asks the driver when each
 * started thread finishes, when the next iteration happens, and what to do when nothing moves.
 */
public abstract class Driver {

    Driver() {
    }

    /**
     * The thread of transition {@code t} of {@code c} starts at {@code x.now}: when it finishes
     * (ticks), or {@link Long#MAX_VALUE} while unknown (a real action: {@link #whenQuiet} and
     * {@link #afterChange} set it once the process ends).
     */
    abstract long start(Execution x, ComponentState c, int t);

    /** The time of the next iteration after one that moved something. */
    abstract long afterChange(Execution x);

    /**
     * Nothing moves until a thread finishes ({@code next}: the first known finish, MAX when none
     * is known; some thread is running): the time of the next iteration.
     */
    abstract long whenQuiet(Execution x, long next);

    /** The run is over: stop whatever still runs. */
    void finish(Execution x) {
    }

    /** The driver of a simulation: no pacing. */
    public static Driver simulated() {
        return new SimulatedDriver(0);
    }

    /** A simulation slept in real time, {@code speed} model seconds per real second ({@code run --dry-run --speed}). */
    public static Driver paced(double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("a speed is a positive number, not " + speed);
        }
        return new SimulatedDriver(speed);
    }
}

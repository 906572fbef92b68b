package dev.cadenza.verify.execute;

import java.util.List;

/**
 * A predicate over the states of the runtime's loop, as {@link RuntimeStateSpace#reach} observes
 * it: a few readings of the instances' states, and a test over their values. The readings are the
 * ones a run's events show (verify.property's {@code ExecutorStates} reads the same off a
 * {@link dev.cadenza.verify.trace.Run}): a place is marked from its entry to its leaving, a
 * transition runs from its start to its end, and "started" / "ended" are flags set by the first
 * start / end in the subject's program (a caller whose test reads counts must only hand over
 * tests that cannot tell 1 from more).
 *
 * @param readings what each value is; an instance the program never adds reads 0
 * @param test     whether the predicate holds for the values (one per reading, in order); called
 *                 after every single move, so it should not allocate
 */
public record LoopPredicate(List<Reading> readings, Test test) {

    public LoopPredicate {
        readings = List.copyOf(readings);
    }

    /** What a reading counts. */
    public enum Reads {
        /** 1 while {@code instance.element} (a place) is marked. */
        MARKED,
        /** How many of {@code places} of {@code instance} are marked. */
        MARKED_COUNT,
        /** 1 while transition {@code instance.element} runs. */
        RUNNING,
        /** 1 once transition {@code instance.element} has started in the subject's program. */
        STARTED,
        /** 1 once transition {@code instance.element} has ended in the subject's program. */
        ENDED
    }

    /** One value the test reads; {@code places} only for {@link Reads#MARKED_COUNT}. */
    public record Reading(Reads kind, String instance, String element, List<String> places) {
        public Reading {
            places = places == null ? List.of() : List.copyOf(places);
        }
    }

    /** The predicate over the readings' values. */
    @FunctionalInterface
    public interface Test {
        boolean holds(long[] values);
    }
}

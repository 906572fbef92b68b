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

    /**
     * One value the test reads; {@code places} only for {@link Reads#MARKED_COUNT}. Over several
     * instances (of one compiled type) the value is the highest of theirs: 1 when some instance has
     * the place marked, the transition running, started or ended; the largest count. A search
     * observes such a reading as one (a flag any of them sets), which leaves alike instances
     * interchangeable ({@link AlikeReadings}).
     */
    public record Reading(Reads kind, List<String> instances, String element, List<String> places) {
        public Reading {
            instances = List.copyOf(instances);
            if (instances.isEmpty()) {
                throw new IllegalArgumentException("a reading reads some instance");
            }
            places = places == null ? List.of() : List.copyOf(places);
        }

        /** A reading of one instance. */
        public Reading(Reads kind, String instance, String element, List<String> places) {
            this(kind, List.of(instance), element, places);
        }
    }

    /** The predicate over the readings' values. */
    @FunctionalInterface
    public interface Test {
        boolean holds(long[] values);
    }
}

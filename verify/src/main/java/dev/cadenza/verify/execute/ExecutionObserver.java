package dev.cadenza.verify.execute;

/**
 * Told each event as a run records it (for live progress): its kind, instance (null for the
 * program), element (place, transition, behavior, or the instruction's text) and time in seconds.
 */
@FunctionalInterface
public interface ExecutionObserver {

    ExecutionObserver NONE = (kind, instance, element, seconds) -> { };

    void event(Policy.EventKind kind, String instance, String element, double seconds);
}

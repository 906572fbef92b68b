package dev.cadenza.petri.classes;

/** Told about once a second how a long exploration goes. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (classes, edges, seconds) -> { };

    void progress(long classes, long edges, double seconds);
}

package dev.cadenza.petri.reach;

/**
 * Hears about a long exploration while it runs; the library never prints by itself. Called
 * on the exploring thread, at most about once a second and only after the first two seconds.
 */
@FunctionalInterface
public interface ExplorationListener {

    ExplorationListener SILENT = p -> { };

    void progress(ExplorationProgress progress);
}

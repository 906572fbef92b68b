package dev.cadenza.verify.translate;

/**
 * How to translate. {@code untimed}: every interval read as [0, ∞[ (the {@code deployable untimed}
 * question: does the design deploy whatever the durations?). {@code fuse}: merge instantaneous
 * moves where nothing can observe or choose between them (see {@link ModelTranslator}).
 * {@code refusing}: a wanting-to-leave provider refuses new users, raised before each locked leave
 * and cleared when the place is left. Off by default: the centralized runtime has no refusing
 * state, and Concerto-D's (raised for every marked unvisited place, cleared only on entering a
 * bound place again, checked only by place- and group-bound users) is not this one; kept as an
 * option for the models written against it (docs/verify.md). Under {@code semantics concerto-d}
 * it is ignored: Concerto-D's own refusing is translated ({@link PortsAndLocks#concertoDRefusing}).
 */
public record TranslationOptions(boolean untimed, boolean fuse, boolean refusing) {

    public static final TranslationOptions DEFAULT = new TranslationOptions(false, true, false);

    public TranslationOptions withUntimed(boolean u) {
        return new TranslationOptions(u, fuse, refusing);
    }

    public TranslationOptions withFuse(boolean f) {
        return new TranslationOptions(untimed, f, refusing);
    }

    public TranslationOptions withRefusing(boolean r) {
        return new TranslationOptions(untimed, fuse, r);
    }
}

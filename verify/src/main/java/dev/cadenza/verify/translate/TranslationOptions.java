package dev.cadenza.verify.translate;

/**
 * How to translate. {@code untimed}: every interval read as [0, ∞[ (the {@code deployable untimed}
 * question: does the design deploy whatever the durations?). {@code fuse}: merge instantaneous
 * moves where nothing can observe or choose between them (see {@link ModelTranslator}).
 * {@code refusing}: model Concerto's refusing state of provide ports (a wanting-to-leave provider
 * refuses new users), at the price of one more [0,0] step per guarded leave.
 */
public record TranslationOptions(boolean untimed, boolean fuse, boolean refusing) {

    public static final TranslationOptions DEFAULT = new TranslationOptions(false, true, true);

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

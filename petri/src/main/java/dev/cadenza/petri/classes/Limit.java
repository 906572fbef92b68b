package dev.cadenza.petri.classes;

/** Which limit stopped an exploration; {@link #NONE} when it completed. */
public enum Limit {
    NONE, CLASSES, SECONDS, MEMORY;

    public String describe() {
        return switch (this) {
            case NONE -> "none";
            case CLASSES -> "maximum number of classes reached";
            case SECONDS -> "time limit reached";
            case MEMORY -> "memory limit reached";
        };
    }
}

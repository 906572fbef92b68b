package dev.cadenza.petri;

/** An arc between a transition and the place with index {@code place} in its net. */
public record Arc(int place, long weight, ArcKind kind) {
    public Arc {
        if (place < 0) {
            throw new IllegalArgumentException("place index " + place);
        }
        if (weight < 1) {
            throw new IllegalArgumentException("arc weight must be at least 1, not " + weight);
        }
    }

    public static Arc normal(int place, long weight) {
        return new Arc(place, weight, ArcKind.NORMAL);
    }
}

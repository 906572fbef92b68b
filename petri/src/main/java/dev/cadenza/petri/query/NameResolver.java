package dev.cadenza.petri.query;

/**
 * Maps a name of a predicate to the places whose token counts it stands for (summed): a net
 * place is one index; verify maps a model name such as {@code c.running} to several.
 */
@FunctionalInterface
public interface NameResolver {

    /** The place indices, or null when the name is unknown. */
    int[] places(String name);

    /** Names are the places of {@code net} (by name, else by label). */
    static NameResolver of(dev.cadenza.petri.PetriNet net) {
        return name -> {
            int i = net.placeIndex(name);
            if (i < 0) {
                for (int p = 0; p < net.placeCount(); p++) {
                    if (name.equals(net.place(p).label())) {
                        i = p;
                        break;
                    }
                }
            }
            return i < 0 ? null : new int[] {i};
        };
    }
}

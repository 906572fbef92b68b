package dev.cadenza.verify.property;

import dev.cadenza.core.model.Behavior;
import dev.cadenza.core.model.ComponentType;
import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.core.model.TransitionRef;
import dev.cadenza.verify.ResolutionException;
import dev.cadenza.verify.translate.NetBackMap;

/** Checks the instance and transition names a property mentions, with helpful errors. */
final class ModelNames {

    private ModelNames() {
    }

    static ComponentType instance(NetBackMap map, String instance, SourcePosition where) {
        ComponentType t = map.instances().get(instance);
        if (t == null) {
            throw new ResolutionException(where, "unknown instance '" + instance + "'; instances are "
                    + String.join(", ", map.instances().keySet()));
        }
        return t;
    }

    static void transition(NetBackMap map, TransitionRef ref) {
        ComponentType t = instance(map, ref.instance(), ref.position());
        if (t.transition(ref.transition()).isEmpty()) {
            throw new ResolutionException(ref.position(), "unknown transition '" + ref.transition() + "' of "
                    + ref.instance() + "; transitions are " + String.join(", ", t.behaviors().stream()
                    .flatMap((Behavior b) -> b.transitions().stream()).map(d -> d.name()).toList()));
        }
    }
}

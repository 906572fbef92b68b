package dev.cadenza.verify.execute;

import java.util.ArrayList;
import java.util.List;

/** Where a component is, in words, for the reasons of waits: {@code s is in allocated}, {@code c.running}. */
final class Where {

    private Where() {
    }

    /** {@code s is in allocated}, {@code s is running start}, {@code s is in no place}. */
    static String is(ComponentState c) {
        List<String> places = new ArrayList<>();
        for (int p = 0; p < c.type.places.length; p++) {
            if (c.marked[p]) {
                places.add(c.type.places[p]);
            }
        }
        for (int t = 0; t < c.type.transitions.length; t++) {
            String src = c.type.places[c.type.source[t]];
            String dst = c.type.places[c.type.destination[t]];
            if (c.odock[t] && !places.contains(src)) {
                places.add(src);
            }
            if (c.idock[t] && !places.contains(dst)) {
                places.add(dst);
            }
        }
        if (!places.isEmpty()) {
            return c.name + " is in " + String.join(", ", places);
        }
        List<String> running = new ArrayList<>();
        for (int t = 0; t < c.type.transitions.length; t++) {
            if (c.running[t]) {
                running.add(c.type.transitions[t]);
            }
        }
        return running.isEmpty() ? c.name + " is in no place" : c.name + " is running " + String.join(", ", running);
    }

    /** What holds use port {@code usePort} of {@code user} in use: {@code c.running}, {@code c.configure running}, {@code c.g active}. */
    static String using(ComponentState user, int usePort) {
        CompiledType ty = user.type;
        for (int p = 0; p < ty.places.length; p++) {
            if (user.marked[p] && contains(ty.placeDeps[p], usePort)) {
                return user.name + "." + ty.places[p];
            }
        }
        for (int t = 0; t < ty.transitions.length; t++) {
            if (user.running[t] && contains(ty.transDeps[t], usePort)) {
                return user.name + "." + ty.transitions[t] + " running";
            }
        }
        for (int g = 0; g < ty.groups.length; g++) {
            if (user.groupTokens[g] > 0 && contains(ty.groupDeps[g], usePort)) {
                return user.name + "." + ty.groups[g] + " active";
            }
        }
        return user.name + "." + ty.ports[usePort] + " in use";
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }
}

package dev.cadenza.verify.report;

import dev.cadenza.verify.translate.NetBackMap;
import dev.cadenza.verify.translate.Provenance;
import dev.cadenza.verify.translate.TranslatedNet;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A state of a translated net in model terms, to draw: per instance, the component places that
 * hold a token (a token in the output dock of a transition counts for its source place, one in
 * its input dock, waiting for the join, for its destination) and the transitions running; and the ports that block a step (a provide port a
 * user waits for, a use port whose use locks its provider, a port refusing new users), each with
 * the reason in words. Built from a marking and the net's back-map.
 */
public record ModelState(Map<String, Set<String>> marked, Map<String, Set<String>> running,
                         List<BlockedPort> blocked) {

    /** Port {@code instance.port} blocks a step; {@code reason} like {@code b.prepare starts: waits for …}. */
    public record BlockedPort(String instance, String port, String reason) {
    }

    public ModelState {
        marked = copy(marked);
        running = copy(running);
        blocked = List.copyOf(blocked);
    }

    private static Map<String, Set<String>> copy(Map<String, Set<String>> m) {
        Map<String, Set<String>> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, java.util.Collections.unmodifiableSet(new LinkedHashSet<>(v))));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The state of {@code marking}; blocked ports only when {@code dead} (a deadlock's last state). */
    public static ModelState of(long[] marking, TranslatedNet tn, boolean dead) {
        NetBackMap map = tn.backMap();
        Map<String, Set<String>> marked = new LinkedHashMap<>();
        Map<String, Set<String>> running = new LinkedHashMap<>();
        for (int i = 0; i < marking.length && i < map.placeCount(); i++) {
            if (marking[i] <= 0) {
                continue;
            }
            Provenance p = map.place(i);
            if (p instanceof Provenance.InPlace in) {
                marked.computeIfAbsent(in.instance(), k -> new LinkedHashSet<>()).add(in.place());
            } else if (p instanceof Provenance.OutputDock od) {
                end(map, od.instance(), od.transition(), true)
                        .ifPresent(q -> marked.computeIfAbsent(od.instance(), k -> new LinkedHashSet<>()).add(q));
            } else if (p instanceof Provenance.InputDock id) {
                end(map, id.instance(), id.transition(), false)
                        .ifPresent(q -> marked.computeIfAbsent(id.instance(), k -> new LinkedHashSet<>()).add(q));
            } else if (p instanceof Provenance.Running r) {
                running.computeIfAbsent(r.instance(), k -> new LinkedHashSet<>()).add(r.transition());
            }
        }
        return new ModelState(marked, running, dead ? BlockedSteps.ports(marking, tn) : List.of());
    }

    /** The source (or destination) place of {@code instance.transition}. */
    private static java.util.Optional<String> end(NetBackMap map, String instance, String transition, boolean source) {
        var type = map.instances().get(instance);
        if (type == null) {
            return java.util.Optional.empty();
        }
        return type.behaviors().stream().flatMap(b -> b.transitions().stream())
                .filter(t -> t.name().equals(transition)).findFirst()
                .map(t -> source ? t.source() : t.destination());
    }

    /** The blocked ports of one instance, by port name. */
    public Map<String, Set<String>> blockedPorts() {
        return blocked.stream().collect(Collectors.groupingBy(BlockedPort::instance, TreeMap::new,
                Collectors.mapping(BlockedPort::port, Collectors.toCollection(LinkedHashSet::new))));
    }
}

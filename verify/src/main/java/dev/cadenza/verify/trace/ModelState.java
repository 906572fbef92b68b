package dev.cadenza.verify.trace;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A state of a run in model terms, to draw: per instance, the places that hold a token (a
 * transition ready but not started counts for its source place, one ended whose destination is
 * not entered yet, for its destination) and the transitions running; and the ports that block a
 * step (a provide port a user waits for, a use port whose use locks its provider, a port refusing
 * new users), each with the reason in words. {@link Run#finalState()} derives it from a run.
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

    /** The blocked ports of one instance, by port name. */
    public Map<String, Set<String>> blockedPorts() {
        return blocked.stream().collect(Collectors.groupingBy(BlockedPort::instance, TreeMap::new,
                Collectors.mapping(BlockedPort::port, Collectors.toCollection(LinkedHashSet::new))));
    }
}

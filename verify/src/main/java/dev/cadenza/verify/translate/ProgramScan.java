package dev.cadenza.verify.translate;

import dev.cadenza.core.model.Behavior;
import dev.cadenza.core.model.ComponentType;
import dev.cadenza.core.model.Instruction;
import dev.cadenza.core.model.Port;
import dev.cadenza.core.model.PortDirection;
import dev.cadenza.core.model.PortRef;
import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.verify.ResolutionException;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the program once before any net is built: instances, pushes, connections, with the user's errors. */
final class ProgramScan extends TranslationPart {

    ProgramScan(TranslationPart.State state) {
        super(state);
    }

    void scan(List<Instruction> program) {
        Map<String, Integer> connected = new HashMap<>();
        // instances whose _init may still be running: added, and no wait(c) or waitAll since
        Set<String> unsettled = new java.util.HashSet<>();
        for (Instruction i : program) {
            if (i instanceof Instruction.Add a) {
                if (instances.containsKey(a.instance())) {
                    throw new ResolutionException(a.position(), "instance '" + a.instance()
                            + "' is added twice; adding an instance again is not supported");
                }
                ComponentType t = model.type(a.type()).orElseThrow(() -> new ResolutionException(a.position(),
                        "unknown component type '" + a.type() + "'; types are " + typeNames()));
                instances.put(a.instance(), new InstanceNet(a.instance(), t));
                unsettled.add(a.instance());
            } else if (i instanceof Instruction.PushB p) {
                InstanceNet c = alive(p.instance(), p.position());
                if (c.type.behavior(p.behavior()).isEmpty()) {
                    throw new ResolutionException(p.position(), "unknown behavior '" + p.behavior() + "' of "
                            + c.type.name() + "; behaviors are "
                            + String.join(", ", c.type.behaviors().stream().map(Behavior::name).toList()));
                }
                c.pushes.add(p.behavior());
                c.behaviors.add(p.behavior());
            } else if (i instanceof Instruction.Con con) {
                checkConnection(con.provider(), con.user(), con.position());
                String key = con.provider() + "->" + con.user();
                if (connected.merge(key, 1, Integer::sum) > 1) {
                    throw new ResolutionException(con.position(), con.provider() + " and " + con.user()
                            + " are already connected");
                }
                candidates.computeIfAbsent(con.user().toString(), k -> new LinkedHashSet<>())
                        .add(con.provider().toString());
                usersOf.computeIfAbsent(con.provider().toString(), k -> new LinkedHashSet<>())
                        .add(con.user().toString());
            } else if (i instanceof Instruction.Dcon dc) {
                checkConnection(dc.provider(), dc.user(), dc.position());
                String key = dc.provider() + "->" + dc.user();
                if (connected.getOrDefault(key, 0) == 0) {
                    throw new ResolutionException(dc.position(), dc.provider() + " and " + dc.user()
                            + " are not connected here");
                }
                connected.merge(key, -1, Integer::sum);
            } else if (i instanceof Instruction.Del del) {
                InstanceNet c = alive(del.instance(), del.position());
                c.isDeleted = true;
                // Concerto-D: a del fails on an instance still entering its initial place
                c.initObserved = concertoD && unsettled.contains(c.name);
            } else if (i instanceof Instruction.Wait w) {
                alive(w.instance(), w.position());
                unsettled.remove(w.instance());
            } else if (i instanceof Instruction.WaitAll) {
                unsettled.clear();
            }
        }
        boolean ends = concertoD && state.processEnds && !program.isEmpty()
                && !(program.get(program.size() - 1) instanceof Instruction.WaitAll);
        for (InstanceNet c : instances.values()) {
            c.isDeleted = false;
            // Concerto-D: the process may end while the instance is still entering its initial place
            c.initObserved |= ends && unsettled.contains(c.name);
        }
    }

    private String typeNames() {
        return String.join(", ", model.types().stream().map(ComponentType::name).toList());
    }

    private InstanceNet alive(String name, SourcePosition where) {
        InstanceNet c = instances.get(name);
        if (c == null) {
            throw new ResolutionException(where, "unknown instance '" + name + "'; instances are "
                    + (instances.isEmpty() ? "none yet" : String.join(", ", instances.keySet())));
        }
        if (c.isDeleted) {
            throw new ResolutionException(where, "instance '" + name + "' is already deleted");
        }
        return c;
    }

    private void checkConnection(PortRef provider, PortRef user, SourcePosition where) {
        Port p = port(provider, PortDirection.PROVIDE, where);
        Port u = port(user, PortDirection.USE, where);
        if (p.kind() != u.kind()) {
            throw new ResolutionException(where, "cannot connect " + p.kind().keyword() + " port " + provider
                    + " to " + u.kind().keyword() + " port " + user);
        }
    }

    private Port port(PortRef ref, PortDirection direction, SourcePosition where) {
        InstanceNet c = alive(ref.instance(), where);
        Port p = c.type.port(ref.port()).orElseThrow(() -> new ResolutionException(where, "unknown port '"
                + ref.port() + "' of " + ref.instance() + "; ports are "
                + String.join(", ", c.type.ports().stream().map(Port::name).toList())));
        if (p.direction() != direction) {
            throw new ResolutionException(where, ref + " is a " + p.direction().keyword() + " port, not a "
                    + direction.keyword() + " port");
        }
        return p;
    }
}

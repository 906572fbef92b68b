package dev.cadenza.core.lang;

import dev.cadenza.core.model.ComponentType;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.Port;
import dev.cadenza.core.model.PortDirection;
import dev.cadenza.core.model.PortRef;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Whether two ports may be connected, for {@code con} and {@code dcon} in programs and
 * {@code connect} in assemblies: the provider a provide port, the user a use port, same kind.
 */
final class Wiring {

    private final Model model;
    private final Consumer<Problem> report;
    /** Types and their ports by name: an assembly may connect 100,000 ports, one lookup each. */
    private final Map<String, ComponentType> types = new HashMap<>();
    private final Map<String, Map<String, Port>> ports = new HashMap<>();

    Wiring(Model model, Consumer<Problem> report) {
        this.model = model;
        this.report = report;
        for (ComponentType t : model.types()) {
            types.putIfAbsent(t.name(), t);
            Map<String, Port> byName = new HashMap<>();
            for (Port p : t.ports()) {
                byName.putIfAbsent(p.name(), p);
            }
            ports.putIfAbsent(t.name(), byName);
        }
    }

    /**
     * True when both ports exist and fit. A null type means the instance's type is unknown,
     * which was reported where the instance was declared, so nothing more is said here.
     */
    boolean compatible(PortRef provider, String providerType, PortRef user, String userType, String verb) {
        Optional<Port> p = port(provider, providerType);
        Optional<Port> u = port(user, userType);
        if (p.isEmpty() || u.isEmpty()) {
            return false;
        }
        if (p.get().direction() == PortDirection.USE && u.get().direction() == PortDirection.PROVIDE) {
            report.accept(Problem.error(provider.position(), verb + " names use port " + provider
                    + " first; the provide port comes first: " + verb + "(" + user + ", " + provider + ")"));
            return false;
        }
        boolean ok = true;
        if (p.get().direction() != PortDirection.PROVIDE) {
            report.accept(Problem.error(provider.position(), provider + " is a use port; the first port of " + verb
                    + " must be a provide port (provider first, user second)"));
            ok = false;
        }
        if (u.get().direction() != PortDirection.USE) {
            report.accept(Problem.error(user.position(), user + " is a provide port; the second port of " + verb
                    + " must be a use port (provider first, user second)"));
            ok = false;
        }
        if (ok && p.get().kind() != u.get().kind()) {
            report.accept(Problem.error(user.position(), provider + " is a " + p.get().kind().keyword() + " port but "
                    + user + " a " + u.get().kind().keyword() + " port; " + verb + " ports of the same kind"));
            ok = false;
        }
        return ok;
    }

    private Optional<Port> port(PortRef ref, String typeName) {
        if (typeName == null) {
            return Optional.empty();
        }
        Optional<ComponentType> type = Optional.ofNullable(types.get(typeName));
        if (type.isEmpty()) {
            return Optional.empty();
        }
        Optional<Port> port = Optional.ofNullable(ports.get(typeName).get(ref.port()));
        if (port.isEmpty()) {
            report.accept(Problem.error(ref.position(), Names.unknown("port", ref.port(),
                    "component " + ref.instance() + " (" + typeName + ")", "ports",
                    type.get().ports().stream().map(Port::name).toList())));
        }
        return port;
    }
}

package dev.cadenza.cli.picture;

import dev.cadenza.core.model.Assembly;
import dev.cadenza.core.model.Behavior;
import dev.cadenza.core.model.ComponentType;
import dev.cadenza.core.model.Connection;
import dev.cadenza.core.model.Duration;
import dev.cadenza.core.model.Group;
import dev.cadenza.core.model.Instance;
import dev.cadenza.core.model.Instruction;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.PlaceDecl;
import dev.cadenza.core.model.Port;
import dev.cadenza.core.model.PortBinding;
import dev.cadenza.core.model.PortDirection;
import dev.cadenza.core.model.PortKind;
import dev.cadenza.core.model.PortRef;
import dev.cadenza.core.model.Program;
import dev.cadenza.core.model.TransitionDecl;
import dev.cadenza.petri.Arc;
import dev.cadenza.petri.ArcKind;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.TimeInterval;

import java.util.List;

import static dev.cadenza.core.model.SourcePosition.NONE;

/** The server–client model of DESIGN.md, built in code, and a small net with every arc kind. */
final class Fixtures {

    private Fixtures() {
    }

    static Model serverClient() {
        ComponentType server = new ComponentType("Server",
                places("undeployed", "allocated", "running"), "undeployed",
                List.of(new Behavior("deploy", List.of(
                                t("allocate", "undeployed", "allocated", 2, 5),
                                t("start", "allocated", "running", 1, 3)), NONE),
                        new Behavior("maintain", List.of(t("stop", "running", "allocated", 1, 2)), NONE)),
                List.of(new Group("up", List.of("allocated", "running"), NONE)),
                List.of(new Port("ip", PortDirection.PROVIDE, PortKind.DATA, new PortBinding.At(List.of("allocated")), NONE),
                        new Port("service", PortDirection.PROVIDE, PortKind.SERVICE, new PortBinding.At(List.of("up")), NONE)),
                List.of(), NONE);
        ComponentType client = new ComponentType("Client",
                places("off", "installed", "configured", "running"), "off",
                List.of(new Behavior("install", List.of(
                                t("install", "off", "installed", 3, 6),
                                t("configure", "installed", "configured", 1, 2),
                                t("start", "configured", "running", 0, 1)), NONE),
                        new Behavior("suspend", List.of(t("pause", "running", "configured", 0, 1)), NONE)),
                List.of(),
                List.of(new Port("server_ip", PortDirection.USE, PortKind.DATA, new PortBinding.By(List.of("configure")), NONE),
                        new Port("server", PortDirection.USE, PortKind.SERVICE, new PortBinding.At(List.of("running")), NONE)),
                List.of(), NONE);
        Assembly pair = new Assembly("pair",
                List.of(new Instance("s", "Server", NONE), new Instance("c", "Client", NONE)),
                List.of(new Connection(ref("s", "ip"), ref("c", "server_ip"), NONE),
                        new Connection(ref("s", "service"), ref("c", "server"), NONE)),
                NONE);
        Program deploy = new Program("deploy", List.of(), List.of(
                new Instruction.Add("s", "Server", NONE),
                new Instruction.Add("c", "Client", NONE),
                new Instruction.Con(ref("s", "ip"), ref("c", "server_ip"), NONE),
                new Instruction.Con(ref("s", "service"), ref("c", "server"), NONE),
                new Instruction.PushB("s", "deploy", NONE),
                new Instruction.PushB("c", "install", NONE),
                new Instruction.Wait("c", NONE),
                new Instruction.Dcon(ref("s", "service"), ref("c", "server"), NONE)), NONE);
        return new Model("pair.cdz", List.of(server, client), List.of(pair), List.of(deploy), List.of(), List.of());
    }

    /** p0 (2 tokens) -t0 [1,3]-> p1; t1 reads p1, inhibited by p2 (weight 2), puts 3 in p2. */
    static PetriNet smallNet() {
        PetriNet.Builder b = PetriNet.builder("small");
        int p0 = b.place("p0", 2);
        int p1 = b.place("p1", 0);
        int p2 = b.place("p2", "done", 0);
        b.transition("t0", TimeInterval.closed(1, 3), List.of(Arc.normal(p0, 1)), List.of(Arc.normal(p1, 1)));
        b.transition("t1", TimeInterval.UNBOUNDED,
                List.of(new Arc(p1, 1, ArcKind.READ), new Arc(p2, 2, ArcKind.INHIBITOR)),
                List.of(Arc.normal(p2, 3)));
        return b.build();
    }

    private static List<PlaceDecl> places(String... names) {
        return java.util.Arrays.stream(names).map(n -> new PlaceDecl(n, NONE)).toList();
    }

    private static TransitionDecl t(String name, String from, String to, long min, long max) {
        return new TransitionDecl(name, from, to, Duration.of(min, max), null, NONE);
    }

    private static PortRef ref(String instance, String port) {
        return new PortRef(instance, port, NONE);
    }
}

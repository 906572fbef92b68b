package dev.cadenza.cli.picture;

import dev.cadenza.core.model.Assembly;
import dev.cadenza.core.model.Behavior;
import dev.cadenza.core.model.ComponentType;
import dev.cadenza.core.model.Duration;
import dev.cadenza.core.model.Instruction;
import dev.cadenza.core.model.PlaceDecl;
import dev.cadenza.core.model.PortRef;
import dev.cadenza.core.model.Program;
import dev.cadenza.core.model.TransitionDecl;
import dev.cadenza.core.model.Instance;
import dev.cadenza.core.model.Model;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static dev.cadenza.core.model.SourcePosition.NONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DOT text of the server–client assembly: nodes and edges asserted one by one. */
class AssemblyDiagramTest {

    private final Model model = Fixtures.serverClient();
    private final String dot = GraphvizRenderer.dot(AssemblyDiagram.of(model, model.assemblies().get(0)));

    /** The attribute list of the node with this id (the whole line), failing if absent. */
    private static String node(String dot, String id) {
        for (String line : dot.split("\n")) {
            if (line.startsWith("\"" + id + "\" [")) {
                return line;
            }
        }
        throw new AssertionError("no node " + id + " in\n" + dot);
    }

    private static String edge(String dot, String from, String to) {
        for (String line : dot.split("\n")) {
            if (line.startsWith("\"" + from + "\" -> \"" + to + "\"")) {
                return line;
            }
        }
        throw new AssertionError("no edge " + from + " -> " + to + " in\n" + dot);
    }

    /** The lines of the cluster of one instance. */
    private static String cluster(String dot, String instance) {
        int start = dot.indexOf("subgraph \"cluster_" + instance + "\" {");
        assertTrue(start >= 0, "no cluster for " + instance + " in\n" + dot);
        return dot.substring(start, dot.indexOf("\n}\n", start));
    }

    @Test
    void eachInstanceIsAClusterLabelledNameAndType() {
        assertTrue(cluster(dot, "s").contains("\"label\"=\"s : Server\""), dot);
        assertTrue(cluster(dot, "c").contains("\"label\"=\"c : Client\""), dot);
    }

    @Test
    void placesAreCirclesInTheirInstancesCluster() {
        for (String p : List.of("undeployed", "allocated", "running")) {
            String line = node(cluster(dot, "s"), "s#place#" + p);
            assertTrue(line.contains("\"shape\"=\"circle\"") && line.contains("\"label\"=\"" + p + "\""), line);
        }
        for (String p : List.of("off", "installed", "configured", "running")) {
            assertTrue(node(cluster(dot, "c"), "c#place#" + p).contains("\"shape\"=\"circle\""));
        }
        // the initial place is drawn thicker
        assertTrue(node(dot, "s#place#undeployed").contains("\"penwidth\"=\"2.0\""));
        assertTrue(node(dot, "s#place#allocated").contains("\"penwidth\"=\"1.0\""));
    }

    @Test
    void transitionsAreArrowsThroughTheirNameAndInterval() {
        assertTrue(node(dot, "s#transition#allocate").contains("\"label\"=\"allocate\\n[2, 5]\""), dot);
        assertTrue(node(dot, "c#transition#configure").contains("\"label\"=\"configure\\n[1, 2]\""), dot);
        assertTrue(edge(dot, "s#place#undeployed", "s#transition#allocate").contains("\"arrowhead\"=\"none\""));
        assertFalse(edge(dot, "s#transition#allocate", "s#place#allocated").contains("arrowhead"));
    }

    @Test
    void aTransitionBackTowardsTheStartIsLaidOutForwardsWithItsArrowReversed() {
        // stop: running -> allocated; the arrow points at allocated, the label between the two
        assertTrue(edge(dot, "s#place#allocated", "s#transition#stop").contains("\"dir\"=\"back\""), dot);
        assertTrue(edge(dot, "s#transition#stop", "s#place#running").contains("\"arrowhead\"=\"none\""), dot);
    }

    @Test
    void theLongBranchIntoAJoinIsNotTakenForABackwardTransition() {
        // nova in openstack.cdz: initiated -> pulled -> deployed, and pulled -> db -> restarted -> deployed
        ComponentType nova = new ComponentType("Nova",
                Stream.of("initiated", "pulled", "db", "restarted", "deployed").map(p -> new PlaceDecl(p, NONE)).toList(),
                "initiated",
                List.of(new Behavior("deploy", List.of(
                        t("pull", "initiated", "pulled"), t("register", "pulled", "deployed"),
                        t("create_db", "pulled", "db"), t("restart", "db", "restarted"),
                        t("cell_setup", "restarted", "deployed")), NONE)),
                List.of(), List.of(), List.of(), NONE);
        Model m = new Model("nova.cdz", List.of(nova),
                List.of(new Assembly("a", List.of(new Instance("nova", "Nova", NONE)), List.of(), NONE)),
                List.of(), List.of(), List.of());
        String text = GraphvizRenderer.dot(AssemblyDiagram.of(m, m.assemblies().get(0)));
        assertFalse(text.contains("\"dir\"=\"back\""), text);
        edge(text, "nova#transition#cell_setup", "nova#place#deployed");
    }

    private static TransitionDecl t(String name, String from, String to) {
        return new TransitionDecl(name, from, to, Duration.of(1, 2), null, NONE);
    }

    @Test
    void behaviorsAreToldApartByColour() {
        String deploy = colour(node(dot, "s#transition#allocate"));
        assertEquals(deploy, colour(node(dot, "s#transition#start")));
        assertNotEquals(deploy, colour(node(dot, "s#transition#stop")));
        assertNotEquals(deploy, colour(node(dot, "c#transition#install")));
        assertTrue(edge(dot, "s#place#undeployed", "s#transition#allocate").contains("\"color\"=\"" + deploy + "\""));
        String legend = node(dot, "legend");
        for (String b : List.of("deploy", "maintain", "install", "suspend")) {
            assertTrue(legend.contains(">" + b + "<"), legend);
        }
        assertTrue(legend.contains("<font color=\"" + deploy + "\">deploy</font>"), legend);
    }

    private static String colour(String line) {
        int i = line.indexOf("\"fontcolor\"=\"") + 13;
        return line.substring(i, line.indexOf('"', i));
    }

    @Test
    void provideForFilledPointsAndUseForOpenCircles() {
        String ip = node(dot, "s#port#ip");
        assertTrue(ip.contains("\"shape\"=\"point\"") && ip.contains("\"fillcolor\"=\"#000000\""), ip);
        assertTrue(ip.contains("\"xlabel\"=\"ip (data)\""), ip);
        String server = node(dot, "c#port#server");
        assertTrue(server.contains("\"shape\"=\"circle\"") && server.contains("\"fillcolor\"=\"white\""), server);
        assertTrue(server.contains("\"xlabel\"=\"server\""), server);
    }

    @Test
    void portsAreTiedToWhatTheyAreBoundToByDashedEdges() {
        assertTrue(edge(dot, "s#place#allocated", "s#port#ip").contains("\"style\"=\"dashed\""));
        assertTrue(edge(dot, "s#place#running", "s#port#service").contains("\"style\"=\"dashed\""));
        // use server_ip data by configure: to the transition
        assertTrue(edge(dot, "c#port#server_ip", "c#transition#configure").contains("\"style\"=\"dashed\""));
        assertTrue(edge(dot, "c#port#server", "c#place#running").contains("\"style\"=\"dashed\""));
    }

    @Test
    void aGroupIsADashedBoxHoldingItsPlacesAndTheTransitionsBetweenThem() {
        int start = dot.indexOf("subgraph \"cluster_s#group#up\" {");
        assertTrue(start >= 0, dot);
        String group = dot.substring(start, dot.indexOf("\n}", start));
        assertTrue(group.contains("\"label\"=\"up\"") && group.contains("dashed"), group);
        node(group, "s#place#allocated");
        node(group, "s#place#running");
        node(group, "s#transition#start");
        node(group, "s#transition#stop");
        assertFalse(group.contains("\"s#transition#allocate\" ["), "allocate enters the group from outside");
        // a port bound to the group: one dashed edge, clipped at the box
        String binding = edge(dot, "s#place#running", "s#port#service");
        assertTrue(binding.contains("\"ltail\"=\"cluster_s#group#up\""), binding);
        assertFalse(dot.contains("\"s#place#allocated\" -> \"s#port#service\""), dot);
    }

    @Test
    void connectionsJoinProvideToUsePortsOutsideTheClusters() {
        String ip = edge(dot, "s#port#ip", "c#port#server_ip");
        assertTrue(ip.contains("\"style\"=\"solid\""), ip);
        edge(dot, "s#port#service", "c#port#server");
        // an edge inside a cluster would pull its other end into that cluster
        assertFalse(cluster(dot, "s").contains("-> \"c#"), dot);
        assertFalse(cluster(dot, "c").contains("\"s#port"), dot);
    }

    @Test
    void aProgramDrawsWhatItAddsAndConnectsAndGreysWhatItDisconnects() {
        String program = GraphvizRenderer.dot(AssemblyDiagram.of(model, model.programs().get(0)));
        cluster(program, "s");
        cluster(program, "c");
        assertTrue(edge(program, "s#port#ip", "c#port#server_ip").contains("\"style\"=\"solid\""), program);
        String gone = edge(program, "s#port#service", "c#port#server");
        assertTrue(gone.contains("\"style\"=\"dashed\"") && gone.contains("(disconnected)"), gone);
    }

    @Test
    void aProgramAfterAnotherStartsFromItsFinalStateAndMarksWhatItChanges() {
        Program reconf = new Program("reconf", List.of(), List.of(
                new Instruction.Del("c", NONE),
                new Instruction.Add("d", "Client", NONE),
                new Instruction.Con(new PortRef("s", "ip", NONE), new PortRef("d", "server_ip", NONE), NONE)),
                NONE, "deploy");
        Model m = new Model(model.file(), model.types(), model.assemblies(),
                List.of(model.programs().get(0), reconf), List.of(), List.of());
        String text = GraphvizRenderer.dot(AssemblyDiagram.of(m, reconf));
        assertTrue(cluster(text, "s").contains("\"label\"=\"s : Server\""), text);
        String c = cluster(text, "c");
        assertTrue(c.contains("\"label\"=\"c : Client (deleted)\"") && c.contains("dashed"), c);
        assertTrue(cluster(text, "d").contains("\"label\"=\"d : Client (added)\""), text);
        assertTrue(edge(text, "s#port#ip", "c#port#server_ip").contains("\"style\"=\"solid\""), text);
        assertTrue(edge(text, "s#port#ip", "d#port#server_ip").contains("\"style\"=\"solid\""), text);
        // disconnected by deploy, so not there to start from
        assertFalse(text.contains("\"s#port#service\" -> \"c#port#server\""), text);
    }

    @Test
    void aHighlightedStateMarksPlacesRunningTransitionsAndBlockedPorts() {
        AssemblyHighlight state = new AssemblyHighlight(
                Map.of("s", Set.of("allocated"), "c", Set.of("installed")),
                Map.of("c", Set.of("configure")),
                Map.of("c", Set.of("server_ip")));
        String lit = GraphvizRenderer.dot(AssemblyDiagram.of(model, model.assemblies().get(0), state));
        assertTrue(node(lit, "s#place#allocated").contains("\"fillcolor\"=\"#FFD54F\""), lit);
        assertTrue(node(lit, "c#place#installed").contains("\"style\"=\"filled\""), lit);
        assertFalse(node(lit, "s#place#running").contains("filled"), lit);
        String configure = node(lit, "c#transition#configure");
        assertTrue(configure.contains("\"fillcolor\"=\"#FFF59D\"") && configure.contains("bold"), configure);
        assertFalse(node(lit, "c#transition#install").contains("filled"), lit);
        assertTrue(edge(lit, "c#place#installed", "c#transition#configure").contains("\"penwidth\"=\"3.0\""));
        String blocked = node(lit, "c#port#server_ip");
        assertTrue(blocked.contains("\"color\"=\"#D62728\"") && blocked.contains("(blocked)"), blocked);
        assertTrue(edge(lit, "s#port#ip", "c#port#server_ip").contains("\"color\"=\"#D62728\""), lit);
        assertFalse(edge(lit, "s#port#service", "c#port#server").contains("#D62728"), lit);
        assertTrue(node(lit, "legend").contains("marked place"), lit);
        assertFalse(node(dot, "legend").contains("marked place"), "no highlight, no highlight legend");
    }

    @Test
    void anInstanceOfAnUnknownTypeIsAnEmptyBoxSayingSo() {
        Model odd = new Model("odd.cdz", model.types(),
                List.of(new Assembly("odd", List.of(new Instance("x", "Nope", NONE)), List.of(), NONE)),
                List.of(), List.of(), List.of());
        String text = GraphvizRenderer.dot(AssemblyDiagram.of(odd, odd.assemblies().get(0)));
        assertTrue(cluster(text, "x").contains("(unknown type Nope)"), text);
    }
}

package dev.cadenza.cli.picture;

import dev.cadenza.core.model.Assembly;
import dev.cadenza.core.model.Behavior;
import dev.cadenza.core.model.ComponentType;
import dev.cadenza.core.model.Connection;
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
import guru.nidi.graphviz.attribute.Label;
import guru.nidi.graphviz.model.MutableGraph;
import guru.nidi.graphviz.model.MutableNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static guru.nidi.graphviz.attribute.Attributes.attr;
import static guru.nidi.graphviz.model.Factory.mutGraph;
import static guru.nidi.graphviz.model.Factory.mutNode;
import static guru.nidi.graphviz.model.Factory.to;

/**
 * An assembly (or the components and connections of a program) drawn in the Madeus style.
 *
 * <p>Each instance is a cluster box labelled {@code name : Type}, its places circles, each
 * transition an arrow from its source to its destination place passing through its label
 * ({@code name [min, max]}), coloured by behavior. The label is a node of its own so that use
 * ports bound to transitions ({@code use x by t}) can point at it. Provide ports are small
 * filled circles ({@code point}), use ports small open circles ({@code circle}): Graphviz has
 * no half-circle, and open against filled reads as socket against plug. Dashed edges tie ports
 * to what they are bound to (dotted for {@code provide … from p}); connections are solid edges
 * from provide to use ports, between clusters. Left to right: a provider's port lies right of
 * its places and a user's port left of its own, so connected components line up in the order
 * they deploy.
 */
public final class AssemblyDiagram {

    /** Okabe–Ito colours: told apart also by colour-blind readers. */
    private static final String[] PALETTE = {
            "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#7F7F7F", "#000000"};
    private static final String FONT = "Helvetica";
    private static final String MARK_FILL = "#FFD54F";
    private static final String RUNNING_FILL = "#FFF59D";
    private static final String BLOCKED = "#D62728";

    private final Model model;
    private final AssemblyHighlight highlight;
    private final Map<String, String> behaviorColours = new LinkedHashMap<>();

    private AssemblyDiagram(Model model, AssemblyHighlight highlight) {
        this.model = model;
        this.highlight = highlight;
    }

    /** The assembly, nothing highlighted. */
    public static MutableGraph of(Model model, Assembly assembly) {
        return of(model, assembly, AssemblyHighlight.NONE);
    }

    /** The assembly with a state highlighted (a counterexample's or witness's). */
    public static MutableGraph of(Model model, Assembly assembly, AssemblyHighlight highlight) {
        return new AssemblyDiagram(model, highlight).draw(assembly.name(), new Scene(assembly.instances(),
                assembly.connections(), Set.of(), Set.of(), Set.of()));
    }

    /**
     * The components and connections of a program: those it starts from (the final state of
     * the program it runs {@code after}, if any) and those it adds or makes. What it deletes
     * or disconnects is drawn grey and dashed; after another program, what it adds is marked
     * "(added)".
     */
    public static MutableGraph of(Model model, Program program) {
        return of(model, program, AssemblyHighlight.NONE);
    }

    public static MutableGraph of(Model model, Program program, AssemblyHighlight highlight) {
        Map<String, Instance> instances = new LinkedHashMap<>();
        Map<String, Connection> connections = new LinkedHashMap<>();
        // the state it starts from: every earlier program of the 'after' chain run to its end
        List<Program> earlier = new ArrayList<>();
        Set<String> seen = new HashSet<>(Set.of(program.name()));
        for (String a = program.after(); a != null && seen.add(a); ) {
            Program p = model.program(a).orElse(null);
            if (p == null) {
                break;
            }
            earlier.add(0, p);
            a = p.after();
        }
        for (Program p : earlier) {
            for (Instruction i : p.instructions()) {
                if (i instanceof Instruction.Add add) {
                    instances.putIfAbsent(add.instance(), new Instance(add.instance(), add.type(), add.position()));
                } else if (i instanceof Instruction.Del del) {
                    instances.remove(del.instance());
                } else if (i instanceof Instruction.Con con) {
                    connections.putIfAbsent(key(con.provider(), con.user()), new Connection(con.provider(), con.user(), con.position()));
                } else if (i instanceof Instruction.Dcon dcon) {
                    connections.remove(key(dcon.provider(), dcon.user()));
                }
            }
        }
        Set<String> added = new HashSet<>();
        Set<String> deleted = new HashSet<>();
        Set<String> disconnected = new HashSet<>();
        for (Instruction i : program.instructions()) {
            if (i instanceof Instruction.Add add) {
                if (instances.putIfAbsent(add.instance(), new Instance(add.instance(), add.type(), add.position())) == null) {
                    added.add(add.instance());
                }
                deleted.remove(add.instance());
            } else if (i instanceof Instruction.Del del) {
                deleted.add(del.instance());
            } else if (i instanceof Instruction.Con con) {
                String key = key(con.provider(), con.user());
                connections.putIfAbsent(key, new Connection(con.provider(), con.user(), con.position()));
                disconnected.remove(key);
            } else if (i instanceof Instruction.Dcon dcon) {
                disconnected.add(key(dcon.provider(), dcon.user()));
            }
        }
        return new AssemblyDiagram(model, highlight).draw(program.name(), new Scene(
                List.copyOf(instances.values()), List.copyOf(connections.values()),
                program.after() == null ? Set.of() : added, deleted, disconnected));
    }

    /** What one picture shows; the sets name instances, and connections by {@link #key}. */
    private record Scene(List<Instance> instances, List<Connection> connections,
                         Set<String> added, Set<String> deleted, Set<String> disconnected) {
    }

    private static String key(PortRef provider, PortRef user) {
        return provider + ">" + user;
    }

    private MutableGraph draw(String title, Scene scene) {
        MutableGraph root = mutGraph(title).setDirected(true);
        root.graphAttrs().add(
                attr("rankdir", "LR"),
                attr("newrank", true),
                attr("compound", true),
                attr("forcelabels", true),
                attr("nodesep", 0.4),
                attr("ranksep", 0.35),
                attr("fontname", FONT),
                attr("labelloc", "t"),
                Label.of(title));
        root.nodeAttrs().add(attr("fontname", FONT), attr("fontsize", 11));
        root.linkAttrs().add(attr("fontname", FONT), attr("fontsize", 10));

        for (Instance instance : scene.instances()) {
            // dot packs sibling clusters edge to edge; an invisible cluster around each box
            // keeps them apart (seen touching in openstack.cdz, where port labels sat on borders)
            MutableGraph pad = mutGraph("pad_" + instance.name()).setCluster(true).setDirected(true);
            pad.graphAttrs().add(attr("peripheries", 0), attr("margin", 10), Label.of(""));
            pad.add(component(instance, scene.added().contains(instance.name()), scene.deleted().contains(instance.name())));
            root.add(pad);
        }
        for (Connection c : scene.connections()) {
            boolean gone = scene.disconnected().contains(key(c.provider(), c.user()));
            boolean blocked = highlight.isBlocked(c.user().instance(), c.user().port())
                    || highlight.isBlocked(c.provider().instance(), c.provider().port());
            // declared in the root graph: an edge written inside a cluster would pull both ends into it
            root.add(mutNode(portId(c.provider())).addLink(to(mutNode(portId(c.user()))).with(
                    attr("arrowhead", "none"),
                    attr("penwidth", gone ? 1.0 : 2.0),
                    attr("style", gone ? "dashed" : "solid"),
                    attr("color", blocked ? BLOCKED : gone ? "#AAAAAA" : "#333333"),
                    attr("tooltip", c.provider() + " -> " + c.user() + (gone ? " (disconnected)" : "")))));
        }
        if (!behaviorColours.isEmpty()) {
            root.add(legend());
        }
        return root;
    }

    private MutableGraph component(Instance instance, boolean added, boolean deleted) {
        MutableGraph box = mutGraph(instance.name()).setCluster(true).setDirected(true);
        box.graphAttrs().add(
                // plain text: a bold name in an HTML label came out overlapping the type in PNGs
                // (the rasterizer's fallback font is wider than the metrics the layout used)
                Label.of(instance.name() + " : " + instance.type()
                        + (added ? " (added)" : deleted ? " (deleted)" : "")),
                attr("fontsize", 13),
                attr("style", deleted ? "rounded,dashed" : "rounded"),
                attr("peripheries", 1), // the padding cluster around has none; subgraphs inherit
                attr("color", deleted ? "#AAAAAA" : "#555555"),
                attr("penwidth", added ? 2.0 : 1.0),
                attr("margin", 12));
        ComponentType type = model.type(instance.type()).orElse(null);
        if (type == null) {
            box.add(mutNode(instance.name() + "#unknown").add(
                    attr("shape", "plaintext"), Label.of("(unknown type " + instance.type() + ")")));
            return box;
        }
        String inst = instance.name();
        // groups as dashed boxes inside the component, where they do not overlap: a port bound to
        // a group then gets one dashed edge to the box, not one to each place (galera's
        // MariaDBw tied two ports to four places each and drew a web of dashes)
        Map<String, String> placeBox = new HashMap<>();
        Map<String, MutableGraph> groupBoxes = new LinkedHashMap<>();
        for (Group g : type.groups()) {
            boolean disjoint = g.places().size() >= 2 && g.places().stream().allMatch(
                    p -> type.place(p).isPresent() && !placeBox.containsKey(p));
            if (disjoint) {
                MutableGraph gb = mutGraph(groupId(inst, g.name())).setCluster(true).setDirected(true);
                gb.graphAttrs().add(Label.of(g.name()), attr("fontsize", 10), attr("fontcolor", "#777777"),
                        attr("style", "rounded,dashed"), attr("color", "#999999"), attr("penwidth", 1.0),
                        attr("margin", 8));
                groupBoxes.put(g.name(), gb);
                g.places().forEach(p -> placeBox.put(p, g.name()));
            }
        }
        for (PlaceDecl p : type.places()) {
            boolean marked = highlight.isMarked(inst, p.name());
            MutableNode place = mutNode(placeId(inst, p.name())).add(
                    attr("shape", "circle"),
                    attr("margin", 0.03),
                    attr("penwidth", p.name().equals(type.initialPlace()) ? 2.0 : 1.0),
                    Label.of(p.name()));
            if (marked) {
                place.add(attr("style", "filled"), attr("fillcolor", MARK_FILL), attr("penwidth", 3.0));
            }
            String group = placeBox.get(p.name());
            (group == null ? box : groupBoxes.get(group)).add(place);
        }
        groupBoxes.values().forEach(box::add);
        Set<String> back = backTransitions(type);
        for (Behavior b : type.behaviors()) {
            String colour = behaviorColour(b.name());
            for (TransitionDecl t : b.transitions()) {
                boolean running = highlight.isRunning(inst, t.name());
                boolean critical = highlight.isCritical(inst, t.name());
                MutableNode label = mutNode(transitionId(inst, t.name())).add(
                        attr("shape", "plaintext"),
                        attr("fontsize", 10),
                        attr("fontcolor", colour),
                        attr("margin", "0.08,0.04"),
                        attr("height", 0.2),
                        Label.of(t.name() + "\n" + t.duration()),
                        attr("tooltip", inst + "." + t.name() + " " + t.duration() + " (" + b.name() + ")"
                                + (critical ? ", on the critical path" : "")));
                if (running) {
                    label.add(attr("style", "filled,bold"), attr("fillcolor", RUNNING_FILL), attr("shape", "box"));
                } else if (critical) {
                    // a framed label: the critical path reads as a chain of boxes through the picture
                    label.add(attr("shape", "box"), attr("style", "rounded,bold"), attr("color", colour),
                            attr("penwidth", 2.0));
                }
                // a group holds every transition whose two ends are in it
                String group = placeBox.get(t.source());
                boolean inGroup = group != null && group.equals(placeBox.get(t.destination()));
                (inGroup ? groupBoxes.get(group) : box).add(label);
                double width = running ? 3.0 : critical ? 4.0 : 1.5;
                MutableNode source = mutNode(placeId(inst, t.source()));
                MutableNode destination = mutNode(placeId(inst, t.destination()));
                if (back.contains(t.name())) {
                    // a transition back towards the initial place (stop, pause, restart): laid out
                    // forwards and drawn with the arrow reversed, so that its label stays between
                    // its two places and the places keep their deploy order left to right
                    box.add(destination.addLink(to(label).with(
                            attr("color", colour), attr("penwidth", width), attr("dir", "back"),
                            attr("arrowsize", 0.7))));
                    box.add(label.addLink(to(source).with(
                            attr("color", colour), attr("penwidth", width), attr("arrowhead", "none"))));
                } else {
                    box.add(source.addLink(to(label).with(
                            attr("color", colour), attr("penwidth", width), attr("arrowhead", "none"))));
                    box.add(label.addLink(to(destination).with(
                            attr("color", colour), attr("penwidth", width), attr("arrowsize", 0.7))));
                }
            }
        }
        for (Port port : type.ports()) {
            port(box, inst, type, port, groupBoxes.keySet());
        }
        return box;
    }

    private void port(MutableGraph box, String inst, ComponentType type, Port port, Set<String> groupBoxes) {
        boolean provide = port.direction() == PortDirection.PROVIDE;
        boolean blocked = highlight.isBlocked(inst, port.name());
        String colour = blocked ? BLOCKED : "#000000";
        MutableNode node = mutNode(portId(inst, port.name())).add(
                attr("shape", provide ? "point" : "circle"),
                attr("width", provide ? 0.14 : 0.16),
                attr("height", provide ? 0.14 : 0.16),
                attr("fixedsize", true),
                Label.of(""),
                attr("color", colour),
                attr("penwidth", provide ? 1.0 : 2.0),
                attr("fillcolor", provide ? colour : "white"),
                attr("style", "filled"),
                attr("xlabel", port.name() + (port.kind() == PortKind.DATA ? " (data)" : "")
                        + (blocked ? " (blocked)" : "")),
                attr("fontsize", 10),
                attr("fontcolor", colour),
                attr("tooltip", inst + "." + port.name() + ": " + port.direction().keyword() + " "
                        + port.kind().keyword()));
        box.add(node);
        // what the port is bound to, dashed: from the places into a provide port, out of a use
        // port into its places or transitions (so providers sit left of users)
        // target node -> the group box the edge ends at (graphviz lhead/ltail), or ""
        Map<String, String> bound = new LinkedHashMap<>();
        String style = "dashed";
        if (port.binding() instanceof PortBinding.At at) {
            for (String name : at.placesOrGroups()) {
                if (groupBoxes.contains(name)) {
                    List<String> places = placesOf(type, name);
                    bound.put(placeId(inst, places.get(places.size() / 2)), "cluster_" + groupId(inst, name));
                } else {
                    placesOf(type, name).forEach(p -> bound.putIfAbsent(placeId(inst, p), ""));
                }
            }
        } else if (port.binding() instanceof PortBinding.From from) {
            bound.put(placeId(inst, from.place()), "");
            style = "dotted";
        } else if (port.binding() instanceof PortBinding.By by) {
            by.transitions().forEach(t -> bound.put(transitionId(inst, t), ""));
        }
        for (Map.Entry<String, String> e : bound.entrySet()) {
            String target = e.getKey();
            String group = e.getValue();
            if (provide) {
                box.add(mutNode(target).addLink(to(node).with(
                        attr("style", style), attr("arrowhead", "none"), attr("color", "#777777"),
                        group.isEmpty() ? attr("ltail", null) : attr("ltail", group))));
            } else {
                node.addLink(to(mutNode(target)).with(
                        attr("style", style), attr("arrowhead", "none"), attr("color", "#777777"),
                        group.isEmpty() ? attr("lhead", null) : attr("lhead", group)));
            }
        }
    }

    /**
     * The transitions that close a cycle: the back edges of a depth-first search from the
     * initial place, behaviors and transitions in the order written (stop after start, pause
     * after start). Shortest distances from the initial place would not do: a join reached by a
     * short and a long branch (nova's deployed) would turn the long branch's last step back.
     */
    private static Set<String> backTransitions(ComponentType type) {
        Set<String> back = new HashSet<>();
        Set<String> done = new HashSet<>();
        Set<String> onPath = new HashSet<>();
        visit(type, type.initialPlace(), onPath, done, back);
        for (PlaceDecl p : type.places()) {
            visit(type, p.name(), onPath, done, back);
        }
        return back;
    }

    private static void visit(ComponentType type, String place, Set<String> onPath, Set<String> done, Set<String> back) {
        if (done.contains(place)) {
            return;
        }
        onPath.add(place);
        for (Behavior b : type.behaviors()) {
            for (TransitionDecl t : b.transitions()) {
                if (!t.source().equals(place)) {
                    continue;
                }
                if (onPath.contains(t.destination())) {
                    back.add(t.name());
                } else {
                    visit(type, t.destination(), onPath, done, back);
                }
            }
        }
        onPath.remove(place);
        done.add(place);
    }

    private static List<String> placesOf(ComponentType type, String placeOrGroup) {
        if (type.place(placeOrGroup).isPresent()) {
            return List.of(placeOrGroup);
        }
        return type.group(placeOrGroup).map(Group::places).orElse(List.of(placeOrGroup));
    }

    private String behaviorColour(String behavior) {
        return behaviorColours.computeIfAbsent(behavior, b -> PALETTE[behaviorColours.size() % PALETTE.length]);
    }

    private MutableNode legend() {
        StringBuilder html = new StringBuilder(
                "<table border=\"1\" color=\"#999999\" cellborder=\"0\" cellspacing=\"2\" cellpadding=\"2\">"
                        + "<tr><td colspan=\"2\"><b>behaviors</b></td></tr>");
        for (Map.Entry<String, String> e : behaviorColours.entrySet()) {
            html.append("<tr><td width=\"24\"><font color=\"").append(e.getValue()).append("\"><b>&#8594;</b></font></td>")
                    .append("<td align=\"left\"><font color=\"").append(e.getValue()).append("\">")
                    .append(escape(e.getKey())).append("</font></td></tr>");
        }
        html.append("<tr><td>&#9679;</td><td align=\"left\">provide port</td></tr>")
                .append("<tr><td>&#9675;</td><td align=\"left\">use port</td></tr>")
                .append("<tr><td>- -</td><td align=\"left\">bound to</td></tr>");
        if (!highlight.criticalTransitions().isEmpty()) {
            html.append("<tr><td><b>&#9473;</b></td><td align=\"left\">critical path (thick, framed)</td></tr>");
        }
        if (highlight.showsState()) {
            html.append("<tr><td bgcolor=\"").append(MARK_FILL).append("\"> </td><td align=\"left\">marked place</td></tr>")
                    .append("<tr><td bgcolor=\"").append(RUNNING_FILL).append("\"> </td><td align=\"left\">running</td></tr>")
                    .append("<tr><td><font color=\"").append(BLOCKED).append("\">&#9679;</font></td>")
                    .append("<td align=\"left\">blocked port</td></tr>");
        }
        html.append("</table>");
        return mutNode("legend").add(attr("shape", "plain"), Label.html(html.toString()));
    }

    static String placeId(String instance, String place) {
        return instance + "#place#" + place;
    }

    static String transitionId(String instance, String transition) {
        return instance + "#transition#" + transition;
    }

    static String groupId(String instance, String group) {
        return instance + "#group#" + group;
    }

    static String portId(String instance, String port) {
        return instance + "#port#" + port;
    }

    private static String portId(PortRef ref) {
        return portId(ref.instance(), ref.port());
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

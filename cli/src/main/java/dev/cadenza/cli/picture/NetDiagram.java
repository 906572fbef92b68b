package dev.cadenza.cli.picture;

import dev.cadenza.petri.Arc;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.Place;
import dev.cadenza.petri.TimeInterval;
import dev.cadenza.petri.Transition;
import guru.nidi.graphviz.attribute.Attributes;
import guru.nidi.graphviz.attribute.ForLink;
import guru.nidi.graphviz.attribute.Label;
import guru.nidi.graphviz.model.MutableGraph;
import guru.nidi.graphviz.model.MutableNode;

import static guru.nidi.graphviz.attribute.Attributes.attr;
import static guru.nidi.graphviz.model.Factory.mutGraph;
import static guru.nidi.graphviz.model.Factory.mutNode;
import static guru.nidi.graphviz.model.Factory.to;

/**
 * A (time) Petri net drawn as usual: places circles holding their name and token count,
 * transitions boxes holding their name and static interval (none shown for [0, w[), arcs with
 * their weight where it is above 1. Read arcs are dashed; inhibitor arcs end in an open circle
 * ({@code odot}), the common notation.
 */
public final class NetDiagram {

    private static final String FONT = "Helvetica";

    private NetDiagram() {
    }

    public static MutableGraph of(PetriNet net) {
        MutableGraph g = mutGraph(net.name() == null ? "net" : net.name()).setDirected(true);
        g.graphAttrs().add(
                attr("rankdir", "LR"),
                attr("nodesep", 0.25),
                attr("ranksep", 0.4),
                attr("fontname", FONT));
        g.nodeAttrs().add(attr("fontname", FONT), attr("fontsize", 11));
        g.linkAttrs().add(attr("fontname", FONT), attr("fontsize", 10), attr("arrowsize", 0.7));

        MutableNode[] places = new MutableNode[net.placeCount()];
        for (int i = 0; i < net.placeCount(); i++) {
            Place p = net.place(i);
            places[i] = mutNode(placeId(i)).add(
                    attr("shape", "circle"),
                    attr("margin", 0.03),
                    Label.of(p.displayName() + tokens(p.initialTokens())),
                    attr("tooltip", p.name()));
            g.add(places[i]);
        }
        for (int i = 0; i < net.transitionCount(); i++) {
            Transition t = net.transition(i);
            MutableNode node = mutNode(transitionId(i)).add(
                    attr("shape", "box"),
                    attr("style", "filled"),
                    attr("fillcolor", "#EEEEEE"),
                    attr("height", 0.3),
                    attr("margin", "0.08,0.03"),
                    Label.of(t.displayName() + interval(t.interval())),
                    attr("tooltip", t.name()));
            g.add(node);
            for (Arc a : t.inputs()) {
                places[a.place()].addLink(to(node).with(inputArc(a)));
            }
            for (Arc a : t.outputs()) {
                node.addLink(to(mutNode(placeId(a.place()))).with(weight(a.weight())));
            }
        }
        return g;
    }

    private static Attributes<ForLink> inputArc(Arc a) {
        return switch (a.kind()) {
            case NORMAL -> weight(a.weight());
            case READ -> Attributes.attrs(
                    attr("style", "dashed"), weight(a.weight()), attr("tooltip", "read arc"));
            case INHIBITOR -> Attributes.attrs(
                    attr("arrowhead", "odot"), attr("arrowsize", 0.9), weight(a.weight()), attr("tooltip", "inhibitor arc"));
        };
    }

    private static Attributes<ForLink> weight(long w) {
        return w > 1 ? attr("label", Long.toString(w)) : attr("weight", 1);
    }

    /** A second line with the tokens: dots up to three, a number above. */
    private static String tokens(long n) {
        if (n == 0) {
            return "";
        }
        return "\n" + (n <= 3 ? "\u25CF".repeat((int) n) : n + " \u25CF");
    }

    private static String interval(TimeInterval i) {
        return i.equals(TimeInterval.UNBOUNDED) ? "" : "\n" + i;
    }

    static String placeId(int i) {
        return "p" + i;
    }

    static String transitionId(int i) {
        return "t" + i;
    }
}

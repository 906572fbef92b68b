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

import org.apache.commons.math3.fraction.BigFraction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static guru.nidi.graphviz.attribute.Attributes.attr;
import static guru.nidi.graphviz.model.Factory.mutGraph;
import static guru.nidi.graphviz.model.Factory.mutNode;
import static guru.nidi.graphviz.model.Factory.to;

/**
 * A (time) Petri net drawn as usual: places small circles holding their tokens, named beside
 * ({@code xlabel}), transitions boxes holding their name and static interval (none shown for
 * [0, w[), immediate transitions ([0, 0]) thin black bars named beside, arcs with their weight
 * where it is above 1. Read arcs are dashed; inhibitor arcs end in an open circle
 * ({@code odot}), the common notation.
 *
 * <p>Changed after looking at the examples' translated nets (openstack: 98 transitions, a
 * 16,000 × 25,000 pixel PNG): places held their names, so each circle grew to the size of its
 * label ("s.allocate ended, waiting to enter its destination"); and the places no transition
 * touches (fused away by the translator, kept in the net) stood in a tall column of their own.
 * Now circles have one size, a place shows its label when that is short and its name otherwise
 * (the other in the tooltip), and the places without arcs are listed under the picture.
 */
public final class NetDiagram {

    private static final String FONT = "Helvetica";
    /** A label longer than this is shown in the tooltip only; the (shorter) name is shown. */
    static final int SHORT_LABEL = 24;
    private static final int LIST_LINE = 110;
    /**
     * Above this many arcs, layout effort is limited (see {@link #of}). Not lower: at 300,
     * openstack's translated net (421 arcs) lost its one band per component to crossing edges.
     */
    static final int LARGE = 600;

    private NetDiagram() {
    }

    public static MutableGraph of(PetriNet net) {
        MutableGraph g = mutGraph(net.name() == null ? "net" : net.name()).setDirected(true);
        g.graphAttrs().add(
                attr("rankdir", "LR"),
                attr("nodesep", 0.3),
                attr("ranksep", 0.45),
                attr("forcelabels", true),
                attr("fontname", FONT));
        g.nodeAttrs().add(attr("fontname", FONT), attr("fontsize", 10));
        g.linkAttrs().add(attr("fontname", FONT), attr("fontsize", 10), attr("arrowsize", 0.6));

        boolean[] touched = new boolean[net.placeCount()];
        for (int i = 0; i < net.transitionCount(); i++) {
            Transition t = net.transition(i);
            t.inputs().forEach(a -> touched[a.place()] = true);
            t.outputs().forEach(a -> touched[a.place()] = true);
        }
        MutableNode[] places = new MutableNode[net.placeCount()];
        List<String> alone = new ArrayList<>();
        for (int i = 0; i < net.placeCount(); i++) {
            Place p = net.place(i);
            if (!touched[i]) {
                alone.add(shown(p.name(), p.label()) + (p.initialTokens() > 0 ? " (" + p.initialTokens() + ")" : ""));
                continue;
            }
            boolean many = p.initialTokens() > 3;
            places[i] = mutNode(placeId(i)).add(
                    attr("shape", "circle"),
                    attr("fixedsize", true),
                    attr("width", many ? 0.42 : 0.3),
                    attr("fontsize", many ? 9 : 8),
                    Label.of(tokens(p.initialTokens())),
                    attr("xlabel", shown(p.name(), p.label())),
                    attr("tooltip", tooltip(p.name(), p.label())));
            g.add(places[i]);
        }
        for (int i = 0; i < net.transitionCount(); i++) {
            Transition t = net.transition(i);
            MutableNode node = mutNode(transitionId(i));
            if (t.interval().equals(IMMEDIATE)) {
                node.add(
                        attr("shape", "box"),
                        attr("style", "filled"),
                        attr("fillcolor", "black"),
                        attr("fixedsize", true),
                        attr("width", 0.07),
                        attr("height", 0.32),
                        attr("fontsize", 8),
                        Label.of(""),
                        attr("xlabel", shown(t.name(), t.label())),
                        attr("tooltip", tooltip(t.name(), t.label()) + " [0,0]"));
            } else {
                node.add(
                        attr("shape", "box"),
                        attr("style", "filled"),
                        attr("fillcolor", "#EEEEEE"),
                        attr("height", 0.3),
                        attr("margin", "0.06,0.03"),
                        Label.of(shown(t.name(), t.label()) + interval(t.interval())),
                        attr("tooltip", tooltip(t.name(), t.label())));
            }
            g.add(node);
            for (Arc a : t.inputs()) {
                places[a.place()].addLink(to(node).with(inputArc(a)));
            }
            for (Arc a : t.outputs()) {
                node.addLink(to(mutNode(placeId(a.place()))).with(weight(a.weight())));
            }
        }
        if (GraphvizRenderer.edges(g) > LARGE) {
            // dot's crossing minimization and its network simplex dominate on large nets: galera's
            // translated net (735 arcs) took 78.7 s of CPU with dot 2.43, 12.3 s with these limits
            g.graphAttrs().add(attr("mclimit", 0.2), attr("nslimit", 2), attr("nslimit1", 2));
        }
        if (!alone.isEmpty()) {
            g.graphAttrs().add(attr("labelloc", "b"), attr("labeljust", "l"), attr("fontsize", 10),
                    Label.lines(Label.Justification.LEFT, wrap(alone.size() + (alone.size() == 1 ? " place" : " places")
                            + " with no arc (not drawn): " + String.join(", ", alone))));
        }
        return g;
    }

    private static final TimeInterval IMMEDIATE = TimeInterval.closed(0, 0);

    /** The label when it is short, else the name. */
    static String shown(String name, String label) {
        return label != null && label.length() <= SHORT_LABEL ? label : name;
    }

    private static String tooltip(String name, String label) {
        return label == null || label.equals(name) ? name : label + " (" + name + ")";
    }

    /** Lines of at most about {@link #LIST_LINE} characters, broken between words. */
    private static String[] wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > LIST_LINE) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines.toArray(String[]::new);
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

    /** The tokens inside the circle: dots up to three, a number above. */
    private static String tokens(long n) {
        if (n == 0) {
            return "";
        }
        return n <= 3 ? "\u25CF".repeat((int) n) : Long.toString(n);
    }

    /** A second line with the interval in TINA's brackets, bounds as decimals where they end (4.677, not 4677/1000). */
    static String interval(TimeInterval i) {
        if (i.equals(TimeInterval.UNBOUNDED)) {
            return "";
        }
        return "\n" + (i.lowerOpen() ? "]" : "[") + decimal(i.lower()) + ","
                + (i.upper() == null ? "w" : decimal(i.upper())) + (i.upperOpen() ? "[" : "]");
    }

    /** The exact decimal of a rational when it has one, else p/q. */
    static String decimal(BigFraction f) {
        try {
            return new BigDecimal(f.getNumerator()).divide(new BigDecimal(f.getDenominator())).stripTrailingZeros().toPlainString();
        } catch (ArithmeticException e) {
            return f.getNumerator() + "/" + f.getDenominator();
        }
    }

    static String placeId(int i) {
        return "p" + i;
    }

    static String transitionId(int i) {
        return "t" + i;
    }
}

package dev.cadenza.cli;

import dev.cadenza.petri.Arc;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.Place;
import dev.cadenza.petri.Transition;
import dev.cadenza.verify.translate.NetBackMap;

/**
 * A translated net as Graphviz dot text: places as circles labelled with what they stand for,
 * transitions as boxes with their interval; read arcs dashed, inhibitor arcs ending in a circle.
 */
final class NetDot {

    private NetDot() {
    }

    static String of(PetriNet net, NetBackMap map) {
        StringBuilder sb = new StringBuilder();
        sb.append("digraph ").append(quote(net.name())).append(" {\n  rankdir=LR;\n");
        for (int i = 0; i < net.placeCount(); i++) {
            Place p = net.place(i);
            sb.append("  p").append(i).append(" [shape=circle, label=").append(quote(map.place(i).describe()
                    + (p.initialTokens() > 0 ? "\n(" + p.initialTokens() + ")" : ""))).append("];\n");
        }
        for (int j = 0; j < net.transitionCount(); j++) {
            Transition t = net.transition(j);
            sb.append("  t").append(j).append(" [shape=box, label=").append(quote(map.transition(j).describe()
                    + "\n" + t.interval())).append("];\n");
            for (Arc a : t.inputs()) {
                sb.append("  p").append(a.place()).append(" -> t").append(j);
                switch (a.kind()) {
                    case READ -> sb.append(" [style=dashed, arrowhead=none]");
                    case INHIBITOR -> sb.append(" [arrowhead=odot]");
                    default -> { }
                }
                sb.append(weight(a)).append(";\n");
            }
            for (Arc a : t.outputs()) {
                sb.append("  t").append(j).append(" -> p").append(a.place()).append(weight(a)).append(";\n");
            }
        }
        return sb.append("}\n").toString();
    }

    private static String weight(Arc a) {
        return a.weight() > 1 ? " [label=\"" + a.weight() + "\"]" : "";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}

package dev.cadenza.petri.io;

import dev.cadenza.petri.Arc;
import dev.cadenza.petri.ArcKind;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.Place;
import dev.cadenza.petri.Transition;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a net as a PNML P/T net (ISO/IEC 15909-2, the 2009 grammar the Model Checking Contest
 * uses), for cross-checks with other tools. Time is not part of a P/T net: intervals are dropped
 * (the net's marking graph is what other tools explore).
 *
 * <p>Special arcs, as tools read them:
 * <ul>
 * <li>A read arc ({@code p?k}) becomes a self-loop: an input arc and an output arc of the same
 * weight (merged with a normal arc on the same place: input max(w, k), output max(w, k) − w more).
 * Under interleaving semantics, which is what a marking graph is, the two enable in the same
 * markings and have the same effect, so markings, edges and deadlocks are the same; every P/T
 * tool reads it.</li>
 * <li>An inhibitor arc ({@code p?-k}, enabled while m(p) &lt; k) is not in the P/T standard. It
 * is written as an arc from the place to the transition carrying both conventions we found:
 * the attribute {@code type="inhibitor"}, which TAPAAL reads (its GUI's PNML loader and the
 * verifypn engine; the weight has the same meaning there: disabled from k tokens on), and the
 * {@code <arctype><text>inhibitor</text></arctype>} label of the 2009 special-arcs extension
 * (net type {@code …/extensions/inhibitorptnet}, then used for the net). A tool that knows
 * neither would read it as a consuming arc: nets with inhibitor arcs are for tools that support
 * them (TAPAAL, not LoLA, whose input has no inhibitor arcs). {@link PnmlReader} reads both.</li>
 * </ul>
 * Ids are the node names when they are XML names (ASCII letters, digits, {@code _ . -}, not
 * starting with a digit, dot or dash), so {@link PnmlReader} reads back the same names and
 * labels; other names get a made-up id, the name then kept as the node's label (when it has none).
 */
public final class PnmlWriter {

    public static final String PTNET = "http://www.pnml.org/version-2009/grammar/ptnet";
    public static final String INHIBITOR_PTNET = "http://www.pnml.org/version-2009/extensions/inhibitorptnet";
    private static final Pattern XML_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");

    private PnmlWriter() {
    }

    /** True when the net has inhibitor arcs: the written net then needs a tool that reads them. */
    public static boolean hasInhibitorArcs(PetriNet net) {
        for (Transition t : net.transitions()) {
            for (Arc a : t.inputs()) {
                if (a.kind() == ArcKind.INHIBITOR) {
                    return true;
                }
            }
        }
        return false;
    }

    public static String write(PetriNet net) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            new PnmlWriter().write(net, w);
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to a string failed", e);
        }
        return out.toString();
    }

    private final Set<String> used = new HashSet<>();
    private int arcs;

    private void write(PetriNet net, XMLStreamWriter w) throws XMLStreamException {
        String[] placeIds = new String[net.placeCount()];
        String[] transitionIds = new String[net.transitionCount()];
        for (int p = 0; p < placeIds.length; p++) {
            placeIds[p] = id(net.place(p).name(), "p" + p);
        }
        for (int t = 0; t < transitionIds.length; t++) {
            transitionIds[t] = id(net.transition(t).name(), "t" + t);
        }
        boolean inhibitors = hasInhibitorArcs(net);
        w.writeStartDocument("UTF-8", "1.0");
        w.writeCharacters("\n");
        w.writeStartElement("pnml");
        w.writeDefaultNamespace("http://www.pnml.org/version-2009/grammar/pnml");
        w.writeCharacters("\n  ");
        w.writeStartElement("net");
        String netName = net.name() == null ? "net" : net.name();
        w.writeAttribute("id", XML_NAME.matcher(netName).matches() ? netName : "net");
        w.writeAttribute("type", inhibitors ? INHIBITOR_PTNET : PTNET);
        w.writeCharacters("\n    ");
        text(w, "name", netName);
        w.writeCharacters("\n    ");
        w.writeStartElement("page");
        w.writeAttribute("id", id("page", "page"));
        for (int p = 0; p < placeIds.length; p++) {
            Place pl = net.place(p);
            w.writeCharacters("\n      ");
            w.writeStartElement("place");
            w.writeAttribute("id", placeIds[p]);
            String label = label(pl.name(), pl.label(), placeIds[p]);
            if (label != null) {
                text(w, "name", label);
            }
            if (pl.initialTokens() > 0) {
                text(w, "initialMarking", Long.toString(pl.initialTokens()));
            }
            w.writeEndElement();
        }
        for (int t = 0; t < transitionIds.length; t++) {
            Transition tr = net.transition(t);
            w.writeCharacters("\n      ");
            w.writeStartElement("transition");
            w.writeAttribute("id", transitionIds[t]);
            String label = label(tr.name(), tr.label(), transitionIds[t]);
            if (label != null) {
                text(w, "name", label);
            }
            w.writeEndElement();
        }
        for (int t = 0; t < transitionIds.length; t++) {
            Transition tr = net.transition(t);
            // per place: what is consumed, what must be there (read arcs included), what is produced
            Map<Integer, Long> consume = new LinkedHashMap<>();
            Map<Integer, Long> need = new LinkedHashMap<>();
            Map<Integer, Long> produce = new LinkedHashMap<>();
            for (Arc a : tr.inputs()) {
                if (a.kind() == ArcKind.NORMAL) {
                    consume.merge(a.place(), a.weight(), Long::sum);
                    need.merge(a.place(), a.weight(), Math::max);
                } else if (a.kind() == ArcKind.READ) {
                    need.merge(a.place(), a.weight(), Math::max);
                }
            }
            for (Arc a : tr.outputs()) {
                produce.merge(a.place(), a.weight(), Long::sum);
            }
            for (Map.Entry<Integer, Long> e : need.entrySet()) {
                // a read arc's self-loop: take what must be there, give back what is not consumed
                long back = e.getValue() - consume.getOrDefault(e.getKey(), 0L);
                if (back > 0) {
                    produce.merge(e.getKey(), back, Long::sum);
                }
                arc(w, placeIds[e.getKey()], transitionIds[t], e.getValue(), false);
            }
            for (Arc a : tr.inputs()) {
                if (a.kind() == ArcKind.INHIBITOR) {
                    arc(w, placeIds[a.place()], transitionIds[t], a.weight(), true);
                }
            }
            for (Map.Entry<Integer, Long> e : produce.entrySet()) {
                arc(w, transitionIds[t], placeIds[e.getKey()], e.getValue(), false);
            }
        }
        w.writeCharacters("\n    ");
        w.writeEndElement(); // page
        w.writeCharacters("\n  ");
        w.writeEndElement(); // net
        w.writeCharacters("\n");
        w.writeEndElement(); // pnml
        w.writeCharacters("\n");
        w.writeEndDocument();
    }

    private void arc(XMLStreamWriter w, String source, String target, long weight, boolean inhibitor)
            throws XMLStreamException {
        w.writeCharacters("\n      ");
        w.writeStartElement("arc");
        String n = "a" + arcs++;
        w.writeAttribute("id", id(n, n));
        w.writeAttribute("source", source);
        w.writeAttribute("target", target);
        if (inhibitor) {
            w.writeAttribute("type", "inhibitor");
        }
        if (weight != 1) {
            text(w, "inscription", Long.toString(weight));
        }
        if (inhibitor) {
            text(w, "arctype", "inhibitor");
        }
        w.writeEndElement();
    }

    private static void text(XMLStreamWriter w, String element, String text) throws XMLStreamException {
        w.writeStartElement(element);
        w.writeStartElement("text");
        w.writeCharacters(text);
        w.writeEndElement();
        w.writeEndElement();
    }

    /** The name when it is a usable id not taken yet, else a fresh one from {@code fallback}. */
    private String id(String name, String fallback) {
        String base = XML_NAME.matcher(name).matches() ? name : "_" + fallback;
        String id = base;
        for (int k = 2; !used.add(id); k++) {
            id = base + "_" + k;
        }
        return id;
    }

    /** The label to write: the node's label, or its name when the id could not be the name. */
    private static String label(String name, String label, String id) {
        if (label != null) {
            return label;
        }
        return id.equals(name) ? null : name;
    }
}

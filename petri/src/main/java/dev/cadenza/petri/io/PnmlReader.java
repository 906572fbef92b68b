package dev.cadenza.petri.io;

import dev.cadenza.petri.Arc;
import dev.cadenza.petri.ArcKind;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.TimeInterval;
import dev.cadenza.petri.Transition;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a PNML P/T net as the Model Checking Contest writes them: one net, pages (nested, only
 * for layout: they are flattened), places and transitions by id with their names as labels,
 * initial markings, arcs in either direction with their inscriptions (default 1), repeated arcs
 * adding up. Graphics and tool-specific parts (MCC's NUPN units) are skipped. A coloured net
 * (symmetric or high-level) is refused: it would need unfolding first. Special arcs, as
 * {@link PnmlWriter} writes them: {@code type="inhibitor"} on the arc (TAPAAL's convention) or
 * an {@code <arctype><text>inhibitor</text></arctype>} label (the 2009 special-arcs extension);
 * {@code read} or {@code test} the same ways for read arcs; any other arc type is refused rather
 * than read as a normal arc.
 *
 * <p>Streams with StAX, so a large file is read in one pass without a document tree; every
 * error is a {@link NetFormatException} with the file, line and column (StAX places an element
 * just after its start tag, so that is where a message points).
 */
public final class PnmlReader {

    private static final XMLInputFactory FACTORY = newFactory();

    private final String source;

    private PnmlReader(String source) {
        this.source = source;
    }

    /** Reads {@code file}; the name shown in messages is the path as given. */
    public static PetriNet read(Path file) {
        String source = file.toString();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in, source);
        } catch (NoSuchFileException e) {
            throw new NetFormatException(source, "no such file");
        } catch (AccessDeniedException e) {
            throw new NetFormatException(source, "permission denied; the file must be readable");
        } catch (IOException e) {
            // The exception's message is often just the path again: name the kind of failure instead.
            throw new NetFormatException(source, "cannot read the file (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Reads PNML from {@code in}; {@code source} names it in messages. */
    public static PetriNet read(InputStream in, String source) {
        return new PnmlReader(source).parse(in);
    }

    /** The XInclude namespace: an {@code <xi:include>} would make the net depend on other files. */
    private static final String XINCLUDE = "http://www.w3.org/2001/XInclude";

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        // A net file has no business pulling other files or a DTD in.
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** A node as declared, before arcs are resolved (arcs may precede their nodes). */
    private static final class Node {
        final String id;
        final boolean place;
        String label;
        long tokens;
        final Map<Integer, Long> inputs = new LinkedHashMap<>();
        final Map<Integer, Long> outputs = new LinkedHashMap<>();
        /** Inhibitor arcs (the smallest weight wins, as in TINA) and read arcs (the largest). */
        final Map<Integer, Long> inhibitors = new LinkedHashMap<>();
        final Map<Integer, Long> reads = new LinkedHashMap<>();
        int index;

        Node(String id, boolean place) {
            this.id = id;
            this.place = place;
        }
    }

    private record PendingArc(String id, String source, String target, long weight, ArcKind kind, int line,
                              int column) {
    }

    // What the <text> being read belongs to.
    private enum Field { NONE, NAME, MARKING, INSCRIPTION, ARCTYPE }

    private PetriNet parse(InputStream in) {
        String netName = null;
        Map<String, Node> nodes = new HashMap<>();
        List<Node> order = new ArrayList<>();
        Map<String, String> references = new HashMap<>();
        List<PendingArc> arcs = new ArrayList<>();
        boolean sawPnml = false;
        int pnmlLine = 1;
        int pnmlColumn = 1;
        Map<String, Location> arcIds = new HashMap<>();

        XMLStreamReader r = null;
        try {
            r = XmlText.open(FACTORY, in, source);
            int depth = 0;
            int skipBelow = -1;         // inside <graphics>/<toolspecific>: ignore down to this depth
            Node node = null;           // the place or transition being read
            int nodeDepth = -1;
            String arcId = null;
            String arcSource = null;
            String arcTarget = null;
            long arcWeight = 1;
            ArcKind arcKind = ArcKind.NORMAL;
            int arcLine = 0;
            int arcColumn = 0;
            int arcDepth = -1;
            Field field = Field.NONE;
            int fieldDepth = -1;
            boolean inNet = false;
            int netCount = 0;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (skipBelow >= 0) {
                        continue;
                    }
                    String tag = r.getLocalName();
                    if (XINCLUDE.equals(r.getNamespaceURI())) {
                        throw error(r.getLocation(), "<" + r.getPrefix() + ":" + tag + "> (XInclude) pulls another"
                                + " file in; cadenza reads one self-contained PNML file: put the included part in it");
                    }
                    switch (tag) {
                        case "pnml" -> {
                            sawPnml = true;
                            pnmlLine = r.getLocation().getLineNumber();
                            pnmlColumn = r.getLocation().getColumnNumber();
                        }
                        case "net" -> {
                            netCount++;
                            if (netCount > 1) {
                                throw error(r.getLocation(), "a second <net> in one file; cadenza reads one net a file");
                            }
                            inNet = true;
                            String type = r.getAttributeValue(null, "type");
                            if (type != null && (type.contains("symmetricnet") || type.contains("highlevelnet"))) {
                                throw coloured(r.getLocation(), "its type is " + type);
                            }
                            netName = r.getAttributeValue(null, "id");
                        }
                        case "graphics", "toolspecific" -> skipBelow = depth;
                        case "structure", "declaration", "declarations", "hlinitialMarking", "hlinscription" ->
                                throw coloured(r.getLocation(), "it has a <" + tag + "> element");
                        case "place", "transition" -> {
                            requireNet(inNet, r, tag);
                            String id = requiredId(r, tag);
                            if (nodes.containsKey(id) || references.containsKey(id) || arcIds.containsKey(id)) {
                                throw error(r.getLocation(), "a second node with id '" + id
                                        + "'; ids must be unique in a net");
                            }
                            node = new Node(id, tag.equals("place"));
                            nodes.put(id, node);
                            order.add(node);
                            nodeDepth = depth;
                        }
                        case "referencePlace", "referenceTransition" -> {
                            requireNet(inNet, r, tag);
                            String id = requiredId(r, tag);
                            String ref = r.getAttributeValue(null, "ref");
                            if (ref == null) {
                                throw error(r.getLocation(), "<" + tag + " id=\"" + id + "\"> has no ref attribute;"
                                        + " write ref=\"ID\" naming the node it stands for");
                            }
                            references.put(id, ref);
                        }
                        case "arc" -> {
                            requireNet(inNet, r, tag);
                            Location at = r.getLocation();
                            arcId = r.getAttributeValue(null, "id");
                            arcSource = r.getAttributeValue(null, "source");
                            arcTarget = r.getAttributeValue(null, "target");
                            if (arcSource == null || arcTarget == null) {
                                throw error(at, "arc " + (arcId == null ? "" : "'" + arcId + "' ")
                                        + "without source or target; an arc needs both, e.g. source=\"p1\" target=\"t1\"");
                            }
                            if (arcId != null && (nodes.containsKey(arcId) || references.containsKey(arcId)
                                    || arcIds.containsKey(arcId))) {
                                throw error(at, "a second element with id '" + arcId + "'; ids must be unique in a"
                                        + " net (arcs included)");
                            }
                            if (arcId != null) {
                                arcIds.put(arcId, at);
                            }
                            arcWeight = 1;
                            arcKind = arcKind(r.getAttributeValue(null, "type"), at, arcId);
                            arcLine = at.getLineNumber();
                            arcColumn = at.getColumnNumber();
                            arcDepth = depth;
                        }
                        case "name" -> {
                            if (node != null && depth == nodeDepth + 1) {
                                field = Field.NAME;
                                fieldDepth = depth;
                            }
                        }
                        case "initialMarking" -> {
                            if (node != null && node.place && depth == nodeDepth + 1) {
                                field = Field.MARKING;
                                fieldDepth = depth;
                            }
                        }
                        case "inscription" -> {
                            if (arcDepth >= 0 && depth == arcDepth + 1) {
                                field = Field.INSCRIPTION;
                                fieldDepth = depth;
                            }
                        }
                        case "arctype" -> {
                            if (arcDepth >= 0 && depth == arcDepth + 1) {
                                field = Field.ARCTYPE;
                                fieldDepth = depth;
                            }
                        }
                        case "text" -> {
                            if (field != Field.NONE && depth == fieldDepth + 1) {
                                Location at = r.getLocation();
                                String text = r.getElementText().trim();
                                depth--; // getElementText consumed the end tag
                                switch (field) {
                                    case NAME -> node.label = text;
                                    case MARKING -> node.tokens = number(text, at,
                                            "initial marking of place '" + node.id + "'", 0);
                                    case INSCRIPTION -> arcWeight = number(text, at,
                                            "inscription of arc " + (arcId == null ? "" : "'" + arcId + "'"), 1);
                                    case ARCTYPE -> arcKind = arcKind(text, at, arcId);
                                    default -> throw new AssertionError(field);
                                }
                            }
                        }
                        default -> {
                            // page, type and anything else: pages only group nodes for drawing
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (skipBelow == depth) {
                        skipBelow = -1;
                    } else if (skipBelow < 0) {
                        if (depth == fieldDepth) {
                            field = Field.NONE;
                            fieldDepth = -1;
                        }
                        if (depth == nodeDepth) {
                            node = null;
                            nodeDepth = -1;
                        }
                        if (depth == arcDepth) {
                            arcs.add(new PendingArc(arcId, arcSource, arcTarget, arcWeight, arcKind, arcLine,
                                    arcColumn));
                            arcKind = ArcKind.NORMAL;
                            arcDepth = -1;
                        }
                        if (r.getLocalName().equals("net")) {
                            inNet = false;
                        }
                    }
                    depth--;
                }
            }
        } catch (XMLStreamException e) {
            throw xmlError(e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing more to read from it
                }
            }
        }
        if (!sawPnml || netName == null && order.isEmpty()) {
            throw new NetFormatException(source, pnmlLine, pnmlColumn, (sawPnml ? "no <net …> in this <pnml>"
                    : "no <pnml> element in this file") + "; a PNML file holds"
                    + " <pnml><net id=\"…\" type=\"…/ptnet\"> with places, transitions and arcs");
        }
        return build(netName, order, nodes, references, arcs);
    }

    private PetriNet build(String netName, List<Node> order, Map<String, Node> nodes,
                           Map<String, String> references, List<PendingArc> arcs) {
        int places = 0;
        int transitions = 0;
        for (Node n : order) {
            n.index = n.place ? places++ : transitions++;
        }
        for (PendingArc a : arcs) {
            Node from = resolve(a.source(), a, nodes, references);
            Node to = resolve(a.target(), a, nodes, references);
            if (from.place == to.place) {
                String kind = from.place ? "places" : "transitions";
                throw new NetFormatException(source, a.line(), a.column(), "arc " + describe(a)
                        + " joins two " + kind + " ('" + from.id + "' and '" + to.id
                        + "'); an arc goes from a place to a transition or back");
            }
            if (a.kind() != ArcKind.NORMAL && !from.place) {
                throw new NetFormatException(source, a.line(), a.column(), "arc " + describe(a) + " is "
                        + (a.kind() == ArcKind.INHIBITOR ? "an inhibitor" : "a read") + " arc from a transition;"
                        + " such arcs go from a place to a transition");
            }
            if (a.kind() == ArcKind.INHIBITOR) {
                to.inhibitors.merge(from.index, a.weight(), Math::min);
            } else if (a.kind() == ArcKind.READ) {
                to.reads.merge(from.index, a.weight(), Math::max);
            } else if (from.place) {
                to.inputs.merge(from.index, a.weight(), Long::sum);
            } else {
                from.outputs.merge(to.index, a.weight(), Long::sum);
            }
        }
        PetriNet.Builder b = PetriNet.builder(netName == null ? "net" : netName);
        for (Node n : order) {
            if (n.place) {
                b.place(n.id, n.label, n.tokens);
            }
        }
        for (Node n : order) {
            if (!n.place) {
                List<Arc> inputs = arcs(n.inputs);
                n.reads.forEach((p, w) -> inputs.add(new Arc(p, w, ArcKind.READ)));
                n.inhibitors.forEach((p, w) -> inputs.add(new Arc(p, w, ArcKind.INHIBITOR)));
                b.transition(new Transition(n.id, n.label, TimeInterval.UNBOUNDED, inputs, arcs(n.outputs)));
            }
        }
        return b.build();
    }

    private static List<Arc> arcs(Map<Integer, Long> weights) {
        List<Arc> list = new ArrayList<>(weights.size());
        for (Map.Entry<Integer, Long> e : weights.entrySet()) {
            list.add(Arc.normal(e.getKey(), e.getValue()));
        }
        return list;
    }

    /** An arc's type as written (attribute or label): normal, inhibitor, read; anything else is refused. */
    private ArcKind arcKind(String type, Location at, String arcId) {
        if (type == null) {
            return ArcKind.NORMAL;
        }
        return switch (type.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "", "normal" -> ArcKind.NORMAL;
            case "inhibitor" -> ArcKind.INHIBITOR;
            case "read", "test" -> ArcKind.READ;
            default -> throw error(at, "arc " + (arcId == null ? "" : "'" + arcId + "' ") + "of type '" + type
                    + "'; cadenza reads normal, inhibitor and read (test) arcs, not " + type + " arcs");
        };
    }

    private Node resolve(String id, PendingArc a, Map<String, Node> nodes, Map<String, String> references) {
        String target = id;
        // A reference may point at another reference; a cycle would loop, so cap the chain.
        for (int hops = 0; hops <= references.size() && references.containsKey(target); hops++) {
            target = references.get(target);
        }
        Node n = nodes.get(target);
        if (n == null) {
            throw new NetFormatException(source, a.line(), a.column(), "arc " + describe(a)
                    + " refers to an unknown node '" + id + "'; source and target must be ids of places or transitions of the net");
        }
        return n;
    }

    private static String describe(PendingArc a) {
        return a.id() == null ? "from '" + a.source() + "' to '" + a.target() + "'" : "'" + a.id() + "'";
    }

    private long number(String text, Location at, String what, long min) {
        long v;
        try {
            v = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw error(at, what + " is '" + text + "', not a number; write a whole number of tokens"
                    + (min == 0 ? " (0 or more)" : " (1 or more)"));
        }
        if (v < min) {
            throw error(at, what + " is " + v + "; write a whole number " + min + " or more");
        }
        return v;
    }

    private NetFormatException coloured(Location at, String why) {
        return error(at, "a coloured net (" + why + "); cadenza reads P/T nets only:"
                + " use the model's P/T variant (…-PT-…) or unfold it first");
    }

    private void requireNet(boolean inNet, XMLStreamReader r, String tag) {
        if (!inNet) {
            throw error(r.getLocation(), "<" + tag + "> outside a <net>; nodes belong inside <pnml><net>");
        }
    }

    private String requiredId(XMLStreamReader r, String tag) {
        String id = r.getAttributeValue(null, "id");
        if (id == null || id.isEmpty()) {
            throw error(r.getLocation(), "<" + tag + "> without an id; write id=\"…\", unique in the net");
        }
        return id;
    }

    private NetFormatException error(Location at, String problem) {
        return new NetFormatException(source, at.getLineNumber(), at.getColumnNumber(), problem);
    }

    private NetFormatException xmlError(XMLStreamException e) {
        Location at = e.getLocation();
        String msg = e.getMessage();
        // The JDK parser prefixes its message with "ParseError at [row,col]:[l,c]\nMessage: ".
        int m = msg == null ? -1 : msg.indexOf("Message: ");
        String detail = m >= 0 ? msg.substring(m + "Message: ".length()) : String.valueOf(msg);
        detail = detail.replace('\n', ' ').trim();
        String problem;
        if (detail.contains("must start and end within the same entity") || detail.contains("end of file")
                || detail.contains("Premature end")) {
            problem = "the XML ends before its elements are closed (a truncated file?); a PNML file ends with </pnml>";
        } else {
            problem = "malformed XML: " + detail;
        }
        if (at == null || at.getLineNumber() <= 0) {
            return new NetFormatException(source, problem);
        }
        return error(at, problem);
    }
}

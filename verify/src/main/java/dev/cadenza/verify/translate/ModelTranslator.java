package dev.cadenza.verify.translate;

import dev.cadenza.core.lang.ModelPrinter;
import dev.cadenza.core.model.Assembly;
import dev.cadenza.core.model.Behavior;
import dev.cadenza.core.model.ComponentType;
import dev.cadenza.core.model.Connection;
import dev.cadenza.core.model.Group;
import dev.cadenza.core.model.Instance;
import dev.cadenza.core.model.Instruction;
import dev.cadenza.core.model.Join;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.Port;
import dev.cadenza.core.model.PortBinding;
import dev.cadenza.core.model.PortDirection;
import dev.cadenza.core.model.PortKind;
import dev.cadenza.core.model.PortRef;
import dev.cadenza.core.model.Program;
import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.core.model.TransitionDecl;
import dev.cadenza.petri.TimeInterval;
import dev.cadenza.verify.ResolutionException;
import dev.cadenza.verify.translate.NetDraft.TransitionDraft;
import org.apache.commons.math3.fraction.BigFraction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Compiles a Concerto program (or a Madeus assembly, read as the program
 * {@code add all; con all; pushB(each, first behavior); waitAll}) into a time Petri net.
 *
 * <p>Per instance {@code c} of type T, for the behaviors the program pushes on c:
 * <ul>
 * <li>a place {@code c.P} per component place, {@code c.t.run} per transition (running), and,
 *     unless fused away, {@code c.t.od} (output dock on the source) and {@code c.t.id} (input dock
 *     on the destination);</li>
 * <li>the Madeus moves: leave P under behavior b ([0,0], P to the output docks of all of P's
 *     outgoing transitions in b, reads {@code c.beh.b}); start t ([0,0], od to run); end t (the
 *     duration [min, max], run to id); enter Q ([0,0], one join set of input docks to Q);</li>
 * <li>the behavior queue, unrolled: the program is straight-line, so the k-th {@code pushB} on c
 *     is known statically. {@code c.push.k} (the k-th push executed), {@code c.idle.k} (idle
 *     with k behaviors done), {@code c.act.k} and {@code c.beh.b} (behavior b active). Begin k
 *     consumes idle.(k-1) and push.k; complete k consumes act.k and beh.b and gives idle.k.</li>
 * </ul>
 *
 * <p><b>Behavior completion</b> (Concerto's {@code is_idle}: no running transition, no output or
 * input dock, no marked place with output docks in the active behavior): complete k has
 * inhibitor arcs on every run, od and id place of b's transitions and on every place with an
 * outgoing transition in b. It is enabled exactly when no move of b is enabled or can become
 * enabled without another move of b first: every move of b consumes one of those places. A move
 * that waits forever (a start whose port is never served, a partial join) keeps a token in one
 * of them, so the behavior never completes and the program's wait blocks: a deadlock, as in
 * Concerto.
 *
 * <p><b>Ports</b>. Provide {@code at} places/groups (service): activity is the number of tokens in
 * the bound places (a group also counts the docks and run places of its inner transitions) —
 * the place itself when it is a single place, else a counter place kept by arcs on every
 * transition that changes that number. Provide data, and {@code from P}: a flag set the first
 * time the bound set is entered, never cleared (entering transitions are split in a "first" copy
 * that sets it and an "again" copy that reads it). Use ports: the transitions that enter the
 * bound set (for {@code by t}: the start of t) read the connection place, the provider's
 * activity, and are inhibited by the provider's refusing flag. A use port's "using" count (its
 * bound set's tokens) drives locking: a provider transition that deactivates a service port has
 * an inhibitor arc on the using count of every user the program ever connects to it, and, with
 * refusing on, first fires a [0,0] "wants to leave" step that raises the refusing flag (Concerto
 * raises it before checking the lock, and lowers it when the port is left).
 *
 * <p><b>Fusions</b> (when {@link TranslationOptions#fuse()}): (1) leave P + start t, when t is
 * P's only outgoing transition in b and no use port guards t's start: the intermediate state (a
 * token in od) is vanishing — start is [0,0], always enabled there, and nothing else consumes,
 * reads or counts od apart from the same sets run belongs to (a dock belongs to a group exactly
 * when its transition does). (2) end t + enter Q, when the join of Q in b is the single set {t},
 * entering Q is guarded by no use port and sets no "provided" flag: the id token is vanishing
 * for the same reasons, and no guard is moved onto a timed transition (which would change when
 * its clock starts). Fusion only removes zero-duration states in which a dock holds the token;
 * predicates cannot name docks, so no property can tell.
 *
 * <p>Limits: an instance is added once; when a use port is connected over the program to several
 * providers, each guard gets one copy per provider, and locking is conservative (the using
 * count is per use port, not per connection). A behavior that re-reaches a place it already left
 * leaves it again (Concerto's {@code visited_places} would stop there).
 */
public final class ModelTranslator {

    private final Model model;
    private final TranslationOptions options;
    private final NetDraft d;
    private final Map<String, InstanceNet> instances = new LinkedHashMap<>();
    private final Map<String, Integer> connections = new LinkedHashMap<>();
    /** user "c.port" -> provider refs ever connected to it by the program. */
    private final Map<String, Set<String>> candidates = new LinkedHashMap<>();
    /** provider "c.port" -> user refs ever connected to it. */
    private final Map<String, Set<String>> usersOf = new LinkedHashMap<>();
    private final List<Counter> counters = new ArrayList<>();

    private ModelTranslator(Model model, String name, TranslationOptions options) {
        if (model.semantics() != dev.cadenza.core.model.Semantics.CONCERTO
                || model.effectiveStep().max().signum() != 0) {
            // the loop and its rules are being built (issue 13); until then say so rather than answer wrongly
            throw new ResolutionException(new SourcePosition(model.file(), 0, 0), "semantics "
                    + model.semantics().keyword() + " with step " + model.effectiveStep()
                    + " is not translated yet; use semantics concerto with step [0, 0]");
        }
        this.model = model;
        this.options = options;
        this.d = new NetDraft(name);
    }

    /** Translates the program or assembly named {@code subject}. */
    public static TranslatedNet translate(Model model, String subject, TranslationOptions options) {
        var program = model.program(subject);
        if (program.isPresent()) {
            return translate(model, program.get(), options);
        }
        var assembly = model.assembly(subject);
        if (assembly.isPresent()) {
            return translate(model, assembly.get(), options);
        }
        List<String> names = new ArrayList<>();
        model.programs().forEach(p -> names.add(p.name()));
        model.assemblies().forEach(a -> names.add(a.name()));
        throw new ResolutionException(new SourcePosition(model.file(), 0, 0),
                "unknown program or assembly '" + subject + "'; there are " + String.join(", ", names));
    }

    public static TranslatedNet translate(Model model, Program program, TranslationOptions options) {
        return new ModelTranslator(model, program.name(), options).run(program.instructions());
    }

    /** Translates a list of unrolled instructions under the name {@code name}. */
    public static TranslatedNet translate(Model model, String name, List<Instruction> program,
                                          TranslationOptions options) {
        return new ModelTranslator(model, name, options).run(program);
    }

    public static TranslatedNet translate(Model model, Assembly assembly, TranslationOptions options) {
        return new ModelTranslator(model, assembly.name(), options).run(asProgram(model, assembly));
    }

    /** A Madeus assembly as the Concerto program {@code add all; con all; pushB(each, first); waitAll}. */
    public static List<Instruction> asProgram(Model model, Assembly a) {
        List<Instruction> out = new ArrayList<>();
        for (Instance i : a.instances()) {
            out.add(new Instruction.Add(i.name(), i.type(), i.position()));
        }
        for (Connection c : a.connections()) {
            out.add(new Instruction.Con(c.provider(), c.user(), c.position()));
        }
        for (Instance i : a.instances()) {
            ComponentType t = model.type(i.type()).orElseThrow(() -> new ResolutionException(i.position(),
                    "unknown component type '" + i.type() + "'"));
            if (t.behaviors().isEmpty()) {
                throw new ResolutionException(t.position(), "component type '" + t.name() + "' has no behavior");
            }
            out.add(new Instruction.PushB(i.name(), t.behaviors().get(0).name(), i.position()));
        }
        out.add(new Instruction.WaitAll(a.position()));
        return out;
    }

    // ------------------------------------------------------------------------------------------

    private static final class InstanceNet {
        final String name;
        final ComponentType type;
        final List<String> pushes = new ArrayList<>();
        final Set<String> behaviors = new LinkedHashSet<>();
        final Map<String, Integer> place = new LinkedHashMap<>();
        final Map<String, Integer> run = new LinkedHashMap<>();
        final Map<String, Integer> od = new LinkedHashMap<>();
        final Map<String, Integer> id = new LinkedHashMap<>();
        final Map<String, Integer> beh = new LinkedHashMap<>();
        final List<Integer> idle = new ArrayList<>();
        final List<Integer> pushed = new ArrayList<>();
        final List<Integer> active = new ArrayList<>();
        final Map<String, ProvideNet> provides = new LinkedHashMap<>();
        final Map<String, UseNet> uses = new LinkedHashMap<>();
        int deleted = -1;
        boolean isDeleted;

        InstanceNet(String name, ComponentType type) {
            this.name = name;
            this.type = type;
        }
    }

    private static final class ProvideNet {
        Port port;
        Set<Integer> set;
        int activity;
        boolean flag;
        int refusing = -1;
    }

    private static final class UseNet {
        Port port;
        Set<Integer> set;
        int using;
    }

    private record Counter(int place, Set<Integer> set) {
    }

    private TranslatedNet run(List<Instruction> program) {
        scan(program);
        for (InstanceNet c : instances.values()) {
            componentPlaces(c);
        }
        for (InstanceNet c : instances.values()) {
            portPlaces(c);
        }
        for (InstanceNet c : instances.values()) {
            componentMoves(c);
            behaviorQueue(c);
        }
        int end = programTransitions(program);
        for (InstanceNet c : instances.values()) {
            useGuards(c);
        }
        for (Counter k : counters) {
            maintainCounter(k);
        }
        for (InstanceNet c : instances.values()) {
            for (ProvideNet p : c.provides.values()) {
                if (p.flag) {
                    splitForFlag(p);
                }
            }
        }
        for (InstanceNet c : instances.values()) {
            for (ProvideNet p : c.provides.values()) {
                if (!p.flag) {
                    lockAndRefuse(c, p);
                }
            }
        }
        return new TranslatedNet(d.name, d.build(), backMap(end));
    }

    // ---- scanning and name resolution ------------------------------------------------------------

    private void scan(List<Instruction> program) {
        Map<String, Integer> connected = new HashMap<>();
        for (Instruction i : program) {
            if (i instanceof Instruction.Add a) {
                if (instances.containsKey(a.instance())) {
                    throw new ResolutionException(a.position(), "instance '" + a.instance()
                            + "' is added twice; adding an instance again is not supported");
                }
                ComponentType t = model.type(a.type()).orElseThrow(() -> new ResolutionException(a.position(),
                        "unknown component type '" + a.type() + "'; types are " + typeNames()));
                instances.put(a.instance(), new InstanceNet(a.instance(), t));
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
                alive(del.instance(), del.position()).isDeleted = true;
            } else if (i instanceof Instruction.Wait w) {
                alive(w.instance(), w.position());
            }
        }
        for (InstanceNet c : instances.values()) {
            c.isDeleted = false;
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

    // ---- places ----------------------------------------------------------------------------------

    private List<TransitionDecl> transitionsOf(InstanceNet c, String behavior) {
        return c.type.behavior(behavior).map(Behavior::transitions).orElse(List.of());
    }

    private List<TransitionDecl> usedTransitions(InstanceNet c) {
        List<TransitionDecl> out = new ArrayList<>();
        for (String b : c.behaviors) {
            out.addAll(transitionsOf(c, b));
        }
        return out;
    }

    private List<TransitionDecl> outgoing(InstanceNet c, String place, String behavior) {
        return transitionsOf(c, behavior).stream().filter(t -> t.source().equals(place)).toList();
    }

    /** The join sets of {@code place} in {@code behavior}: OR of ANDs of incoming transitions. */
    private List<List<TransitionDecl>> joinSets(InstanceNet c, String place, String behavior) {
        List<TransitionDecl> incoming = transitionsOf(c, behavior).stream()
                .filter(t -> t.destination().equals(place)).toList();
        if (incoming.isEmpty()) {
            return List.of();
        }
        for (Join j : c.type.joins()) {
            if (j.place().equals(place)) {
                List<List<TransitionDecl>> sets = new ArrayList<>();
                for (List<String> set : j.transitionSets()) {
                    List<TransitionDecl> inB = incoming.stream().filter(t -> set.contains(t.name())).toList();
                    if (!inB.isEmpty()) {
                        sets.add(inB);
                    }
                }
                return sets;
            }
        }
        return List.of(incoming);
    }

    private void componentPlaces(InstanceNet c) {
        for (var p : c.type.places()) {
            c.place.put(p.name(), d.place(c.name + "." + p.name(), new Provenance.InPlace(c.name, p.name()), 0));
        }
        // every transition gets its run place, also those of behaviors never pushed (never marked),
        // so that "c.t running" always resolves
        for (Behavior b : c.type.behaviors()) {
            for (TransitionDecl t : b.transitions()) {
                c.run.put(t.name(), d.place(c.name + "." + t.name() + ".run",
                        new Provenance.Running(c.name, t.name()), 0));
            }
        }
        for (TransitionDecl t : usedTransitions(c)) {
            String behavior = c.type.behaviorOf(t.name()).orElseThrow().name();
            if (!fuseLeave(c, t, behavior)) {
                c.od.put(t.name(), d.place(c.name + "." + t.name() + ".od",
                        new Provenance.OutputDock(c.name, t.name()), 0));
            }
            if (!fuseEnd(c, t, behavior)) {
                c.id.put(t.name(), d.place(c.name + "." + t.name() + ".id",
                        new Provenance.InputDock(c.name, t.name()), 0));
            }
        }
        for (String b : c.behaviors) {
            c.beh.put(b, d.place(c.name + ".beh." + b, new Provenance.BehaviorActive(c.name, b), 0));
        }
        for (int k = 0; k <= c.pushes.size(); k++) {
            c.idle.add(d.place(c.name + ".idle." + k, new Provenance.Idle(c.name, k), 0));
        }
        for (int k = 1; k <= c.pushes.size(); k++) {
            String b = c.pushes.get(k - 1);
            c.pushed.add(d.place(c.name + ".push." + k, new Provenance.Pushed(c.name, k, b), 0));
            c.active.add(d.place(c.name + ".act." + k, new Provenance.QueueActive(c.name, k, b), 0));
        }
    }

    /** True when the start of t is guarded by a use port bound {@code by} it. */
    private boolean startGuarded(InstanceNet c, TransitionDecl t) {
        for (Port p : c.type.ports()) {
            if (p.direction() == PortDirection.USE && p.binding() instanceof PortBinding.By by
                    && by.transitions().contains(t.name())) {
                return true;
            }
        }
        return false;
    }

    private boolean fuseLeave(InstanceNet c, TransitionDecl t, String behavior) {
        return options.fuse() && outgoing(c, t.source(), behavior).size() == 1 && !startGuarded(c, t);
    }

    private boolean fuseEnd(InstanceNet c, TransitionDecl t, String behavior) {
        if (!options.fuse()) {
            return false;
        }
        List<List<TransitionDecl>> sets = joinSets(c, t.destination(), behavior);
        if (sets.size() != 1 || sets.get(0).size() != 1 || sets.get(0).get(0) != t) {
            return false;
        }
        for (Port p : c.type.ports()) {
            boolean guardsEntry = p.direction() == PortDirection.USE && p.binding() instanceof PortBinding.At;
            boolean setsFlag = p.direction() == PortDirection.PROVIDE
                    && (p.kind() == PortKind.DATA || p.binding() instanceof PortBinding.From);
            Set<String> bound = boundPlaces(c.type, p.binding());
            if (guardsEntry && bound.contains(t.destination())) {
                return false;
            }
            // Entering a flag's places splits the entering transition in a "first" and an "again"
            // copy. On a timed end that is sound only if the flag cannot change while t runs:
            // t must be the only transition of the type that enters those places.
            if (setsFlag && bound.contains(t.destination()) && !onlyEntry(c.type, t, bound)) {
                return false;
            }
        }
        return true;
    }

    private static boolean onlyEntry(ComponentType type, TransitionDecl t, Set<String> places) {
        for (Behavior b : type.behaviors()) {
            for (TransitionDecl u : b.transitions()) {
                if (u != t && places.contains(u.destination()) && !places.contains(u.source())) {
                    return false;
                }
            }
        }
        return !places.contains(t.source());
    }

    /** The component places a port's binding names (group places included). */
    private static Set<String> boundPlaces(ComponentType type, PortBinding binding) {
        Set<String> out = new LinkedHashSet<>();
        if (binding instanceof PortBinding.At at) {
            for (String n : at.placesOrGroups()) {
                var g = type.group(n);
                if (g.isPresent()) {
                    out.addAll(g.get().places());
                } else {
                    out.add(n);
                }
            }
        } else if (binding instanceof PortBinding.From from) {
            out.add(from.place());
        }
        return out;
    }

    /** The net places whose tokens make up a binding: places, and a group's inner transitions. */
    private Set<Integer> boundNetPlaces(InstanceNet c, PortBinding binding) {
        Set<Integer> out = new LinkedHashSet<>();
        if (binding instanceof PortBinding.By by) {
            for (String t : by.transitions()) {
                Integer r = c.run.get(t);
                if (r != null) {
                    out.add(r);
                }
            }
            return out;
        }
        for (String p : boundPlaces(c.type, binding)) {
            Integer i = c.place.get(p);
            if (i == null) {
                throw new ResolutionException(c.type.position(), "port binding names unknown place or group '"
                        + p + "' in " + c.type.name());
            }
            out.add(i);
        }
        if (binding instanceof PortBinding.At at) {
            for (String n : at.placesOrGroups()) {
                var g = c.type.group(n);
                if (g.isEmpty()) {
                    continue;
                }
                Group group = g.get();
                for (TransitionDecl t : usedTransitions(c)) {
                    if (group.places().contains(t.source()) && group.places().contains(t.destination())) {
                        addIfPresent(out, c.od.get(t.name()));
                        addIfPresent(out, c.run.get(t.name()));
                        addIfPresent(out, c.id.get(t.name()));
                    }
                }
            }
        }
        return out;
    }

    private static void addIfPresent(Set<Integer> s, Integer i) {
        if (i != null) {
            s.add(i);
        }
    }

    private void portPlaces(InstanceNet c) {
        for (Port p : c.type.ports()) {
            String key = c.name + "." + p.name();
            if (p.direction() == PortDirection.PROVIDE) {
                ProvideNet pn = new ProvideNet();
                pn.port = p;
                pn.set = boundNetPlaces(c, p.binding());
                pn.flag = p.kind() == PortKind.DATA || p.binding() instanceof PortBinding.From;
                if (pn.flag) {
                    pn.activity = d.place(key + ".provided", new Provenance.PortProvided(c.name, p.name()), 0);
                } else if (pn.set.size() == 1) {
                    pn.activity = pn.set.iterator().next();
                } else {
                    pn.activity = d.place(key + ".active", new Provenance.PortActivity(c.name, p.name()), 0);
                    counters.add(new Counter(pn.activity, pn.set));
                }
                if (!pn.flag && options.refusing() && usersOf.containsKey(key)) {
                    pn.refusing = d.place(key + ".refusing", new Provenance.PortRefusing(c.name, p.name()), 0);
                }
                c.provides.put(p.name(), pn);
            } else {
                UseNet un = new UseNet();
                un.port = p;
                un.set = boundNetPlaces(c, p.binding());
                if (un.set.size() == 1) {
                    un.using = un.set.iterator().next();
                } else {
                    un.using = d.place(key + ".using", new Provenance.PortUsing(c.name, p.name()), 0);
                    counters.add(new Counter(un.using, un.set));
                }
                c.uses.put(p.name(), un);
            }
        }
    }

    // ---- component moves and behavior queue ---------------------------------------------------

    private TimeInterval zero() {
        return options.untimed() ? TimeInterval.UNBOUNDED : TimeInterval.closed(0, 0);
    }

    private TimeInterval interval(TransitionDecl t) {
        if (options.untimed()) {
            return TimeInterval.UNBOUNDED;
        }
        BigFraction lo = fraction(t.duration().min());
        BigFraction hi = t.duration().isUnbounded() ? null : fraction(t.duration().max());
        return new TimeInterval(lo, false, hi, hi == null);
    }

    private static BigFraction fraction(BigDecimal x) {
        BigDecimal s = x.stripTrailingZeros();
        if (s.scale() <= 0) {
            return new BigFraction(s.toBigIntegerExact());
        }
        return new BigFraction(s.unscaledValue(), java.math.BigInteger.TEN.pow(s.scale()));
    }

    private void componentMoves(InstanceNet c) {
        for (String b : c.behaviors) {
            int beh = c.beh.get(b);
            for (var pd : c.type.places()) {
                String p = pd.name();
                List<TransitionDecl> out = outgoing(c, p, b);
                if (out.isEmpty()) {
                    continue;
                }
                TransitionDecl only = out.get(0);
                if (out.size() == 1 && !c.od.containsKey(only.name())) {
                    d.transition(c.name + "." + only.name() + ".start", new Provenance.Start(c.name, only.name(), true),
                                    zero())
                            .consume(c.place.get(p)).read(beh).produce(c.run.get(only.name()));
                    continue;
                }
                TransitionDraft leave = d.transition(c.name + ".leave." + p + "." + b,
                        new Provenance.Leave(c.name, p, b), zero()).consume(c.place.get(p)).read(beh);
                for (TransitionDecl t : out) {
                    leave.produce(c.od.get(t.name()));
                }
            }
            for (TransitionDecl t : transitionsOf(c, b)) {
                if (c.od.containsKey(t.name())) {
                    d.transition(c.name + "." + t.name() + ".start", new Provenance.Start(c.name, t.name(), false), zero())
                            .consume(c.od.get(t.name())).produce(c.run.get(t.name()));
                }
                boolean fused = !c.id.containsKey(t.name());
                d.transition(c.name + "." + t.name() + ".end", new Provenance.End(c.name, t.name(), fused), interval(t))
                        .consume(c.run.get(t.name()))
                        .produce(fused ? c.place.get(t.destination()) : c.id.get(t.name()));
            }
            for (var pd : c.type.places()) {
                List<List<TransitionDecl>> sets = joinSets(c, pd.name(), b);
                for (int k = 0; k < sets.size(); k++) {
                    List<TransitionDecl> set = sets.get(k);
                    if (set.size() == 1 && !c.id.containsKey(set.get(0).name())) {
                        continue; // fused into the end of its only transition
                    }
                    TransitionDraft enter = d.transition(c.name + ".enter." + pd.name() + "." + b
                                    + (sets.size() > 1 ? "." + (k + 1) : ""),
                            new Provenance.Enter(c.name, pd.name(), b), zero());
                    for (TransitionDecl t : set) {
                        enter.consume(c.id.get(t.name()));
                    }
                    enter.produce(c.place.get(pd.name()));
                }
            }
        }
    }

    private void behaviorQueue(InstanceNet c) {
        for (int k = 1; k <= c.pushes.size(); k++) {
            String b = c.pushes.get(k - 1);
            // with fusion, the first behavior begins in the program step of its pushB (nonBlockingStep)
            if (k > 1 || !options.fuse()) {
                d.transition(c.name + ".begin." + k, new Provenance.BeginBehavior(c.name, k, b), zero())
                        .consume(c.idle.get(k - 1)).consume(c.pushed.get(k - 1))
                        .produce(c.active.get(k - 1)).produce(c.beh.get(b));
            }
            TransitionDraft done = d.transition(c.name + ".complete." + k,
                    new Provenance.CompleteBehavior(c.name, k, b), zero())
                    .consume(c.active.get(k - 1)).consume(c.beh.get(b)).produce(c.idle.get(k));
            for (TransitionDecl t : transitionsOf(c, b)) {
                done.inhibit(c.run.get(t.name()));
                addInhibit(done, c.od.get(t.name()));
                addInhibit(done, c.id.get(t.name()));
                done.inhibit(c.place.get(t.source()));
            }
        }
    }

    private static void addInhibit(TransitionDraft t, Integer p) {
        if (p != null) {
            t.inhibit(p);
        }
    }

    // ---- the program ----------------------------------------------------------------------------

    private int connection(String provider, String user) {
        return connections.computeIfAbsent(provider + "->" + user,
                k -> d.place("con." + provider + "." + user, new Provenance.Connected(provider, user), 0));
    }

    private int programTransitions(List<Instruction> program) {
        int n = program.size();
        List<Integer> pc = new ArrayList<>();
        for (int k = 0; k <= n; k++) {
            pc.add(d.place("pc." + k, new Provenance.ProgramCounter(k,
                    k < n ? ModelPrinter.instruction(program.get(k)) : null), k == 0 ? 1 : 0));
        }
        Map<String, Integer> pushesSoFar = new HashMap<>();
        Set<String> alive = new LinkedHashSet<>();
        int k = 0;
        while (k < n) {
            if (options.fuse() && nonBlocking(program.get(k))) {
                k = nonBlockingStep(program, k, pc, pushesSoFar, alive);
                continue;
            }
            Instruction i = program.get(k);
            String text = ModelPrinter.instruction(i);
            TransitionDraft t = d.transition("pc." + k + "." + kind(i), new Provenance.Execute(k, text), zero())
                    .consume(pc.get(k)).produce(pc.get(k + 1));
            if (i instanceof Instruction.Add || i instanceof Instruction.PushB || i instanceof Instruction.Con) {
                Map<Integer, Long> delta = new LinkedHashMap<>();
                effect(i, delta, pushesSoFar, alive);
                apply(t, delta);
            } else if (i instanceof Instruction.Dcon dc) {
                t.consume(connection(dc.provider().toString(), dc.user().toString()));
                // dcon waits until the user side no longer uses the connection
                t.inhibit(usingPlace(dc.user()));
            } else if (i instanceof Instruction.Wait w) {
                InstanceNet c = instances.get(w.instance());
                t.read(c.idle.get(pushesSoFar.getOrDefault(c.name, 0)));
            } else if (i instanceof Instruction.WaitAll) {
                for (String name : alive) {
                    t.read(instances.get(name).idle.get(pushesSoFar.getOrDefault(name, 0)));
                }
            } else if (i instanceof Instruction.Del del) {
                InstanceNet c = instances.get(del.instance());
                // del waits until c is idle and disconnected
                t.consume(c.idle.get(pushesSoFar.getOrDefault(c.name, 0)));
                for (var e : connections.entrySet()) {
                    String[] ends = e.getKey().split("->");
                    if (ends[0].startsWith(c.name + ".") || ends[1].startsWith(c.name + ".")) {
                        t.inhibit(e.getValue());
                    }
                }
                c.deleted = d.place(c.name + ".deleted", new Provenance.Deleted(c.name), 0);
                c.isDeleted = true;
                t.produce(c.deleted);
                alive.remove(c.name);
            }
            k++;
        }
        return pc.get(n);
    }

    /** add, con and pushB never wait. */
    private static boolean nonBlocking(Instruction i) {
        return i instanceof Instruction.Add || i instanceof Instruction.Con || i instanceof Instruction.PushB;
    }

    /**
     * Fusion (3): a maximal run of non-blocking instructions (add, con, pushB) is one [0,0] step.
     * They take no time and cannot wait, so the program would run them all at this instant
     * anyway; fusing only removes the interleavings of components' zero-time moves with the
     * rest of the run (components see their connections and behaviors all at once). Fusion (4):
     * the first pushB of an instance begins its behavior in the same step: begin 1 needs idle 0
     * (given by add, taken only by begin 1 or del) and push 1, so it is enabled as soon as the
     * push is done and nothing else can take its tokens.
     */
    private int nonBlockingStep(List<Instruction> program, int from, List<Integer> pc,
                                Map<String, Integer> pushesSoFar, Set<String> alive) {
        int to = from;
        List<String> texts = new ArrayList<>();
        Map<Integer, Long> delta = new LinkedHashMap<>();
        while (to < program.size() && nonBlocking(program.get(to))) {
            texts.add(ModelPrinter.instruction(program.get(to)));
            effect(program.get(to), delta, pushesSoFar, alive);
            to++;
        }
        TransitionDraft t = d.transition("pc." + from + (to - from > 1 ? "-" + (to - 1) : "") + ".run",
                new Provenance.Execute(from, String.join("; ", texts)), zero())
                .consume(pc.get(from)).produce(pc.get(to));
        apply(t, delta);
        return to;
    }

    private void effect(Instruction i, Map<Integer, Long> delta, Map<String, Integer> pushesSoFar, Set<String> alive) {
        if (i instanceof Instruction.Add a) {
            InstanceNet c = instances.get(a.instance());
            delta.merge(c.place.get(c.type.initialPlace()), 1L, Long::sum);
            delta.merge(c.idle.get(0), 1L, Long::sum);
            alive.add(c.name);
        } else if (i instanceof Instruction.PushB p) {
            InstanceNet c = instances.get(p.instance());
            int j = pushesSoFar.merge(p.instance(), 1, Integer::sum);
            if (j == 1 && options.fuse()) {
                delta.merge(c.idle.get(0), -1L, Long::sum);
                delta.merge(c.active.get(0), 1L, Long::sum);
                delta.merge(c.beh.get(p.behavior()), 1L, Long::sum);
            } else {
                delta.merge(c.pushed.get(j - 1), 1L, Long::sum);
            }
        } else if (i instanceof Instruction.Con con) {
            delta.merge(connection(con.provider().toString(), con.user().toString()), 1L, Long::sum);
        }
    }

    private static void apply(TransitionDraft t, Map<Integer, Long> delta) {
        delta.forEach((place, w) -> {
            if (w > 0) {
                t.produce.merge(place, w, Long::sum);
            } else if (w < 0) {
                t.consume.merge(place, -w, Long::sum);
            }
        });
    }

    private int usingPlace(PortRef user) {
        return instances.get(user.instance()).uses.get(user.port()).using;
    }

    private static String kind(Instruction i) {
        String s = i.getClass().getSimpleName();
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    // ---- passes ---------------------------------------------------------------------------------

    private static long delta(TransitionDraft t, Set<Integer> set) {
        long sum = 0;
        for (int p : set) {
            sum += t.delta(p);
        }
        return sum;
    }

    /**
     * Guards the transitions that enter a use port's bound set (for {@code by}: the starts of its
     * transitions): connected, provider active, provider not refusing. One copy per provider the
     * program ever connects to the port.
     */
    private void useGuards(InstanceNet c) {
        for (UseNet u : c.uses.values()) {
            String userKey = c.name + "." + u.port.name();
            List<String> providers = new ArrayList<>(candidates.getOrDefault(userKey, Set.of()));
            Predicate<TransitionDraft> entering = t -> delta(t, u.set) > 0
                    && !(t.provenance instanceof Provenance.Execute);
            List<TransitionDraft> guarded = d.transitions.stream().filter(entering).toList();
            for (TransitionDraft t : guarded) {
                if (providers.isEmpty()) {
                    int never = d.placeIndex("con.none." + userKey) >= 0 ? d.placeIndex("con.none." + userKey)
                            : d.place("con.none." + userKey, new Provenance.Connected("no provider", userKey), 0);
                    t.read(never);
                    continue;
                }
                int at = d.transitions.indexOf(t);
                d.transitions.remove(at);
                for (String provider : providers) {
                    TransitionDraft copy = providers.size() == 1 ? t
                            : t.copy(t.name + ".via." + provider);
                    copy.read(connection(provider, userKey));
                    ProvideNet p = provideNet(provider);
                    copy.read(p.activity);
                    if (p.refusing >= 0) {
                        copy.inhibit(p.refusing);
                    }
                    d.transitions.add(at++, copy);
                }
            }
        }
    }

    private ProvideNet provideNet(String ref) {
        int dot = ref.indexOf('.');
        return instances.get(ref.substring(0, dot)).provides.get(ref.substring(dot + 1));
    }

    /** Keeps a counter place equal to the number of tokens in its set, on every transition. */
    private void maintainCounter(Counter k) {
        for (TransitionDraft t : d.transitions) {
            long delta = delta(t, k.set());
            if (delta > 0) {
                t.produce.merge(k.place(), delta, Long::sum);
            } else if (delta < 0) {
                t.consume.merge(k.place(), -delta, Long::sum);
            }
        }
    }

    /** A "provided once" flag: entering transitions split into one that sets it and one that reads it. */
    private void splitForFlag(ProvideNet p) {
        List<TransitionDraft> result = new ArrayList<>();
        for (TransitionDraft t : d.transitions) {
            if (delta(t, p.set) > 0) {
                result.add(t.copy(t.name + ".first").inhibit(p.activity).produce(p.activity));
                result.add(t.copy(t.name + ".again").read(p.activity));
            } else {
                result.add(t);
            }
        }
        d.transitions.clear();
        d.transitions.addAll(result);
    }

    /**
     * Locking: a transition that deactivates a service port (its activity drops to 0) is inhibited
     * while any user ever connected to the port is using it; with refusing on, it first needs the
     * provider's "wants to leave" step, which raises the refusing flag that bars new users.
     */
    private void lockAndRefuse(InstanceNet c, ProvideNet p) {
        Set<String> users = usersOf.getOrDefault(c.name + "." + p.port.name(), Set.of());
        if (users.isEmpty()) {
            return;
        }
        boolean counted = !p.set.contains(p.activity);
        List<TransitionDraft> result = new ArrayList<>();
        List<TransitionDraft> wants = new ArrayList<>();
        for (TransitionDraft t : d.transitions) {
            long w = -delta(t, p.set);
            if (w <= 0 || t.provenance instanceof Provenance.Execute) {
                result.add(t);
                continue;
            }
            TransitionDraft off = t;
            if (counted) {
                result.add(t.copy(t.name + ".stays").read(p.activity, w + 1));
                off = t.copy(t.name + ".off").inhibit(p.activity, w + 1);
            }
            if (p.refusing >= 0) {
                TransitionDraft want = new TransitionDraft(off.name + ".want." + p.port.name(),
                        wantProvenance(off), zero());
                off.consume.forEach((place, weight) -> want.read(place, weight));
                off.read.forEach(want::read);
                if (counted) {
                    want.inhibit(p.activity, w + 1);
                }
                want.inhibit(p.refusing).produce(p.refusing);
                wants.add(want);
                off.consume(p.refusing);
            }
            for (String u : users) {
                int dot = u.indexOf('.');
                off.inhibit(instances.get(u.substring(0, dot)).uses.get(u.substring(dot + 1)).using);
            }
            result.add(off);
        }
        d.transitions.clear();
        d.transitions.addAll(result);
        d.transitions.addAll(wants);
    }

    private static Provenance wantProvenance(TransitionDraft t) {
        if (t.provenance instanceof Provenance.Leave l) {
            return new Provenance.WantLeave(l.instance(), l.place(), l.behavior());
        }
        return new Provenance.Observer("wants to: " + t.provenance.describe());
    }

    // ---- back-map -------------------------------------------------------------------------------

    private NetBackMap backMap(int end) {
        Map<String, ComponentType> types = new LinkedHashMap<>();
        Map<String, Integer> places = new HashMap<>();
        Map<String, Integer> running = new HashMap<>();
        Map<String, Integer> activity = new HashMap<>();
        Map<String, Integer> finalIdle = new LinkedHashMap<>();
        Map<Integer, String> using = new HashMap<>();
        for (InstanceNet c : instances.values()) {
            c.uses.forEach((u, un) -> using.merge(un.using, c.name + "." + u, (a, b) -> a + ", " + b));
            types.put(c.name, c.type);
            c.place.forEach((p, i) -> places.put(c.name + "." + p, i));
            c.run.forEach((t, i) -> running.put(c.name + "." + t, i));
            c.provides.forEach((p, pn) -> activity.put(c.name + "." + p, pn.activity));
            finalIdle.put(c.name, c.deleted >= 0 ? c.deleted : c.idle.get(c.pushes.size()));
        }
        List<Provenance> placeProv = d.places.stream().map(p -> p.provenance).toList();
        List<Provenance> transitionProv = d.transitions.stream().map(t -> t.provenance).toList();
        return new NetBackMap(placeProv, transitionProv, types, places, running, activity, finalIdle, end, using);
    }
}

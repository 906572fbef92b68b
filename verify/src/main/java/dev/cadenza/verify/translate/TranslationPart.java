package dev.cadenza.verify.translate;

import dev.cadenza.core.model.Behavior;
import dev.cadenza.core.model.ComponentType;
import dev.cadenza.core.model.Join;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.Port;
import dev.cadenza.core.model.PortBinding;
import dev.cadenza.core.model.PortDirection;
import dev.cadenza.core.model.TransitionDecl;
import dev.cadenza.petri.TimeInterval;
import org.apache.commons.math3.fraction.BigFraction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every rule family of the translation shares: the model, the options, the net under
 * construction and the instances' net places, and the small readings of a component type they
 * all need. Each family ({@link ComponentMoves}, {@link BehaviorQueue}, {@link ProgramInstructions},
 * {@link PortsAndLocks}) extends it and reads next to the runtime rule it implements.
 */
abstract class TranslationPart {

    /** The state one translation shares between its rule families. */
    static final class State {
        final Model model;
        final TranslationOptions options;
        final NetDraft d;
        final Map<String, InstanceNet> instances = new LinkedHashMap<>();
        final Map<String, Integer> connections = new LinkedHashMap<>();
        /** user "c.port" -> provider refs ever connected to it by the program. */
        final Map<String, Set<String>> candidates = new LinkedHashMap<>();
        /** provider "c.port" -> user refs ever connected to it. */
        final Map<String, Set<String>> usersOf = new LinkedHashMap<>();
        final List<InstanceNet.Counter> counters = new ArrayList<>();
        /**
         * Whether the instructions are the whole program of the process: under Concerto-D its process
         * ends with its last instruction ({@link ProgramInstructions}). Not for the program another
         * starts after, which the executor also runs on to its idle end.
         */
        final boolean processEnds;
        /** Concerto-D's "the runtime has stopped" place (a failed del, the process ended), or -1. */
        int stopped = -1;

        State(Model model, TranslationOptions options, NetDraft d, boolean processEnds) {
            this.model = model;
            this.options = options;
            this.d = d;
            this.processEnds = processEnds;
        }
    }

    final State state;
    final Model model;
    final TranslationOptions options;
    final NetDraft d;
    final Map<String, InstanceNet> instances;
    final Map<String, Integer> connections;
    final Map<String, Set<String>> candidates;
    final Map<String, Set<String>> usersOf;
    final List<InstanceNet.Counter> counters;
    /**
     * The model is held to Concerto-D ({@code semantics concerto-d}): its refusing state, its dcon
     * that does not wait, its del that fails on an active instance and its process that ends with
     * the program are net structure in the families they belong to (docs/verify.md, "Concerto-D").
     */
    final boolean concertoD;

    TranslationPart(State s) {
        this.state = s;
        this.model = s.model;
        this.options = s.options;
        this.d = s.d;
        this.instances = s.instances;
        this.connections = s.connections;
        this.candidates = s.candidates;
        this.usersOf = s.usersOf;
        this.counters = s.counters;
        this.concertoD = s.model.semantics() == dev.cadenza.core.model.Semantics.CONCERTO_D;
    }

    /**
     * Whether Concerto-D's refusing state of provide port {@code port} of {@code c} can matter: a
     * service provide port bound {@code at} places or groups (data and {@code from} ports never
     * refuse: only DepType.PROVIDE is raised, HEAD component.py:765-783) with a user bound
     * {@code at} places or groups among those the program connects (only those check it: HEAD
     * component.py:964, 978; a transition's start does not, :860-866).
     */
    final boolean refusable(InstanceNet c, Port port) {
        if (!concertoD || port.direction() != PortDirection.PROVIDE || port.kind() == dev.cadenza.core.model.PortKind.DATA
                || !(port.binding() instanceof PortBinding.At)) {
            return false;
        }
        for (String u : usersOf.getOrDefault(c.name + "." + port.name(), Set.of())) {
            int dot = u.indexOf('.');
            InstanceNet user = instances.get(u.substring(0, dot));
            if (user != null && user.type.port(u.substring(dot + 1))
                    .map(q -> q.binding() instanceof PortBinding.At).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The place that marks "the runtime has stopped" under Concerto-D (made on first use): every
     * transition of the net is inhibited by it ({@link ModelTranslator}), so a stopped run is a
     * dead marking that is not finished, which {@code deployable} reports with its run.
     */
    final int stopped() {
        if (state.stopped < 0) {
            state.stopped = d.place("stopped", new Provenance.Stopped(), 0);
        }
        return state.stopped;
    }

    final List<TransitionDecl> transitionsOf(InstanceNet c, String behavior) {
        return c.type.behavior(behavior).map(Behavior::transitions).orElse(List.of());
    }

    final List<TransitionDecl> usedTransitions(InstanceNet c) {
        List<TransitionDecl> out = new ArrayList<>();
        for (String b : c.behaviors) {
            out.addAll(transitionsOf(c, b));
        }
        return out;
    }

    final List<TransitionDecl> outgoing(InstanceNet c, String place, String behavior) {
        return transitionsOf(c, behavior).stream().filter(t -> t.source().equals(place)).toList();
    }

    /** The join sets of {@code place} in {@code behavior}: OR of ANDs of incoming transitions. */
    final List<List<TransitionDecl>> joinSets(InstanceNet c, String place, String behavior) {
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

    final TimeInterval zero() {
        return options.untimed() ? TimeInterval.UNBOUNDED : TimeInterval.closed(0, 0);
    }

    /**
     * The time {@code k} instantaneous moves of the runtime may take under the model's step cost
     * ({@code step [a, b]}, {@code --step}): [0, k·b], [0,0] without a step. The lower end is 0,
     * not k·a: the runtime makes many moves in one iteration (a component's enter, leave and start
     * in one sweep, every component in the same iteration), so k·a would put the net's minimum
     * above real runs (docs/verify.md, "The cost of a step"; StepCostTest).
     */
    final TimeInterval moves(int k) {
        if (options.untimed()) {
            return TimeInterval.UNBOUNDED;
        }
        BigFraction b = fraction(model.effectiveStep().max()).multiply(k);
        return new TimeInterval(BigFraction.ZERO, false, b, false);
    }

    /**
     * A transition's duration, plus {@code moves} instantaneous moves under the step cost: its
     * end is noticed by the runtime's loop (one move), and a fused enter is one more.
     */
    final TimeInterval interval(TransitionDecl t, int moves) {
        if (options.untimed()) {
            return TimeInterval.UNBOUNDED;
        }
        TimeInterval step = moves(moves);
        BigFraction lo = fraction(t.duration().min()).add(step.lower());
        BigFraction hi = t.duration().isUnbounded() ? null : fraction(t.duration().max()).add(step.upper());
        return new TimeInterval(lo, false, hi, hi == null);
    }

    static BigFraction fraction(BigDecimal x) {
        BigDecimal s = x.stripTrailingZeros();
        if (s.scale() <= 0) {
            return new BigFraction(s.toBigIntegerExact());
        }
        return new BigFraction(s.unscaledValue(), java.math.BigInteger.TEN.pow(s.scale()));
    }

    final int connection(String provider, String user) {
        return connections.computeIfAbsent(provider + "->" + user,
                k -> d.place("con." + provider + "." + user, new Provenance.Connected(provider, user), 0));
    }

    /**
     * The places of {@code behavior} that lie on a cycle of its transitions: the only places a
     * behavior can enter again after leaving them in the same activation (moves of an activation
     * are its own transitions' moves), so the only ones that need Concerto's visited flag.
     */
    final Set<String> cyclePlaces(InstanceNet c, String behavior) {
        List<TransitionDecl> ts = transitionsOf(c, behavior);
        Set<String> out = new LinkedHashSet<>();
        for (TransitionDecl t : ts) {
            // t is on a cycle when its source is reachable from its destination
            Set<String> seen = new LinkedHashSet<>();
            List<String> todo = new ArrayList<>(List.of(t.destination()));
            while (!todo.isEmpty()) {
                String p = todo.remove(todo.size() - 1);
                if (seen.add(p)) {
                    for (TransitionDecl u : ts) {
                        if (u.source().equals(p)) {
                            todo.add(u.destination());
                        }
                    }
                }
            }
            if (seen.contains(t.source())) {
                out.add(t.source());
            }
        }
        return out;
    }

    /** The groups of a type that some port is bound to (the others change nothing the runtime checks). */
    static Set<String> boundGroups(ComponentType type) {
        Set<String> out = new LinkedHashSet<>();
        for (Port p : type.ports()) {
            if (p.binding() instanceof PortBinding.At at) {
                for (String n : at.placesOrGroups()) {
                    if (type.group(n).isPresent()) {
                        out.add(n);
                    }
                }
            }
        }
        return out;
    }

    /** True when a use port is bound to the initial place (directly or through a group holding it). */
    static boolean initialGuarded(ComponentType type) {
        for (Port p : type.ports()) {
            if (p.direction() == PortDirection.USE
                    && ComponentPlaces.boundPlaces(type, p.binding()).contains(type.initialPlace())) {
                return true;
            }
        }
        return false;
    }

    /** The behaviors pushed on c, with how many times each. */
    static int pushCount(InstanceNet c, String behavior) {
        int n = 0;
        for (String b : c.pushes) {
            if (b.equals(behavior)) {
                n++;
            }
        }
        return n;
    }
}

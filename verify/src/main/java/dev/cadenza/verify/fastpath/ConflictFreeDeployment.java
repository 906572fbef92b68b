package dev.cadenza.verify.fastpath;

import dev.cadenza.core.model.Assembly;
import dev.cadenza.core.model.Behavior;
import dev.cadenza.core.model.ComponentType;
import dev.cadenza.core.model.Connection;
import dev.cadenza.core.model.Duration;
import dev.cadenza.core.model.Instance;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.Port;
import dev.cadenza.core.model.PortBinding;
import dev.cadenza.core.model.PortDirection;
import dev.cadenza.core.model.PortKind;
import dev.cadenza.core.model.TransitionDecl;
import dev.cadenza.verify.bounds.CriticalPath;
import dev.cadenza.verify.bounds.TransitionWindow;
import org.apache.commons.math3.fraction.BigFraction;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Exact deployment times of a Madeus assembly whose net is conflict-free, by critical-path
 * arithmetic in time linear in the size of the model — no translation, no state classes.
 *
 * <p><b>Detection</b> (on the model; anything else is refused with its reason, and the state
 * classes answer instead). No step cost is set (the runtime's moves are instantaneous), the
 * subject is an assembly (each instance runs its first behavior)
 * and, for every instance:
 * <ul>
 *   <li>no join ({@code idset}) is declared: every place waits for all its incoming transitions;</li>
 *   <li>the initial place has no incoming transition;</li>
 *   <li>no use port is bound to places or groups ({@code use x at p}): those lock providers;</li>
 *   <li>every use port needed by a transition of the behavior ({@code use x by t}) is connected,
 *       to a provide port that is never withdrawn: {@code from p}, {@code data at p}, or
 *       {@code at p} where p is one place that the behavior never leaves (no outgoing transition);</li>
 *   <li>and every transition of the behavior fires: the dependency graph below is acyclic and each
 *       transition's source place and providers' places are reached.</li>
 * </ul>
 * Then the translated net is conflict-free: each place's token goes to the output docks of all
 * its outgoing transitions (they run in parallel, none takes a token another needs); a user's
 * start only reads the provider's activity, which never drops, so no lock (inhibitor arc) ever
 * bites and no provider waits for its users; completion of a behavior waits for nothing that
 * can be withdrawn. Every model transition fires exactly once.
 *
 * <p><b>Arithmetic.</b> In such a net, a transition t starts as soon as it is enabled (the moves
 * in between are [0,0]): {@code start(t) = max(reach(source(t)), reach(provider places of t))},
 * {@code end(t) = start(t) + d(t)} with d(t) anywhere in [min(t), max(t)], and a place is
 * reached when all its incoming transitions have ended: {@code reach(p) = max end(t in p)},
 * {@code reach(initial) = 0}. The deployment ends at {@code max end(t)} over all transitions.
 * Each of these is a max of sums, hence nondecreasing in every duration; the durations are
 * chosen independently (nothing disables a running transition, so strong semantics only
 * forces each to end by its own max), so the least end is reached with every duration at its
 * min and the greatest with every duration at its max: one longest-path pass over the DAG with
 * the mins, one with the maxes. Joins take the max over predecessors in both passes (never a
 * min). An unbounded max ({@code inf}) makes every time after it unbounded.
 */
public final class ConflictFreeDeployment {

    /** Times are kept as integers in units of 10^-scale seconds, the finest decimal written. */
    private static final long INF = Long.MAX_VALUE;

    private final String reason;
    private final int scale;
    private final long endMin;
    private final long endMax;
    private final List<CriticalPath.Step> criticalPath;
    private final Supplier<List<TransitionWindow>> windows;
    private final Map<String, List<String>> finalPlaces;

    private ConflictFreeDeployment(String reason) {
        this.reason = reason;
        this.scale = 0;
        this.endMin = 0;
        this.endMax = 0;
        this.criticalPath = List.of();
        this.windows = List::of;
        this.finalPlaces = Map.of();
    }

    private ConflictFreeDeployment(int scale, long endMin, long endMax, List<CriticalPath.Step> criticalPath,
                                   Supplier<List<TransitionWindow>> windows, Map<String, List<String>> finalPlaces) {
        this.reason = null;
        this.scale = scale;
        this.endMin = endMin;
        this.endMax = endMax;
        this.criticalPath = criticalPath;
        this.windows = windows;
        this.finalPlaces = finalPlaces;
    }

    /** The analysis of {@code subject}; {@link #applies()} says whether it is conflict-free. */
    public static ConflictFreeDeployment of(Model model, String subject) {
        if (model.effectiveStep().max().signum() != 0) {
            // with a step, every move of the runtime may take time: the arithmetic below counts
            // none, so it steps aside and the state classes answer (ConflictFreeDeploymentTest)
            return new ConflictFreeDeployment("a step cost is set (step " + model.effectiveStep() + ")");
        }
        for (dev.cadenza.core.model.Program p : model.programs()) {
            if (p.name().equals(subject)) {
                return new ConflictFreeDeployment("a program (it may reconfigure)");
            }
        }
        Assembly assembly = null;
        for (Assembly a : model.assemblies()) {
            if (a.name().equals(subject)) {
                assembly = a;
            }
        }
        if (assembly == null) {
            return new ConflictFreeDeployment("not an assembly (programs may reconfigure)");
        }
        Map<String, ComponentType> types = new HashMap<>();
        for (ComponentType t : model.types()) {
            types.put(t.name(), t);
        }
        return new Analysis(assembly, types).run();
    }

    public boolean applies() {
        return reason == null;
    }

    /** Why the fast path does not apply, or null. */
    public String reason() {
        return reason;
    }

    public BigFraction min() {
        return fraction(endMin);
    }

    /** The greatest end, or null when unbounded. */
    public BigFraction max() {
        return endMax == INF ? null : fraction(endMax);
    }

    /** The chain of transitions that makes the slowest run as long as it is (empty when unbounded). */
    public List<CriticalPath.Step> criticalPath() {
        return criticalPath;
    }

    /** Each transition's earliest start and latest end (witness: its start and end in the slowest run). */
    public List<TransitionWindow> windows() {
        return windows.get();
    }

    /** True when, at the end, {@code instance} holds a token in {@code place}. */
    public boolean endsIn(String instance, String place) {
        List<String> ps = finalPlaces.get(instance);
        return ps != null && ps.contains(place);
    }

    private BigFraction fraction(long v) {
        if (v == INF) {
            return null;
        }
        if (scale == 0) {
            return new BigFraction(v);
        }
        // reduced with longs first: BigFraction's own gcd then finds 1 and divides nothing
        long den = pow10(scale);
        long g = gcd(Math.abs(v), den);
        return new BigFraction(BigInteger.valueOf(v / g), BigInteger.valueOf(den / g));
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long r = a % b;
            a = b;
            b = r;
        }
        return a == 0 ? 1 : a;
    }

    private static long pow10(int scale) {
        long p = 1;
        for (int i = 0; i < scale; i++) {
            p = Math.multiplyExact(p, 10);
        }
        return p;
    }

    /** A component type's behavior, indexed once for all its instances. */
    private static final class TypeIndex {
        final ComponentType type;
        final String[] places;
        final int initial;
        final TransitionDecl[] transitions;
        final int[] source;
        final int[] destination;
        final int[][] incoming;
        final boolean[] hasOutgoing;
        /** Per transition, the indices of the use ports it needs. */
        final List<List<Integer>> uses;
        /** Use ports by name, numbered from 0 (the index of a user's slot for its provider). */
        final Map<String, Integer> usePorts = new HashMap<>();
        /** Their names, by index. */
        final List<String> usePortNames = new ArrayList<>();
        /** Provide port name to the place from which it is active for good (absent: may be withdrawn). */
        final Map<String, Integer> permanentFrom = new HashMap<>();
        final String refusal;

        /** Durations in units of 10^-scale, per transition (max INF when unbounded). */
        final long[] minDuration;
        final long[] maxDuration;

        TypeIndex(ComponentType type, int scale) {
            this.type = type;
            Map<String, Integer> placeIndex = new HashMap<>();
            places = new String[type.places().size()];
            for (int i = 0; i < places.length; i++) {
                places[i] = type.places().get(i).name();
                placeIndex.put(places[i], i);
            }
            initial = placeIndex.getOrDefault(type.initialPlace(), -1);
            Behavior b = type.behaviors().isEmpty() ? null : type.behaviors().get(0);
            transitions = b == null ? new TransitionDecl[0] : b.transitions().toArray(new TransitionDecl[0]);
            source = new int[transitions.length];
            destination = new int[transitions.length];
            int[] inCount = new int[places.length];
            hasOutgoing = new boolean[places.length];
            Map<String, Integer> transitionIndex = new HashMap<>();
            String why = null;
            for (int t = 0; t < transitions.length; t++) {
                source[t] = placeIndex.getOrDefault(transitions[t].source(), -1);
                destination[t] = placeIndex.getOrDefault(transitions[t].destination(), -1);
                if (source[t] < 0 || destination[t] < 0) {
                    why = "transition " + transitions[t].name() + " has an unknown place";
                    break;
                }
                inCount[destination[t]]++;
                hasOutgoing[source[t]] = true;
                transitionIndex.put(transitions[t].name(), t);
            }
            incoming = new int[places.length][];
            for (int p = 0; p < places.length; p++) {
                incoming[p] = new int[inCount[p]];
                inCount[p] = 0;
            }
            if (why == null) {
                for (int t = 0; t < transitions.length; t++) {
                    incoming[destination[t]][inCount[destination[t]]++] = t;
                }
            }
            uses = new ArrayList<>(transitions.length);
            for (int t = 0; t < transitions.length; t++) {
                uses.add(new ArrayList<>(1));
            }
            if (why == null && b == null) {
                why = "type " + type.name() + " has no behavior";
            } else if (why == null && initial < 0) {
                why = "type " + type.name() + " has no initial place";
            } else if (why == null && !type.joins().isEmpty()) {
                why = "type " + type.name() + " declares a join (a place may be entered in several ways)";
            } else if (why == null && incoming[initial].length > 0) {
                why = "type " + type.name() + " returns to its initial place";
            }
            for (Port port : type.ports()) {
                if (why != null) {
                    break;
                }
                if (port.direction() == PortDirection.USE) {
                    if (port.binding() instanceof PortBinding.By by) {
                        int index = usePortNames.size();
                        usePorts.put(port.name(), index);
                        usePortNames.add(port.name());
                        for (String tn : by.transitions()) {
                            Integer t = transitionIndex.get(tn);
                            if (t != null) {
                                uses.get(t).add(index);
                            }
                        }
                    } else {
                        why = "type " + type.name() + " uses " + port.name() + " while in places (a lock on its provider)";
                    }
                } else if (port.binding() instanceof PortBinding.From from) {
                    Integer p = placeIndex.get(from.place());
                    if (p != null) {
                        permanentFrom.put(port.name(), p);
                    }
                } else if (port.binding() instanceof PortBinding.At at && at.placesOrGroups().size() == 1) {
                    Integer p = placeIndex.get(at.placesOrGroups().get(0));
                    if (p != null && (port.kind() == PortKind.DATA || !hasOutgoing[p])) {
                        permanentFrom.put(port.name(), p);
                    }
                }
            }
            refusal = why;
            minDuration = new long[transitions.length];
            maxDuration = new long[transitions.length];
            for (int t = 0; t < transitions.length; t++) {
                Duration d = transitions[t].duration();
                minDuration[t] = scaled(d.min(), scale);
                maxDuration[t] = d.max() == null ? INF : scaled(d.max(), scale);
            }
        }
    }

    /** One run of the detection and the two longest-path passes. */
    private static final class Analysis {
        final Assembly assembly;
        final Map<String, ComponentType> types;

        Analysis(Assembly assembly, Map<String, ComponentType> types) {
            this.assembly = assembly;
            this.types = types;
        }

        ConflictFreeDeployment run() {
            List<Instance> instances = assembly.instances();
            int n = instances.size();
            // one scale for all durations of the model's types (a handful), so that each type's
            // durations are scaled once, not once per instance
            int scale = 0;
            for (ComponentType type : types.values()) {
                if (!type.behaviors().isEmpty()) {
                    for (TransitionDecl t : type.behaviors().get(0).transitions()) {
                        scale = Math.max(scale, scaleOf(t.duration()));
                    }
                }
            }
            Map<String, TypeIndex> indexes = new HashMap<>();
            Map<String, Integer> instanceIndex = new HashMap<>(n * 2);
            TypeIndex[] of = new TypeIndex[n];
            int[] placeBase = new int[n + 1];
            int[] transitionBase = new int[n + 1];
            int[] useBase = new int[n + 1];
            for (int i = 0; i < n; i++) {
                Instance inst = instances.get(i);
                instanceIndex.put(inst.name(), i);
                ComponentType type = types.get(inst.type());
                if (type == null) {
                    return new ConflictFreeDeployment("unknown type " + inst.type());
                }
                TypeIndex ti = indexes.get(type.name());
                if (ti == null) {
                    ti = new TypeIndex(type, scale);
                    if (ti.refusal != null) {
                        return new ConflictFreeDeployment(ti.refusal);
                    }
                    indexes.put(type.name(), ti);
                }
                of[i] = ti;
                placeBase[i + 1] = placeBase[i] + ti.places.length;
                transitionBase[i + 1] = transitionBase[i] + ti.transitions.length;
                useBase[i + 1] = useBase[i] + ti.usePortNames.size();
            }
            int places = placeBase[n];
            int transitions = transitionBase[n];
            // the provider place of each connected use port (-1: not connected), by user slot
            int[] provider = new int[useBase[n]];
            Arrays.fill(provider, -1);
            for (Connection c : assembly.connections()) {
                Integer pi = instanceIndex.get(c.provider().instance());
                Integer ui = instanceIndex.get(c.user().instance());
                if (pi == null || ui == null) {
                    return new ConflictFreeDeployment("a connection names an unknown instance");
                }
                Integer from = of[pi].permanentFrom.get(c.provider().port());
                if (from == null) {
                    return new ConflictFreeDeployment(c.provider().instance() + "." + c.provider().port()
                            + " may be withdrawn while " + c.user().instance() + "." + c.user().port() + " uses it");
                }
                Integer slot = of[ui].usePorts.get(c.user().port());
                if (slot != null) {
                    provider[useBase[ui] + slot] = placeBase[pi] + from;
                }
            }
            // dependencies of each transition: its source place, then its providers' places
            int[][] needs = new int[transitions][];
            int[] waiting = new int[places + transitions];
            int[] dependents = new int[places + 1];
            for (int i = 0; i < n; i++) {
                TypeIndex ti = of[i];
                for (int t = 0; t < ti.transitions.length; t++) {
                    List<Integer> us = ti.uses.get(t);
                    int[] need = new int[1 + us.size()];
                    need[0] = placeBase[i] + ti.source[t];
                    for (int u = 0; u < us.size(); u++) {
                        int p = provider[useBase[i] + us.get(u)];
                        if (p < 0) {
                            return new ConflictFreeDeployment(instances.get(i).name() + "."
                                    + ti.usePortNames.get(us.get(u)) + " is not connected");
                        }
                        need[1 + u] = p;
                    }
                    for (int p : need) {
                        dependents[p + 1]++;
                    }
                    needs[transitionBase[i] + t] = need;
                    waiting[places + transitionBase[i] + t] = need.length;
                }
                for (int p = 0; p < ti.places.length; p++) {
                    waiting[placeBase[i] + p] = ti.incoming[p].length;
                }
            }
            for (int p = 0; p < places; p++) {
                dependents[p + 1] += dependents[p];
            }
            int[] dependentList = new int[dependents[places]];
            int[] fill = Arrays.copyOf(dependents, places);
            for (int t = 0; t < transitions; t++) {
                for (int p : needs[t]) {
                    dependentList[fill[p]++] = t;
                }
            }
            // Kahn's order over places and transitions, both passes at once
            long[] reachMin = new long[places];
            long[] reachMax = new long[places];
            int[] latestIn = new int[places];         // the incoming transition that ends last (max pass)
            long[] startMin = new long[transitions];
            long[] startMax = new long[transitions];
            long[] endMin = new long[transitions];
            long[] endMax = new long[transitions];
            int[] cause = new int[transitions];        // the place whose reach set the max start
            long[] dMin = new long[transitions];
            long[] dMax = new long[transitions];
            int[] owner = new int[transitions];
            for (int i = 0; i < n; i++) {
                for (int t = 0; t < of[i].transitions.length; t++) {
                    dMin[transitionBase[i] + t] = of[i].minDuration[t];
                    dMax[transitionBase[i] + t] = of[i].maxDuration[t];
                    owner[transitionBase[i] + t] = i;
                }
            }
            Arrays.fill(latestIn, -1);
            int[] queue = new int[places + transitions];
            int head = 0;
            int tail = 0;
            for (int i = 0; i < n; i++) {
                queue[tail++] = placeBase[i] + of[i].initial;
            }
            int done = 0;
            while (head < tail) {
                int node = queue[head++];
                done++;
                if (node < places) {
                    // a place reached: release the transitions that wait for it
                    for (int k = dependents[node]; k < dependents[node + 1]; k++) {
                        int t = dependentList[k];
                        if (--waiting[places + t] == 0) {
                            queue[tail++] = places + t;
                        }
                    }
                } else {
                    int t = node - places;
                    long sMin = 0;
                    long sMax = 0;
                    int c = -1;
                    for (int p : needs[t]) {
                        sMin = Math.max(sMin, reachMin[p]);
                        if (c < 0 || reachMax[p] > sMax) {
                            sMax = reachMax[p];
                            c = p;
                        }
                    }
                    startMin[t] = sMin;
                    startMax[t] = sMax;
                    cause[t] = c;
                    endMin[t] = Math.addExact(sMin, dMin[t]);
                    endMax[t] = sMax == INF || dMax[t] == INF ? INF : Math.addExact(sMax, dMax[t]);
                    int i = owner[t];
                    int dst = placeBase[i] + of[i].destination[t - transitionBase[i]];
                    reachMin[dst] = Math.max(reachMin[dst], endMin[t]);
                    if (latestIn[dst] < 0 || endMax[t] > reachMax[dst]) {
                        reachMax[dst] = endMax[t];
                        latestIn[dst] = t;
                    }
                    if (--waiting[dst] == 0) {
                        queue[tail++] = dst;
                    }
                }
            }
            // every transition must have fired (a place left unreached may only be an idle one)
            int fired = 0;
            for (int k = 0; k < tail; k++) {
                if (queue[k] >= places) {
                    fired++;
                }
            }
            if (fired < transitions) {
                return new ConflictFreeDeployment("some transition never starts (a cycle of waits, or a place or"
                        + " provider never reached)");
            }
            long min = 0;
            long max = 0;
            int last = -1;
            for (int t = 0; t < transitions; t++) {
                min = Math.max(min, endMin[t]);
                if (last < 0 || endMax[t] > max) {
                    max = endMax[t];
                    last = t;
                }
            }
            ConflictFreeDeployment shape = new ConflictFreeDeployment(scale, min, max, List.of(), List::of, Map.of());
            List<CriticalPath.Step> path = new ArrayList<>();
            if (max != INF) {
                for (int t = last; t >= 0; ) {
                    int i = owner[t];
                    path.add(new CriticalPath.Step(instances.get(i).name(),
                            of[i].transitions[t - transitionBase[i]].name(), shape.fraction(startMax[t]),
                            shape.fraction(endMax[t])));
                    int p = cause[t];
                    t = latestIn[p];
                }
                Collections.reverse(path);
            }
            // windows are many objects (two per transition): made only when asked for
            Supplier<List<TransitionWindow>> windows = () -> {
                List<TransitionWindow> out = new ArrayList<>(transitions);
                for (int i = 0; i < n; i++) {
                    TypeIndex ti = of[i];
                    for (int t = 0; t < ti.transitions.length; t++) {
                        int g = transitionBase[i] + t;
                        out.add(new TransitionWindow(instances.get(i).name(), ti.transitions[t].name(),
                                shape.fraction(startMin[g]), shape.fraction(endMax[g]), shape.fraction(startMax[g]),
                                shape.fraction(endMax[g])));
                    }
                }
                return out;
            };
            Map<String, List<String>> finals = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                TypeIndex ti = of[i];
                List<String> ends = new ArrayList<>(1);
                for (int p = 0; p < ti.places.length; p++) {
                    boolean reached = p == ti.initial || ti.incoming[p].length > 0;
                    if (reached && !ti.hasOutgoing[p]) {
                        ends.add(ti.places[p]);
                    }
                }
                finals.put(instances.get(i).name(), ends);
            }
            return new ConflictFreeDeployment(scale, min, max, path, windows, finals);
        }
    }

    private static int scaleOf(Duration d) {
        int s = Math.max(0, d.min().stripTrailingZeros().scale());
        if (d.max() != null) {
            s = Math.max(s, d.max().stripTrailingZeros().scale());
        }
        return s;
    }

    private static long scaled(BigDecimal v, int scale) {
        return v.movePointRight(scale).longValueExact();
    }
}

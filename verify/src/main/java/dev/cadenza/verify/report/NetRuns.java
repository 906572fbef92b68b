package dev.cadenza.verify.report;

import dev.cadenza.core.model.ComponentType;
import dev.cadenza.core.model.TransitionDecl;
import dev.cadenza.petri.Arc;
import dev.cadenza.petri.ArcKind;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.Transition;
import dev.cadenza.verify.engine.TimedRun;
import dev.cadenza.verify.trace.Run;
import dev.cadenza.verify.trace.RunEnd;
import dev.cadenza.verify.trace.RunEvent;
import dev.cadenza.verify.trace.WaitReason;
import dev.cadenza.verify.trace.Waiter;
import dev.cadenza.verify.trace.Waiting;
import dev.cadenza.verify.translate.NetBackMap;
import dev.cadenza.verify.translate.Provenance;
import dev.cadenza.verify.translate.TranslatedNet;
import org.apache.commons.math3.fraction.BigFraction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a timed run of a translated net back into a {@link Run} in model terms, through the
 * back-map: each net step becomes the model events it stands for (a fused leave-and-start is a
 * place left, a transition ready and started; a program step is the instruction executed, the
 * initial places entered, the first behaviors begun), and the markings along the run say which
 * steps were ready but waiting, and why.
 *
 * <p>A step waits in a marking when every token it consumes is there but a read arc is
 * unsatisfied (a use port's provider inactive or not connected, a component not idle for
 * {@code wait}) or an inhibitor arc is (a lock: a connected user's "in use" place; a refusing
 * port; a connection still there for {@code del}); an entry also waits while only part of a join
 * set has ended. Net copies of one step that exist only to count (the "stays"/"off" variants of
 * a leave that may deactivate a port, the "first"/"again" variants of an entry that provides a
 * port once) do not make it wait: a condition on an activity counter or a provided flag without a
 * use guard is a variant that does not apply. A step one of whose copies is enabled does not
 * wait. Waits that start and end at the same instant are the order of zero-time moves, not
 * waiting, and are left out.
 *
 * <p>Causes (for the critical chain): as in {@code bounds.CriticalPath}, the step that last put a
 * token in a place the step consumes or reads, or last took one from a place it inhibits on.
 */
public final class NetRuns {

    private final TranslatedNet tn;
    private final PetriNet net;
    private final NetBackMap map;
    /** use port "c.server" -> providers ever connected to it (from the net's connection places). */
    private final Map<String, List<String>> providersOf = new LinkedHashMap<>();
    private final List<RunEvent> events = new ArrayList<>();
    private final Map<Waiter, Open> open = new LinkedHashMap<>();
    private final List<Waiting> closed = new ArrayList<>();

    private record Open(BigFraction from, List<WaitReason> reasons) {
    }

    /**
     * Per net transition: the step it is as something that can wait ({@link #waiter}; null for those
     * that never wait on their own), made once: it depends on the back-map only.
     */
    private final Waiter[] waiters;
    /** Per net transition: the places of its input arcs (normal, read, inhibitor), what {@link #evaluate} reads. */
    private final int[][] inputPlaces;
    /**
     * Per net transition, what {@link #evaluate} found of it in the last marking it was evaluated in
     * ({@link #UNKNOWN} before the first): a function of the marking of its input places, and of the
     * whole marking when {@link #wholeMarking} (its reasons describe where other instances are).
     * {@link #blocked} evaluates a transition again only when one of its input places changed since,
     * or when it read the whole marking, so each marking costs the transitions the step touched,
     * not the whole net (galera with 20 hosts: 1,261 transitions, a run of hundreds of steps).
     */
    private final byte[] outcome;
    private final List<WaitReason>[] reasonsOf;
    private final int[] weightOf;
    private final boolean[] wholeMarking;
    private static final byte UNKNOWN = 0;
    private static final byte SKIP = 1;
    private static final byte ENABLED = 2;
    private static final byte WAITS = 3;
    /** Where each instance is in the marking {@link #blocked} is reading (null: not needed yet there). */
    private InstanceStates statesNow;

    @SuppressWarnings("unchecked")
    private NetRuns(TranslatedNet tn) {
        this.tn = tn;
        this.net = tn.net();
        this.map = tn.backMap();
        for (int i = 0; i < map.placeCount(); i++) {
            if (map.place(i) instanceof Provenance.Connected c && !c.provider().equals("no provider")) {
                providersOf.computeIfAbsent(c.user(), k -> new ArrayList<>()).add(c.provider());
            }
        }
        int n = net.transitionCount();
        waiters = new Waiter[n];
        inputPlaces = new int[n][];
        for (int i = 0; i < n; i++) {
            waiters[i] = waiter(map.transition(i));
            List<Arc> in = net.transition(i).inputs();
            int[] ps = new int[in.size()];
            for (int a = 0; a < ps.length; a++) {
                ps[a] = in.get(a).place();
            }
            inputPlaces[i] = ps;
        }
        outcome = new byte[n];
        reasonsOf = new List[n];
        weightOf = new int[n];
        wholeMarking = new boolean[n];
    }

    /**
     * The run {@code run} of {@code tn} in model terms. {@code deadlock}: its last marking is dead
     * (the open waits there are what is blocked); otherwise it is cut there ({@code why}).
     */
    public static Run read(TimedRun run, TranslatedNet tn, boolean deadlock, String why) {
        return new NetRuns(tn).convert(run, deadlock, why);
    }

    /**
     * {@link #read}, every step of the net looked at again in every marking (nothing kept from the
     * marking before): the reference the tests compare {@link #read} with.
     */
    public static Run readLookingAtEveryStep(TimedRun run, TranslatedNet tn, boolean deadlock, String why) {
        NetRuns r = new NetRuns(tn);
        r.reuse = false;
        return r.convert(run, deadlock, why);
    }

    /** Whether {@link #blocked} keeps what it found of a step whose input places did not change. */
    private boolean reuse = true;

    private Run convert(TimedRun run, boolean deadlock, String why) {
        long[] m = net.initialMarking();
        Map<String, Set<String>> initial = state(m).places;
        int steps = run.steps().size();
        int[] lastGive = new int[net.placeCount()];
        int[] lastTake = new int[net.placeCount()];
        Arrays.fill(lastGive, -1);
        Arrays.fill(lastTake, -1);
        int[] lastEventOf = new int[steps];
        boolean[] changed = new boolean[m.length];
        observe(m, BigFraction.ZERO, null);
        for (int k = 0; k < steps; k++) {
            TimedRun.Step s = run.steps().get(k);
            Transition t = net.transition(s.transition());
            int netCause = -1;
            for (Arc a : t.inputs()) {
                netCause = Math.max(netCause, a.kind() == ArcKind.INHIBITOR ? lastTake[a.place()] : lastGive[a.place()]);
            }
            int cause = netCause < 0 ? -1 : lastEventOf[netCause];
            long[] before = m.clone();
            fire(t, m);
            for (int p = 0; p < m.length; p++) {
                changed[p] = m[p] != before[p];
                if (m[p] > before[p]) {
                    lastGive[p] = k;
                } else if (m[p] < before[p]) {
                    lastTake[p] = k;
                }
            }
            int first = events.size();
            emit(s.transition(), s.time(), before, m, cause);
            lastEventOf[k] = events.size() > first ? events.size() - 1 : cause;
            observe(m, s.time(), changed);
        }
        BigFraction end = run.duration();
        List<Waiting> waits = new ArrayList<>(closed);
        open.forEach((w, o) -> waits.add(new Waiting(w, o.reasons(), o.from(), null)));
        waits.sort((a, b) -> a.from().compareTo(b.from()));
        dev.cadenza.verify.trace.StopCause stop = deadlock ? stopCause(run, m) : null;
        return new Run(tn.subject(), initial, events, waits,
                stop != null ? new RunEnd.Stopped(end, stop)
                        : deadlock ? new RunEnd.Deadlock(end) : new RunEnd.Cut(end, why));
    }

    /**
     * Why Concerto-D's runtime stopped at the end of the run, or null when it did not: the run's
     * last step is then a {@link Provenance.Stop} (nothing moves after it). A process that ended
     * with its program names every instance not idle there, as the executor does.
     */
    private dev.cadenza.verify.trace.StopCause stopCause(TimedRun run, long[] m) {
        if (run.steps().isEmpty()
                || !(map.transition(run.steps().get(run.steps().size() - 1).transition()) instanceof Provenance.Stop s)) {
            return null;
        }
        if (!s.programEnded()) {
            return new dev.cadenza.verify.trace.StopCause.RuntimeFailure(s.why());
        }
        List<String> active = new ArrayList<>();
        map.finalIdle().forEach((instance, idle) -> {
            if (m[idle] == 0) {
                active.add(instance);
            }
        });
        return new dev.cadenza.verify.trace.StopCause.ProgramEnded(active);
    }

    private static void fire(Transition t, long[] m) {
        for (Arc a : t.inputs()) {
            if (a.kind() == ArcKind.NORMAL) {
                m[a.place()] -= a.weight();
            }
        }
        for (Arc a : t.outputs()) {
            m[a.place()] += a.weight();
        }
    }

    // ---- events ----------------------------------------------------------------------------------

    /** Adds an event caused by {@code cause}; the next event of the same step is caused by this one. */
    private int add(RunEvent e) {
        events.add(e);
        return events.size() - 1;
    }

    private void emit(int transition, BigFraction t, long[] before, long[] after, int cause) {
        Provenance p = map.transition(transition);
        List<String> uses = uses(transition);
        int c = cause;
        if (p instanceof Provenance.Execute x) {
            c = add(new RunEvent.InstructionExecuted(t, x.index(), x.instruction(), c));
            for (int i = 0; i < after.length && i < map.placeCount(); i++) {
                if (after[i] > before[i] && map.place(i) instanceof Provenance.InPlace in) {
                    add(new RunEvent.PlaceEntered(t, in.instance(), in.place(), List.of(), List.of(), c));
                } else if (after[i] > before[i] && map.place(i) instanceof Provenance.QueueActive q) {
                    add(new RunEvent.BehaviorBegun(t, q.instance(), q.behavior(), c));
                }
            }
        } else if (p instanceof Provenance.BeginBehavior b) {
            add(new RunEvent.BehaviorBegun(t, b.instance(), b.behavior(), c));
        } else if (p instanceof Provenance.CompleteBehavior b) {
            add(new RunEvent.BehaviorCompleted(t, b.instance(), b.behavior(), c));
        } else if (p instanceof Provenance.Leave l) {
            c = add(new RunEvent.PlaceLeft(t, l.instance(), l.place(), c));
            for (int i = 0; i < after.length && i < map.placeCount(); i++) {
                if (after[i] > before[i] && map.place(i) instanceof Provenance.OutputDock od) {
                    add(new RunEvent.TransitionReady(t, od.instance(), od.transition(), l.place(), c));
                }
            }
        } else if (p instanceof Provenance.WantLeave w) {
            add(new RunEvent.WantsToLeave(t, w.instance(), w.place(), c));
        } else if (p instanceof Provenance.Start s) {
            if (s.fusedLeave()) {
                String source = decl(s.instance(), s.transition()).map(TransitionDecl::source).orElse(null);
                c = add(new RunEvent.PlaceLeft(t, s.instance(), source, c));
                c = add(new RunEvent.TransitionReady(t, s.instance(), s.transition(), source, c));
            }
            add(new RunEvent.TransitionStarted(t, s.instance(), s.transition(), uses, c));
        } else if (p instanceof Provenance.End e) {
            String destination = decl(e.instance(), e.transition()).map(TransitionDecl::destination).orElse(null);
            c = add(new RunEvent.TransitionEnded(t, e.instance(), e.transition(), destination, c));
            if (e.fusedJoin()) {
                add(new RunEvent.PlaceEntered(t, e.instance(), destination, List.of(e.transition()), uses, c));
            }
        } else if (p instanceof Provenance.Enter en) {
            List<String> via = new ArrayList<>();
            for (Arc a : net.transition(transition).inputs()) {
                if (a.kind() == ArcKind.NORMAL && map.place(a.place()) instanceof Provenance.InputDock id) {
                    via.add(id.transition());
                }
            }
            add(new RunEvent.PlaceEntered(t, en.instance(), en.place(), via, uses, c));
        }
    }

    private Optional<TransitionDecl> decl(String instance, String transition) {
        ComponentType type = map.instances().get(instance);
        return type == null ? Optional.empty() : type.transition(transition);
    }

    /** The providers a step reads the connection of: {@code s.ip}. */
    private List<String> uses(int transition) {
        List<String> providers = new ArrayList<>();
        for (Arc a : net.transition(transition).inputs()) {
            if (a.kind() == ArcKind.READ && map.place(a.place()) instanceof Provenance.Connected c
                    && !c.provider().equals("no provider")) {
                providers.add(c.provider());
            }
        }
        return providers;
    }

    // ---- waits -----------------------------------------------------------------------------------

    /**
     * Opens and closes waits for the marking {@code m}, reached at {@code t}; {@code changed}: the
     * places whose tokens differ from the marking observed before (null: the first marking).
     */
    private void observe(long[] m, BigFraction t, boolean[] changed) {
        Map<Waiter, List<WaitReason>> now = blocked(m, changed);
        for (var it = open.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            List<WaitReason> still = now.get(e.getKey());
            if (still == null || !still.equals(e.getValue().reasons())) {
                it.remove();
                if (t.compareTo(e.getValue().from()) > 0) {
                    closed.add(new Waiting(e.getKey(), e.getValue().reasons(), e.getValue().from(), t));
                }
            }
        }
        now.forEach((w, reasons) -> open.putIfAbsent(w, new Open(t, reasons)));
    }

    /**
     * The steps that wait in {@code m}, each with its reasons (from its copy that misses the fewest).
     * {@code changed}: the places changed since the marking last read (null: read every transition);
     * a transition whose input places did not change, and whose reasons did not read the whole
     * marking, keeps what {@link #evaluate} found of it then (it would find the same again). The
     * transitions are then taken in index order as before, so ties fall the same way.
     */
    private Map<Waiter, List<WaitReason>> blocked(long[] m, boolean[] changed) {
        Map<Waiter, List<WaitReason>> best = new LinkedHashMap<>();
        Set<Waiter> enabled = new HashSet<>();
        statesNow = null;
        for (int i = 0; i < waiters.length; i++) {
            Waiter w = waiters[i];
            if (w == null) {
                continue;
            }
            if (!reuse || outcome[i] == UNKNOWN || wholeMarking[i] || changed == null || touched(i, changed)) {
                evaluate(i, w, m);
            }
            if (outcome[i] == ENABLED) {
                enabled.add(w);
            } else if (outcome[i] == WAITS) {
                keepFewest(best, w, reasonsOf[i], weightOf[i]);
            }
        }
        enabled.forEach(best::remove);
        Map<Waiter, List<WaitReason>> out = new LinkedHashMap<>();
        best.forEach((w, r) -> out.put(w, r));
        weights.clear();
        return out;
    }

    /** Whether an input place of transition {@code i} is among {@code changed}. */
    private boolean touched(int i, boolean[] changed) {
        for (int p : inputPlaces[i]) {
            if (changed[p]) {
                return true;
            }
        }
        return false;
    }

    /** Where each instance is in the marking being read, made once per marking when a reason needs it. */
    private InstanceStates states(long[] m) {
        if (statesNow == null) {
            statesNow = new InstanceStates(m);
        }
        return statesNow;
    }

    /**
     * Whether net transition {@code i} (the step {@code w}) waits in {@code m}, and why: sets its
     * {@link #outcome} (a variant that does not apply, enabled, or waiting with reasons of a weight),
     * and whether that read the whole marking.
     */
    private void evaluate(int i, Waiter w, long[] m) {
        Provenance p = map.transition(i);
        boolean whole = false;
        Transition t = net.transition(i);
        boolean tokens = true;
        List<WaitReason> reasons = new ArrayList<>();
        List<String> missingDocks = new ArrayList<>();
        int presentDocks = 0;
        for (Arc a : t.inputs()) {
            long k = m[a.place()];
            Provenance q = map.place(a.place());
            if (a.kind() == ArcKind.NORMAL) {
                if (q instanceof Provenance.InputDock id && p instanceof Provenance.Enter) {
                    if (k < a.weight()) {
                        missingDocks.add(id.transition());
                    } else {
                        presentDocks++;
                    }
                } else if (k < a.weight()) {
                    if (p instanceof Provenance.Execute && q instanceof Provenance.Idle idle) {
                        whole = true;
                        reasons.add(new WaitReason.InstanceBusy(idle.instance(), states(m).doing(idle.instance())));
                    } else {
                        tokens = false;
                    }
                }
            } else if (a.kind() == ArcKind.READ && k < a.weight()) {
                if (q instanceof Provenance.Connected && leaving(p)) {
                    tokens = false; // the lock's "connected" variant, which does not apply here
                } else if (q instanceof Provenance.Connected c) {
                    boolean none = c.provider().equals("no provider");
                    reasons.add(new WaitReason.NotServed(c.user(), none ? null : c.provider(), false, null));
                } else if (map.providePortsAt(a.place()) != null) {
                    String provider = guardedProvider(t, map.providePortsAt(a.place()));
                    if (provider == null) {
                        tokens = false; // a counting variant that does not apply here
                    } else {
                        whole = true;
                        String instance = provider.substring(0, provider.lastIndexOf('.'));
                        reasons.add(new WaitReason.NotServed(userOf(t, provider), provider, true,
                                states(m).where(instance)));
                    }
                } else if (q instanceof Provenance.Idle idle) {
                    whole = true;
                    reasons.add(new WaitReason.InstanceBusy(idle.instance(), states(m).doing(idle.instance())));
                } else if (q instanceof Provenance.BehaviorActive || q instanceof Provenance.QueueActive
                        || q instanceof Provenance.ProgramCounter || q instanceof Provenance.GroupActive
                        || q instanceof Provenance.Visited) {
                    tokens = false;
                } else {
                    reasons.add(new WaitReason.Condition("waits for " + q.describe(), List.of()));
                }
            } else if (a.kind() == ArcKind.INHIBITOR && k >= a.weight()) {
                String users = map.usePortsAt(a.place());
                if (p instanceof Provenance.Enter e && q instanceof Provenance.InPlace in
                        && in.instance().equals(e.instance()) && in.place().equals(e.place())) {
                    reasons.add(new WaitReason.PlaceMarked(in.instance(), in.place()));
                } else if (q instanceof Provenance.Stopped) {
                    tokens = false; // the runtime has stopped: nothing waits, nothing moves
                } else if (q instanceof Provenance.GroupActive g && g.instance().equals(w.instance())
                        || q instanceof Provenance.Visited
                        || q instanceof Provenance.Connected && leaving(p)) {
                    tokens = false; // a variant that does not apply here (a group's flag, a place left)
                } else if (users != null) {
                    for (String user : users.split(",\\s*")) {
                        reasons.add(p instanceof Provenance.Execute ? new WaitReason.InUse(user, q.describe())
                                : new WaitReason.Locked(providerOf(w.instance(), user), user, q.describe()));
                    }
                } else if (q instanceof Provenance.PortRefusing r) {
                    reasons.add(new WaitReason.Refusing(r.instance() + "." + r.port()));
                } else if (q instanceof Provenance.Connected c) {
                    reasons.add(new WaitReason.StillConnected(w.instance() != null ? w.instance()
                            : c.provider().substring(0, c.provider().lastIndexOf('.')), c.provider(), c.user()));
                } else if (q instanceof Provenance.PortActivity || q instanceof Provenance.PortProvided
                        || map.providePortsAt(a.place()) != null) {
                    tokens = false; // a counting variant that does not apply here
                } else {
                    reasons.add(new WaitReason.Condition("blocked while " + q.describe(), List.of()));
                }
            }
        }
        wholeMarking[i] = whole;
        if (!tokens) {
            outcome[i] = SKIP;
            return;
        }
        if (!missingDocks.isEmpty()) {
            if (presentDocks > 0) {
                outcome[i] = WAITS;
                reasonsOf[i] = List.of(new WaitReason.JoinIncomplete(((Provenance.Enter) p).place(), missingDocks));
                weightOf[i] = missingDocks.size() + 1000;
            } else {
                outcome[i] = SKIP;
            }
            return;
        }
        if (reasons.isEmpty()) {
            outcome[i] = ENABLED;
        } else {
            outcome[i] = WAITS;
            reasonsOf[i] = List.copyOf(reasons);
            weightOf[i] = reasons.size();
        }
    }

    private final Map<Waiter, Integer> weights = new LinkedHashMap<>();

    /** Keeps, per waiter, the reasons of the copy that misses the fewest conditions (joins count after ports). */
    private void keepFewest(Map<Waiter, List<WaitReason>> best, Waiter w, List<WaitReason> reasons, int weight) {
        Integer prev = weights.get(w);
        if (prev == null || weight < prev) {
            weights.put(w, weight);
            best.put(w, List.copyOf(reasons));
        }
    }

    /** A leave (or a start with its leave fused in): its connection arcs are the lock's variants, not guards. */
    private static boolean leaving(Provenance p) {
        return p instanceof Provenance.Leave || p instanceof Provenance.Start s && s.fusedLeave();
    }

    /** The step a net transition is, as something that can wait; null for the ones that never wait on their own. */
    private Waiter waiter(Provenance p) {
        if (p instanceof Provenance.Start s) {
            if (!s.fusedLeave()) {
                return new Waiter.Start(s.instance(), s.transition());
            }
            String source = decl(s.instance(), s.transition()).map(TransitionDecl::source).orElse("?");
            return new Waiter.Leave(s.instance(), source, List.of(s.transition()));
        } else if (p instanceof Provenance.Leave l) {
            ComponentType type = map.instances().get(l.instance());
            List<String> out = type == null ? List.of() : type.behavior(l.behavior()).map(b -> b.transitions().stream()
                    .filter(t -> t.source().equals(l.place())).map(TransitionDecl::name).toList()).orElse(List.of());
            return new Waiter.Leave(l.instance(), l.place(), out);
        } else if (p instanceof Provenance.Enter e) {
            return new Waiter.Enter(e.instance(), e.place());
        } else if (p instanceof Provenance.Execute x) {
            return new Waiter.Instruction(x.index(), x.instruction());
        }
        return null;
    }

    /** Of the provide ports {@code ports} ("s.service" or "s.a, s.b"), the one t reads the connection of, or null. */
    private String guardedProvider(Transition t, String ports) {
        List<String> named = List.of(ports.split(",\\s*"));
        for (Arc a : t.inputs()) {
            if (a.kind() == ArcKind.READ && map.place(a.place()) instanceof Provenance.Connected c
                    && named.contains(c.provider())) {
                return c.provider();
            }
        }
        return null;
    }

    private String userOf(Transition t, String provider) {
        for (Arc a : t.inputs()) {
            if (a.kind() == ArcKind.READ && map.place(a.place()) instanceof Provenance.Connected c
                    && c.provider().equals(provider)) {
                return c.user();
            }
        }
        return null;
    }

    /** The provide port of {@code instance} connected to {@code user}: the port a lock holds. */
    private String providerOf(String instance, String user) {
        for (String p : providersOf.getOrDefault(user, List.of())) {
            if (instance == null || p.startsWith(instance + ".")) {
                return p;
            }
        }
        return null;
    }

    /** Where each instance is in one marking, in model terms. */
    private final class InstanceStates {
        final Map<String, Set<String>> places;
        final Map<String, Set<String>> running = new LinkedHashMap<>();
        final Map<String, Set<String>> behaviors = new LinkedHashMap<>();

        InstanceStates(long[] m) {
            State s = state(m);
            places = s.places;
            for (int i = 0; i < m.length && i < map.placeCount(); i++) {
                if (m[i] <= 0) {
                    continue;
                }
                if (map.place(i) instanceof Provenance.Running r) {
                    running.computeIfAbsent(r.instance(), k -> new LinkedHashSet<>()).add(r.transition());
                } else if (map.place(i) instanceof Provenance.BehaviorActive b) {
                    behaviors.computeIfAbsent(b.instance(), k -> new LinkedHashSet<>()).add(b.behavior());
                }
            }
        }

        /** {@code s is in allocated}, {@code s is running start}. */
        String where(String instance) {
            Set<String> ps = places.getOrDefault(instance, Set.of());
            if (!ps.isEmpty()) {
                return instance + " is in " + String.join(", ", ps);
            }
            Set<String> rs = running.getOrDefault(instance, Set.of());
            return rs.isEmpty() ? instance + " is in no place" : instance + " is running " + String.join(", ", rs);
        }

        /** {@code s runs behavior maintain}, or null. */
        String doing(String instance) {
            Set<String> bs = behaviors.getOrDefault(instance, Set.of());
            return bs.isEmpty() ? null : instance + " runs behavior " + String.join(", ", bs);
        }
    }

    private record State(Map<String, Set<String>> places) {
    }

    /** Marked component places per instance (a token in an output dock counts for its source, in an input dock for its destination). */
    private State state(long[] m) {
        Map<String, Set<String>> places = new LinkedHashMap<>();
        for (int i = 0; i < m.length && i < map.placeCount(); i++) {
            if (m[i] <= 0) {
                continue;
            }
            Provenance p = map.place(i);
            if (p instanceof Provenance.InPlace in) {
                places.computeIfAbsent(in.instance(), k -> new LinkedHashSet<>()).add(in.place());
            } else if (p instanceof Provenance.OutputDock od) {
                decl(od.instance(), od.transition()).ifPresent(t ->
                        places.computeIfAbsent(od.instance(), k -> new LinkedHashSet<>()).add(t.source()));
            } else if (p instanceof Provenance.InputDock id) {
                decl(id.instance(), id.transition()).ifPresent(t ->
                        places.computeIfAbsent(id.instance(), k -> new LinkedHashSet<>()).add(t.destination()));
            }
        }
        return new State(places);
    }
}

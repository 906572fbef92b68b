package dev.cadenza.verify.execute;

import dev.cadenza.verify.trace.Run;
import dev.cadenza.verify.trace.RunEnd;
import dev.cadenza.verify.trace.RunEvent;
import dev.cadenza.verify.trace.WaitReason;
import dev.cadenza.verify.trace.Waiter;
import dev.cadenza.verify.trace.Waiting;
import org.apache.commons.math3.fraction.BigFraction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened in one execution, kept compact (primitive arrays, no object per event) so that
 * thousands of sampled runs cost little; {@code full}: also the details a {@link Run} shows (the
 * join set an entry used, the providers a step used) and the waits, which only the run that is
 * told in model terms needs.
 */
final class EventLog {

    static final byte INSTRUCTION = 0;
    static final byte BEGUN = 1;
    static final byte COMPLETED = 2;
    static final byte ENTERED = 3;
    static final byte LEFT = 4;
    static final byte WANTS = 5;
    static final byte READY = 6;
    static final byte STARTED = 7;
    static final byte ENDED = 8;

    private static final Policy.EventKind[] KINDS = Policy.EventKind.values();

    final boolean full;
    private final Policy policy;
    private final boolean tellPolicy;
    private final List<ComponentState> components;
    private final List<String> instructions;
    private byte[] kind = new byte[256];
    private int[] comp = new int[256];
    private int[] elem = new int[256];
    private long[] time = new long[256];
    private int[] cause = new int[256];
    private Object[] extra;
    private int size;

    private record Open(long from, List<WaitReason> reasons) {
    }

    private final Map<Waiter, Open> open = new LinkedHashMap<>();
    private final List<long[]> closedTimes = new ArrayList<>();
    private final List<Waiter> closedWaiters = new ArrayList<>();
    private final List<List<WaitReason>> closedReasons = new ArrayList<>();

    private final ExecutionObserver observer;
    private final TimeScale scale;

    /**
     * Told every event right after it is recorded, with the state the rules have built so far
     * (for {@link RuntimeStateSpace}'s observation of a predicate after every single move); null
     * when nobody watches.
     */
    interface Probe {
        void recorded(byte kind, ComponentState c, int element);
    }

    Probe probe;

    EventLog(boolean full, Policy policy, boolean tellPolicy, List<ComponentState> components, List<String> instructions,
             ExecutionObserver observer, TimeScale scale) {
        this.full = full;
        this.observer = observer;
        this.scale = scale;
        this.policy = policy;
        this.tellPolicy = tellPolicy;
        this.components = components;
        this.instructions = instructions;
        this.extra = full ? new Object[256] : null;
    }

    int size() {
        return size;
    }

    /**
     * Forgets the events of a compact log (an explorer of the loop's runs keeps only whether an
     * iteration moved something, not the events, which would grow without end).
     */
    void clear() {
        if (full) {
            throw new IllegalStateException("a full log is a run's record: it is never cleared");
        }
        size = 0;
    }

    /** Records an event; returns its index. {@code extra}: for entries the via set (int[]) and for both entries and starts the providers used (String[]). */
    int add(byte k, ComponentState c, int element, long t, int because, Object details) {
        if (size == kind.length) {
            int n = size * 2;
            kind = Arrays.copyOf(kind, n);
            comp = Arrays.copyOf(comp, n);
            elem = Arrays.copyOf(elem, n);
            time = Arrays.copyOf(time, n);
            cause = Arrays.copyOf(cause, n);
            if (extra != null) {
                extra = Arrays.copyOf(extra, n);
            }
        }
        kind[size] = k;
        comp[size] = c == null ? -1 : c.id;
        elem[size] = element;
        time[size] = t;
        cause[size] = because;
        if (extra != null) {
            extra[size] = details;
        }
        if (c != null) {
            c.lastEvent = size;
        }
        if (tellPolicy) {
            policy.happened(KINDS[k], c == null ? null : c.name, elementName(k, c, element), t);
        }
        if (observer != ExecutionObserver.NONE) {
            observer.event(KINDS[k], c == null ? null : c.name,
                    k == INSTRUCTION ? instructions.get(element) : elementName(k, c, element), scale.secondsAsDouble(t));
        }
        int index = size++;
        if (probe != null) {
            probe.recorded(k, c, element);
        }
        return index;
    }

    private String elementName(byte k, ComponentState c, int e) {
        return switch (k) {
            case INSTRUCTION -> Integer.toString(e);
            case BEGUN, COMPLETED -> c.type.behaviorName(e);
            case ENTERED, LEFT, WANTS -> c.type.places[e];
            default -> c.type.transitions[e];
        };
    }

    private final java.util.Set<Integer> ignored = new java.util.HashSet<>();

    /** Event {@code e} is an instruction the runtime let pass without doing it (Concerto-D's dcon of a connection in use). */
    void ignored(int e) {
        ignored.add(e);
    }

    long lastTime() {
        return size == 0 ? 0 : time[size - 1];
    }

    // ---- waits (full logs only) ---------------------------------------------------------------

    /** {@code w} is ready but waits at {@code t}, for {@code reasons}. */
    void waiting(Waiter w, List<WaitReason> reasons, long t) {
        Open o = open.get(w);
        if (o != null && o.reasons().equals(reasons)) {
            return;
        }
        if (o != null) {
            close(w, o, t);
        }
        open.put(w, new Open(t, List.copyOf(reasons)));
    }

    /** {@code w} happened (or no longer waits) at {@code t}. */
    void proceeded(Waiter w, long t) {
        Open o = open.remove(w);
        if (o != null) {
            close(w, o, t);
        }
    }

    private void close(Waiter w, Open o, long t) {
        open.remove(w);
        if (t > o.from()) {
            closedTimes.add(new long[] {o.from(), t});
            closedWaiters.add(w);
            closedReasons.add(o.reasons());
        }
    }

    // ---- summaries without building a run -----------------------------------------------------

    /**
     * The transitions whose ends lie on the critical chain (causes followed back from the last
     * event), reported as (component id, transition index).
     */
    void criticalTransitions(java.util.function.BiConsumer<Integer, Integer> out) {
        int i = size - 1;
        while (i >= 0) {
            if (kind[i] == ENDED) {
                out.accept(comp[i], elem[i]);
            }
            int c = cause[i];
            i = c < i ? c : -1;
        }
    }

    // ---- the run in model terms ---------------------------------------------------------------

    Run toRun(String subject, Map<String, java.util.Set<String>> initial, RunEnd end, TimeScale scale) {
        List<RunEvent> events = new ArrayList<>(size);
        BigFraction[] times = new BigFraction[1];
        long[] last = {Long.MIN_VALUE};
        for (int i = 0; i < size; i++) {
            if (time[i] != last[0]) {
                last[0] = time[i];
                times[0] = scale.seconds(time[i]);
            }
            BigFraction t = times[0];
            ComponentState c = comp[i] < 0 ? null : components.get(comp[i]);
            int e = elem[i];
            int because = cause[i];
            Object x = extra == null ? null : extra[i];
            events.add(switch (kind[i]) {
                case INSTRUCTION -> new RunEvent.InstructionExecuted(t, e, instructions.get(e)
                        + (ignored.contains(i) ? " (not done: the use port is in use, and Concerto-D's dcon does not wait)"
                        : ""), because);
                case BEGUN -> new RunEvent.BehaviorBegun(t, c.name, c.type.behaviorName(e), because);
                case COMPLETED -> new RunEvent.BehaviorCompleted(t, c.name, c.type.behaviorName(e), because);
                case ENTERED -> {
                    Object[] d = x == null ? new Object[] {CompiledType.EMPTY, new String[0]} : (Object[]) x;
                    int[] via = (int[]) d[0];
                    List<String> names = new ArrayList<>();
                    for (int v : via) {
                        names.add(c.type.transitions[v]);
                    }
                    yield new RunEvent.PlaceEntered(t, c.name, c.type.places[e], names, List.of((String[]) d[1]), because);
                }
                case LEFT -> new RunEvent.PlaceLeft(t, c.name, c.type.places[e], because);
                case WANTS -> new RunEvent.WantsToLeave(t, c.name, c.type.places[e], because);
                case READY -> new RunEvent.TransitionReady(t, c.name, c.type.transitions[e],
                        c.type.places[c.type.source[e]], because);
                case STARTED -> new RunEvent.TransitionStarted(t, c.name, c.type.transitions[e],
                        x == null ? List.of() : List.of((String[]) x), because);
                default -> new RunEvent.TransitionEnded(t, c.name, c.type.transitions[e],
                        c.type.places[c.type.destination[e]], because);
            });
        }
        List<Waiting> waits = new ArrayList<>();
        for (int i = 0; i < closedWaiters.size(); i++) {
            long[] ft = closedTimes.get(i);
            waits.add(new Waiting(closedWaiters.get(i), closedReasons.get(i), scale.seconds(ft[0]), scale.seconds(ft[1])));
        }
        open.forEach((w, o) -> waits.add(new Waiting(w, o.reasons(), scale.seconds(o.from()), null)));
        waits.sort((a, b) -> a.from().compareTo(b.from()));
        return new Run(subject, initial, events, waits, end);
    }
}

package dev.cadenza.verify.trace;

import dev.cadenza.verify.report.Times;
import org.apache.commons.math3.fraction.BigFraction;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run of a program or assembly in model terms — the one type for a counterexample read back
 * from the net, a run of the executor and a real run: the places marked when it starts
 * ({@code initial}: empty, or where the program it runs {@code after} left things), what happened
 * ({@code events}, in order, times never decreasing), the steps that were ready but had to wait
 * and why ({@code waits}), and how it ended ({@code end}). Everything else — the text, the
 * schedule, the state where it stops, the critical chain — is derived from these.
 */
public record Run(String subject, Map<String, Set<String>> initial, List<RunEvent> events, List<Waiting> waits,
                  RunEnd end) {

    public Run {
        Map<String, Set<String>> init = new LinkedHashMap<>();
        initial.forEach((k, v) -> init.put(k, Collections.unmodifiableSet(new LinkedHashSet<>(v))));
        initial = Collections.unmodifiableMap(init);
        events = List.copyOf(events);
        waits = List.copyOf(waits);
        BigFraction last = BigFraction.ZERO;
        for (RunEvent e : events) {
            if (e.time().compareTo(last) < 0) {
                throw new IllegalArgumentException("run events go back in time: " + e.describe() + " at " + e.time());
            }
            last = e.time();
        }
    }

    /** The time the run stops (its end's time). */
    public BigFraction duration() {
        return end.time();
    }

    /** One line per event the user cares about: {@code t=5        c.configure starts (uses s.ip)}. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (RunEvent e : events) {
            if (e.shown()) {
                out.add(String.format("t=%-8s %s", Times.format(e.time()), e.describe()));
            }
        }
        return out;
    }

    /** The waits still open where the run stops: in a deadlock, who waits on what. */
    public List<Waiting> stillWaiting() {
        return waits.stream().filter(Waiting::open).toList();
    }

    /** {@code a.prepare starts: waits for use port's provider b.ready to be active (b is in b0)}, one per open wait. */
    public List<String> blockedLines() {
        return stillWaiting().stream().map(Waiting::describe).toList();
    }

    public boolean deadlocked() {
        return end instanceof RunEnd.Deadlock;
    }

    /**
     * Per run of a component transition: when it became ready, started and ended, and what it
     * waited for; by start time (transitions that never started last, by ready time), then name.
     * A transition whose source place could not be left appears once, without ready time.
     */
    public List<TransitionSpan> schedule() {
        Map<String, Deque<Open>> pending = new HashMap<>();
        List<Open> done = new ArrayList<>();
        for (RunEvent e : events) {
            if (e instanceof RunEvent.TransitionReady r) {
                pending.computeIfAbsent(key(r.instance(), r.transition()), k -> new ArrayDeque<>())
                        .addLast(new Open(r.instance(), r.transition(), r.time(), null, null, r.source(), null));
            } else if (e instanceof RunEvent.TransitionStarted s) {
                Deque<Open> q = pending.computeIfAbsent(key(s.instance(), s.transition()), k -> new ArrayDeque<>());
                Open o = firstNotStarted(q);
                Open started = o == null ? new Open(s.instance(), s.transition(), s.time(), s.time(), null, null, null)
                        : new Open(o.instance(), o.transition(), o.ready(), s.time(), null, o.source(), null);
                if (o != null) {
                    replace(q, o, started);
                } else {
                    q.addLast(started);
                }
            } else if (e instanceof RunEvent.TransitionEnded t) {
                Deque<Open> q = pending.get(key(t.instance(), t.transition()));
                Open o = q == null ? null : q.stream().filter(x -> x.start() != null).findFirst().orElse(null);
                if (o != null) {
                    q.removeFirstOccurrence(o);
                    done.add(new Open(o.instance(), o.transition(), o.ready(), o.start(), t.time(), o.source(),
                            t.destination()));
                }
            }
        }
        pending.values().forEach(done::addAll);
        List<TransitionSpan> out = new ArrayList<>();
        for (Open o : done) {
            out.add(new TransitionSpan(o.instance(), o.transition(), o.ready(), o.start(), o.end(),
                    waitsOf(o.instance(), o.transition(), o.ready(), o.start(), o.end(), o.source(), o.destination())));
        }
        // a source place that could not be left: its transitions appear, never ready
        for (Waiting w : waits) {
            if (w.waiter() instanceof Waiter.Leave l && w.open()) {
                for (String t : l.transitions()) {
                    boolean known = out.stream().anyMatch(s -> s.instance().equals(l.instance())
                            && s.transition().equals(t) && !s.started());
                    if (!known) {
                        out.add(new TransitionSpan(l.instance(), t, null, null, null, List.of(w)));
                    }
                }
            }
        }
        out.sort(Comparator.comparing((TransitionSpan s) -> s.start() == null)
                .thenComparing(s -> s.start() != null ? s.start() : s.ready() != null ? s.ready() : BigFraction.ZERO)
                .thenComparing(TransitionSpan::label));
        return out;
    }

    /** A run of a transition being put together from its events. */
    private record Open(String instance, String transition, BigFraction ready, BigFraction start, BigFraction end,
                        String source, String destination) {
    }

    private static Open firstNotStarted(Deque<Open> q) {
        for (Open o : q) {
            if (o.start() == null) {
                return o;
            }
        }
        return null;
    }

    private static void replace(Deque<Open> q, Open old, Open by) {
        List<Open> all = new ArrayList<>(q);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) == old) {
                all.set(i, by);
                break;
            }
        }
        q.clear();
        q.addAll(all);
    }

    /**
     * The waits of one run of a transition: leaving its source place up to when it became ready,
     * starting between ready and start, entering its destination from its end.
     */
    private List<Waiting> waitsOf(String instance, String transition, BigFraction ready, BigFraction start,
                                  BigFraction end, String source, String destination) {
        List<Waiting> out = new ArrayList<>();
        for (Waiting w : waits) {
            if (!instance.equals(w.waiter().instance())) {
                continue;
            }
            if (w.waiter() instanceof Waiter.Leave l && l.transitions().contains(transition)
                    && ready != null && w.to() != null && w.to().equals(ready)) {
                out.add(w);
            } else if (w.waiter() instanceof Waiter.Start s && s.transition().equals(transition) && ready != null
                    && w.from().compareTo(ready) >= 0 && (start == null || (w.to() != null && w.to().compareTo(start) <= 0))) {
                out.add(w);
            } else if (w.waiter() instanceof Waiter.Enter en && destination != null && en.place().equals(destination)
                    && end != null && w.from().compareTo(end) >= 0
                    && (w.to() == null || w.from().equals(end))) {
                out.add(w);
            }
        }
        return out;
    }

    private static String key(String instance, String transition) {
        return instance + "\u0000" + transition;
    }

    /**
     * Where the run stops, per instance: the places marked (a transition ready but not started
     * counts for its source, one ended whose destination is not entered yet for its destination),
     * the transitions running, and, in a deadlock, the ports that block a step.
     */
    public ModelState finalState() {
        Map<String, Set<String>> places = new LinkedHashMap<>();
        initial.forEach((k, v) -> places.put(k, new LinkedHashSet<>(v)));
        Map<String, List<String[]>> ready = new LinkedHashMap<>();   // instance -> (transition, source)
        Map<String, List<String[]>> ended = new LinkedHashMap<>();   // instance -> (transition, destination)
        Map<String, List<String>> running = new LinkedHashMap<>();
        for (RunEvent e : events) {
            if (e instanceof RunEvent.PlaceEntered p) {
                places.computeIfAbsent(p.instance(), k -> new LinkedHashSet<>()).add(p.place());
                List<String[]> ends = ended.getOrDefault(p.instance(), new ArrayList<>());
                ends.removeIf(x -> p.via().contains(x[0]) || (p.via().isEmpty() && x[1].equals(p.place())));
            } else if (e instanceof RunEvent.PlaceLeft p) {
                places.getOrDefault(p.instance(), new LinkedHashSet<>()).remove(p.place());
            } else if (e instanceof RunEvent.TransitionReady r) {
                ready.computeIfAbsent(r.instance(), k -> new ArrayList<>()).add(new String[] {r.transition(), r.source()});
            } else if (e instanceof RunEvent.TransitionStarted s) {
                List<String[]> rs = ready.getOrDefault(s.instance(), new ArrayList<>());
                for (int i = 0; i < rs.size(); i++) {
                    if (rs.get(i)[0].equals(s.transition())) {
                        rs.remove(i);
                        break;
                    }
                }
                running.computeIfAbsent(s.instance(), k -> new ArrayList<>()).add(s.transition());
            } else if (e instanceof RunEvent.TransitionEnded t) {
                running.getOrDefault(t.instance(), new ArrayList<>()).remove(t.transition());
                ended.computeIfAbsent(t.instance(), k -> new ArrayList<>()).add(new String[] {t.transition(), t.destination()});
            }
        }
        Map<String, Set<String>> marked = new LinkedHashMap<>();
        places.forEach((c, ps) -> ps.forEach(p -> marked.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(p)));
        ready.forEach((c, rs) -> rs.forEach(r -> {
            if (r[1] != null) {
                marked.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(r[1]);
            }
        }));
        ended.forEach((c, es) -> es.forEach(x -> {
            if (x[1] != null) {
                marked.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(x[1]);
            }
        }));
        Map<String, Set<String>> run = new LinkedHashMap<>();
        running.forEach((c, ts) -> ts.forEach(t -> run.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(t)));
        return new ModelState(marked, run, deadlocked() ? blockedPorts() : List.of());
    }

    /** Each port named by an open wait, once (the first wait's words). */
    private List<ModelState.BlockedPort> blockedPorts() {
        Map<String, ModelState.BlockedPort> out = new LinkedHashMap<>();
        for (Waiting w : stillWaiting()) {
            for (WaitReason r : w.reasons()) {
                for (String port : r.ports()) {
                    int dot = port.lastIndexOf('.');
                    if (dot > 0) {
                        out.putIfAbsent(port, new ModelState.BlockedPort(port.substring(0, dot), port.substring(dot + 1),
                                w.waiter().describe() + ": " + r.describe()));
                    }
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    /**
     * The chain of events that made the run as long as it is: from the last event, back through
     * each event's cause. Returned in time order; the transitions whose ends lie on it are the
     * run's critical chain ({@link #criticalTransitions()}).
     */
    public List<RunEvent> criticalChain() {
        List<RunEvent> chain = new ArrayList<>();
        int i = events.size() - 1;
        Set<Integer> seen = new java.util.HashSet<>();
        while (i >= 0 && seen.add(i)) {
            RunEvent e = events.get(i);
            chain.add(e);
            int c = e.cause();
            i = c < i ? c : -1;
        }
        Collections.reverse(chain);
        return chain;
    }

    /** The transitions whose ends lie on the critical chain, in order ({@code c.configure}). */
    public List<String> criticalTransitions() {
        List<String> out = new ArrayList<>();
        for (RunEvent e : criticalChain()) {
            if (e instanceof RunEvent.TransitionEnded t) {
                out.add(t.instance() + "." + t.transition());
            }
        }
        return out;
    }
}

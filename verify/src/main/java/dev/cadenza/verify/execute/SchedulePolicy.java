package dev.cadenza.verify.execute;

import dev.cadenza.verify.trace.Run;
import dev.cadenza.verify.trace.RunEvent;
import dev.cadenza.verify.trace.TransitionSpan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the executor follow a given run (a counterexample's, a witness's): each transition run
 * takes the duration it took there (one still running where the run stops takes at least as long
 * as it had run: it does not end before the stop), and the open orders follow the run's order of
 * events — in each iteration the components whose next expected event comes first sweep first,
 * within a phase the items go in the order of their expected events, a thread that finished at
 * this instant is noticed only once every earlier event of this instant has happened, and when
 * steps cost time an iteration lasts until the next expected event (within the step's bounds).
 *
 * <p>Events are matched by instance, kind and element (place, transition, behavior or
 * instruction), the first expected match taken. A run the semantics cannot produce is followed
 * as far as it goes; the executor's own run then shows where it departs.
 *
 * <p>Ranking components by their next expected event is a guess: a sweep is atomic, so a
 * component whose first expected move comes early may also make, in the same sweep, a move the
 * run has another component's move before (the run leaves a place, then another component
 * acts, then a start that never comes). {@link #following(Run, TimeScale, long)} with a seed
 * other than 0 orders the components of each iteration at random instead (phases inside a sweep
 * still follow the run): trying a few seeds finds such runs, which one order cannot.
 */
public final class SchedulePolicy implements Policy {

    private record Expected(Policy.EventKind kind, String instance, String element, long time) {
    }

    private final TimeScale scale;
    private final List<Expected> expected = new ArrayList<>();
    private final boolean[] done;
    /** per instance ("" for the program): indices of its expected events, in order. */
    private final Map<String, int[]> byInstance = new HashMap<>();
    private final Map<String, Integer> cursor = new HashMap<>();
    private final Map<String, ArrayDeque<Long>> durations = new HashMap<>();

    /** 0: components ranked by their next expected event; otherwise the seed of a random order per iteration. */
    private final java.util.SplittableRandom componentOrder;

    private SchedulePolicy(Run run, TimeScale scale, long seed) {
        this.scale = scale;
        this.componentOrder = seed == 0 ? null : new java.util.SplittableRandom(seed);
        Map<String, List<Integer>> lists = new HashMap<>();
        for (RunEvent e : run.events()) {
            Expected x = expected(e);
            lists.computeIfAbsent(key(x.instance()), k -> new ArrayList<>()).add(expected.size());
            expected.add(x);
        }
        lists.forEach((k, l) -> byInstance.put(k, l.stream().mapToInt(Integer::intValue).toArray()));
        done = new boolean[expected.size()];
        for (TransitionSpan s : run.schedule()) {
            if (s.start() == null) {
                continue;
            }
            long d = s.end() != null ? scale.ticks(s.end().subtract(s.start()))
                    : scale.ticks(run.duration().subtract(s.start())) + 1;
            durations.computeIfAbsent(s.label(), k -> new ArrayDeque<>()).add(d);
        }
        // spans come sorted by start, which is also the order of each transition's own runs
    }

    /** A policy that follows {@code run}, with the executor's time scale {@code scale}. */
    public static SchedulePolicy following(Run run, TimeScale scale) {
        return new SchedulePolicy(run, scale, 0);
    }

    /** The same, the components of each iteration in a random order drawn from {@code seed} (0: ranked as above). */
    public static SchedulePolicy following(Run run, TimeScale scale, long seed) {
        return new SchedulePolicy(run, scale, seed);
    }

    private Expected expected(RunEvent e) {
        long t = scale.ticks(e.time());
        if (e instanceof RunEvent.InstructionExecuted i) {
            return new Expected(EventKind.INSTRUCTION, null, Integer.toString(i.index()), t);
        } else if (e instanceof RunEvent.BehaviorBegun b) {
            return new Expected(EventKind.BEHAVIOR_BEGUN, b.instance(), b.behavior(), t);
        } else if (e instanceof RunEvent.BehaviorCompleted b) {
            return new Expected(EventKind.BEHAVIOR_COMPLETED, b.instance(), b.behavior(), t);
        } else if (e instanceof RunEvent.PlaceEntered p) {
            return new Expected(EventKind.PLACE_ENTERED, p.instance(), p.place(), t);
        } else if (e instanceof RunEvent.PlaceLeft p) {
            return new Expected(EventKind.PLACE_LEFT, p.instance(), p.place(), t);
        } else if (e instanceof RunEvent.WantsToLeave w) {
            return new Expected(EventKind.WANTS_TO_LEAVE, w.instance(), w.place(), t);
        } else if (e instanceof RunEvent.TransitionReady r) {
            return new Expected(EventKind.TRANSITION_READY, r.instance(), r.transition(), t);
        } else if (e instanceof RunEvent.TransitionStarted s) {
            return new Expected(EventKind.TRANSITION_STARTED, s.instance(), s.transition(), t);
        }
        RunEvent.TransitionEnded x = (RunEvent.TransitionEnded) e;
        return new Expected(EventKind.TRANSITION_ENDED, x.instance(), x.transition(), t);
    }

    private static String key(String instance) {
        return instance == null ? "" : instance;
    }

    @Override
    public boolean wantsEvents() {
        return true;
    }

    @Override
    public void happened(EventKind kind, String instance, String element, long time) {
        if (!following) {
            return;
        }
        int[] idx = byInstance.get(key(instance));
        if (idx == null) {
            return;
        }
        for (int i : idx) {
            if (!done[i]) {
                Expected x = expected.get(i);
                if (x.kind() == kind && sameElement(x, kind, element)) {
                    done[i] = true;
                    return;
                }
            }
        }
    }

    /** Instructions match by index (a net step may run several: it stands for the first). */
    private static boolean sameElement(Expected x, EventKind kind, String element) {
        return x.element().equals(element);
    }

    /** The first expected event not yet reproduced of {@code instance} happening at {@code now}, or MAX. */
    private int next(String instance, long now) {
        int[] idx = byInstance.get(key(instance));
        if (idx == null) {
            return Integer.MAX_VALUE;
        }
        int from = cursor.getOrDefault(key(instance), 0);
        while (from < idx.length && done[idx[from]]) {
            from++;
        }
        cursor.put(key(instance), from);
        for (int k = from; k < idx.length; k++) {
            int i = idx[k];
            if (!done[i]) {
                long t = expected.get(i).time();
                if (t == now) {
                    return i;
                }
                if (t > now) {
                    return Integer.MAX_VALUE;
                }
            }
        }
        return Integer.MAX_VALUE;
    }

    private long now;
    /** False while the programs the subject runs after are run: those follow no schedule. */
    private boolean following;

    @Override
    public void subjectStarts() {
        following = true;
    }

    @Override
    public void beginIteration(long now) {
        this.now = now;
    }

    @Override
    public long duration(TransitionChoice t) {
        if (!following) {
            return t.minTicks();
        }
        ArrayDeque<Long> q = durations.get(t.label());
        long d = q == null || q.isEmpty() ? t.minTicks() : q.poll();
        d = Math.max(d, t.minTicks());
        return t.maxTicks() >= 0 ? Math.min(d, t.maxTicks()) : d;
    }

    @Override
    public void order(Phase phase, String instance, int[] items, int n, String[] names) {
        if (!following) {
            return;
        }
        if (phase == Phase.COMPONENTS && componentOrder != null) {
            for (int i = n - 1; i > 0; i--) {
                int j = componentOrder.nextInt(i + 1);
                int tmp = items[i];
                items[i] = items[j];
                items[j] = tmp;
            }
            return;
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            int rank;
            if (phase == Phase.COMPONENTS) {
                rank = next(names[items[i]], now);
            } else {
                rank = rankOf(phase, instance, names[items[i]]);
            }
            keys[i] = ((long) rank << 20) | i;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
        int[] copy = Arrays.copyOf(items, n);
        for (int i = 0; i < n; i++) {
            items[i] = copy[order[i]];
        }
    }

    private int rankOf(Phase phase, String instance, String element) {
        EventKind kind = switch (phase) {
            case ENTER -> EventKind.PLACE_ENTERED;
            case LEAVE -> EventKind.PLACE_LEFT;
            case START -> EventKind.TRANSITION_STARTED;
            default -> EventKind.TRANSITION_ENDED;
        };
        int[] idx = byInstance.get(key(instance));
        if (idx == null) {
            return Integer.MAX_VALUE >> 12;
        }
        for (int i : idx) {
            if (!done[i] && expected.get(i).kind() == kind && expected.get(i).element().equals(element)) {
                return Math.min(i, Integer.MAX_VALUE >> 12);
            }
        }
        return Integer.MAX_VALUE >> 12;
    }

    @Override
    public boolean noticeNow(TransitionChoice t, boolean sameIteration, long now) {
        if (!following) {
            return true;
        }
        int e = -1;
        int[] idx = byInstance.get(key(t.instance()));
        if (idx != null) {
            for (int i : idx) {
                if (!done[i] && expected.get(i).kind() == EventKind.TRANSITION_ENDED
                        && expected.get(i).element().equals(t.transition())) {
                    e = i;
                    break;
                }
            }
        }
        if (e < 0) {
            return true;
        }
        for (int i = 0; i < e; i++) {
            if (!done[i] && expected.get(i).time() == now) {
                return false;
            }
        }
        return true;
    }

    @Override
    public long step(long now, long min, long max) {
        if (!following) {
            return min;
        }
        long next = Long.MAX_VALUE;
        for (int i = 0; i < done.length; i++) {
            if (!done[i] && expected.get(i).time() > now) {
                next = Math.min(next, expected.get(i).time());
            }
        }
        long d = next == Long.MAX_VALUE ? min : next - now;
        return Math.max(min, Math.min(max, d));
    }
}

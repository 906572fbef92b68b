package dev.cadenza.petri.classes;

import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.limit.Limit;
import dev.cadenza.petri.limit.Meter;
import dev.cadenza.petri.query.CompiledPredicate;

import java.util.Arrays;

/**
 * Decides {@code response P leads to Q within T} — every time P holds, Q holds then or at most T
 * later — exactly, on the state classes of a net extended with an observer. The observer is three
 * places (idle, armed, late) and three transitions, {@code arm} idle → armed and {@code disarm}
 * armed → idle, both [0, ∞[, and {@code late} armed → late, ]T, ∞[. The net's own transitions
 * never touch them, so the observer changes none of their clocks.
 *
 * <p>The search decides when the observer may move, from the class's marking (evaluated on the
 * net's own places; {@code dead} means none of the net's own transitions is enabled):
 * <ul>
 * <li>{@code arm} may fire only in a class whose marking satisfies P and not Q: an instant where P
 * holds and Q does not yet. Its [0, ∞[ interval lets it fire at any instant of that marking's
 * sojourn (P holds throughout it), and never forces time: the net's urgency is untouched.</li>
 * <li>{@code late} is newly enabled when {@code arm} fires, so its clock measures the time since
 * that instant; it can fire, strictly more than T later, only while the observer is armed.</li>
 * <li>In a class where the observer is armed and Q holds, {@code disarm} is the only successor: Q
 * holding, even for no time (a zero-duration state between instantaneous moves), discharges the
 * obligation before anything else happens. Firing it first loses no run: it touches no place of
 * the net, and the successor class, the union over every delay of the states after it, contains
 * every state of the class itself (delay 0), from which all the net's runs go on.</li>
 * </ul>
 * The property is violated exactly when a class in which {@code late} has fired is reachable: then
 * some run has an instant where P holds, after which Q does not hold for more than T. Conversely
 * every such run maps to an observed one: arm at that instant (its marking satisfies P and not Q),
 * and as Q does not hold before T has passed, {@code disarm} is never forced and {@code late}
 * may fire after T (its interval is ]T, ∞[ and no urgency of the net can prevent it: the net's
 * transitions' upper bounds force them, not it, and it is enabled until disarmed). Obligations
 * from later instants of the same Q-free stretch are weaker (the same Q deadline, less time), so
 * arming once per stretch, at any instant the search chooses, covers them; after Q the observer
 * is idle again and may arm at the next P instant. Bounded nets have finitely many classes, so the
 * search ends; it is cut only by the limits (then inconclusive).
 *
 * <p>The counterexample is the path of classes to the violation, scheduled at its earliest dates
 * ({@link TraceScheduler}; {@code late} fires at T after arming, the limit of the real ]T, …
 * dates).
 */
public final class ResponseSearch {

    private final TimedNet net;
    private final int own;
    private final int arm;
    private final int disarm;
    private final int late;
    private final int armed;
    private final int latePlace;
    private final CompiledPredicate trigger;
    private final CompiledPredicate response;

    /**
     * {@code net}: the net with the observer; its first {@code ownTransitions} transitions are the
     * net's own. {@code trigger}, {@code response}: P and Q over its places.
     */
    public ResponseSearch(PetriNet net, int ownTransitions, int arm, int disarm, int late, int armedPlace,
                          int latePlace, CompiledPredicate trigger, CompiledPredicate response) {
        this.net = new TimedNet(net);
        this.own = ownTransitions;
        this.arm = arm;
        this.disarm = disarm;
        this.late = late;
        this.armed = armedPlace;
        this.latePlace = latePlace;
        this.trigger = trigger;
        this.response = response;
    }

    /** {@code violation}: the transitions fired to the first violation, scheduled (null when none, or cut). */
    public record Result(boolean violated, boolean complete, TimedTrace violation, long classes, Limit limit,
                         double seconds) {
    }

    public Result search(Budget budget) {
        Meter meter = budget.start("classes");
        long[] stored = {0};
        try {
            return search(meter, stored);
        } catch (OutOfMemoryError e) {
            return new Result(false, false, null, stored[0], Limit.MEMORY, meter.seconds());
        } finally {
            meter.finish(stored[0]);
        }
    }

    private Result search(Meter meter, long[] stored) {
        final TimedNet tn = net;
        final int places = tn.places;
        final int maxDim = tn.transitions + 1;
        final FiringDomain step = new FiringDomain(tn, 0);
        final ClassStore classes = new ClassStore(places + 1 + maxDim * maxDim);
        final int[] key = new int[places + 1 + maxDim * maxDim];
        final int[] enabled = new int[tn.transitions];
        final int[] marking = new int[places];
        int[] parent = new int[1024];
        int[] fired = new int[1024];
        // the domain of the class being expanded, decoded from its stored form (DomainCodec)
        final int[] d = new int[maxDim * maxDim];

        int k0 = tn.enabledList(tn.initialMarking, enabled);
        int dim0 = k0 + 1;
        int[] d0 = new int[dim0 * dim0];
        step.initialDomain(enabled, k0, d0);
        classes.add(key, keyOf(tn.initialMarking, d0, dim0, key));
        parent[0] = -1;
        fired[0] = -1;
        long edges = 0;
        for (int id = 0; id < classes.count(); id++) {
            int[] arena = classes.page(id);
            int off = classes.offset(id);
            System.arraycopy(arena, off, marking, 0, places);
            int dim = arena[off + places];
            DomainCodec.decode(arena, off + places + 1, classes.length(id) - places - 1, dim, false, d);
            int k = tn.enabledList(marking, enabled);
            if (k != dim - 1) {
                throw new IllegalStateException("class " + id + ": " + k + " enabled, domain of " + (dim - 1));
            }
            boolean dead = true;
            for (int i = 0; i < k; i++) {
                dead &= enabled[i] >= own;
            }
            boolean q = response.test(marking, dead);
            boolean forced = marking[armed] > 0 && q;
            boolean mayArm = !q && trigger.test(marking, dead);
            for (int fi = 0; fi < k; fi++) {
                int t = enabled[fi];
                if (forced ? t != disarm : (t == disarm || (t == arm && !mayArm))) {
                    continue;
                }
                if (!FiringDomain.firable(d, 0, k, dim, fi)) {
                    continue;
                }
                stored[0] = classes.count();
                Limit limit = meter.check(classes.count());
                if (limit == Limit.NONE && !meter.mayAllocate(classes.nextGrowthBytes(key.length))) {
                    limit = Limit.MEMORY;
                }
                if (limit != Limit.NONE) {
                    return new Result(false, false, null, classes.count(), limit, meter.seconds());
                }
                int nd = step.fire(marking, enabled, k, d, 0, fi);
                edges++;
                int r = classes.add(key, keyOf(step.nextMarking, step.nextDomain, nd, key));
                if (r < 0) {
                    continue;
                }
                if (r == parent.length) {
                    parent = Arrays.copyOf(parent, r * 2);
                    fired = Arrays.copyOf(fired, r * 2);
                }
                parent[r] = id;
                fired[r] = t;
                if (step.nextMarking[latePlace] > 0) {
                    int[] path = path(r, parent, fired);
                    TimedTrace trace = TraceScheduler.schedule(tn, path, true, true);
                    stored[0] = classes.count();
                    return new Result(true, true, trace, classes.count(), Limit.NONE, meter.seconds());
                }
            }
        }
        stored[0] = classes.count();
        return new Result(false, true, null, classes.count(), Limit.NONE, meter.seconds());
    }

    private static int keyOf(int[] marking, int[] domain, int dim, int[] key) {
        System.arraycopy(marking, 0, key, 0, marking.length);
        key[marking.length] = dim;
        return marking.length + 1 + DomainCodec.encode(domain, 0, dim, false, key, marking.length + 1);
    }

    private static int[] path(int id, int[] parent, int[] fired) {
        int n = 0;
        for (int c = id; parent[c] >= 0; c = parent[c]) {
            n++;
        }
        int[] p = new int[n];
        for (int c = id; parent[c] >= 0; c = parent[c]) {
            p[--n] = fired[c];
        }
        return p;
    }
}

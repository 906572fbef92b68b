package dev.cadenza.verify.property;

import dev.cadenza.core.model.ComponentType;
import dev.cadenza.core.model.PortBinding;
import dev.cadenza.petri.query.CompiledPredicate;
import dev.cadenza.petri.query.LinearExpression;
import dev.cadenza.petri.query.Predicate;
import dev.cadenza.verify.engine.Targets;
import dev.cadenza.verify.execute.LoopPredicate;
import dev.cadenza.verify.trace.Run;
import dev.cadenza.verify.trace.RunEvent;
import dev.cadenza.verify.translate.Provenance;
import dev.cadenza.verify.translate.TranslatedNet;
import org.apache.commons.math3.fraction.BigFraction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A predicate over a translated net's places, read on the states a run of the executor passes
 * through: the bridge that lets a net's counterexample be checked on the runtime's own run.
 *
 * <p>Each net place the predicate reads is given its meaning in model terms, and that meaning is
 * read off the executor's events — never off the net:
 * <ul>
 * <li>{@code c.P} (the place itself): entered and not left since ({@code PlaceEntered} /
 *     {@code PlaceLeft}); the net's token in P means the same, and is what a model predicate
 *     {@code c.P} names;</li>
 * <li>{@code c.t running}: started and not ended;</li>
 * <li>a provide port's activity counter over several places (no group): how many of them are
 *     entered; a port bound to one place reads that place;</li>
 * <li>the observers of {@code sequence} ("c.t started", "c.t ended"): how often it did.</li>
 * </ul>
 * Anything else (a group's activity flag, a data port's "provided once" flag, {@code dead}, the
 * translation's internal places) is not read: {@link #of} says why, and the caller keeps the net's
 * answer as it was (docs/verify.md, "Zero-time moves"). States are those after each event, the
 * first the run's initial places: the runtime does its moves one by one (one Python thread), so
 * each of those states exists, for an instant at least.
 */
final class ExecutorStates {

    /** What one net place means on an executor's state. */
    private record Reading(int kind, String instance, String element, String[] places) {
    }

    private static final int MARKED = 0;
    private static final int RUNNING = 1;
    private static final int SUM_MARKED = 2;
    private static final int STARTED = 3;
    private static final int ENDED = 4;

    private final CompiledPredicate predicate;
    private final int[] places;
    private final Reading[] readings;
    private final int size;

    /** Why the runtime's state space cannot observe it (the observers' counts are read as flags), or null. */
    private final String notAFlagTest;
    /** What it reads and tests, as text: equal for two predicates that read and test the same ({@link #key()}). */
    private final String key;

    private ExecutorStates(CompiledPredicate predicate, int[] places, Reading[] readings, int size, String notAFlagTest,
                           String key) {
        this.key = key;
        this.predicate = predicate;
        this.places = places;
        this.readings = readings;
        this.size = size;
        this.notAFlagTest = notAFlagTest;
    }

    /** The predicate {@code p} (over {@code tn}'s places) readable on executor runs, or the reason it is not. */
    static Either of(TranslatedNet tn, Predicate p) {
        Set<Integer> used = new TreeSet<>();
        String bad = collect(p, used);
        if (bad != null) {
            return new Either(null, bad);
        }
        int[] idx = used.stream().mapToInt(Integer::intValue).toArray();
        Reading[] rs = new Reading[idx.length];
        for (int k = 0; k < idx.length; k++) {
            Provenance pv = tn.backMap().place(idx[k]);
            Reading r = reading(tn, pv);
            if (r == null) {
                return new Either(null, "it reads " + describe(pv) + ", which the replay does not read off the"
                        + " executor's runs");
            }
            rs[k] = r;
        }
        int size = tn.net().placeCount();
        Set<Integer> observers = new TreeSet<>();
        for (int k = 0; k < idx.length; k++) {
            if (rs[k].kind() == STARTED || rs[k].kind() == ENDED) {
                observers.add(idx[k]);
            }
        }
        StringBuilder key = new StringBuilder();
        for (int k = 0; k < idx.length; k++) {
            key.append(idx[k]).append('=').append(rs[k].kind()).append(' ').append(rs[k].instance()).append(' ')
                    .append(rs[k].element()).append(' ').append(rs[k].places() == null ? "" : String.join(",", rs[k].places()))
                    .append(';');
        }
        key.append(p);
        return new Either(new ExecutorStates(Targets.compile(p), idx, rs, size, flagTest(p, observers), key.toString()),
                null);
    }

    /**
     * Whether every comparison that reads an observer ("c.t started", "c.t ended": how often it
     * did) reads it alone and cannot tell 1 from any larger count — as {@code sequence}'s
     * {@code started >= 1 and ended = 0} — so that the runtime's state space, which keeps them as
     * flags set once, observes the same predicate: null if so, else why not. A comparison of one
     * term {@code c·x + k1 op k2} (c ≠ 0) has one truth value for every x beyond |k1| + |k2| + 1,
     * so trying x from 1 to there settles it.
     */
    private static String flagTest(Predicate p, Set<Integer> observers) {
        if (p instanceof Predicate.Comparison c) {
            boolean reads = false;
            for (LinearExpression e : List.of(c.left(), c.right())) {
                for (LinearExpression.Term t : e.terms()) {
                    reads |= observers.contains(Integer.parseInt(t.name().substring(1)));
                }
            }
            if (!reads) {
                return null;
            }
            int terms = c.left().terms().size() + c.right().terms().size();
            LinearExpression.Term t = c.left().terms().isEmpty() ? null : c.left().terms().get(0);
            long sign = 1;
            if (t == null) {
                t = c.right().terms().get(0);
                sign = -1;
            }
            if (terms != 1 || t.coefficient() == 0) {
                return "it compares an order observer with other counts";
            }
            long k = c.left().constant() - c.right().constant();
            long bound = Math.abs(c.left().constant()) + Math.abs(c.right().constant()) + 2;
            boolean first = c.operator().holds(sign * t.coefficient() + k);
            for (long x = 2; x <= bound; x++) {
                if (c.operator().holds(sign * t.coefficient() * x + k) != first) {
                    return "it tells how often a step started or ended, beyond once";
                }
            }
            return null;
        } else if (p instanceof Predicate.And a) {
            String l = flagTest(a.left(), observers);
            return l != null ? l : flagTest(a.right(), observers);
        } else if (p instanceof Predicate.Or o) {
            String l = flagTest(o.left(), observers);
            return l != null ? l : flagTest(o.right(), observers);
        } else if (p instanceof Predicate.Not n) {
            return flagTest(n.operand(), observers);
        }
        return null;
    }

    /**
     * The same predicate as the runtime's state space observes it
     * ({@link dev.cadenza.verify.execute.RuntimeStateSpace#reach}), or null when it cannot (an
     * observer count it would read as a flag). The readings are the same as {@link #trace}'s.
     */
    LoopPredicate loopPredicate() {
        if (notAFlagTest != null) {
            return null;
        }
        List<LoopPredicate.Reading> out = new ArrayList<>();
        for (Reading r : readings) {
            LoopPredicate.Reads k = switch (r.kind()) {
                case MARKED -> LoopPredicate.Reads.MARKED;
                case RUNNING -> LoopPredicate.Reads.RUNNING;
                case SUM_MARKED -> LoopPredicate.Reads.MARKED_COUNT;
                case STARTED -> LoopPredicate.Reads.STARTED;
                default -> LoopPredicate.Reads.ENDED;
            };
            out.add(new LoopPredicate.Reading(k, r.instance(), r.element(),
                    r.places() == null ? null : List.of(r.places())));
        }
        long[] m = new long[size];
        int[] at = places;
        CompiledPredicate test = predicate;
        return new LoopPredicate(out, values -> {
            for (int j = 0; j < at.length; j++) {
                m[at[j]] = values[j];
            }
            return test.test(m, false);
        });
    }

    /**
     * Equal for two predicates that read the same things at the same places and test them alike (the
     * same predicate built twice, on nets with the same places): a block's answers are kept by it
     * ({@link RuntimeObservations}).
     */
    String key() {
        return key;
    }

    /** Why {@link #loopPredicate()} is null, or null. */
    String whyNotObserved() {
        return notAFlagTest;
    }

    /** A readable predicate, or why not. */
    record Either(ExecutorStates states, String whyNot) {
    }

    private static String collect(Predicate p, Set<Integer> used) {
        if (p instanceof Predicate.Comparison c) {
            terms(c.left(), used);
            terms(c.right(), used);
            return null;
        } else if (p instanceof Predicate.And a) {
            String l = collect(a.left(), used);
            return l != null ? l : collect(a.right(), used);
        } else if (p instanceof Predicate.Or o) {
            String l = collect(o.left(), used);
            return l != null ? l : collect(o.right(), used);
        } else if (p instanceof Predicate.Not n) {
            return collect(n.operand(), used);
        } else if (p instanceof Predicate.Dead) {
            return "it says 'dead', which is read on the net only";
        }
        return null;
    }

    private static void terms(LinearExpression e, Set<Integer> used) {
        for (LinearExpression.Term t : e.terms()) {
            used.add(Integer.parseInt(t.name().substring(1)));
        }
    }

    private static Reading reading(TranslatedNet tn, Provenance pv) {
        if (pv instanceof Provenance.InPlace ip) {
            return new Reading(MARKED, ip.instance(), ip.place(), null);
        } else if (pv instanceof Provenance.Running r) {
            return new Reading(RUNNING, r.instance(), r.transition(), null);
        } else if (pv instanceof Provenance.PortActivity a) {
            ComponentType type = tn.backMap().instances().get(a.instance());
            var port = type == null ? null : type.port(a.port()).orElse(null);
            if (port == null || !(port.binding() instanceof PortBinding.At at)) {
                return null;
            }
            for (String n : at.placesOrGroups()) {
                if (type.place(n).isEmpty()) {
                    return null; // a group: its activity is the runtime's group count, not read here
                }
            }
            return new Reading(SUM_MARKED, a.instance(), a.port(), at.placesOrGroups().toArray(String[]::new));
        } else if (pv instanceof Provenance.Observer o) {
            // ObserverPlaces names them "c.t started" / "c.t ended"
            String w = o.what();
            int kind = w.endsWith(" started") ? STARTED : w.endsWith(" ended") ? ENDED : -1;
            int dot = w.indexOf('.');
            int space = w.lastIndexOf(' ');
            if (kind < 0 || dot < 0 || space < dot) {
                return null;
            }
            return new Reading(kind, w.substring(0, dot), w.substring(dot + 1, space), null);
        }
        return null;
    }

    private static String describe(Provenance pv) {
        if (pv instanceof Provenance.GroupActive g) {
            return "the activity of group " + g.instance() + "." + g.group();
        } else if (pv instanceof Provenance.PortProvided p) {
            return "whether data port " + p.instance() + "." + p.port() + " was ever provided";
        } else if (pv instanceof Provenance.PortActivity p) {
            return "the activity of port " + p.instance() + "." + p.port() + " (bound to a group)";
        }
        return "a place of the translation (" + pv.getClass().getSimpleName() + ")";
    }

    // ---- reading a run ----------------------------------------------------------------------------

    /**
     * The states of {@code run}: one per event (after it) and the initial one, each with the
     * instant it begins; state k lasts until state k+1 begins (the last until the run's end, and
     * for ever when the run finished or deadlocked).
     */
    Trace trace(Run run) {
        Map<String, Integer> count = new HashMap<>();
        run.initial().forEach((c, ps) -> ps.forEach(p -> count.put(key(MARKED, c, p), 1)));
        List<BigFraction> at = new ArrayList<>();
        List<Boolean> holds = new ArrayList<>();
        at.add(BigFraction.ZERO);
        holds.add(test(count));
        for (RunEvent e : run.events()) {
            if (e instanceof RunEvent.PlaceEntered p) {
                count.put(key(MARKED, p.instance(), p.place()), 1);
            } else if (e instanceof RunEvent.PlaceLeft p) {
                count.remove(key(MARKED, p.instance(), p.place()));
            } else if (e instanceof RunEvent.TransitionStarted s) {
                count.merge(key(RUNNING, s.instance(), s.transition()), 1, Integer::sum);
                count.merge(key(STARTED, s.instance(), s.transition()), 1, Integer::sum);
            } else if (e instanceof RunEvent.TransitionEnded t) {
                count.merge(key(RUNNING, t.instance(), t.transition()), -1, Integer::sum);
                count.merge(key(ENDED, t.instance(), t.transition()), 1, Integer::sum);
            } else {
                continue; // no reading changes
            }
            at.add(e.time());
            holds.add(test(count));
        }
        return new Trace(at, holds, run);
    }

    private boolean test(Map<String, Integer> count) {
        long[] m = new long[size];
        for (int k = 0; k < places.length; k++) {
            Reading r = readings[k];
            long v;
            if (r.kind() == SUM_MARKED) {
                v = 0;
                for (String p : r.places()) {
                    v += count.getOrDefault(key(MARKED, r.instance(), p), 0);
                }
            } else {
                v = count.getOrDefault(key(r.kind(), r.instance(), r.element()), 0);
            }
            m[places[k]] = v;
        }
        return predicate.test(m, false);
    }

    private static String key(int kind, String instance, String element) {
        return kind + "\u0000" + instance + "\u0000" + element;
    }

    /** Whether the predicate held in each state of a run, and from when. */
    record Trace(List<BigFraction> at, List<Boolean> holds, Run run) {

        /** The instant state {@code k} ends: the next state's start, or the run's end (null: for ever). */
        BigFraction until(int k) {
            if (k + 1 < at.size()) {
                return at.get(k + 1);
            }
            return run.end() instanceof dev.cadenza.verify.trace.RunEnd.Finished
                    || run.end() instanceof dev.cadenza.verify.trace.RunEnd.Deadlock ? null : run.duration();
        }

        /** Some state holding at instant {@code t} satisfies the predicate: its index, or -1. */
        int holdsAt(BigFraction t) {
            for (int k = 0; k < at.size(); k++) {
                BigFraction u = until(k);
                if (at.get(k).compareTo(t) <= 0 && (u == null || u.compareTo(t) >= 0) && holds.get(k)) {
                    return k;
                }
            }
            return -1;
        }
    }
}

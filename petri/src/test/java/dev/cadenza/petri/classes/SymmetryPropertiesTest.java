package dev.cadenza.petri.classes;

import dev.cadenza.petri.Arc;
import dev.cadenza.petri.ArcKind;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.TimeInterval;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.query.CompiledPredicate;
import dev.cadenza.petri.query.NameResolver;
import dev.cadenza.petri.query.PredicateParser;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The state classes explored up to the symmetry of alike bundles against the full exploration,
 * on random nets made of k copies of a random fragment (places {@code c1.qa}, transitions
 * {@code c1.ua}, …) with shared places and transitions, sometimes with one copy subtly changed
 * (an interval, an arc, a token): the same reachability, the same min and max (value and
 * strictness), and witness runs that replay on the net as valid schedules reaching the target.
 */
class SymmetryPropertiesTest {

    private static final TimeInterval[] INTERVALS = {
        TimeInterval.closed(0, 0), TimeInterval.closed(0, 0), TimeInterval.closed(1, 2), TimeInterval.closed(0, 3),
        TimeInterval.closed(2, 2), TimeInterval.closed(1, 4),
        new TimeInterval(BigFraction.ONE, true, new BigFraction(3), false),
        new TimeInterval(BigFraction.ZERO, false, new BigFraction(5, 2), true),
    };

    /** Names inside a copy without digits: only the copy's own token carries its index. */
    private static final String LETTERS = "abcdefgh";

    @Property(tries = 1500)
    void sameBoundsToTheEnd(@ForAll long seed) {
        agree(seed, 0);
    }

    @Property(tries = 1500)
    void sameBoundsToATarget(@ForAll long seed) {
        agree(seed, 1 + (int) Math.floorMod(seed, 5L));
    }

    @Property(tries = 500)
    void sameBoundsWithoutTheZeroTimeReduction(@ForAll long seed) {
        agree(seed, (int) Math.floorMod(seed, 6L), false);
    }

    @Property(tries = 1500)
    void theUntimedSearchFindsATargetExactlyWhenOneIsReachable(@ForAll long seed) {
        Random r = new Random(seed);
        int k = 2 + r.nextInt(3);
        PetriNet net = bundles(r, k);
        int kind = (int) Math.floorMod(seed, 6L);
        CompiledPredicate target = kind == 0 ? PredicateParser.parse("dead").compile(NameResolver.of(net))
                : target(kind, k, net);
        var full = new dev.cadenza.petri.reach.MarkingGraphExplorer(net).target(target).explore();
        if (!full.statistics().complete() && full.target().isEmpty()) {
            return;
        }
        for (boolean stubborn : new boolean[] {false, true}) {
            var reduced = new dev.cadenza.petri.reach.MarkingGraphExplorer(net).target(target).stubborn(stubborn)
                    .symmetric(true).explore();
            assertEquals(full.target().isPresent(), reduced.target().isPresent(),
                    "target found (stubborn " + stubborn + ", seed " + seed + ")");
            if (reduced.target().isPresent()) {
                assertTrue(replaysTo(net, reduced.pathTo(reduced.target().get()), target),
                        "the path replays to the target (stubborn " + stubborn + ", seed " + seed + ")");
            }
            assertTrue(reduced.size() <= full.size() || full.target().isPresent(), "never more markings");
        }
    }

    /** Whether the sequence fires on the net (untimed) and ends where the target holds. */
    private static boolean replaysTo(PetriNet net, int[] path, CompiledPredicate target) {
        long[] m = net.initialMarking();
        for (int t : path) {
            if (!enabled(net, t, m)) {
                return false;
            }
            for (Arc a : net.transition(t).inputs()) {
                if (a.kind() == ArcKind.NORMAL) {
                    m[a.place()] -= a.weight();
                }
            }
            for (Arc a : net.transition(t).outputs()) {
                m[a.place()] += a.weight();
            }
        }
        boolean dead = true;
        for (int t = 0; t < net.transitionCount() && dead; t++) {
            dead = !enabled(net, t, m);
        }
        return target.test(m, dead);
    }

    private static boolean enabled(PetriNet net, int t, long[] m) {
        for (Arc a : net.transition(t).inputs()) {
            if (a.kind() == ArcKind.INHIBITOR ? m[a.place()] >= a.weight() : m[a.place()] < a.weight()) {
                return false;
            }
        }
        return true;
    }

    private static void agree(long seed, int targetKind) {
        agree(seed, targetKind, true);
    }

    private static void agree(long seed, int targetKind, boolean zeroTime) {
        Random r = new Random(seed);
        int k = 2 + r.nextInt(3);
        PetriNet net = bundles(r, k);
        CompiledPredicate target = target(targetKind, k, net);
        BundleSymmetry sym = BundleSymmetry.of(net, target);
        Statistics.label("symmetric").collect(!sym.isTrivial());
        TimeBoundsResult full = new TimeBounds(net).reducingZeroTimeInterleavings(zeroTime)
                .compute(target, Budget.ofClasses(300_000));
        if (!full.complete()) {
            return;
        }
        TimeBoundsResult reduced = new TimeBounds(net).reducingZeroTimeInterleavings(zeroTime).reducingSymmetries(true)
                .compute(target, Budget.ofClasses(300_000));
        assertTrue(reduced.complete(), "reduced search cut where the full one completed (seed " + seed + ")");
        Statistics.label("reachable").collect(full.reachable());
        assertEquals(full.reachable(), reduced.reachable(), "reachable (seed " + seed + ")");
        assertEquals(full.min(), reduced.min(), "min (seed " + seed + ")");
        assertEquals(full.max(), reduced.max(), "max (seed " + seed + ")");
        if (reduced.minTrace() != null) {
            assertNull(ScheduleReplay.check(net, reduced.minTrace()), "the fastest run replays (seed " + seed + ")");
            assertTrue(reaches(net, reduced.minTrace(), target), "the fastest run reaches the target (seed " + seed + ")");
        }
        if (reduced.maxTrace() != null) {
            assertNull(ScheduleReplay.check(net, reduced.maxTrace()), "the slowest run replays (seed " + seed + ")");
            assertTrue(reaches(net, reduced.maxTrace(), target), "the slowest run reaches the target (seed " + seed + ")");
        }
        if (!sym.isTrivial() && full.classes() > 0) {
            Statistics.label("classes reduced/full <= 0.75").collect(reduced.classes() * 4 <= full.classes() * 3);
        }
    }

    /** k copies of one random fragment, shared places g0..g1, shared transitions; maybe one copy altered. */
    static PetriNet bundles(Random r, int k) {
        int places = 2 + r.nextInt(3);
        int transitions = 1 + r.nextInt(4);
        int shared = 2;
        long[] tokens = new long[places];
        tokens[0] = 1;
        for (int x = 1; x < places; x++) {
            tokens[x] = r.nextInt(4) == 0 ? 1 : 0;
        }
        // per fragment transition: inputs (local place or shared: -1 - g), outputs, interval
        List<int[][]> arcs = new ArrayList<>();
        int[] interval = new int[transitions];
        for (int t = 0; t < transitions; t++) {
            List<int[]> a = new ArrayList<>();
            int from = r.nextInt(places);
            a.add(new int[] {0, from, 1}); // kind 0 normal, 1 read, 2 inhibitor, 3 output
            if (r.nextInt(3) == 0) {
                a.add(new int[] {r.nextBoolean() ? 1 : 2, pick(r, places, shared, from), 1});
            }
            if (r.nextInt(4) == 0) {
                a.add(new int[] {0, -1 - r.nextInt(shared), 1});
            }
            int to = r.nextInt(places + 1); // places: nowhere (the token leaves)
            if (to < places && to != from) {
                a.add(new int[] {3, to, 1});
            } else if (r.nextInt(3) == 0) {
                a.add(new int[] {3, -1 - r.nextInt(shared), 1});
            }
            arcs.add(a.toArray(new int[0][]));
            interval[t] = r.nextInt(INTERVALS.length);
        }
        int altered = r.nextInt(3) == 0 ? 1 + r.nextInt(k) : -1;
        int how = r.nextInt(3);
        PetriNet.Builder b = PetriNet.builder("bundles");
        int[][] placeIndex = new int[k + 1][places];
        for (int i = 1; i <= k; i++) {
            for (int x = 0; x < places; x++) {
                long m = tokens[x];
                if (i == altered && how == 0 && x == places - 1) {
                    m = 1 - Math.min(1, m);
                }
                placeIndex[i][x] = b.place("c" + i + ".q" + LETTERS.charAt(x), m);
            }
        }
        int[] sharedIndex = new int[shared];
        for (int g = 0; g < shared; g++) {
            sharedIndex[g] = b.place("g" + LETTERS.charAt(g), g == 0 ? r.nextInt(2) : 0);
        }
        for (int i = 1; i <= k; i++) {
            for (int t = 0; t < transitions; t++) {
                List<Arc> in = new ArrayList<>();
                List<Arc> out = new ArrayList<>();
                for (int[] a : arcs.get(t)) {
                    int p = a[1] >= 0 ? placeIndex[i][a[1]] : sharedIndex[-1 - a[1]];
                    add(a[0], p, in, out);
                }
                TimeInterval iv = INTERVALS[interval[t]];
                if (i == altered && t == 0 && how == 1) {
                    iv = INTERVALS[(interval[t] + 1 + r.nextInt(INTERVALS.length - 1)) % INTERVALS.length];
                }
                if (i == altered && t == transitions - 1 && how == 2) {
                    int p = sharedIndex[1];
                    if (in.stream().noneMatch(a -> a.place() == p)) {
                        in.add(new Arc(p, 1, ArcKind.INHIBITOR));
                    }
                }
                b.transition("c" + i + ".u" + LETTERS.charAt(t), iv, in, out);
            }
        }
        // shared transitions: one needing a place of every copy (symmetric), one moving g0 to g1
        int x = r.nextInt(places);
        List<Arc> all = new ArrayList<>();
        for (int i = 1; i <= k; i++) {
            all.add(new Arc(placeIndex[i][x], 1, r.nextBoolean() ? ArcKind.READ : ArcKind.NORMAL));
        }
        all.add(Arc.normal(sharedIndex[0], 1));
        b.transition("h.all", INTERVALS[r.nextInt(INTERVALS.length)], all, List.of(Arc.normal(sharedIndex[1], 1)));
        if (r.nextBoolean()) {
            b.transition("h.move", INTERVALS[r.nextInt(INTERVALS.length)], List.of(Arc.normal(sharedIndex[1], 1)),
                    List.of());
        }
        return b.build();
    }

    private static int pick(Random r, int places, int shared, int not) {
        if (r.nextInt(3) == 0) {
            return -1 - r.nextInt(shared);
        }
        int p = r.nextInt(places);
        return p == not ? -1 - r.nextInt(shared) : p;
    }

    private static void add(int kind, int p, List<Arc> in, List<Arc> out) {
        switch (kind) {
            case 3 -> {
                if (out.stream().noneMatch(a -> a.place() == p)) {
                    out.add(Arc.normal(p, 1));
                }
            }
            default -> {
                if (in.stream().noneMatch(a -> a.place() == p)) {
                    in.add(new Arc(p, 1, kind == 0 ? ArcKind.NORMAL : kind == 1 ? ArcKind.READ : ArcKind.INHIBITOR));
                }
            }
        }
    }

    /** 0: termination; else a target symmetric in the copies, naming one copy, or with dead. */
    private static CompiledPredicate target(int kind, int k, PetriNet net) {
        StringBuilder sum = new StringBuilder();
        for (int i = 1; i <= k; i++) {
            sum.append(i == 1 ? "" : " + ").append("c").append(i).append(".qb");
        }
        String text = switch (kind) {
            case 0 -> null;
            case 1 -> "gb >= 1";
            case 2 -> sum + " >= 1";
            case 3 -> "c1.qb >= 1";
            case 4 -> "dead and c1.qa = 0 and c2.qa = 0";
            default -> "dead and (" + sum + " >= 2 or ga = 0)";
        };
        return text == null ? null : PredicateParser.parse(text).compile(NameResolver.of(net));
    }

    /** Whether firing the trace's transitions ends in a marking where the target holds (null: dead). */
    private static boolean reaches(PetriNet net, TimedTrace trace, CompiledPredicate target) {
        long[] m = net.initialMarking();
        for (TimedTrace.Step s : trace.steps()) {
            for (Arc a : net.transition(net.transitionIndex(s.transition())).inputs()) {
                if (a.kind() == ArcKind.NORMAL) {
                    m[a.place()] -= a.weight();
                }
            }
            for (Arc a : net.transition(net.transitionIndex(s.transition())).outputs()) {
                m[a.place()] += a.weight();
            }
        }
        boolean dead = true;
        for (int t = 0; t < net.transitionCount() && dead; t++) {
            boolean on = true;
            for (Arc a : net.transition(t).inputs()) {
                on &= a.kind() == ArcKind.INHIBITOR ? m[a.place()] < a.weight() : m[a.place()] >= a.weight();
            }
            dead = !on;
        }
        return target == null ? dead : target.test(m, dead);
    }

    @Test
    void findsTheCopiesAndNotAnAlteredOne() {
        int found = 0;
        for (long seed = 0; seed < 300; seed++) {
            Random r = new Random(seed);
            PetriNet net = bundles(r, 3);
            if (!BundleSymmetry.of(net, null).isTrivial()) {
                found++;
            }
        }
        assertTrue(found >= 150, "symmetric in " + found + " of 300");
    }

    @Test
    void aTargetNamingOneCopyKeepsItApart() {
        PetriNet.Builder b = PetriNet.builder("three");
        for (int i = 1; i <= 3; i++) {
            int p = b.place("c" + i + ".qa", 1);
            int q = b.place("c" + i + ".qb", 0);
            b.transition("c" + i + ".ua", TimeInterval.closed(1, 2), List.of(Arc.normal(p, 1)), List.of(Arc.normal(q, 1)));
        }
        PetriNet net = b.build();
        BundleSymmetry all = BundleSymmetry.of(net, null);
        assertEquals(1, all.classCount());
        assertEquals(3, all.bundleCount(0));
        BundleSymmetry pinned = BundleSymmetry.of(net, PredicateParser.parse("c1.qb >= 1").compile(NameResolver.of(net)));
        assertEquals(1, pinned.classCount());
        assertEquals(2, pinned.bundleCount(0), "c2 and c3 stay interchangeable");
        BundleSymmetry sum = BundleSymmetry.of(net,
                PredicateParser.parse("c1.qb + c2.qb + c3.qb >= 2").compile(NameResolver.of(net)));
        assertEquals(3, sum.bundleCount(0), "a sum over every copy keeps the symmetry");
        assertFalse(BundleSymmetry.of(net, PredicateParser.parse("c1.qb + 2 * c2.qb + c3.qb >= 2")
                .compile(NameResolver.of(net))).bundleCount(0) == 3, "weights that differ break it");
    }
}

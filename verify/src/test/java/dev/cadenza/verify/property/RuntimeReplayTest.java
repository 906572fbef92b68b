package dev.cadenza.verify.property;

import dev.cadenza.core.model.PredicateText;
import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.core.model.TransitionRef;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.verify.Examples;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.engine.StateClassEngine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run of the net is replayed in the executor before a verdict rests on it: a real deadlock,
 * forbidden state, broken order or witness is confirmed ("replayed in the executor"); one the
 * runtime's loop does not make (the zero-time race of the runtime case of that name) is
 * inconclusive, never violated nor holds. (The spurious deadlock of zero-time-race itself is in
 * RuntimeCasesTest.)
 */
class RuntimeReplayTest {

    /** Each component waits, at the end of its transition, for the other's port: the runtime deadlocks at 1. */
    static final String MUTUAL_WAIT = """
            component A {
              places a0, a1
              initial a0
              behavior deploy {
                go: a0 -> a1 [1, 1]
              }
              use pb at a1
              provide pa at a1
            }
            component B {
              places b0, b1
              initial b0
              behavior deploy {
                go: b0 -> b1 [1, 1]
              }
              use pa at b1
              provide pb at b1
            }
            assembly both {
              a: A
              b: B
              connect a.pa -> b.pa
              connect b.pb -> a.pb
            }
            """;

    private static Verdict deployable(boolean replay) {
        Subject s = new Subject(Examples.parse(MUTUAL_WAIT), "both", new StateClassEngine(), Budget.of(100_000, 60))
                .replay(replay);
        return new Deployable(null, false, SourcePosition.NONE).check(s);
    }

    @Test
    void aRealDeadlockStaysViolatedConfirmedByTheExecutor() {
        Verdict.Violated v = assertInstanceOf(Verdict.Violated.class, deployable(true));
        assertTrue(v.counterexample().summary().contains("confirmed: " + RuntimeReplay.CONFIRMED),
                v.counterexample().summary());
        assertTrue(v.statistics().stage().endsWith(", " + RuntimeReplay.CONFIRMED), v.statistics().stage());
        assertEquals(1, v.counterexample().end().intValue());
    }

    @Test
    void withoutReplayTheSameRunAsBefore() {
        Verdict.Violated off = assertInstanceOf(Verdict.Violated.class, deployable(false));
        Verdict.Violated on = assertInstanceOf(Verdict.Violated.class, deployable(true));
        assertEquals(off.counterexample().run(), on.counterexample().run());
        assertTrue(!off.counterexample().summary().contains("confirmed"));
    }

    /** verify/src/test/resources/runtime-cases/zero-time-race.cdz: u may race through four zero-time moves in the net. */
    private static Subject zeroTimeRace(boolean replay) throws IOException {
        String text = Files.readString(Examples.root().resolve("verify/src/test/resources/runtime-cases/zero-time-race.cdz"));
        return new Subject(Examples.parse(text), "prog", new StateClassEngine(), Budget.of(200_000, 60)).replay(replay);
    }

    private static Forbidden forbidden(String p) {
        return new Forbidden(new PredicateText(p, SourcePosition.NONE));
    }

    private static Sequence sequence(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        return new Sequence(List.of(new TransitionRef(x[0], x[1], SourcePosition.NONE),
                new TransitionRef(y[0], y[1], SourcePosition.NONE)), SourcePosition.NONE);
    }

    private static void confirmed(Verdict v) {
        Verdict.Violated c = assertInstanceOf(Verdict.Violated.class, v, String.join("\n", v.details()));
        assertTrue(c.counterexample().summary().contains("confirmed: " + RuntimeReplay.CONFIRMED), c.counterexample().summary());
        assertTrue(c.statistics().stage().endsWith(", " + RuntimeReplay.CONFIRMED), c.statistics().stage());
    }

    private static void notReproduced(Verdict v) {
        Verdict.Inconclusive i = assertInstanceOf(Verdict.Inconclusive.class, v, String.join("\n", v.details()));
        assertTrue(i.reason().contains("did not reproduce"), i.reason());
        assertTrue(i.statistics().stage().endsWith(", " + RuntimeReplay.NOT_REPRODUCED), i.statistics().stage());
        assertTrue(i.partial().get(0).startsWith("the net's run"), "the net's run is still shown");
        assertTrue(i.statistics().complete());
    }

    /** The runtime makes u leave b and reach s while p is still in ready (its first sweeps): confirmed. */
    @Test
    void aRealForbiddenStateIsConfirmed() throws IOException {
        confirmed(forbidden("u.s and p.ready").check(zeroTimeRace(true)));
    }

    /**
     * u.again running while p is still in ready needs u's four zero-time moves before p's first:
     * the net makes that run, the runtime's loop (one sweep each per iteration) does not. The replay
     * alone leaves it open; the runtime's state space, observing every move of every run, settles
     * it: holds.
     */
    @Test
    void aForbiddenStateOnlyTheNetReachesIsSettledByTheStateSpace() throws IOException {
        Property p = forbidden("u.again running and p.ready");
        assertInstanceOf(Verdict.Violated.class, p.check(zeroTimeRace(false)));
        notReproduced(p.check(zeroTimeRace(true).stateSpace(false)));
        settledHolds(p.check(zeroTimeRace(true)));
    }

    private static void settledHolds(Verdict v) {
        Verdict.Holds h = assertInstanceOf(Verdict.Holds.class, v, String.join("\n", v.details()));
        assertTrue(h.statistics().stage().endsWith(", " + RuntimeStateSpaceStage.STAGE), h.statistics().stage());
        assertTrue(h.details().get(0).startsWith("no run of the runtime's loop"), h.details().get(0));
        assertTrue(h.details().get(0).contains("complete"), h.details().get(0));
    }

    /** p leaves ready and starts halt in its first sweep, u starts again in its third: halt may start first. */
    @Test
    void aRealBrokenOrderIsConfirmed() throws IOException {
        confirmed(sequence("u.again", "p.halt").check(zeroTimeRace(true)));
    }

    /**
     * The other way round: the net's run needs the race, and no replay of it reproduces it; but the
     * runtime's state space finds a run of the loop that breaks the order another way — halt's
     * thread ([0, 0]) started in p's first sweep and not noticed finished while u pauses, switches
     * to resume and starts again (a thread that has finished is noticed by some later end phase,
     * DESIGN.md's thread race): violated, with that run, which the executor makes.
     */
    @Test
    void anOrderTheReplayMissesIsSettledByTheStateSpace() throws IOException {
        Property p = sequence("p.halt", "u.again");
        assertInstanceOf(Verdict.Violated.class, p.check(zeroTimeRace(false)));
        Verdict v = p.check(zeroTimeRace(true).stateSpace(false));
        notReproduced(v);
        assertTrue(((Verdict.Inconclusive) v).reason().startsWith("the net starts the later step first"));
        Verdict.Violated s = assertInstanceOf(Verdict.Violated.class, p.check(zeroTimeRace(true)));
        assertTrue(s.statistics().stage().endsWith(", " + RuntimeStateSpaceStage.STAGE), s.statistics().stage());
        assertTrue(s.counterexample().summary().contains("found in " + RuntimeStateSpaceStage.STAGE));
        var events = s.counterexample().run().events();
        var last = assertInstanceOf(dev.cadenza.verify.trace.RunEvent.TransitionStarted.class, events.get(events.size() - 1));
        assertEquals("again", last.transition());
        assertTrue(events.stream().noneMatch(e -> e instanceof dev.cadenza.verify.trace.RunEvent.TransitionEnded t
                && t.transition().equals("halt")), "halt has not ended when again starts");
    }

    /** A state the runtime reaches: the witness of EF and of parallel is confirmed and the verdict holds. */
    @Test
    void aRealWitnessIsConfirmed() throws IOException {
        Verdict v = new Query("EF u.s and p.ready", SourcePosition.NONE).check(zeroTimeRace(true));
        Verdict.Holds h = assertInstanceOf(Verdict.Holds.class, v);
        assertTrue(h.statistics().stage().endsWith(", " + RuntimeReplay.CONFIRMED), h.statistics().stage());
    }

    /**
     * Three steps: the net's run breaks the second pair (again before halt has ended), which no
     * replay reproduces; the loop's run the state space finds breaks the first (halt starts while
     * pause's [0, 0] thread is not yet noticed finished), and the summary names that pair.
     */
    @Test
    void aLongerSequenceNamesThePairTheRuntimesRunBreaks() throws IOException {
        Sequence p = new Sequence(List.of(new TransitionRef("u", "pause", SourcePosition.NONE),
                new TransitionRef("p", "halt", SourcePosition.NONE), new TransitionRef("u", "again", SourcePosition.NONE)),
                SourcePosition.NONE);
        Verdict.Violated net = assertInstanceOf(Verdict.Violated.class, p.check(zeroTimeRace(false)));
        assertTrue(net.counterexample().summary().startsWith("u.again starts before p.halt has ended"),
                net.counterexample().summary());
        Verdict.Violated v = assertInstanceOf(Verdict.Violated.class, p.check(zeroTimeRace(true)));
        assertTrue(v.statistics().stage().endsWith(", " + RuntimeStateSpaceStage.STAGE), v.statistics().stage());
        assertTrue(v.counterexample().summary().startsWith("p.halt starts before u.pause has ended"),
                v.counterexample().summary());
    }

    /**
     * A witness only the net makes proves nothing: inconclusive, never holds, after the replay alone;
     * the runtime's state space, complete, finds no run of the loop reaching it: violated.
     */
    @Test
    void aWitnessOnlyTheNetMakesIsSettledByTheStateSpace() throws IOException {
        Property p = new Query("EF u.again running and p.ready", SourcePosition.NONE);
        assertInstanceOf(Verdict.Holds.class, p.check(zeroTimeRace(false)));
        Verdict.Inconclusive i = assertInstanceOf(Verdict.Inconclusive.class,
                p.check(zeroTimeRace(true).stateSpace(false)));
        assertTrue(i.statistics().stage().endsWith(", " + RuntimeReplay.NOT_REPRODUCED), i.statistics().stage());
        Verdict.Violated v = assertInstanceOf(Verdict.Violated.class, p.check(zeroTimeRace(true)));
        assertTrue(v.statistics().stage().endsWith(", " + RuntimeStateSpaceStage.STAGE), v.statistics().stage());
        assertTrue(v.counterexample().summary().startsWith("no run of the runtime's loop reaches it"));
    }

    /** AG p is "not p unreachable": the same replay as forbidden, and the same settling. */
    @Test
    void anAgViolationOnlyTheNetMakesIsSettledByTheStateSpace() throws IOException {
        Property p = new Query("AG not (u.again running and p.ready)", SourcePosition.NONE);
        assertInstanceOf(Verdict.Violated.class, p.check(zeroTimeRace(false)));
        notReproduced(p.check(zeroTimeRace(true).stateSpace(false)));
        settledHolds(p.check(zeroTimeRace(true)));
    }

    /**
     * zero-time-race with p pushed {@code stop} once more at the end: the net's deadlock found first
     * (t=0, p locked in ready by u's race; also the fastest) is spurious; the runtime goes the other
     * way, p halts, restarts at t=1, and then deadlocks for real — its second stop locked by u, back
     * in b. Only searching on past the first dead marking finds it.
     */
    @Test
    void aDeadlockFoundOnlyBySearchingOnIsConfirmed() throws IOException {
        String text = Files.readString(Examples.root().resolve("verify/src/test/resources/runtime-cases/zero-time-race.cdz"))
                .replace("  pushB(u, resume)\n  waitAll", "  pushB(u, resume)\n  pushB(p, stop)\n  waitAll");
        Subject off = new Subject(Examples.parse(text), "prog", new StateClassEngine(), Budget.of(200_000, 60))
                .replay(false);
        Verdict.Violated net = assertInstanceOf(Verdict.Violated.class,
                new Deployable(null, false, SourcePosition.NONE).check(off));
        assertEquals(0, net.counterexample().end().intValue(), "the net's deadlock found first is the race's, at 0");
        Subject on = new Subject(Examples.parse(text), "prog", new StateClassEngine(), Budget.of(200_000, 60));
        Verdict v = new Deployable(null, false, SourcePosition.NONE).check(on);
        confirmed(v);
        Counterexample c = ((Verdict.Violated) v).counterexample();
        assertTrue(c.summary().contains("found as dead marking 2 of the net"), c.summary());
        assertEquals(1, c.end().intValue());
    }

    /** zero-time-race alone: its only dead marking is spurious, and the reason says every one was tried. */
    @Test
    void aSpuriousDeadlockSaysEveryDeadMarkingWasTried() throws IOException {
        Verdict.Inconclusive i = assertInstanceOf(Verdict.Inconclusive.class,
                new Deployable(null, false, SourcePosition.NONE).check(zeroTimeRace(true).stateSpace(false)));
        assertTrue(i.reason().contains("every dead marking of the net (1) replayed"), i.reason());
    }

    /** Where no dead marking of the net replays, the runtime's state space settles it: no run of the loop deadlocks. */
    @Test
    void theRuntimesStateSpaceSettlesASpuriousDeadlock() throws IOException {
        Verdict v = new Deployable(null, false, SourcePosition.NONE).check(zeroTimeRace(true));
        Verdict.Holds h = assertInstanceOf(Verdict.Holds.class, v, String.join("\n", v.details()));
        assertTrue(h.statistics().stage().endsWith("the runtime's state space"), h.statistics().stage());
        assertTrue(h.details().get(0).startsWith("no run of the runtime's loop deadlocks"), h.details().get(0));
    }

    private static Response response(String p, String q, String within) {
        return new Response(new PredicateText(p, SourcePosition.NONE), new PredicateText(q, SourcePosition.NONE),
                new BigDecimal(within), SourcePosition.NONE);
    }

    /** p is down from 0 to its restart at 1: ready more than 0.5 s later, in every run. Confirmed. */
    @Test
    void aRealLateResponseIsConfirmed() throws IOException {
        confirmed(response("p.down", "p.ready", "0.5").check(zeroTimeRace(true)));
    }

    /** u back in s never again after p is down needs the race (u through s before p leaves ready). */
    @Test
    void aLateResponseOnlyTheNetMakesIsInconclusive() throws IOException {
        Property r = response("p.down", "u.s", "0.5");
        assertInstanceOf(Verdict.Violated.class, r.check(zeroTimeRace(false)));
        notReproduced(r.check(zeroTimeRace(true)));
    }

    /** AF p.down fails in the net only by the race's deadlock (p stuck in ready): inconclusive. */
    @Test
    void anAfViolationOnlyTheNetMakesIsInconclusive() throws IOException {
        Property p = new Query("AF p.down", SourcePosition.NONE);
        assertInstanceOf(Verdict.Violated.class, p.check(zeroTimeRace(false)));
        notReproduced(p.check(zeroTimeRace(true)));
    }
}

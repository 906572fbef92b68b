package dev.cadenza.verify.property;

import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.bounds.BoundsReport;
import dev.cadenza.verify.bounds.TimeBoundsAnalysis;
import dev.cadenza.verify.report.Times;
import org.apache.commons.math3.fraction.BigFraction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** {@code within T}: every run finishes by T seconds (max ≤ T); else a slowest run. */
public record Within(BigDecimal seconds, SourcePosition position) implements Property {

    public String name() {
        return "within " + seconds.toPlainString();
    }

    public String mode(Subject subject) {
        return subject.engine().name() + ", time to target";
    }

    public Verdict check(Subject subject) {
        BoundsReport r = TimeBoundsAnalysis.of(subject, null, false);
        BigFraction limit = new BigFraction(seconds.unscaledValue()).divide(
                new BigFraction(java.math.BigInteger.TEN.pow(Math.max(0, seconds.scale()))));
        if (seconds.scale() < 0) {
            limit = new BigFraction(seconds.toBigIntegerExact());
        }
        if (!r.complete()) {
            // a run found ending after T is a counterexample whatever the rest of the search holds,
            // once the runtime makes it too
            if (r.reachable() && r.minRun().duration().compareTo(limit) > 0) {
                Verdict.Violated found = new Verdict.Violated(Counterexample.of("a run takes "
                        + Times.format(r.minRun().duration()) + " s", r.minRun(), subject.net(Subject.Mode.TIMED), false),
                        r.statistics());
                return RuntimeReplay.violation(subject, found, new RuntimeReplay.Expectation.Finishes(
                        r.minRun().duration()), SLOW_NOT_REPRODUCED);
            }
            return new Verdict.Inconclusive(subject.budget().reason(r.statistics().limit()),
                    TimeBoundsProperty.partial(r), r.statistics(), r);
        }
        if (!r.reachable()) {
            return new Verdict.Violated(Counterexample.of("the program never finishes"),
                    r.statistics());
        }
        if (r.max() != null && r.max().compareTo(limit) <= 0) {
            return new Verdict.Holds(List.of("max " + Times.format(r.max()) + " s"), r.statistics(), null, r);
        }
        // the slowest run held to the runtime first (BoundsReplay says why)
        BoundsReplay.Held held = BoundsReplay.hold(subject, r, position);
        if (held.report().runtime() != null && held.report().runtime().exact() != null) {
            // the runtime's state space has the exact max (RuntimeStateSpaceStage says why it may answer)
            Verdict v = RuntimeStateSpaceStage.within(subject, limit, seconds.toPlainString(), held.report(),
                    r.statistics().answeredBy(by(subject, r) + ", " + RuntimeStateSpaceStage.STAGE));
            if (v != null) {
                return v;
            }
        }
        if (r.unbounded() && held.deadlock() != null) {
            if (held.deadlockConfirmed()) {
                Verdict.Violated d = (Verdict.Violated) held.deadlock();
                Counterexample c = d.counterexample();
                return new Verdict.Violated(new Counterexample("a run never finishes: it deadlocks at t="
                        + Times.format(c.end()) + " (confirmed: " + RuntimeReplay.CONFIRMED + ")", c.run(), c.untimed(),
                        c.loopsTo()), r.statistics().plus(d.statistics()).answeredBy(by(subject, r) + ", "
                        + RuntimeReplay.CONFIRMED));
            }
            if (!held.maxAttained() && !(held.deadlock() instanceof Verdict.Holds)) {
                Verdict slow = slowRuntimeRun(subject, limit, r);
                if (slow != null) {
                    return slow;
                }
                List<String> partial = new ArrayList<>(TimeBoundsProperty.lines(held.report()));
                partial.addAll(held.deadlock().details());
                return new Verdict.Inconclusive("the net has runs that never finish, but they deadlock along runs the"
                        + " Concerto runtime's loop did not reproduce; the runtime may finish every run (its max is"
                        + " not known; --no-replay reports the net's answer)", partial,
                        r.statistics().plus(held.deadlock().statistics()).answeredBy(by(subject, r) + ", "
                                + RuntimeReplay.NOT_REPRODUCED), held.report());
            }
        }
        String summary = "a run takes " + (r.max() == null ? "unboundedly long" : Times.format(r.max()) + " s");
        Counterexample c = r.maxRun() == null ? Counterexample.of(summary)
                : Counterexample.of(summary, r.maxRun(), subject.net(Subject.Mode.TIMED), false);
        if (r.unbounded() || held.report().runtime() == null) {
            return new Verdict.Violated(c, r.statistics()); // a loop, or not replayed: the net's answer
        }
        if (held.maxAttained()) {
            return new Verdict.Violated(new Counterexample(summary + " (confirmed: " + RuntimeReplay.CONFIRMED
                    + ", which follows this run and finishes at the same instant)", c.run(), c.untimed(), c.loopsTo()),
                    r.statistics().answeredBy(by(subject, r) + ", " + RuntimeReplay.CONFIRMED));
        }
        Verdict slow = slowRuntimeRun(subject, limit, r);
        if (slow != null) {
            return slow;
        }
        List<String> partial = new ArrayList<>(TimeBoundsProperty.lines(held.report()));
        partial.add("the net's slowest run (not reproduced by the runtime's loop):");
        partial.addAll(c.lines());
        return new Verdict.Inconclusive("the net's slowest run takes " + Times.format(r.max()) + " s, more than "
                + seconds.toPlainString() + ", but it orders zero-time moves in a way the Concerto runtime's loop did not"
                + " reproduce (" + RuntimeReplay.ORDERS + " orders tried in the executor); the runtime's max is at most "
                + Times.format(r.max()) + " s and may be within " + seconds.toPlainString()
                + " (--no-replay reports the net's run as violated)", partial,
                r.statistics().answeredBy(by(subject, r) + ", " + RuntimeReplay.NOT_REPRODUCED), held.report());
    }

    /**
     * The net's slowest run is not the runtime's, but the executor's run with every duration at its
     * maximum is a run of the runtime's rules: when it ends after T (or never ends), that run
     * violates {@code within T} for the runtime. Null when it does not (or cannot be made).
     */
    private Verdict slowRuntimeRun(Subject subject, BigFraction limit, BoundsReport r) {
        dev.cadenza.verify.trace.Run slow = BoundsReplay.slowRunOfTheRuntime(subject);
        if (slow == null) {
            return null;
        }
        boolean finished = slow.end() instanceof dev.cadenza.verify.trace.RunEnd.Finished;
        if (finished && slow.duration().compareTo(limit) <= 0) {
            return null;
        }
        if (!finished && !(slow.end() instanceof dev.cadenza.verify.trace.RunEnd.Deadlock)) {
            return null;
        }
        String summary = (finished ? "a run takes " + Times.format(slow.duration()) + " s"
                : "a run never finishes: it " + slow.end().describe())
                + " (a run of the executor, every duration at its maximum: the runtime's loop makes it; the net's"
                + " slowest run is not reproduced there)";
        return new Verdict.Violated(new Counterexample(summary, slow), r.statistics().answeredBy(by(subject, r)
                + ", the executor's run"));
    }

    private static final String SLOW_NOT_REPRODUCED = "the net has a run that ends after the limit, but it orders"
            + " zero-time moves in a way the Concerto runtime's loop did not reproduce";

    /** The stage that answered the bounds (the conflict-free net's runs), else the engine's name. */
    private String by(Subject subject, BoundsReport r) {
        return r.statistics().stage() != null ? r.statistics().stage() : mode(subject);
    }
}

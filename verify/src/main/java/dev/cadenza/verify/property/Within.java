package dev.cadenza.verify.property;

import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.bounds.BoundsReport;
import dev.cadenza.verify.bounds.TimeBoundsAnalysis;
import dev.cadenza.verify.report.Times;
import org.apache.commons.math3.fraction.BigFraction;

import java.math.BigDecimal;
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
            // a run found ending after T is a counterexample whatever the rest of the search holds
            if (r.reachable() && r.minRun().duration().compareTo(limit) > 0) {
                return new Verdict.Violated(Counterexample.of("a run takes " + Times.format(r.minRun().duration())
                        + " s", r.minRun(), subject.net(Subject.Mode.TIMED), false), r.statistics());
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
        String summary = "a run takes " + (r.max() == null ? "unboundedly long" : Times.format(r.max()) + " s");
        Counterexample c = r.maxRun() == null ? Counterexample.of(summary)
                : Counterexample.of(summary, r.maxRun(), subject.net(Subject.Mode.TIMED), false);
        return new Verdict.Violated(c, r.statistics());
    }
}

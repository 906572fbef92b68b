package dev.cadenza.verify.fastpath;

import dev.cadenza.core.model.Deployment;
import dev.cadenza.core.model.DeploymentEntry;
import dev.cadenza.core.model.Model;
import dev.cadenza.verify.bounds.BoundsReport;
import dev.cadenza.verify.engine.Statistics;
import dev.cadenza.verify.property.Deployable;
import dev.cadenza.verify.property.Property;
import dev.cadenza.verify.property.TimeBoundsProperty;
import dev.cadenza.verify.property.Verdict;
import dev.cadenza.verify.property.Within;
import dev.cadenza.verify.report.Times;
import org.apache.commons.math3.fraction.BigFraction;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The properties a {@link ConflictFreeDeployment} answers without exploring: {@code deployable}
 * (every transition fires once, nothing can block: it holds; with a deployment, when every
 * listed place is where its instance ends), {@code bounds} (min and max end, critical path,
 * windows) and {@code within T} when it holds. A violation needs a counterexample run, which the
 * state classes give: those are left to them, as is every other property.
 */
public final class CriticalPathAnswers {

    /** What the verdict table's "answered by" column says. */
    public static final String MODE = "critical path";

    private CriticalPathAnswers() {
    }

    public static Optional<Verdict> answer(Property property, ConflictFreeDeployment cf, Model model) {
        if (!cf.applies()) {
            return Optional.empty();
        }
        if (property instanceof Deployable d) {
            if (d.deployment() != null && !endsInDeployment(cf, model, d.deployment())) {
                return Optional.empty();
            }
            return Optional.of(new Verdict.Holds(List.of("conflict-free: every transition fires once, nothing"
                    + " can block it, so every run finishes"), Statistics.NONE));
        }
        if (property instanceof TimeBoundsProperty) {
            BoundsReport r = report(cf, cf.windows().size() * 4 <= TimeBoundsProperty.WINDOWS_UP_TO);
            return Optional.of(new Verdict.Holds(TimeBoundsProperty.lines(r), Statistics.NONE, null, r));
        }
        if (property instanceof Within w) {
            BigFraction limit = fraction(w.seconds());
            if (cf.max() != null && cf.max().compareTo(limit) <= 0) {
                return Optional.of(new Verdict.Holds(List.of("max " + Times.format(cf.max()) + " s"), Statistics.NONE,
                        null, report(cf, false)));
            }
        }
        return Optional.empty();
    }

    /** The bounds report of a conflict-free deployment (no witness runs: the windows say when each step runs). */
    public static BoundsReport report(ConflictFreeDeployment cf, boolean withWindows) {
        return new BoundsReport(true, cf.min(), cf.max(), cf.max() == null, null, null, cf.criticalPath(),
                withWindows ? cf.windows() : List.of(), Statistics.NONE);
    }

    private static boolean endsInDeployment(ConflictFreeDeployment cf, Model model, String name) {
        for (Deployment d : model.deployments()) {
            if (d.name().equals(name)) {
                for (DeploymentEntry e : d.entries()) {
                    if (!cf.endsIn(e.instance(), e.place())) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private static BigFraction fraction(BigDecimal v) {
        if (v.scale() <= 0) {
            return new BigFraction(v.toBigIntegerExact());
        }
        return new BigFraction(v.unscaledValue(), BigInteger.TEN.pow(v.scale()));
    }
}

package dev.cadenza.core.lang;

import dev.cadenza.core.model.Behavior;
import dev.cadenza.core.model.ComponentType;
import dev.cadenza.core.model.Duration;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.PropertySpec;
import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.core.model.TransitionDecl;
import dev.cadenza.core.model.VerifyBlock;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Whether the model's times fit the exact engines. They count time in one unit for the whole net,
 * the least common multiple of the denominators of every time written (1 s for integers, 1/10 s
 * with one decimal, …), as integers of at most {@value #MAX_BITS} bits (petri's
 * {@code TimedNet.MAX_TIME_BITS}; core and petri share no code, so the number is repeated here,
 * and verify's TimeLimitsAgreeTest keeps the two equal). A time beyond that is an error at the
 * transition or property that writes it, instead of a failure without a position deep in an
 * analysis ({@code [1, 99999999999999999999]} was an internal error, exit 70).
 */
public final class TimeUnits {

    public static final int MAX_BITS = 27;

    private record Time(BigDecimal seconds, String what, SourcePosition at) {
    }

    private TimeUnits() {
    }

    static void check(Model model, Consumer<Problem> report) {
        check(model, d -> null, report);
    }

    /**
     * Who owns a transition, as the user wrote it: the type, or for a type made for one instance
     * by an {@code --interval} on that instance ({@code Server@s}) the instance ({@code s}).
     */
    private static String owner(ComponentType type) {
        int at = type.name().indexOf('@');
        return at < 0 ? type.name() : type.name().substring(at + 1);
    }

    /**
     * The same, for a model whose durations may come from the command line: {@code givenAt} says
     * where a duration was given ({@code --interval:K:COL}), or null for one of the file.
     */
    public static void check(Model model, java.util.function.Function<Duration, SourcePosition> givenAt,
                             Consumer<Problem> report) {
        List<Time> times = new ArrayList<>();
        for (ComponentType type : model.types()) {
            for (Behavior b : type.behaviors()) {
                for (TransitionDecl t : b.transitions()) {
                    Duration d = t.duration();
                    SourcePosition given = givenAt.apply(d);
                    String what = "the duration " + d + " of transition " + owner(type) + "." + t.name()
                            + (given == null ? "" : " (given by --interval)");
                    SourcePosition at = given == null ? t.position() : given;
                    times.add(new Time(d.min(), what, at));
                    if (d.max() != null) {
                        times.add(new Time(d.max(), what, at));
                    }
                }
            }
        }
        if (model.step() != null) {
            SourcePosition at = new SourcePosition(model.file(), 1, 1);
            times.add(new Time(model.step().min(), "the step " + model.step(), at));
            times.add(new Time(model.step().max(), "the step " + model.step(), at));
        }
        for (VerifyBlock v : model.verifyBlocks()) {
            for (PropertySpec p : v.properties()) {
                if (p instanceof PropertySpec.Within w) {
                    times.add(new Time(w.seconds(), "the time " + w.seconds().toPlainString() + " of within",
                            w.position()));
                } else if (p instanceof PropertySpec.Response r) {
                    times.add(new Time(r.seconds(), "the time " + r.seconds().toPlainString() + " of response",
                            r.position()));
                }
            }
        }
        BigInteger unit = BigInteger.ONE;
        for (Time t : times) {
            unit = lcm(unit, denominator(t.seconds()));
        }
        List<String> reported = new ArrayList<>();
        for (Time t : times) {
            BigInteger units = t.seconds().multiply(new BigDecimal(unit)).toBigInteger();
            if (units.bitLength() > MAX_BITS && !reported.contains(t.what())) {
                reported.add(t.what());
                report.accept(Problem.error(t.at(), t.what() + " is too large: exact analyses count time in units of "
                        + (unit.equals(BigInteger.ONE) ? "1 s" : "1/" + unit + " s (the finest decimal of the model)")
                        + ", at most 2^" + MAX_BITS + " = " + (1 << MAX_BITS) + " of them; write a shorter time"
                        + (unit.equals(BigInteger.ONE) ? "" : " or fewer decimals")));
            }
        }
    }

    /** The denominator of {@code v} as a reduced fraction (0.5 is 1/2, 2.50 is 5/2). */
    private static BigInteger denominator(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        if (s.scale() <= 0) {
            return BigInteger.ONE;
        }
        BigInteger den = BigInteger.TEN.pow(s.scale());
        return den.divide(den.gcd(s.unscaledValue().abs()));
    }

    private static BigInteger lcm(BigInteger a, BigInteger b) {
        return a.divide(a.gcd(b)).multiply(b);
    }
}

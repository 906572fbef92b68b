package dev.cadenza.cli;

import dev.cadenza.core.model.SourcePosition;
import dev.cadenza.petri.limit.Budget;
import dev.cadenza.petri.limit.Limit;
import dev.cadenza.verify.engine.Statistics;
import org.apache.commons.math3.fraction.BigFraction;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values every JSON object of docs/json.md is made of, written one way everywhere: the
 * envelope (command, file, exit), times, positions, statistics. Objects are LinkedHashMaps (field
 * order as documented) written by {@link Json}.
 */
final class JsonValues {

    private JsonValues() {
    }

    /** {@code {"command": …, "file": …}}: the start of every command's object. */
    static Map<String, Object> envelope(String command, Path file) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("command", command);
        o.put("file", file == null ? null : file.toString());
        return o;
    }

    /** Adds {@code exit} last and prints the object on one line. */
    static int print(java.io.PrintWriter out, Map<String, Object> o, int exit) {
        o.put("exit", exit);
        out.println(Json.write(o));
        out.flush();
        return exit;
    }

    /**
     * A time as a JSON number: exact when its decimal expansion is finite, else rounded to 17
     * significant digits; {@link #time(Map, String, BigFraction)} then adds the exact fraction.
     * Null stays null (unknown).
     */
    static BigDecimal number(BigFraction f) {
        if (f == null) {
            return null;
        }
        BigInteger d = f.getDenominator();
        BigInteger rest = d;
        while (rest.mod(BigInteger.TWO).signum() == 0) {
            rest = rest.shiftRight(1);
        }
        while (rest.mod(BigInteger.valueOf(5)).signum() == 0) {
            rest = rest.divide(BigInteger.valueOf(5));
        }
        BigDecimal n = new BigDecimal(f.getNumerator());
        BigDecimal v = rest.equals(BigInteger.ONE) ? n.divide(new BigDecimal(d))
                : n.divide(new BigDecimal(d), new MathContext(17));
        v = v.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    /** {@code "p/q"} when {@link #number} had to round, else null. */
    static String exact(BigFraction f) {
        if (f == null) {
            return null;
        }
        BigDecimal n = number(f);
        return new BigFraction(n.unscaledValue()).divide(new BigFraction(BigInteger.TEN.pow(Math.max(0, n.scale()))))
                .equals(f) ? null : f.getNumerator() + "/" + f.getDenominator();
    }

    /** {@code name: number} and, where it was rounded, {@code name_exact: "p/q"}. */
    static void time(Map<String, Object> o, String name, BigFraction f) {
        o.put(name, number(f));
        String e = exact(f);
        if (e != null) {
            o.put(name + "_exact", e);
        }
    }

    /** {@code name: number | "inf" | null}: infinite when {@code unbounded}, null when unknown. */
    static void bound(Map<String, Object> o, String name, BigFraction f, boolean unbounded) {
        if (unbounded) {
            o.put(name, "inf");
        } else {
            time(o, name, f);
        }
    }

    /** {@code {"file", "line", "column"}}, or null for no position. */
    static Map<String, Object> position(SourcePosition p) {
        if (p == null || p.line() <= 0) {
            return null;
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("file", p.file());
        o.put("line", p.line());
        o.put("column", p.column());
        return o;
    }

    /** A search's statistics: {@code classes, edges, complete, stopped, seconds}. */
    static Map<String, Object> statistics(Statistics s, Budget budget) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("classes", s.states());
        o.put("edges", s.edges());
        o.put("complete", s.complete());
        if (!s.complete()) {
            o.put("stopped", budget.reason(s.limit()));
        }
        o.put("seconds", s.millis() / 1000.0);
        return o;
    }

    /**
     * The whole command's statistics: classes (or markings) stored by all its searches, whether
     * every one completed (and if not, the first reason), seconds since the start, and the peak
     * heap (the sum of each heap pool's peak: an upper bound of the true peak).
     */
    static Map<String, Object> command(Budget budget, Limit first) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("classes", budget == null ? 0 : budget.classesUsed());
        o.put("complete", first == Limit.NONE);
        if (first != Limit.NONE && budget != null) {
            o.put("stopped", budget.reason(first));
        }
        o.put("seconds", Math.round((budget == null ? 0 : budget.elapsedSeconds()) * 1000) / 1000.0);
        o.put("peak_heap_bytes", peakHeap());
        return o;
    }

    static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.isValid() && p.getPeakUsage() != null) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}

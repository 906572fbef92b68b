package dev.cadenza.core.model;

import java.util.Map;

/** An integer expression over program parameters and loop variables, as in {@code n+1..n+m}. */
public sealed interface IntExpr {

    /** The value, with parameters and loop variables taken from {@code env}. */
    long evaluate(Map<String, Long> env);

    record Literal(long value) implements IntExpr {
        @Override
        public long evaluate(Map<String, Long> env) {
            return value;
        }

        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    record Variable(String name, SourcePosition position) implements IntExpr {
        @Override
        public long evaluate(Map<String, Long> env) {
            Long v = env.get(name);
            if (v == null) {
                throw new IllegalStateException(position + ": unknown parameter " + name);
            }
            return v;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** {@code left + right} or {@code left - right}. */
    record Sum(IntExpr left, boolean minus, IntExpr right) implements IntExpr {
        @Override
        public long evaluate(Map<String, Long> env) {
            long l = left.evaluate(env);
            long r = right.evaluate(env);
            return minus ? Math.subtractExact(l, r) : Math.addExact(l, r);
        }

        @Override
        public String toString() {
            return left + (minus ? "-" : "+") + right;
        }
    }
}

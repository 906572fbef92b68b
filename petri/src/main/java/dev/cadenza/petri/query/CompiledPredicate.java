package dev.cadenza.petri.query;

/**
 * A predicate with its names resolved to place indices: evaluation walks a small tree of final
 * nodes over primitive arrays, without allocating.
 */
public abstract sealed class CompiledPredicate
        permits CompiledPredicate.Linear, CompiledPredicate.Binary, CompiledPredicate.Negation,
        CompiledPredicate.IsDead, CompiledPredicate.Fixed {

    /** Whether the predicate holds in {@code marking}; {@code dead}: nothing is enabled there. */
    public abstract boolean test(int[] marking, boolean dead);

    public abstract boolean test(long[] marking, boolean dead);

    /** Marks in {@code read} every place whose marking the predicate looks at. */
    public abstract void markReadPlaces(boolean[] read);

    /** One comparison of the predicate: the sum of coefficient[i] · m(places[i]) (plus a constant) against 0. */
    public record Atom(int[] places, long[] coefficients) {
    }

    /** Told which comparison a run must move, and which way: +1 raise its sum, -1 lower it, 0 change it. */
    @FunctionalInterface
    public interface Mover {
        void move(int atom, int sign);
    }

    /** The comparisons of the predicate in tree order, numbered as {@link #interest} reports them. */
    public final java.util.List<Atom> atoms() {
        java.util.List<Atom> out = new java.util.ArrayList<>();
        number(out);
        return out;
    }

    void number(java.util.List<Atom> out) {
    }

    /**
     * For a marking m where the predicate is not {@code want}: reports comparisons and directions
     * such that every firing sequence from m that ends where the predicate is {@code want} moves
     * one of them that way at some step (its sum rises, falls, or changes). {@code dead} reports
     * nothing: a sequence from a live marking to a dead one is the business of the stubborn set's
     * key transition, and a dead marking has no sequence. Reasons, by node: a comparison false
     * with ≥ (resp. ≤) must rise (fall), = and ≠ must change; a conjunction to make true needs its
     * (first) false part made true; one to make false needs either part made false (both
     * reported); disjunctions dually; a negation flips {@code want}; a constant never changes.
     */
    public void interest(long[] m, boolean dead, boolean want, Mover mover) {
    }

    /**
     * True when the predicate can hold only in dead markings ({@code dead and …}, read
     * structurally): then a search for it needs every deadlock and nothing else, which is what
     * the deadlock-preserving stubborn sets of the marking graph keep.
     */
    public boolean holdsOnlyWhenDead() {
        if (this instanceof IsDead) {
            return true;
        }
        if (this instanceof Binary b) {
            return b.onlyWhenDead; // read at every stubborn set's interest: kept, not walked again
        }
        return this instanceof Fixed f && !f.value;
    }

    private static boolean onlyWhenDead(CompiledPredicate left, CompiledPredicate right, boolean conjunction) {
        return conjunction ? left.holdsOnlyWhenDead() || right.holdsOnlyWhenDead()
                : left.holdsOnlyWhenDead() && right.holdsOnlyWhenDead();
    }

    /** How many place readings one test costs at most: which side of a conjunction to test first. */
    int cost() {
        return 1;
    }

    /**
     * Whether {@code dead} occurs under an odd number of negations ({@code not dead and …}): the
     * predicate may then hold in a marking because something is still enabled there, so it is not
     * monotone in deadness. A predicate where {@code dead} occurs only positively that holds in a
     * live marking holds in every dead marking with the same places.
     */
    public final boolean readsLiveness() {
        return deadNegated(this, false);
    }

    private static boolean deadNegated(CompiledPredicate p, boolean negated) {
        if (p instanceof IsDead) {
            return negated;
        }
        if (p instanceof Binary b) {
            return deadNegated(b.left, negated) || deadNegated(b.right, negated);
        }
        return p instanceof Negation n && deadNegated(n.operand, !negated);
    }

    /**
     * Whether the predicate has the same truth value in m and in π·m (the marking whose place
     * {@code map[p]} holds m(p)) for every marking m; {@code map} is an involution of the places (a
     * swap of bundles). Decided on a normal form: conjunctions and disjunctions flattened and their
     * parts sorted (both are associative and commutative), each comparison's terms sorted by place;
     * equal forms of the predicate and of its renaming mean equal truth functions. A false answer
     * may be too cautious (it only costs a symmetry), never a true one.
     */
    public final boolean invariantUnder(int[] map) {
        return normalForm(this, null).equals(normalForm(this, map));
    }

    private static String normalForm(CompiledPredicate p, int[] map) {
        if (p instanceof Linear l) {
            java.util.TreeMap<Integer, Long> terms = new java.util.TreeMap<>();
            for (int i = 0; i < l.places.length; i++) {
                int q = map == null ? l.places[i] : map[l.places[i]];
                terms.merge(q, l.coefficients[i], Long::sum);
            }
            terms.values().removeIf(c -> c == 0);
            return "(" + terms + l.constant + l.operator + ")";
        }
        if (p instanceof Binary b) {
            java.util.List<String> parts = new java.util.ArrayList<>();
            flatten(b, b.conjunction, map, parts);
            java.util.Collections.sort(parts);
            return (b.conjunction ? "and" : "or") + parts;
        }
        if (p instanceof Negation n) {
            return "not" + normalForm(n.operand, map);
        }
        if (p instanceof IsDead) {
            return "dead";
        }
        return String.valueOf(((Fixed) p).value);
    }

    private static void flatten(CompiledPredicate p, boolean conjunction, int[] map, java.util.List<String> out) {
        if (p instanceof Binary b && b.conjunction == conjunction) {
            flatten(b.left, conjunction, map, out);
            flatten(b.right, conjunction, map, out);
        } else {
            out.add(normalForm(p, map));
        }
    }

    static CompiledPredicate of(Predicate p, NameResolver resolver) {
        if (p instanceof Predicate.Comparison c) {
            return Linear.of(c, resolver);
        } else if (p instanceof Predicate.And a) {
            return new Binary(of(a.left(), resolver), of(a.right(), resolver), true);
        } else if (p instanceof Predicate.Or o) {
            return new Binary(of(o.left(), resolver), of(o.right(), resolver), false);
        } else if (p instanceof Predicate.Not n) {
            return new Negation(of(n.operand(), resolver));
        } else if (p instanceof Predicate.Dead) {
            return new IsDead();
        }
        return new Fixed(((Predicate.Constant) p).value());
    }

    /** sum coefficient[i] * m(place[i]) + constant, compared with 0. */
    static final class Linear extends CompiledPredicate {
        private final int[] places;
        private final long[] coefficients;
        private final long constant;
        private final ComparisonOperator operator;

        /** Its number among the predicate's comparisons ({@link #atoms()}). */
        private int atom = -1;

        @Override
        int cost() {
            return 1 + places.length;
        }

        @Override
        public void markReadPlaces(boolean[] read) {
            for (int p : places) {
                read[p] = true;
            }
        }

        @Override
        void number(java.util.List<Atom> out) {
            atom = out.size();
            out.add(new Atom(places.clone(), coefficients.clone()));
        }

        @Override
        public void interest(long[] m, boolean dead, boolean want, Mover mover) {
            int sign = switch (operator) {
                case GE, GT -> 1;
                case LE, LT -> -1;
                case EQ, NE -> 0;
            };
            mover.move(atom, want ? sign : -sign);
        }

        private Linear(int[] places, long[] coefficients, long constant, ComparisonOperator operator) {
            this.places = places;
            this.coefficients = coefficients;
            this.constant = constant;
            this.operator = operator;
        }

        static Linear of(Predicate.Comparison c, NameResolver resolver) {
            java.util.Map<Integer, Long> coeff = new java.util.LinkedHashMap<>();
            add(c.left(), 1, resolver, coeff);
            add(c.right(), -1, resolver, coeff);
            int[] ps = new int[coeff.size()];
            long[] cs = new long[coeff.size()];
            int i = 0;
            for (java.util.Map.Entry<Integer, Long> e : coeff.entrySet()) {
                ps[i] = e.getKey();
                cs[i++] = e.getValue();
            }
            return new Linear(ps, cs, c.left().constant() - c.right().constant(), c.operator());
        }

        private static void add(LinearExpression e, long sign, NameResolver resolver,
                java.util.Map<Integer, Long> coeff) {
            for (LinearExpression.Term t : e.terms()) {
                int[] ps = resolver.places(t.name());
                if (ps == null) {
                    throw new PredicateSyntaxException(PredicateParser.SOURCE, t.column(),
                            "unknown place '" + t.name() + "': name a place of the net");
                }
                for (int p : ps) {
                    coeff.merge(p, sign * t.coefficient(), Long::sum);
                }
            }
        }

        @Override
        public boolean test(int[] marking, boolean dead) {
            long sum = constant;
            for (int i = 0; i < places.length; i++) {
                sum += coefficients[i] * marking[places[i]];
            }
            return operator.holds(sum);
        }

        @Override
        public boolean test(long[] marking, boolean dead) {
            long sum = constant;
            for (int i = 0; i < places.length; i++) {
                sum += coefficients[i] * marking[places[i]];
            }
            return operator.holds(sum);
        }
    }

    static final class Binary extends CompiledPredicate {
        private final CompiledPredicate left;
        private final CompiledPredicate right;
        private final boolean conjunction;

        @Override
        void number(java.util.List<Atom> out) {
            left.number(out);
            right.number(out);
        }

        @Override
        public void interest(long[] m, boolean dead, boolean want, Mover mover) {
            // a conjunction made true, or a disjunction made false: one part (not yet so) must change
            if (conjunction == want) {
                boolean l = left.test(m, dead);
                if (l != want && (left.holdsOnlyWhenDead() || right.test(m, dead) == want)) {
                    left.interest(m, dead, want, mover);
                } else {
                    right.interest(m, dead, want, mover);
                }
            } else {
                left.interest(m, dead, want, mover);
                right.interest(m, dead, want, mover);
            }
        }

        @Override
        public void markReadPlaces(boolean[] read) {
            left.markReadPlaces(read);
            right.markReadPlaces(read);
        }

        Binary(CompiledPredicate left, CompiledPredicate right, boolean conjunction) {
            this.left = left;
            this.right = right;
            this.conjunction = conjunction;
            this.onlyWhenDead = onlyWhenDead(left, right, conjunction);
            this.cost = (int) Math.min(Integer.MAX_VALUE, (long) left.cost() + right.cost());
            boolean rightFirst = right.cost() < left.cost();
            this.first = rightFirst ? right : left;
            this.second = rightFirst ? left : right;
        }

        private final boolean onlyWhenDead;
        private final int cost;
        /**
         * The cheaper side is tested first: the parts have no effects, so either order gives the
         * same value, and the cheap one often settles it (the persistence check's targets, "some
         * clash among many, and t enabled", are written with t's enabling last for the stubborn
         * sets' interest, which this order leaves alone).
         */
        private final CompiledPredicate first;
        private final CompiledPredicate second;

        @Override
        int cost() {
            return cost;
        }

        @Override
        public boolean test(int[] marking, boolean dead) {
            return conjunction ? first.test(marking, dead) && second.test(marking, dead)
                    : first.test(marking, dead) || second.test(marking, dead);
        }

        @Override
        public boolean test(long[] marking, boolean dead) {
            return conjunction ? first.test(marking, dead) && second.test(marking, dead)
                    : first.test(marking, dead) || second.test(marking, dead);
        }
    }

    static final class Negation extends CompiledPredicate {
        private final CompiledPredicate operand;

        @Override
        public void markReadPlaces(boolean[] read) {
            operand.markReadPlaces(read);
        }

        Negation(CompiledPredicate operand) {
            this.operand = operand;
        }

        @Override
        int cost() {
            return operand.cost();
        }

        @Override
        void number(java.util.List<Atom> out) {
            operand.number(out);
        }

        @Override
        public void interest(long[] m, boolean dead, boolean want, Mover mover) {
            operand.interest(m, dead, !want, mover);
        }

        @Override
        public boolean test(int[] marking, boolean dead) {
            return !operand.test(marking, dead);
        }

        @Override
        public boolean test(long[] marking, boolean dead) {
            return !operand.test(marking, dead);
        }
    }

    static final class IsDead extends CompiledPredicate {

        @Override
        public void markReadPlaces(boolean[] read) {
        }
        @Override
        public boolean test(int[] marking, boolean dead) {
            return dead;
        }

        @Override
        public boolean test(long[] marking, boolean dead) {
            return dead;
        }
    }

    static final class Fixed extends CompiledPredicate {
        private final boolean value;

        @Override
        public void markReadPlaces(boolean[] read) {
        }

        Fixed(boolean value) {
            this.value = value;
        }

        @Override
        public boolean test(int[] marking, boolean dead) {
            return value;
        }

        @Override
        public boolean test(long[] marking, boolean dead) {
            return value;
        }
    }
}

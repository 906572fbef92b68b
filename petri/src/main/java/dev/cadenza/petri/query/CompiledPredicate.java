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
            return b.conjunction ? b.left.holdsOnlyWhenDead() || b.right.holdsOnlyWhenDead()
                    : b.left.holdsOnlyWhenDead() && b.right.holdsOnlyWhenDead();
        }
        return this instanceof Fixed f && !f.value;
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

        @Override
        public void markReadPlaces(boolean[] read) {
            for (int p : places) {
                read[p] = true;
            }
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
        public void markReadPlaces(boolean[] read) {
            left.markReadPlaces(read);
            right.markReadPlaces(read);
        }

        Binary(CompiledPredicate left, CompiledPredicate right, boolean conjunction) {
            this.left = left;
            this.right = right;
            this.conjunction = conjunction;
        }

        @Override
        public boolean test(int[] marking, boolean dead) {
            return conjunction ? left.test(marking, dead) && right.test(marking, dead)
                    : left.test(marking, dead) || right.test(marking, dead);
        }

        @Override
        public boolean test(long[] marking, boolean dead) {
            return conjunction ? left.test(marking, dead) && right.test(marking, dead)
                    : left.test(marking, dead) || right.test(marking, dead);
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

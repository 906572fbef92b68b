package dev.cadenza.verify.bounds;

/**
 * What holding the bounds' runs to the runtime said (docs/verify.md, "Zero-time moves"): the
 * net's runs include the runtime's, so the net's min is at most the runtime's and its max at
 * least the runtime's. {@code minAttained}: the net's fastest run was replayed in the executor,
 * so the runtime attains the min (exact for the runtime); otherwise the runtime's min is only at
 * least it. {@code maxAttained} likewise for the slowest run (for an unbounded max: a deadlock the
 * executor reproduced); otherwise the runtime's max is at most it. {@code note}: why, in words,
 * for the user (e.g. an unbounded max that comes from a deadlock the runtime's loop did not make).
 */
public record RuntimeBounds(boolean minAttained, boolean maxAttained, String note) {
}

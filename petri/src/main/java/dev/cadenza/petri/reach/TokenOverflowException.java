package dev.cadenza.petri.reach;

/** A place would hold more tokens than 2^62: the net is, for all practical purposes, unbounded. */
final class TokenOverflowException extends RuntimeException {
    TokenOverflowException(int place, long value) {
        super("place #" + place + " would hold " + value + " tokens, more than a marking can count");
    }
}

package dev.cadenza.verify.trace;

import org.apache.commons.math3.fraction.BigFraction;

import java.util.List;

/**
 * A step that was ready but had to wait, from {@code from} to {@code to} (null: still waiting
 * where the run stops), and why. In a deadlock, the waits still open are what is blocked.
 */
public record Waiting(Waiter waiter, List<WaitReason> reasons, BigFraction from, BigFraction to) {

    public Waiting {
        reasons = List.copyOf(reasons);
        if (to != null && to.compareTo(from) < 0) {
            throw new IllegalArgumentException(waiter.describe() + " waits from " + from + " to " + to);
        }
    }

    public boolean open() {
        return to == null;
    }

    /** {@code a.prepare starts: waits for use port's provider b.ready to be active (b is in b0)}. */
    public String describe() {
        return waiter.describe() + ": " + String.join("; ", reasons.stream().map(WaitReason::describe).toList());
    }
}

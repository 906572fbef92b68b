package dev.cadenza.verify.sensitivity;

import dev.cadenza.core.model.Duration;

/** One transition's interval moved ({@code interval}), and the exact totals of the model so changed. */
public record Scenario(Duration interval, Totals totals) {
}

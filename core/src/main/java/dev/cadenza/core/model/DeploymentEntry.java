package dev.cadenza.core.model;

/** One line of a target configuration: instance {@code instance} must be in {@code place}. */
public record DeploymentEntry(String instance, String place, SourcePosition position) {
}

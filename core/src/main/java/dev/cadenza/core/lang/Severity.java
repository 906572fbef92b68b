package dev.cadenza.core.lang;

/** An error makes a model unusable; a warning points at something probably unintended. */
public enum Severity {
    ERROR, WARNING
}

package dev.cadenza.cli;

/** The exit codes of DESIGN.md (contract). */
public final class ExitCode {
    public static final int OK = 0;
    public static final int VIOLATED = 1;
    public static final int BAD_INPUT = 2;
    public static final int INCONCLUSIVE = 3;

    private ExitCode() {
    }
}

package dev.cadenza.cli;

/** The exit codes of DESIGN.md (contract), and 70 for a bug of ours. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int VIOLATED = 1;
    public static final int BAD_INPUT = 2;
    public static final int INCONCLUSIVE = 3;
    /** A bug of ours, not of the input: one line naming the exception (documented, never expected). */
    public static final int INTERNAL_ERROR = 70;

    private ExitCode() {
    }
}

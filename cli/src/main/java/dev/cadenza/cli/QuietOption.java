package dev.cadenza.cli;

import picocli.CommandLine.Option;

/** {@code --quiet}: no progress lines on stderr (taken by every command). */
final class QuietOption {

    @Option(names = {"-q", "--quiet"}, description = "No progress lines on stderr (otherwise printed once a command"
            + " runs longer than 2 s).")
    boolean quiet;
}

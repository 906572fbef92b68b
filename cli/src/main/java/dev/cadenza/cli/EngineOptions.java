package dev.cadenza.cli;

import dev.cadenza.verify.engine.Limits;
import picocli.CommandLine.Option;

/** The exploration limits every verifying command takes. */
final class EngineOptions {

    @Option(names = "--max-classes", defaultValue = "2000000",
            description = "stop an exploration after this many state classes (verdict inconclusive, exit 3)")
    long maxClasses;

    @Option(names = "--timeout", defaultValue = "300",
            description = "stop an exploration after this many seconds (verdict inconclusive, exit 3)")
    double timeout;

    Limits limits() {
        return new Limits(maxClasses, timeout);
    }
}

package dev.cadenza.cli;

import dev.cadenza.core.model.Model;
import picocli.CommandLine.Option;

/** Which program or assembly of a model a command works on; by default the first program, else the first assembly. */
final class SubjectChoice {

    @Option(names = "--program", paramLabel = "P", description = "the program to use")
    String program;

    @Option(names = "--assembly", paramLabel = "A", description = "the assembly to use")
    String assembly;

    String of(Model m) {
        if (program != null && assembly != null) {
            throw new UserInputException("give --program or --assembly, not both");
        }
        if (program != null) {
            return program;
        }
        if (assembly != null) {
            return assembly;
        }
        if (!m.programs().isEmpty()) {
            return m.programs().get(0).name();
        }
        if (!m.assemblies().isEmpty()) {
            return m.assemblies().get(0).name();
        }
        throw new UserInputException(m.file() + ": no program or assembly to work on");
    }
}

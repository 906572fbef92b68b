package dev.cadenza.core.lang;

import dev.cadenza.core.model.Model;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every {@code examples/*.cdz} of the repository parses, validates without errors and survives
 * the print/parse round trip. (Tests run in the core module's directory.)
 */
class ExampleFilesTest {

    @TestFactory
    Stream<DynamicTest> everyExampleIsAValidModel() throws IOException {
        Path dir = Path.of("..", "examples");
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".cdz")).sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Model m = ModelParser.parse(f.toString(), Files.readString(f));
            List<Problem> errors = ModelValidator.validate(m).stream().filter(Problem::isError).toList();
            assertEquals(List.of(), errors);
            Model again = ModelParser.parse(f.toString(), ModelPrinter.print(m));
            assertEquals(WithoutPositions.strip(m), WithoutPositions.strip(again));
        }));
    }
}

package dev.cadenza.petri.classes;

import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.io.TinaNetReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

class TinaExamplesTest {

    @ParameterizedTest
    @ValueSource(strings = {"abp.net", "ifip.net", "jdeds.net", "train3.net", "train4.net", "wodes.net",
            "wodes232.net", "l6000.net"})
    void exploresSmallExamplesCompletely(String file) {
        PetriNet net = TinaNetReader.read(Path.of("src/test/resources/tina", file));
        ClassGraphStatistics s = new StateClassGraph(net).explore(ExplorationLimits.NONE.withMaxClasses(2_000_000), ProgressListener.NONE);
        System.out.println(file + " " + s);
        assertTrue(s.complete());
    }
}

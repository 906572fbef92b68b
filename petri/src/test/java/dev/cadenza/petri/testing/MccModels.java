package dev.cadenza.petri.testing;

import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.io.PnmlReader;
import org.junit.jupiter.params.provider.Arguments;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The small Model Checking Contest nets of the test resources, with their oracle rows. */
public final class MccModels {

    private static final String DIR = "/mcc/small/";

    private MccModels() {
    }

    /** (model, states, edges) for every oracle row of the small set. */
    public static List<Arguments> oracleRows() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (InputStream in = MccModels.class.getResourceAsStream(DIR + "oracle.tsv")) {
            assertNotNull(in, "oracle.tsv on the test class path");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            r.readLine(); // header: model states edges set
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split("\t");
                if (f.length == 4 && f[3].equals("small")) {
                    rows.add(Arguments.of(f[0], Long.parseLong(f[1]), Long.parseLong(f[2])));
                }
            }
        }
        return rows;
    }

    public static PetriNet read(String model) throws IOException {
        try (InputStream in = MccModels.class.getResourceAsStream(DIR + model + ".pnml")) {
            assertNotNull(in, model + ".pnml on the test class path");
            return PnmlReader.read(in, model + ".pnml");
        }
    }
}

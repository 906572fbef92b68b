package dev.cadenza.verify.translate;

import dev.cadenza.core.model.Model;
import dev.cadenza.petri.io.TinaNetWriter;
import dev.cadenza.verify.Examples;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerClientTranslationTest {

    @Test
    void printsTheNet() {
        Model m = Examples.example("server-client.cdz");
        TranslatedNet tn = ModelTranslator.translate(m, "deploy", TranslationOptions.DEFAULT);
        String text = TinaNetWriter.write(tn.net());
        System.out.println(text);
        assertTrue(tn.net().placeCount() > 0);
    }
}

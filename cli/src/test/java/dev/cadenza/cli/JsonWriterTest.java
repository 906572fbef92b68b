package dev.cadenza.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonWriterTest {

    @Test
    void writesFieldsInOrderAndEscapesStrings() {
        String json = new JsonWriter()
                .field("n", 3)
                .field("ok", true)
                .field("s", 1.5)
                .field("name", "a\"b\\c\nd\u0001")
                .field("list", List.of("x", "y"))
                .field("none", (String) null)
                .toString();
        assertEquals("{\"n\": 3, \"ok\": true, \"s\": 1.5, \"name\": \"a\\\"b\\\\c\\nd\\u0001\","
                + " \"list\": [\"x\", \"y\"], \"none\": null}", json);
    }
}

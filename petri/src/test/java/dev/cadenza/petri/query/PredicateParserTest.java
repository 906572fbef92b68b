package dev.cadenza.petri.query;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PredicateParserTest {

    private static final Map<String, Integer> PLACES = Map.of("p3", 0, "p4", 1, "c.running", 2, "a b", 3);
    private static final NameResolver RESOLVER = n -> PLACES.containsKey(n) ? new int[] {PLACES.get(n)} : null;

    private static boolean eval(String pred, boolean dead, int... m) {
        return PredicateParser.parse(pred).compile(RESOLVER).test(m, dead);
    }

    @Test
    void comparisonsConnectivesAndSynonyms() {
        assertTrue(eval("p3 >= 1 && !p4", false, 1, 0, 0, 0));
        assertFalse(eval("p3 >= 1 && !p4", false, 1, 1, 0, 0));
        assertTrue(eval("p3 and not p4", false, 2, 0, 0, 0));
        assertTrue(eval("p3 = 0 or p4 != 0", false, 1, 1, 0, 0));
        assertTrue(eval("2*p3 + p4 - 1 > c.running", false, 1, 0, 0, 0));
        assertTrue(eval("(p3 + p4) <= 2 && (p3 < 2 || dead)", false, 1, 1, 0, 0));
        assertTrue(eval("!(p3 == 1)", false, 0, 0, 0, 0));
        assertTrue(eval("{a b} >= 3 && dead", true, 0, 0, 0, 3));
        assertFalse(eval("dead", false, 0, 0, 0, 0));
        assertTrue(eval("true || false", false, 0, 0, 0, 0));
        assertTrue(eval("-p3 + 3 >= 2", false, 1, 0, 0, 0));
    }

    @Test
    void deadIsDetected() {
        assertTrue(PredicateParser.parse("p3 || !dead").mentionsDead());
        assertFalse(PredicateParser.parse("p3 || p4 > 2").mentionsDead());
    }

    @Test
    void errorsSayWhereAndWhat() {
        assertEquals("predicate:1:9: unexpected '>': expected '&&', '||' or the end",
                assertThrows(PredicateSyntaxException.class, () -> PredicateParser.parse("p3 >= 1 >")).getMessage());
        assertEquals("predicate:1:2: expected a comparison (= != < <= > >=) after the expression",
                assertThrows(PredicateSyntaxException.class, () -> PredicateParser.parse("2")).getMessage());
        PredicateSyntaxException unknown = assertThrows(PredicateSyntaxException.class,
                () -> PredicateParser.parse("p3 && q9 > 1").compile(RESOLVER));
        assertEquals(7, unknown.column());
        assertEquals("predicate:1:7: unknown place 'q9': name a place of the net", unknown.getMessage());
        assertEquals(8, assertThrows(PredicateSyntaxException.class, () -> PredicateParser.parse("(p3 > 1")).column());
        assertEquals(1, assertThrows(PredicateSyntaxException.class, () -> PredicateParser.parse("")).column());
    }
}

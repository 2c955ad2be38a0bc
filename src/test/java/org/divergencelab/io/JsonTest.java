package org.divergencelab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void parsesEveryKindOfValue() {
        Object v = Json.parse(" {\"a\": [1, -2.5e3, true, false, null, \"x\\n\\u00e9\"], \"b\": {}} ");
        Map<?, ?> m = (Map<?, ?>) v;
        List<?> a = (List<?>) m.get("a");
        assertEquals(1L, a.get(0));
        assertEquals(-2500.0, a.get(1));
        assertEquals(Boolean.TRUE, a.get(2));
        assertEquals(Json.NULL, a.get(4));
        assertEquals("x\né", a.get(5));
        assertEquals(Map.of(), m.get("b"));
    }

    @Test
    void doublesRoundTripExactly() {
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 10_000; i++) {
            double d = Double.longBitsToDouble(r.nextLong());
            if (!Double.isFinite(d)) {
                continue;
            }
            Object back = ((List<?>) Json.parse(Json.write(List.of(d)))).get(0);
            assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits(((Number) back).doubleValue()), "value " + d);
        }
        assertEquals("[0.1, 1.0E-8, 5.0E-5]\n", Json.write(List.of(0.1, 1e-8, 5e-5)));
    }

    @Test
    void syntaxErrorsGiveLineAndColumn() {
        Json.ParseException e = assertThrows(Json.ParseException.class, () -> Json.parse("{\n  \"a\": 1,\n  \"b\" 2\n}"));
        assertEquals(3, e.line());
        assertEquals(7, e.column());
        assertTrue(e.getMessage().contains("expected ':'"), e.getMessage());
        for (String bad : new String[] {"", "{", "[1,]", "{\"a\":1,}", "01", "1.", "\"abc", "tru", "{\"a\":1}x",
                "{\"a\":1,\"a\":2}", "nan"}) {
            assertThrows(Json.ParseException.class, () -> Json.parse(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> Json.write(List.of(Double.NaN)));
    }

    @Test
    void prettyPrintsNestedObjects() {
        assertEquals("{\n  \"a\": {\n    \"b\": [1, 2]\n  },\n  \"c\": \"q\\\"\"\n}\n",
                Json.write(Map.of("a", Map.of("b", List.of(1L, 2L)), "c", "q\"").entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (x, y) -> x,
                                java.util.LinkedHashMap::new))));
    }

    @Test
    void limitsNestingNumbersAndSizeWithPositionsInsteadOfCrashing() {
        // 8000 levels used to overflow the stack of the recursive reader
        Json.ParseException deep = assertThrows(Json.ParseException.class,
                () -> Json.parse("[".repeat(8000) + "]".repeat(8000)));
        assertTrue(deep.getMessage().contains("nested deeper than " + Json.MAX_DEPTH), deep.getMessage());
        assertEquals(1, deep.line());
        assertEquals(1, ((List<?>) Json.parse("[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH))).size());
        Json.ParseException longNumber = assertThrows(Json.ParseException.class,
                () -> Json.parse("[" + "9".repeat(5000) + "]"));
        assertTrue(longNumber.getMessage().contains("number longer than"), longNumber.getMessage());
        Json.ParseException wide = assertThrows(Json.ParseException.class, () -> Json.parse("{\n \"a\": 1\uFF12\uFF18}"));
        assertTrue(wide.getMessage().contains("non-ASCII digit '\uFF12'"), wide.getMessage());
        assertEquals(2, wide.line());
        assertEquals(Map.of("a", 1L), Json.parse("\uFEFF{\"a\": 1}"));
        assertEquals(List.of(1.0E20, 9.223372036854775807E18), Json.parse("[100000000000000000000, 9223372036854775808]"),
                "integers beyond long become doubles, as before");
    }
}

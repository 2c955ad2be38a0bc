package org.divergencelab.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.divergencelab.io.StateFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {

    @Test
    void roundTripsExactly(@TempDir Path dir) throws Exception {
        SandboxState s = new SandboxState("mixture(0.3*normal(-1.25,0.1),0.7*translate(0.1,normal(2,0.333)))",
                "translate(3.0000000000000004,uniform(0,1))", 317, -9_007_199_254_740_993L,
                BulldozerExample.Plan.FAR, true, Set.of("seed", "brush"));
        Path f = dir.resolve("s.json");
        StateFile.save(s, f);
        SandboxState back = StateFile.load(f);
        assertEquals(s, back);
        assertEquals(StateFile.toJson(s), StateFile.toJson(back));
    }

    @Test
    void rejectsBrokenNewerAndInvalidFilesWithReasons(@TempDir Path dir) throws Exception {
        String good = StateFile.toJson(SandboxState.defaults());
        assertMessage(dir, good.substring(0, good.length() / 2), "not valid JSON");
        assertMessage(dir, good.replace("\"version\": 1", "\"version\": 2"), "newer version");
        assertMessage(dir, good.replace("normal(4,0.5)", "normal(4,-1)"), "invalid state");
        assertMessage(dir, good.replace("\"samples\": 256", "\"samples\": 3"), "samples must be in");
        assertMessage(dir, good.replace("divergence-lab-sandbox", "other"), "not a sandbox state");
        assertMessage(dir, good.replace("\"samples\": 256", "\"samples\": \"x\""), "must be an integer");
        assertMessage(dir, "[1, 2]", "JSON object");
        assertThrows(StateFileException.class, () -> StateFile.load(dir.resolve("missing.json")));
    }

    @Test
    void writesTheSameBytesAsTheHandWrittenWriterDid() {
        // the exact text the pre-Jackson writer produced for this state (captured from the baseline jar)
        String before = """
                {
                  "format": "divergence-lab-sandbox",
                  "version": 1,
                  "p": "mixture(0.3*normal(-1.25,0.1),0.7*translate(0.1,normal(2,0.333)))",
                  "q": "translate(3.0000000000000004,uniform(0,1))",
                  "samples": 317,
                  "seed": -9007199254740993,
                  "plan": "FAR",
                  "presentation": true,
                  "hidden": ["brush", "seed"]
                }
                """;
        assertEquals(before, StateFile.toJson(new SandboxState(
                "mixture(0.3*normal(-1.25,0.1),0.7*translate(0.1,normal(2,0.333)))",
                "translate(3.0000000000000004,uniform(0,1))", 317, -9_007_199_254_740_993L,
                BulldozerExample.Plan.FAR, true, Set.of("seed", "brush"))));
        assertTrue(StateFile.toJson(SandboxState.defaults()).endsWith("  \"presentation\": false,\n  \"hidden\": []\n}\n"));
    }

    @Test
    void refusesUnknownFieldsByNameLikeTheTrainingState(@TempDir Path dir) throws Exception {
        String good = StateFile.toJson(SandboxState.defaults());
        assertMessage(dir, good.replace("\"seed\": 1,", "\"seed\": 1,\n  \"sampels\": 3,"), "unknown field \"sampels\"");
        assertMessage(dir, "\uFEFF" + good.replace("\"seed\": 1,", "\"seed\": 1２,"), "non-ASCII digit");
        assertMessage(dir, "[".repeat(9000) + "]".repeat(9000), "nested deeper than 200");
        assertEquals(SandboxState.defaults(), StateFile.fromJson("\uFEFF" + good, "bom.json"), "a leading BOM is skipped");
    }

    private static void assertMessage(Path dir, String text, String expected) throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, text);
        StateFileException e = assertThrows(StateFileException.class, () -> StateFile.load(f));
        assertTrue(e.getMessage().contains(expected) && e.getMessage().contains(f.toString()), e.getMessage());
    }
}

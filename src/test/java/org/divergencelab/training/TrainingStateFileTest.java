package org.divergencelab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.divergencelab.io.StateFileException;
import org.divergencelab.gan.Objective;
import org.divergencelab.gan.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training state file: exact round trip, and every kind of broken file refused with a message naming the problem. */
class TrainingStateFileTest {

    private static TrainingState sample() {
        return new TrainingState(Presets.get("ring8-wgan-gp").withObjective(Objective.wganClip(0.037)).withSeed(42), "S9",
                "training", true, true, true, 20.0, true, 137);
    }

    @Test
    void roundTripsExactly(@TempDir Path dir) throws Exception {
        TrainingState s = sample();
        Path f = dir.resolve("sub/state.json");
        TrainingStateFile.save(s, f);
        assertEquals(s, TrainingStateFile.load(f));
        String text = Files.readString(f);
        assertTrue(text.contains("\"format\": \"divergence-lab/training-state\""), text);
        assertTrue(text.contains("\"seed\": 42"), text);
        // no scene, flat-out speed
        TrainingState t = new TrainingState(Presets.get("gaussians-1d-gan"), null, "sandbox", false, false, false,
                Double.POSITIVE_INFINITY, false, 0);
        String json = TrainingStateFile.toJson(t);
        assertTrue(json.contains("\"speed\": \"max\""), json);
        assertTrue(json.contains("\"scene\": null"), json);
        assertEquals(t, TrainingStateFile.fromJson(json, "t.json"));
    }

    private static String broken(String from, String to) {
        String good = TrainingStateFile.toJson(sample());
        assertTrue(good.contains(from), "test fixture: " + from);
        int at = good.indexOf(from); // the first occurrence: the top-level field (the experiment follows the layout)
        return good.substring(0, at) + to + good.substring(at + from.length());
    }

    private static void refused(String text, String... expectedParts) {
        StateFileException e = assertThrows(StateFileException.class,
                () -> TrainingStateFile.fromJson(text, "lecture.json"));
        assertTrue(e.getMessage().startsWith("lecture.json: "), "names the file: " + e.getMessage());
        for (String p : expectedParts) {
            assertTrue(e.getMessage().contains(p), "'" + p + "' in: " + e.getMessage());
        }
    }

    @Test
    void brokenFilesSayWhy() {
        refused("{\"format\": ", "not valid JSON", "line");
        refused("[1, 2]", "JSON object");
        refused("{\"format\": \"divergence-lab-sandbox\", \"version\": 1}", "not a training state", "divergence-lab-sandbox");
        refused(broken("\"version\": 1,", "\"version\": 7,"), "newer", "file version 7", "reads up to 1");
        refused(broken("\"version\": 1,", "\"version\": \"one\","), "version", "integer");
        refused(broken("\"iterations\": 137", "\"iterations\": -3"), "iterations must be >= 0");
        refused(broken("\"seed\": 42,", "\"seed\": 43,"), "seed", "43", "42");
        refused(broken("\"speed\": 20.0", "\"speed\": 3.0"), "layout.speed", "3.0");
        refused(broken("\"speed\": 20.0", "\"speed\": \"fast\""), "layout.speed", "fast");
        refused(broken("\"compare\": true", "\"compare\": \"yes\""), "layout.compare", "true or false");
        refused(broken("\"compare\": true", "\"compre\": true"), "unknown field \"layout.compre\"");
        refused(broken("\"tab\": \"training\"", "\"tab\": 3"), "layout.tab", "string");
        refused(broken("\"scene\": \"S9\"", "\"scene\": 9"), "scene", "number");
        refused(broken("\"clip\": 0.037", "\"clip\": -1.0"), "invalid experiment", "clip");
        refused(broken("\"kind\": \"wgan-clip\"", "\"kind\": \"wgan-xx\""), "invalid experiment", "wgan-xx");
    }

    @Test
    void anUnreadableFileIsAStateFileException(@TempDir Path dir) {
        StateFileException e = assertThrows(StateFileException.class,
                () -> TrainingStateFile.load(dir.resolve("missing.json")));
        assertTrue(e.getMessage().contains("missing.json") && e.getMessage().contains("cannot read"), e.getMessage());
    }
}

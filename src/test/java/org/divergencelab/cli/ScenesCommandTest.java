package org.divergencelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.divergencelab.lesson.Scene;
import org.divergencelab.lesson.Scenes;
import org.junit.jupiter.api.Test;

class ScenesCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Commands.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void listsEverySceneIdWithItsTitleOnItsOwnLine() {
        assertEquals(0, run("scenes"), err.toString(StandardCharsets.UTF_8));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(Scenes.all().size(), lines.size(), String.join("\n", lines));
        for (int i = 0; i < lines.size(); i++) {
            Scene s = Scenes.all().get(i);
            String line = lines.get(i);
            assertTrue(line.startsWith(s.id() + " "), line);
            assertTrue(line.contains(s.title().en()), line);
            assertTrue(line.contains(s.citation()), line);
        }
    }

    @Test
    void listsInChineseAndRejectsAnUnknownLanguage() {
        assertEquals(0, run("scenes", "--lang", "zh_TW"));
        String text = out.toString(StandardCharsets.UTF_8);
        for (Scene s : Scenes.all()) {
            assertTrue(text.contains(s.title().in(Locale.TRADITIONAL_CHINESE)), s.id());
        }
        assertEquals(2, run("scenes", "--lang", "fr"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("fr"));
    }

    @Test
    void renderRejectsAnUnknownSceneNamingTheKnownOnes() {
        assertEquals(2, run("render", "--scene", "S99", "--out", "target/never.png"));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("S99") && e.contains("S21"), e);
    }

    @Test
    void helpListsTheScenesCommand() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("scenes"));
    }
}

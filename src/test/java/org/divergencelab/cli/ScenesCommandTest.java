package org.divergencelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.divergencelab.lesson.Scene;
import org.divergencelab.lesson.Scenes;
import org.junit.jupiter.api.Test;

class ScenesCommandTest {
    private final CliRun cli = new CliRun();

    @Test
    void listsEverySceneIdWithItsTitleOnItsOwnLine() {
        assertEquals(0, cli.run("scenes"), cli.err());
        List<String> lines = cli.out().lines().toList();
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
        assertEquals(0, cli.run("scenes", "--lang", "zh_TW"));
        String text = cli.out();
        for (Scene s : Scenes.all()) {
            assertTrue(text.contains(s.title().in(Locale.TRADITIONAL_CHINESE)), s.id());
        }
        assertEquals(2, cli.run("scenes", "--lang", "fr"));
        assertTrue(cli.err().contains("fr"));
    }

    @Test
    void renderRejectsAnUnknownSceneNamingTheKnownOnes() {
        assertEquals(2, cli.run("render", "--scene", "S99", "--out", "target/never.png"));
        String e = cli.err();
        assertTrue(e.contains("S99") && e.contains("S21"), e);
    }

    @Test
    void helpListsTheScenesCommand() {
        assertEquals(0, cli.run("--help"));
        assertTrue(cli.out().contains("scenes"));
    }
}

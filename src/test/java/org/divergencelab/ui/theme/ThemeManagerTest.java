package org.divergencelab.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;

import org.divergencelab.ui.FxTestSupport;
import org.divergencelab.ui.plot.LineChart;
import org.junit.jupiter.api.Test;

class ThemeManagerTest {

    @Test
    void switchReplacesOnlyTheThemeStylesheet() throws Exception {
        FxTestSupport.onFx(() -> {
            ThemeManager tm = new ThemeManager();
            Scene scene = new Scene(new StackPane(), 100, 100);
            scene.getStylesheets().add("data:text/css,.x{}"); // a view's own sheet survives switches
            tm.attach(scene);
            List<String> light = scene.getStylesheets();
            assertEquals(3, light.size());
            assertTrue(light.get(2).endsWith("light.css"), light.toString());
            tm.setTheme(Theme.PROJECTOR);
            List<String> proj = scene.getStylesheets();
            assertEquals(3, proj.size());
            assertTrue(proj.contains("data:text/css,.x{}"));
            assertTrue(proj.get(2).endsWith("projector.css"), proj.toString());
            assertFalse(proj.stream().anyMatch(s -> s.endsWith("light.css")));
            assertTrue(scene.getRoot().getStyleClass().contains("theme-projector"));
            assertFalse(scene.getRoot().getStyleClass().contains("theme-light"));
            return null;
        });
    }

    @Test
    void styledWidgetsFollowThemeAndFont() throws Exception {
        FxTestSupport.onFx(() -> {
            ThemeManager tm = new ThemeManager();
            LineChart c = tm.style(new LineChart());
            assertEquals(Theme.LIGHT, c.getTheme());
            tm.setTheme(Theme.DARK);
            assertEquals(Theme.DARK, c.getTheme());
            tm.fontFamilyProperty().set("Serif");
            assertEquals("Serif", c.fontFamilyProperty().get());
            return null;
        });
    }

    @Test
    void themesAreDistinctAndProjectorIsLarger() {
        assertNotEquals(Theme.LIGHT.plotBackground(), Theme.DARK.plotBackground());
        assertTrue(Theme.DARK.isDark());
        assertFalse(Theme.LIGHT.isDark());
        assertTrue(Theme.PROJECTOR.fontSize() >= 1.5 * Theme.LIGHT.fontSize());
        assertNotEquals(Theme.LIGHT.series(Theme.REAL), Theme.LIGHT.series(Theme.GENERATED));
        assertEquals(Theme.DARK, Theme.byId("dark"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Theme.byId("neon"));
        assertTrue(e.getMessage().contains("neon"));
    }

    @Test
    void everyStylesheetIsOnTheClassPath() {
        for (Theme t : Theme.builtIns()) {
            assertEquals(2, ThemeManager.stylesheetsFor(t).size());
        }
    }
}

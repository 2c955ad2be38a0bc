package org.divergencelab.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

import org.divergencelab.lesson.Scene;
import org.divergencelab.lesson.Scenes;
import org.divergencelab.ui.FxTestSupport;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.theme.Theme;
import org.divergencelab.ui.util.Export;
import org.divergencelab.ui.util.HeadlessFx;
import org.junit.jupiter.api.Test;

/** Every scene renders off screen (headless Monocle) as it first appears, into target/screenshots/scenes/. */
class SceneRenderTest {
    private static final Path OUT = Path.of("target", "screenshots", "scenes");

    @Test
    void everySceneLoadsAndRendersANonBlankImage() throws Exception {
        FxTestSupport.start();
        Files.createDirectories(OUT);
        for (Scene s : Scenes.all()) {
            WritableImage img = SceneRender.render(s, -1, I18n.ENGLISH, Theme.LIGHT, 900, 600);
            assertEquals(900, (int) img.getWidth(), s.id());
            assertEquals(600, (int) img.getHeight(), s.id());
            HeadlessFx.call(() -> {
                Export.writePng(img, OUT.resolve(s.id() + ".png"));
                return null;
            });
            assertNotBlank(img, s.id());
        }
    }

    @Test
    void aSceneRendersInChineseWithItsChineseCaption() throws Exception {
        FxTestSupport.start();
        Scene s = Scenes.get("S8");
        WritableImage img = SceneRender.render(s, -1, I18n.TRADITIONAL, Theme.DARK, 900, 600);
        assertNotBlank(img, "S8 zh_TW");
        String title = FxTestSupport.onFx(() -> {
            SceneCaption c = new SceneCaption(new I18n(I18n.TRADITIONAL));
            c.show(s);
            return ((javafx.scene.control.Label) c.node().lookup("#scene-title")).getText();
        });
        assertEquals("S8  平行線段與 θ", title);
    }

    /**
     * Non-blank: the image has many distinct colours (text, plots, axes: a blank or single-colour panel has a
     * handful) and at least 2 % of its pixels differ from the most common (background) colour.
     */
    static void assertNotBlank(WritableImage img, String what) {
        PixelReader r = img.getPixelReader();
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        Set<Integer> colours = new HashSet<>();
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        for (int y = 0; y < h; y += 2) {
            for (int x = 0; x < w; x += 2) {
                int argb = r.getArgb(x, y);
                colours.add(argb);
                counts.merge(argb, 1, Integer::sum);
            }
        }
        int total = ((w + 1) / 2) * ((h + 1) / 2);
        int background = counts.values().stream().mapToInt(Integer::intValue).max().orElse(total);
        assertTrue(colours.size() > 50, what + ": only " + colours.size() + " colours");
        assertTrue(total - background > 0.02 * total, what + ": " + (total - background) + " of " + total
                + " pixels differ from the background");
    }
}

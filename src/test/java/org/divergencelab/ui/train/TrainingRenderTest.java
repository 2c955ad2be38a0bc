package org.divergencelab.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

import org.divergencelab.cli.CliRun;
import org.divergencelab.gan.Presets;
import org.divergencelab.training.HistoryPoint;
import org.divergencelab.ui.FxTestSupport;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.theme.Theme;
import org.divergencelab.ui.theme.ThemeManager;
import org.divergencelab.ui.util.Export;
import org.junit.jupiter.api.Test;

/** The render path: training on this thread, the real views built off screen at 1280×720 and 4K; CLI errors. */
class TrainingRenderTest {

    private static int colours(WritableImage img) {
        PixelReader r = img.getPixelReader();
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                seen.add(r.getArgb(x, y));
            }
        }
        return seen.size();
    }

    @Test
    void everyViewRendersAtBothEndsOfTheSizeRange() throws Exception {
        TrainingRender.Result r = TrainingRender.train(Presets.get("gaussians-1d-gan"), 12, false);
        assertEquals(12, r.frame().iteration());
        long points = r.events().stream().filter(e -> e instanceof HistoryPoint h && !h.full()).count();
        assertEquals(12, points, "one chart point per iteration");
        for (String view : TrainingRender.VIEWS) {
            WritableImage img = FxTestSupport.onFx(() -> Export.renderOffscreen(
                    TrainingRender.build(r, view, new I18n(I18n.ENGLISH), new ThemeManager()), 900, 600, Theme.LIGHT, 1));
            assertEquals(900, (int) img.getWidth());
            assertTrue(colours(img) > 20, view + " is not blank: " + colours(img) + " colours");
        }
        for (double[] wh : new double[][] {{1280, 720}, {3840, 2160}}) {
            Object[] out = FxTestSupport.onFx(() -> {
                Parent root = TrainingRender.build(r, "window", new I18n(I18n.TRADITIONAL), new ThemeManager());
                WritableImage img = Export.renderOffscreen(root, wh[0], wh[1], Theme.PROJECTOR, 1);
                Label counter = (Label) root.lookup("#iteration-counter");
                return new Object[] {img, counter.getText(), counter.getLayoutBounds().getWidth() > 0};
            });
            WritableImage img = (WritableImage) out[0];
            assertEquals(wh[0], img.getWidth());
            assertEquals(wh[1], img.getHeight());
            assertTrue(colours(img) > 50);
            assertTrue(((String) out[1]).startsWith("迭代 12"), (String) out[1]);
            assertTrue((Boolean) out[2], "counter laid out");
        }
    }

    @Test
    void compareModeRendersTwoPanelsOfTwins() {
        TrainingRender.Result r = TrainingRender.train(Presets.get("gaussians-1d-gan"), 3, true);
        assertEquals(2, r.frame().panels().size());
        assertEquals(3, r.frame().panels().get(1).snapshot().iteration());
        assertTrue(r.frame().panels().get(1).experiment().objective().kind().isWasserstein());
    }

    private static String[] run(String... args) {
        CliRun r = CliRun.of(args);
        return new String[] {Integer.toString(r.exit()), r.out(), r.err()};
    }

    @Test
    void badArgumentsAreUsageErrorsNamingTheOption() {
        String[] a = run("render", "--preset", "ring8-gan", "--out", "x.png");
        assertEquals("2", a[0]);
        assertTrue(a[2].contains("--view"), a[2]);
        String[] b = run("render", "--preset", "ring8-gan", "--view", "bogus", "--out", "x.png");
        assertTrue(b[2].contains("samples, critic, map, charts, internals, window"), b[2]);
        String[] c = run("render", "--preset", "ring8-gan", "--view", "samples", "--out", "x.png", "--size", "12by7");
        assertTrue(c[2].contains("--size"), c[2]);
        String[] d = run("render", "--view", "samples", "--out", "x.png");
        assertTrue(d[2].contains("--preset") && d[2].contains("--config"), d[2]);
        String[] e = run("render", "--preset", "nope", "--view", "samples", "--out", "x.png");
        assertEquals("2", e[0]);
        assertTrue(e[2].contains("unknown preset 'nope'"), e[2]);
        String[] f = run("render", "--help");
        assertTrue(f[1].contains("--iterations N"), f[1]);
    }
}

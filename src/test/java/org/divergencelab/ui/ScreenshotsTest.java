package org.divergencelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;

import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.plot.PlotWidget;
import org.divergencelab.ui.theme.Theme;
import org.divergencelab.ui.theme.ThemeManager;
import org.divergencelab.ui.util.Export;
import org.junit.jupiter.api.Test;

/**
 * Renders the main window with the gallery and every widget, in every theme and language, to
 * {@code target/screenshots/} (to look at; the best are copied to {@code docs/screenshots/}). Checks that
 * each render has the asked size and is not blank; glyph shapes are never inspected, so the test passes on
 * a machine without CJK fonts.
 */
public class ScreenshotsTest {

    private static final Path OUT = Path.of("target", "screenshots");

    @Test
    void rendersWindowAndWidgetsInAllThemesAndLanguages() throws Exception {
        for (Theme theme : Theme.builtIns()) {
            for (Locale locale : I18n.SUPPORTED) {
                String tag = theme.id() + "-" + locale;
                FxTestSupport.onFx(() -> {
                    I18n i18n = new I18n(locale);
                    ThemeManager tm = new ThemeManager();
                    tm.setTheme(theme);
                    MainWindow w = new MainWindow(i18n, tm);
                    WidgetGallery g = w.showGallery();
                    Scene scene = new Scene(w.root(), 1600, 1080);
                    tm.attach(scene);
                    layout(scene);
                    check(Export.snapshot(w.root(), 1), 1600, 1080, OUT.resolve("window-gallery-" + tag + ".png"));
                    w.selectView("welcome");
                    layout(scene);
                    check(Export.snapshot(w.root(), 1), 1600, 1080, OUT.resolve("window-welcome-" + tag + ".png"));
                    // Each widget alone, larger, from a fresh gallery (the window's are inside its scene).
                    WidgetGallery solo = new WidgetGallery(i18n, tm);
                    List<PlotWidget> ws = solo.widgets();
                    for (int i = 0; i < ws.size(); i++) {
                        PlotWidget p = ws.get(i);
                        StackPane holder = new StackPane(p);
                        Scene s = new Scene(holder, 720, 500);
                        tm.attach(s);
                        layout(s);
                        String name = "widget-" + i + "-" + p.getClass().getSimpleName() + "-" + tag;
                        check(Export.snapshot(holder, 1), 720, 500, OUT.resolve(name + ".png"));
                        if (locale.equals(I18n.ENGLISH)) {
                            Export.svg(p, OUT.resolve(name + ".svg"));
                            Export.png(p, OUT.resolve(name + "@2x.png"), 720, 500, 2);
                            assertTrue(Files.readString(OUT.resolve(name + ".svg")).contains("</svg>"));
                        }
                    }
                    assertEquals(8, g.widgets().size());
                    return null;
                });
            }
        }
    }

    private static void layout(Scene s) {
        s.getRoot().applyCss();
        s.getRoot().layout();
        s.getRoot().applyCss();
        s.getRoot().layout();
    }

    private static void check(WritableImage img, int w, int h, Path file) throws Exception {
        assertEquals(w, (int) img.getWidth(), "width of " + file);
        assertEquals(h, (int) img.getHeight(), "height of " + file);
        Export.writePng(img, file);
        BufferedImage back = ImageIO.read(file.toFile());
        assertEquals(w, back.getWidth());
        assertTrue(distinctColours(back) > 20, "image looks blank: " + file);
        assertTrue(Files.size(file) > 1000);
    }

    /** Number of distinct colours on a coarse sample grid (a blank or single-colour image has 1). */
    public static int distinctColours(BufferedImage img) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }
}

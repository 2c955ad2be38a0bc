package org.divergencelab.ui.image;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

import org.divergencelab.ui.FxTestSupport;
import org.divergencelab.ui.LayoutMatrixTest;
import org.divergencelab.ui.MainWindow;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.theme.Theme;
import org.divergencelab.ui.theme.ThemeManager;
import org.divergencelab.ui.util.Export;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The image tab while it trains, in the main window at 1280×720, 1600×1000 and 1920×1080, light and projector,
 * en and zh_TW: no visible node of the tab reaches past the window's right edge (the backend line and the chart
 * once ran past it at 1600 px) and the W chart keeps the layout matrix's minimum size; selecting another tab
 * then pauses the run (its worker thread ends). Writes each layout to
 * {@code target/screenshots/image-mode/} to look at.
 */
class ImageModeLayoutTest {
    private static final Path OUT = Path.of("target", "screenshots", "image-mode");

    @Test
    void nothingPassesTheRightEdgeAtLectureSizes() throws Exception {
        MainWindow window = FxTestSupport.onFx(() -> {
            MainWindow w = new MainWindow(new I18n(I18n.ENGLISH), new ThemeManager());
            StackPane holder = new StackPane(w.root());
            holder.setAlignment(javafx.geometry.Pos.TOP_LEFT);
            w.attach(new Scene(holder, 1920, 1080));
            w.selectView("image");
            ((Button) w.imageMode().node().lookup("#image-start")).fire();
            return w;
        });
        ImageModeTab tab = window.imageMode();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> tab.view().shownFrame() != null && tab.view().shownFrame().iteration() > 0).get());
        List<String> failures = new ArrayList<>();
        int[] checked = {0};
        try {
            for (int[] size : new int[][] {{1280, 720}, {1600, 1000}, {1920, 1080}}) {
                for (Theme theme : List.of(Theme.LIGHT, Theme.PROJECTOR)) {
                    for (Locale locale : List.of(I18n.ENGLISH, I18n.TRADITIONAL)) {
                        String tag = size[0] + "x" + size[1] + "-" + theme.id() + "-" + locale;
                        FxTestSupport.onFx(() -> {
                            window.themes().setTheme(theme);
                            window.i18n().setLocale(locale);
                            Region r = (Region) window.root();
                            r.setMaxSize(size[0], size[1]);
                            r.setPrefSize(size[0], size[1]);
                            for (int pass = 0; pass < 3; pass++) {
                                r.getScene().getRoot().applyCss();
                                r.getScene().getRoot().layout();
                            }
                            for (Node n : visible(tab.node())) {
                                Bounds b = n.localToScene(n.getBoundsInLocal());
                                checked[0]++;
                                if (b.getMaxX() > size[0] + 0.5 || b.getMaxY() > size[1] + 0.5) {
                                    failures.add(String.format("%s: %s#%s ends at %.0f, %.0f", tag,
                                            n.getClass().getSimpleName(), n.getId(), b.getMaxX(), b.getMaxY()));
                                }
                            }
                            Bounds c = tab.view().chart().getLayoutBounds();
                            if (c.getWidth() < LayoutMatrixTest.MIN_W || c.getHeight() < LayoutMatrixTest.MIN_H) {
                                failures.add(tag + ": W chart " + c.getWidth() + "x" + c.getHeight());
                            }
                            Export.writePng(Export.snapshot(r, 1), OUT.resolve("image-mode-" + tag + ".png"));
                            return null;
                        });
                    }
                }
            }
            // leaving the tab pauses: the worker thread ends
            FxTestSupport.onFx(() -> {
                window.selectView("training");
                return null;
            });
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !tab.view().workerAlive());
        } finally {
            tab.stop();
            FxTestSupport.onFx(() -> {
                window.dispose();
                return null;
            });
        }
        failures.stream().limit(40).forEach(System.out::println);
        assertTrue(checked[0] > 12 * 20, "nodes checked: " + checked[0]);
        assertTrue(failures.isEmpty(), failures.size() + " nodes past the window:\n"
                + String.join("\n", failures.subList(0, Math.min(30, failures.size()))));
    }

    /** The nodes under {@code n} that are visible all the way up from it. */
    private static List<Node> visible(Node n) {
        List<Node> out = new ArrayList<>();
        collect(n, out);
        return out;
    }

    private static void collect(Node n, List<Node> out) {
        if (n == null || !n.isVisible()) {
            return;
        }
        out.add(n);
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }
}

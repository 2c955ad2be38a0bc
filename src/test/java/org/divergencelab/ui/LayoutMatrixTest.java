package org.divergencelab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

import org.divergencelab.lesson.Scenes;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.plot.PlotWidget;
import org.divergencelab.ui.theme.Theme;
import org.divergencelab.ui.theme.ThemeManager;
import org.divergencelab.ui.util.Export;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every tab × {1280×720, 1920×1080} × {light, dark, projector} × {en, zh_TW} × {no caption, caption S13}, in one
 * window whose settings are switched: every plot widget showing must keep at least {@link #MIN_W}×{@link #MIN_H}
 * pixels (a scene caption or the projector's large fonts once squashed them to 0–20 px strips). Writes the
 * projector renders with the caption to {@code target/screenshots/layout/} to look at.
 */
public class LayoutMatrixTest {
    /** The smallest plot that still reads: room for tick labels, a title and a few data pixels. */
    public static final double MIN_W = 120;
    public static final double MIN_H = 80;
    private static final Path OUT = Path.of("target", "screenshots", "layout");

    private MainWindow window;

    /**
     * The window in a 1920×1080 scene that is never shown (the headless screen is smaller), sized to each matrix
     * size through its max size (the holder lays it out top-left).
     */
    @BeforeEach
    void start() throws Exception {
        FxTestSupport.onFx(() -> {
            window = new MainWindow(new I18n(I18n.ENGLISH), new ThemeManager());
            StackPane holder = new StackPane(window.root());
            holder.setAlignment(javafx.geometry.Pos.TOP_LEFT);
            Scene scene = new Scene(holder, 1920, 1080);
            window.attach(scene);
            return null;
        });
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            window.sandbox().close();
            window.training().dispose();
        }).get();
    }

    @Test
    void everyPlotKeepsItsMinimumSizeInEveryTabThemeLanguageSizeAndCaption() throws Exception {
        List<String> failures = new ArrayList<>();
        int[] checked = {0};
        FxTestSupport.onFx(() -> {
            window.showGallery();
            return null;
        });
        List<String> tabs = FxTestSupport.onFx(() -> window.views().getTabs().stream()
                .map(t -> t.getId().substring("tab-".length())).toList());
        for (boolean withCaption : new boolean[] {false, true}) {
            if (withCaption) {
                FxTestSupport.onFx(() -> {
                    window.scenes().open(Scenes.get("S13"));
                    return null;
                });
            }
            for (int[] size : new int[][] {{1280, 720}, {1920, 1080}}) {
                for (Theme theme : Theme.builtIns()) {
                    for (Locale locale : List.of(I18n.ENGLISH, I18n.TRADITIONAL)) {
                        for (String tab : tabs) {
                            String tag = tab + "-" + size[0] + "x" + size[1] + "-" + theme.id() + "-" + locale
                                    + (withCaption ? "-S13" : "");
                            FxTestSupport.onFx(() -> {
                                window.themes().setTheme(theme);
                                window.i18n().setLocale(locale);
                                Region r = (Region) window.root();
                                r.setMaxSize(size[0], size[1]);
                                r.setPrefSize(size[0], size[1]);
                                window.selectView(tab);
                                Parent root = window.root();
                                for (int pass = 0; pass < 3; pass++) {
                                    root.getScene().getRoot().applyCss();
                                    root.getScene().getRoot().layout();
                                }
                                for (PlotWidget p : plots(window.views().getSelectionModel().getSelectedItem().getContent())) {
                                    Bounds b = p.getLayoutBounds();
                                    checked[0]++;
                                    if (b.getWidth() < MIN_W || b.getHeight() < MIN_H) {
                                        failures.add(String.format("%s: %s %s is %.0f×%.0f", tag,
                                                p.getClass().getSimpleName(), p.getId(), b.getWidth(), b.getHeight()));
                                    }
                                }
                                if (theme == Theme.PROJECTOR && withCaption && tab.equals("training")) {
                                    Export.writePng(Export.snapshot(root, 1), OUT.resolve("window-" + tag + ".png"));
                                }
                                return null;
                            });
                        }
                    }
                }
            }
        }
        System.out.println("LayoutMatrixTest: " + checked[0] + " plots checked, " + failures.size() + " too small");
        failures.stream().limit(60).forEach(System.out::println);
        assertTrue(checked[0] > 100, "the matrix found the plots (" + checked[0] + ")");
        assertTrue(failures.isEmpty(), failures.size() + " plots below " + MIN_W + "×" + MIN_H + ":\n"
                + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    /** The plot widgets that show under {@code n} (visible all the way up, scroll panes' contents included). */
    public static List<PlotWidget> plots(Node n) {
        List<PlotWidget> out = new ArrayList<>();
        collect(n, out);
        return out;
    }

    private static void collect(Node n, List<PlotWidget> out) {
        if (n == null || !n.isVisible()) {
            return;
        }
        if (n instanceof PlotWidget p) {
            out.add(p);
            return;
        }
        if (n instanceof ScrollPane sp) {
            collect(sp.getContent(), out);
            return;
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }
}

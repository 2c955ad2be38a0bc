package org.divergencelab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.scene.layout.Region;

import org.divergencelab.lesson.Scenes;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.theme.Theme;
import org.divergencelab.ui.util.Export;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Sandbox and the widget gallery under {@link LayoutMatrixTest}'s strict checks (every plot at least
 * {@link LayoutMatrixTest#MIN_W}×{@link LayoutMatrixTest#MIN_H}, its plot area at least
 * {@link LayoutMatrixTest#MIN_PLOT_W}×{@link LayoutMatrixTest#MIN_PLOT_H}, no two texts overlapping). The default
 * run checks the case issue 13 names (the sandbox in the projector theme at 1280×720 under scene S13's caption, whose
 * plots were 1 px high); the {@code layout-full} run checks the two tabs' rows of the whole matrix in a third of its
 * time, and writes what it saw to {@code target/screenshots/layout-sandbox/}.
 */
public class SandboxGalleryLayoutTest {
    private static final Path OUT = Path.of("target", "screenshots", "layout-sandbox");

    private MainWindow window;

    @BeforeEach
    void start() throws Exception {
        window = LayoutMatrixTest.offScreenWindow();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            window.dispose();
        }).get();
    }

    /**
     * Issue 13: "sandbox plots collapse in Projector at 1280×720 with a caption": the caption of scene S13 (a training
     * scene, as in {@link LayoutMatrixTest}; it steps aside on the Sandbox tab) and of S15 (a sandbox scene: its
     * caption sits above the sandbox's plots).
     */
    @Test
    void sandboxPlotsHoldInProjectorAt1280x720UnderACaption() throws Exception {
        List<String> failures = new ArrayList<>();
        int[] checked = {0};
        for (String scene : List.of("S13", "S15")) {
            FxTestSupport.onFx(() -> {
                window.scenes().open(Scenes.get(scene));
                return null;
            });
            for (Locale locale : List.of(I18n.ENGLISH, I18n.TRADITIONAL)) {
                FxTestSupport.onFx(() -> {
                    check("sandbox-1280x720-projector-" + locale + "-" + scene, new int[] {1280, 720}, Theme.PROJECTOR,
                            locale, 100, "sandbox", failures, checked, true);
                    return null;
                });
            }
        }
        // S13: the four plots; S15 hides the critic: three
        assertTrue(checked[0] >= 14, "the sandbox's plots in each language and scene (" + checked[0] + ")");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** The sandbox's and the gallery's rows of the full matrix (sizes, themes, languages, caption, 4K, 200 %). */
    @Test
    @Tag("layout-full")
    void sandboxAndGalleryHoldInTheFullMatrix() throws Exception {
        FxTestSupport.onFx(() -> {
            window.showGallery();
            return null;
        });
        List<String> failures = new ArrayList<>();
        int[] checked = {0};
        List<String> tabs = List.of("sandbox", "gallery");
        // no caption; S13's (a training scene: its caption steps aside here, as in LayoutMatrixTest); S15's (a
        // sandbox scene: its caption over the sandbox, the critic hidden)
        for (String scene : new String[] {null, "S13", "S15"}) {
            if (scene != null) {
                FxTestSupport.onFx(() -> {
                    window.scenes().open(Scenes.get(scene));
                    return null;
                });
            }
            for (int[] size : new int[][] {{1280, 720}, {1920, 1080}}) {
                rows(tabs, size, 100, scene != null ? "-" + scene : "", failures, checked);
            }
        }
        rows(tabs, new int[] {3840, 2160}, 100, "-100%", failures, checked);
        rows(tabs, new int[] {1920, 1080}, 200, "-200%", failures, checked);
        FxTestSupport.onFx(() -> {
            window.themes().setFontScale(100);
            return null;
        });
        System.out.println("SandboxGalleryLayoutTest: " + checked[0] + " plots checked, " + failures.size() + " problems");
        failures.forEach(System.out::println);
        assertTrue(checked[0] > 50, "the matrix found the plots (" + checked[0] + ")");
        assertTrue(failures.isEmpty(), failures.size() + " problems:\n" + String.join("\n", failures));
    }

    private void rows(List<String> tabs, int[] size, int scale, String suffix, List<String> failures, int[] checked)
            throws Exception {
        for (Theme theme : Theme.builtIns()) {
            for (Locale locale : List.of(I18n.ENGLISH, I18n.TRADITIONAL)) {
                for (String tab : tabs) {
                    String tag = tab + "-" + size[0] + "x" + size[1] + "-" + theme.id() + "-" + locale + suffix;
                    FxTestSupport.onFx(() -> {
                        check(tag, size, theme, locale, scale, tab, failures, checked, true);
                        return null;
                    });
                }
            }
        }
    }

    /** As {@code LayoutMatrixTest.check}: lays the window out and checks every plot of {@code tab}. */
    private void check(String tag, int[] size, Theme theme, Locale locale, int scale, String tab, List<String> failures,
            int[] checked, boolean shoot) {
        window.themes().setFontScale(scale);
        window.themes().setTheme(theme);
        window.i18n().setLocale(locale);
        Region r = (Region) window.root();
        r.setMaxSize(size[0], size[1]);
        r.setPrefSize(size[0], size[1]);
        window.selectView(tab);
        for (int pass = 0; pass < 3; pass++) {
            r.getScene().getRoot().applyCss();
            r.getScene().getRoot().layout();
        }
        LayoutMatrixTest.checkPlots(tag, window.views().getSelectionModel().getSelectedItem().getContent(), failures,
                checked);
        if (shoot && size[0] < 3840) {
            try {
                Export.writePng(Export.snapshot(window.root(), 1), OUT.resolve("window-" + tag + ".png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}

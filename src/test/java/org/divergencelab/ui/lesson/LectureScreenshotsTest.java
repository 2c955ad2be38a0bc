package org.divergencelab.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

import org.divergencelab.lesson.Scenes;
import org.divergencelab.ui.FxTestSupport;
import org.divergencelab.ui.LayoutMatrixTest;
import org.divergencelab.ui.MainWindow;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.plot.PlotWidget;
import org.divergencelab.ui.theme.Theme;
import org.divergencelab.ui.theme.ThemeManager;
import org.divergencelab.ui.util.Export;
import org.junit.jupiter.api.Test;

/**
 * Renders the lecture mode and the scenes that once collapsed the plots (S13, S20 with their captions, in the
 * projector theme and in presentation mode) to {@code target/screenshots/lecture/}, to look at; the chosen ones
 * are copied to docs/screenshots. Checks each render's size and that its plots keep the matrix's minimum.
 */
class LectureScreenshotsTest {
    private static final Path OUT = Path.of("target", "screenshots", "lecture");

    @Test
    void rendersLectureModeAndCaptionedScenesInProjectorAndPresentation() throws Exception {
        MainWindow w = FxTestSupport.onFx(() -> {
            MainWindow m = new MainWindow(new I18n(I18n.ENGLISH), new ThemeManager());
            StackPane holder = new StackPane(m.root());
            holder.setAlignment(javafx.geometry.Pos.TOP_LEFT);
            Scene scene = new Scene(holder, 1920, 1080);
            m.attach(scene);
            return m;
        });
        try {
            FxTestSupport.onFx(() -> {
                w.scenes().lectureProperty().set(true);
                w.scenes().open(Scenes.get("S3"));
                return null;
            });
            // shots after the scene shows its point: the sandbox's numbers and its trained critic are in
            FxTestSupport.await("S3 computed", () -> w.sandbox().frame() != null && w.sandbox().learned() != null);
            FxTestSupport.onFx(() -> {
                shot(w, 1280, 720, "lecture-S3-light-1280x720");
                shot(w, 1920, 1080, "lecture-S3-light-1920x1080");
                w.scenes().caption().answer(1);
                w.i18n().setLocale(I18n.TRADITIONAL);
                shot(w, 1280, 720, "lecture-S3-answered-light-zh_TW-1280x720");
                w.i18n().setLocale(I18n.ENGLISH);
                w.scenes().lectureProperty().set(false);
                w.themes().setTheme(Theme.PROJECTOR);
                return null;
            });
            for (String id : new String[] {"S13", "S20"}) {
                FxTestSupport.onFx(() -> {
                    w.scenes().open(Scenes.get(id));
                    return null;
                });
                // the scene's opening iterations trained (on the worker) and drawn: the plots are not empty
                long warm = Scenes.get(id).iterations();
                FxTestSupport.await(id + " warmed up", () -> w.training().session().latest() != null
                        && w.training().session().latest().iteration() >= warm
                        && !w.root().lookup("#scene-warmup").isVisible());
                Thread.sleep(1500);
                FxTestSupport.onFx(() -> {
                    shot(w, 1280, 720, "scene-" + id + "-projector-1280x720");
                    w.presentation().setActive(true);
                    shot(w, 1280, 720, "scene-" + id + "-presentation-1280x720");
                    w.presentation().setActive(false);
                    return null;
                });
            }
        } finally {
            FxTestSupport.onFx(() -> {
                w.dispose();
                return null;
            });
        }
    }

    private static void shot(MainWindow w, int width, int height, String name) throws Exception {
        Region r = (Region) w.root();
        r.setMaxSize(width, height);
        r.setPrefSize(width, height);
        for (int pass = 0; pass < 3; pass++) {
            r.getScene().getRoot().applyCss();
            r.getScene().getRoot().layout();
        }
        for (PlotWidget p : LayoutMatrixTest.plots(w.views().getSelectionModel().getSelectedItem().getContent())) {
            assertTrue(p.getWidth() >= LayoutMatrixTest.MIN_W && p.getHeight() >= LayoutMatrixTest.MIN_H,
                    name + ": " + p.getId() + " " + p.getWidth() + "x" + p.getHeight());
        }
        // the scene's top-left width × height: bars retracted by the presentation mode stick out of the window
        javafx.scene.SnapshotParameters params = new javafx.scene.SnapshotParameters();
        params.setViewport(new javafx.geometry.Rectangle2D(0, 0, width, height));
        WritableImage img = r.getScene().getRoot().snapshot(params, null);
        assertEquals(width, (int) img.getWidth(), name);
        assertEquals(height, (int) img.getHeight(), name);
        Export.writePng(img, OUT.resolve(name + ".png"));
    }
}

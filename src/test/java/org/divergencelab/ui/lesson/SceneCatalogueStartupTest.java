package org.divergencelab.ui.lesson;

import static org.divergencelab.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;

import org.divergencelab.lesson.Scenes;
import org.divergencelab.ui.MainWindow;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.theme.ThemeManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The scene catalogue is read off the FX thread while the window is built: what asks for scenes before it
 * lands (the lecture mode, next, a scene opened by id) waits for it, in the order asked; nothing is lost or raced.
 * Each check runs in the same FX call that builds the window, so the catalogue's landing (a later FX event)
 * has certainly not run yet.
 */
class SceneCatalogueStartupTest {
    private MainWindow window;

    private MainWindow newWindow() {
        MainWindow m = new MainWindow(new I18n(I18n.ENGLISH), new ThemeManager());
        m.attach(new Scene(new StackPane(m.root()), 1280, 720));
        return m;
    }

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            onFx(() -> {
                window.dispose();
                return null;
            });
        }
    }

    @Test
    void lectureAndNextAskedBeforeTheCatalogueLandsRunInOrderWhenItDoes() throws Exception {
        window = onFx(() -> {
            MainWindow m = newWindow();
            assertFalse(m.scenes().loaded().isDone(), "the catalogue lands in a later FX event");
            assertTrue(m.scenes().menu().getItems().isEmpty());
            m.scenes().startLecture();
            m.scenes().next();
            assertTrue(m.scenes().isLecture());
            assertNull(m.scenes().current(), "queued, not opened yet");
            return m;
        });
        List<org.divergencelab.lesson.Scene> order = window.scenes().loaded().get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Scenes.all(), order);
        assertEquals(order.get(1), onFx(() -> window.scenes().current()), "the first scene, then the next one");
        assertEquals(order.size(), (int) onFx(() -> window.scenes().menu().getItems().size()));
        String id = order.get(1).id();
        assertEquals(id + " · 2/" + order.size(), onFx(() -> window.scenes().caption().positionText()));
    }

    @Test
    void aSceneOpenedByIdBeforeTheCatalogueLandsGetsItsPlaceInTheLectureStrip() throws Exception {
        window = onFx(() -> {
            MainWindow m = newWindow();
            assertFalse(m.scenes().loaded().isDone());
            m.scenes().lectureProperty().set(true);
            m.scenes().open(Scenes.get("S7")); // as -Ddivergencelab.scene=S7 does
            return m;
        });
        List<org.divergencelab.lesson.Scene> order = window.scenes().loaded().get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("S7", onFx(() -> window.scenes().current().id()));
        assertEquals("S7 · " + (Scenes.ids().indexOf("S7") + 1) + "/" + order.size(),
                onFx(() -> window.scenes().caption().positionText()));
    }
}

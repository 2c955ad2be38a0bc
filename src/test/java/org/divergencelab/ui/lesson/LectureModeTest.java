package org.divergencelab.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;

import org.divergencelab.gan.Presets;
import org.divergencelab.lesson.Scenes;
import org.divergencelab.ui.MainWindowFixture;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.shell.Settings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The lecture mode in the main window (headless Monocle), driven by the keyboard and its buttons. */
class LectureModeTest extends MainWindowFixture {
    private Settings settings;

    LectureModeTest() {
        super(1280, 720, null);
    }

    @BeforeEach
    void findSettings() {
        settings = window.settings(); // in memory: the window starts as at a first start
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    /** The key events the scene saw during the walk (named in a failure). */
    private final List<String> keysSeen = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Test
    void walksEverySceneWithTheKeyboardThenStepsBack(FxRobot robot) throws Exception {
        List<String> ids = Scenes.ids();
        int n = ids.size();
        SceneCaption caption = window.scenes().caption();
        // the first start opens on "start here"; its button starts the lecture at the first scene
        fx(() -> {
            window.selectStartView("training");
            return null;
        });
        assertEquals("tab-welcome", fx(() -> window.views().getSelectionModel().getSelectedItem().getId()));
        fx(() -> {
            window.root().getScene().addEventFilter(javafx.scene.input.KeyEvent.ANY,
                    e -> keysSeen.add(e.getEventType() + " " + e.getCode() + (e.isShiftDown() ? "+shift" : "")
                            + (e.isShortcutDown() ? "+shortcut" : "") + (e.isAltDown() ? "+alt" : "")));
            return null;
        });
        robot.clickOn("#welcome-start-lecture");
        // then the mouse rests (a presenter's clicker sends the keys): left over a control, its tooltip would pop
        // up during the walk, a window the robot's keys may go to instead
        robot.moveTo("#status");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.scenes().isLecture());
        Label title = robot.lookup("#scene-title").queryAs(Label.class);
        for (int i = 0; i < n; i++) {
            String id = ids.get(i);
            int k = i;
            assertEquals(id, fx(() -> window.currentScene().id()), "step " + k + ", focus on "
                    + fx(() -> window.root().getScene().getFocusOwner() + ", windows "
                    + javafx.stage.Window.getWindows()));
            assertEquals(id + " · " + (k + 1) + "/" + n, fx(caption::positionText));
            assertTrue(fx(() -> title.getText().startsWith(id + "  ")), title.getText());
            assertTrue(fx(() -> caption.node().isVisible()), "caption of " + id);
            assertTrue(fx(() -> robot.lookup("#lecture-nav").query().isVisible()));
            String tab = Scenes.get(id).mode() == org.divergencelab.lesson.Scene.Mode.SANDBOX ? "tab-sandbox" : "tab-training";
            assertEquals(tab, fx(() -> window.views().getSelectionModel().getSelectedItem().getId()), id);
            boolean asks = Prediction.of(id) != null;
            assertEquals(asks, fx(() -> robot.lookup("#scene-predict").query().isVisible()), id + " asks first");
            assertEquals(k == 0, fx(() -> robot.lookup("#lecture-previous").queryAs(Button.class).isDisabled()));
            assertEquals(k == n - 1, fx(() -> robot.lookup("#lecture-next").queryAs(Button.class).isDisabled()));
            // → (a presenter's clicker sends PageDown, the same filter's other key: in full Monocle runs its presses
            // were lost after S2 opened, focus on the tab headers, only the releases arriving; open, docs/ui.md)
            robot.type(KeyCode.RIGHT);
            WaitForAsyncUtils.waitForFxEvents();
            if (k + 1 < n) {
                // Monocle delivers the robot's key from its own thread: on a loaded machine, while the FX thread
                // builds a view, waitForFxEvents can return before the key arrived (a full run once saw S2 at
                // step 2 with the focus on the tab headers, as it should be)
                String nextId = ids.get(k + 1);
                java.util.concurrent.Callable<Boolean> opened = () -> fx(() ->
                        window.currentScene() != null && window.currentScene().id().equals(nextId));
                try {
                    WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, opened);
                } catch (java.util.concurrent.TimeoutException e) {
                    // In full test runs Monocle has lost the robot's KEY_PRESSED (the scene saw only the
                    // KEY_RELEASED; stage focused). A lost press cannot be the app's doing (the lecture's key filter
                    // sits on the scene, before any control), so the key is typed once more, and said so.
                    System.out.println("[lecture walk] step " + k + ": press lost, typed again; keys seen " + keysSeen);
                    robot.type(KeyCode.RIGHT);
                    try {
                        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, opened);
                    } catch (java.util.concurrent.TimeoutException again) {
                        fail("step " + k + ": the key did not open " + nextId + "; scene "
                                + fx(() -> window.currentScene().id()) + ", lecture " + fx(() -> window.scenes().isLecture())
                                + ", focus on " + fx(() -> window.root().getScene().getFocusOwner()) + ", stage focused "
                                + fx(() -> stage.isFocused()) + ", keys seen " + keysSeen);
                    }
                }
            }
        }
        // → on the last scene stays there
        assertEquals(ids.get(n - 1), fx(() -> window.currentScene().id()));
        robot.type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ids.get(n - 2), fx(() -> window.currentScene().id()));
        assertEquals(ids.get(n - 2) + " · " + (n - 1) + "/" + n, fx(caption::positionText));
        // a segment of the strip jumps
        robot.clickOn("#lecture-segment-S7");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("S7 · " + (ids.indexOf("S7") + 1) + "/" + n, fx(caption::positionText));
        // out of the lecture mode the arrows belong to the controls again
        fx(() -> {
            window.scenes().setLecture(false);
            return null;
        });
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("S7", fx(() -> window.currentScene().id()));
        assertFalse(fx(() -> robot.lookup("#lecture-nav").query().isVisible()));
        // the second start opens on the training view
        fx(() -> {
            window.selectStartView("training");
            return null;
        });
        assertEquals("tab-training", fx(() -> window.views().getSelectionModel().getSelectedItem().getId()));
    }

    @Test
    void predictionAsksFirstThenTrainsAndShowsTheResultBesideTheAnswer(FxRobot robot) throws Exception {
        fx(() -> {
            window.scenes().lectureProperty().set(true);
            window.scenes().open(Scenes.get("S13"));
            return null;
        });
        SceneCaption caption = window.scenes().caption();
        assertEquals("S13", fx(() -> caption.prediction().scene()));
        assertFalse(fx(() -> robot.lookup("#predict-result").query().isVisible()));
        // nothing trains before the answer
        Thread.sleep(300);
        String s13 = Scenes.get("S13").experiment().name();
        assertTrue(fx(() -> {
            org.divergencelab.training.TrainingSession.Frame f = window.training().session().latest();
            // (a frame may have no panels yet: the scene's experiment is still loading)
            return f == null || f.panels().isEmpty() || !f.panels().get(0).experiment().name().equals(s13)
                    || f.iteration() == 0;
        }), "S13 waits for the answer");
        robot.clickOn("#predict-answer-0");
        WaitForAsyncUtils.waitForFxEvents();
        String result = fx(() -> robot.lookup("#predict-result").queryAs(Label.class).getText());
        assertTrue(result.startsWith("Your answer: Spread over all eight modes.  Not quite."), result);
        assertTrue(result.contains("Mode collapse"), result);
        assertTrue(fx(() -> robot.lookup("#predict-answer-2").queryAs(Button.class).isDisabled()), "one answer only");
        window.training().session().awaitIdle(120_000);
        assertEquals(Scenes.get("S13").iterations(), window.training().session().latest().iteration());
        // texts in every language
        fx(() -> {
            window.i18n().setLocale(I18n.SIMPLIFIED);
            return null;
        });
        assertTrue(fx(() -> robot.lookup("#predict-question").queryAs(Label.class).getText()).startsWith("先猜猜看"));
        // out of the lecture mode a scene opens without asking
        fx(() -> {
            window.scenes().setLecture(false);
            window.scenes().open(Scenes.get("S3"));
            return null;
        });
        assertNull(fx(caption::prediction));
    }

    @Test
    void captionBelongsToItsSceneFoldsClosesAndClearsWhenTheSceneIsLeft(FxRobot robot) throws Exception {
        SceneCaption caption = window.scenes().caption();
        fx(() -> {
            window.scenes().open(Scenes.get("S10"));
            return null;
        });
        assertTrue(fx(() -> caption.node().isVisible()));
        // another tab: the caption steps aside, and comes back with its tab
        fx(() -> {
            window.selectView("training");
            return null;
        });
        assertFalse(fx(() -> caption.node().isVisible()), "S10's caption above the training view");
        fx(() -> {
            window.showGallery();
            return null;
        });
        assertFalse(fx(() -> caption.node().isVisible()), "S10's caption above the gallery");
        fx(() -> {
            window.selectView("sandbox");
            return null;
        });
        assertTrue(fx(() -> caption.node().isVisible()));
        // fold: the texts go, the title stays, the choice is remembered
        robot.clickOn("#scene-fold");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(() -> robot.lookup("#scene-body").query().isVisible()));
        assertTrue(fx(() -> robot.lookup("#scene-title").query().isVisible()));
        assertTrue(settings.get(Settings.CAPTION_FOLDED, false));
        robot.clickOn("#scene-fold");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(settings.get(Settings.CAPTION_FOLDED, true));
        // close
        robot.clickOn("#scene-close");
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(fx(() -> window.currentScene()));
        assertFalse(fx(() -> caption.node().isVisible()));
        // a training scene is left when another preset is loaded: its caption goes
        fx(() -> {
            window.scenes().open(Scenes.get("S1"));
            return null;
        });
        assertEquals("S1", fx(() -> window.currentScene().id()));
        fx(() -> {
            window.training().load(Presets.get(Presets.names().get(1)));
            return null;
        });
        org.divergencelab.ui.FxTestSupport.await("S1's caption cleared", () -> window.currentScene() == null
                && !caption.node().isVisible());
        // dragging Q stays in a sandbox scene; a preset (other distributions) leaves it
        fx(() -> {
            window.scenes().open(Scenes.get("S3"));
            return null;
        });
        fx(() -> {
            window.sandbox().setState(window.sandbox().state().withQ("segment(1.5,0,1.5,1)"));
            return null;
        });
        WaitForAsyncUtils.sleep(200, java.util.concurrent.TimeUnit.MILLISECONDS);
        assertEquals("S3", fx(() -> window.currentScene().id()), "dragging Q stays in S3");
        fx(() -> {
            window.sandbox().setState(window.sandbox().state().withSpecs("normal(0,0.5)", "normal(4,0.5)"));
            return null;
        });
        org.divergencelab.ui.FxTestSupport.await("S3's caption cleared", () -> window.currentScene() == null);
    }
}

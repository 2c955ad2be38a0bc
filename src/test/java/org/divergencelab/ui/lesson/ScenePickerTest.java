package org.divergencelab.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;

import org.divergencelab.gan.Trainer;
import org.divergencelab.lesson.SceneFigure;
import org.divergencelab.lesson.Scenes;
import org.divergencelab.training.TrainingSession;
import org.divergencelab.ui.MainWindowFixture;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.plot.LineChart;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Scenes menu in the main window (headless Monocle): tab, state, hidden controls, caption, language. */
class ScenePickerTest extends MainWindowFixture {
    ScenePickerTest() {
        super(1280, 800, null);
    }

    private void open(String id) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            for (MenuItem item : window.scenes().menu().getItems()) {
                if (item.getId().equals("scene-" + id)) {
                    item.fire();
                }
            }
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String selectedTab() {
        return window.views().getSelectionModel().getSelectedItem().getId();
    }

    @Test
    void menuListsEverySceneAndFollowsTheLanguage(FxRobot robot) throws Exception {
        assertEquals(Scenes.all().size(), window.scenes().menu().getItems().size());
        assertEquals("Scenes", window.scenes().menu().getText());
        WaitForAsyncUtils.asyncFx(() -> window.i18n().setLocale(I18n.SIMPLIFIED)).get();
        assertEquals("课程场景", window.scenes().menu().getText());
        assertEquals("S8  平行线段与 θ", window.scenes().menu().getItems().get(Scenes.ids().indexOf("S8")).getText());
    }

    @Test
    void sandboxSceneSwitchesTabAppliesStateAndShowsCaption(FxRobot robot) throws Exception {
        assertFalse(window.scenes().caption().node().isVisible());
        open("S3");
        assertEquals("tab-sandbox", selectedTab());
        assertEquals(Scenes.get("S3").sandbox(), window.sandbox().state());
        assertTrue(window.scenes().caption().node().isVisible());
        Label title = robot.lookup("#scene-title").queryAs(Label.class);
        assertEquals("S3  Two lines: far → near → overlap (PG0 → PG50)", title.getText());
        // The caption follows the language switch.
        WaitForAsyncUtils.asyncFx(() -> window.i18n().setLocale(I18n.TRADITIONAL)).get();
        assertTrue(title.getText().startsWith("S3  兩條線"), title.getText());
        assertTrue(robot.lookup("#scene-try").queryAs(Label.class).getText().startsWith("試試看："));
    }

    @Test
    void trainingSceneLoadsItsExperimentAndHidesItsControls(FxRobot robot) throws Exception {
        open("S1");
        assertEquals("tab-training", selectedTab());
        assertEquals(Scenes.get("S1").experiment(), window.training().editor().current());
        Node compare = ScenePicker.find(window.training().node(), "compare");
        assertNotNull(compare);
        assertFalse(compare.isVisible(), "S1 hides the compare button");
        // S18 shows the internals and hides nothing: compare comes back.
        open("S18");
        assertEquals(Scenes.get("S18").experiment(), window.training().editor().current());
        assertTrue(compare.isVisible(), "controls hidden by the previous scene are shown again");
        ToggleButton internals = (ToggleButton) ScenePicker.find(window.training().node(), "show-internals");
        assertTrue(internals.isSelected());
        // S12 hides a field of the side panel together with its label.
        open("S12");
        Node lipschitz = ScenePicker.find(window.training().controls(), "cfg-lipschitz");
        assertFalse(lipschitz.isVisible());
        assertFalse(internals.isSelected(), "S12 shows the critic, not the internals");
    }

    @Test
    void trainingSceneOpensOnItsWarmUpStateTrainedOffTheFxThread(FxRobot robot) throws Exception {
        long t0 = System.nanoTime();
        open("S17");
        // open() returned at once: the 1000 iterations run on the session's worker, not on the FX thread.
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "opening blocks the FX thread");
        window.training().session().awaitIdle(120_000);
        TrainingSession.Frame f = window.training().session().latest();
        assertEquals(1000, f.iteration());
        // The same state as render --scene (a Trainer trained on the calling thread from the same seed).
        Trainer t = new Trainer(Scenes.get("S17").experiment());
        for (int i = 0; i < 1000; i++) {
            t.iteration();
        }
        assertTrue(java.util.Arrays.equals(t.snapshot(true).fake(), f.panels().get(0).snapshot().fake()),
                "the app's opening state is the render's");
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> !robot.lookup("#scene-warmup").queryAs(Label.class).isVisible());
    }

    @Test
    void figureScenesComputeTheirFigureAndInternalsGetALogAxis(FxRobot robot) throws Exception {
        open("S19");
        LineChart grads = ScenePicker.gradientCharts(window.training().node(), Scenes.get("S19")).get(0);
        assertTrue(grads.axes().isLogY(), "S19's per-layer gradient norms on a log axis");
        SceneFigureView fig = window.scenes().caption().figure();
        assertTrue(fig.node().isVisible());
        WaitForAsyncUtils.waitFor(120, java.util.concurrent.TimeUnit.SECONDS, () -> fig.data() != null);
        assertEquals(SceneFigure.CLIPS.length + 1, fig.data().series().size());
        assertTrue(fig.chart().axes().isLogY());
        open("S1");
        assertFalse(grads.axes().isLogY(), "the next scene gets the linear axis back");
        assertFalse(fig.node().isVisible(), "S1 has no figure");
    }
}

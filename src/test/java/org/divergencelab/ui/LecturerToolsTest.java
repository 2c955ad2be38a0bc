package org.divergencelab.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.divergencelab.ui.FxTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;

import org.divergencelab.gan.Objective;
import org.divergencelab.lesson.Scenes;
import org.divergencelab.training.TrainingHistory;
import org.divergencelab.training.TrainingState;
import org.divergencelab.training.TrainingStateFile;
import org.divergencelab.ui.train.TrainingView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless (Monocle) TestFX tests of the lecturer's tools on the Training tab of the real main window: the formula
 * panel follows the JS ↔ W toggle; save → load restores the same experiment, layout, scene and networks; a broken or
 * newer file keeps the current state and says why; the chart data export as CSV; PNG export writes off the FX thread.
 */
class LecturerToolsTest extends MainWindowFixture {

    @TempDir
    Path dir;
    private TrainingView view;

    @BeforeEach
    void findView() {
        view = window.training();
    }

    private <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    @Test
    void formulaPanelFollowsTheJsToWToggle(FxRobot robot) throws Exception {
        pickPreset(robot, "gaussians-1d-gan");
        assertTrue(robot.lookup("#train-formula-pane").tryQuery().isEmpty(), "hidden at first");
        robot.clickOn("#show-formulas");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#train-formula-pane").query().isVisible(), "shown by its toggle");
        List<String> js = fx(() -> view.formulas().shownKeys());
        assertTrue(js.contains("train.formula.dstar") && js.contains("train.formula.js"), js.toString());
        // typeset on their own thread once the panel shows (TrainingFormulas), then swapped in
        await("every formula typeset", () -> view.formulas().complete());
        assertEquals(js.size(), (int) fx(() -> view.formulas().renderedCount()), "every formula typeset");
        assertTrue(robot.lookup("#formula-dstar").tryQuery().isPresent());

        robot.clickOn("#toggle-objective");
        await("objective is W", () -> frame().panels().get(0).experiment().objective().kind().isWasserstein());
        List<String> w = fx(() -> view.formulas().shownKeys());
        assertTrue(w.contains("train.formula.wDual") && w.contains("train.formula.gp") && w.contains("train.formula.w1"),
                w.toString());
        assertFalse(w.contains("train.formula.dstar"), w.toString());
        await("W formulas typeset", () -> view.formulas().complete());
        assertEquals(w.size(), (int) fx(() -> view.formulas().renderedCount()));
        assertTrue(robot.lookup("#formula-gp").tryQuery().isPresent(), "the GP formula is on screen");
        assertTrue(robot.lookup("#formula-dstar").tryQuery().isEmpty(), "the D* formula is gone");

        // the keyboard toggle (Shortcut+J) switches back; the menu item hides the panel
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.J)
                .release(javafx.scene.input.KeyCode.J, javafx.scene.input.KeyCode.CONTROL);
        await("back to JS", () -> view.formulas().shownKeys().contains("train.formula.dstar"));
        // compare mode: both objectives get a section
        robot.clickOn("#compare");
        await("two panels", () -> frame().panels().size() == 2);
        List<String> both = fx(() -> view.formulas().shownKeys());
        assertTrue(both.contains("train.formula.dstar") && both.contains("train.formula.wDual"), both.toString());
        robot.interact(() -> view.setFormulasVisible(false));
        assertTrue(robot.lookup("#train-formula-pane").tryQuery().isEmpty(), "hidden again");
        // captions follow the language
        robot.interact(() -> view.setFormulasVisible(true));
        robot.clickOn("#lang-zh_TW");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup((Label l) -> l.getText() != null && l.getText().startsWith("最佳判別器 D*")).tryQuery()
                .isPresent(), "Traditional Chinese caption shown");
        robot.clickOn("#lang-en");
    }

    @Test
    void saveThenLoadRestoresExperimentLayoutSceneAndNetworks(FxRobot robot) throws Exception {
        // S1 opens trained: its opening iterations run on the worker first (the scene's point), then we step.
        int opening = Scenes.get("S1").iterations();
        robot.interact(() -> window.scenes().open(Scenes.get("S1")));
        await("S1 loaded and trained to its opening", () -> frame() != null
                && frame().panels().get(0).experiment().name().startsWith("S1-") && frame().iteration() == opening);
        robot.interact(() -> {
            view.setFormulasVisible(true);
            window.selectView("training");
        });
        robot.clickOn("#step-iteration");
        robot.clickOn("#step-iteration");
        robot.clickOn("#step-iteration");
        await("three iterations", () -> frame().iteration() == opening + 3);
        double[] fakeAtSave = frame().panels().get(0).snapshot().fake().clone();
        TrainingState saved = fx(() -> window.lecturer().currentTrainingState());
        assertEquals("S1", saved.scene());
        assertEquals(opening + 3, saved.iterations());
        assertTrue(saved.formulas());
        Path file = dir.resolve("lecture-state.json");
        assertTrue(fx(() -> window.lecturer().saveTrainingState(file)).get(30, TimeUnit.SECONDS), "saved");
        assertEquals(saved, TrainingStateFile.load(file), "the file holds the state");

        // change everything: objective, formulas, more iterations, another tab
        robot.clickOn("#toggle-objective");
        await("objective is W", () -> frame().panels().get(0).experiment().objective().kind().isWasserstein());
        robot.clickOn("#step-iteration");
        robot.interact(() -> {
            view.setFormulasVisible(false);
            window.selectView("sandbox");
        });
        await("four iterations", () -> frame().iteration() == opening + 4);
        assertNotEquals(saved, fx(() -> window.lecturer().currentTrainingState()));

        assertTrue(fx(() -> window.lecturer().loadTrainingState(file)).get(30, TimeUnit.SECONDS), "loaded");
        await("replayed to the saved iteration", () -> frame().iteration() == opening + 3
                && frame().panels().get(0).experiment().equals(saved.experiment()));
        TrainingState now = fx(() -> window.lecturer().currentTrainingState());
        assertEquals(saved, now, "identical state after the round trip");
        assertEquals(Objective.Kind.NON_SATURATING, now.experiment().objective().kind());
        // replayed from the seed: the same generator, point for point
        assertArrayEquals(fakeAtSave, frame().panels().get(0).snapshot().fake(), "same generated samples");
        Label status = robot.lookup("#status").queryAs(Label.class);
        assertTrue(status.getText().contains("lecture-state.json"), status.getText());
    }

    @Test
    void brokenOrNewerFilesKeepTheCurrentStateAndSayWhy(FxRobot robot) throws Exception {
        pickPreset(robot, "gaussians-1d-gan");
        robot.clickOn("#step-iteration");
        await("one iteration", () -> frame().iteration() == 1);
        TrainingState before = fx(() -> window.lecturer().currentTrainingState());
        Label msg = robot.lookup("#train-message").queryAs(Label.class);

        Path garbage = dir.resolve("garbage.json");
        Files.writeString(garbage, "{\"format\": \"divergence-lab/training-state\", \"version\": 1, ", StandardCharsets.UTF_8);
        Path newer = dir.resolve("newer.json");
        Files.writeString(newer, TrainingStateFile.toJson(before).replaceFirst("\"version\": 1", "\"version\": 2"),
                StandardCharsets.UTF_8);
        Path badScene = dir.resolve("bad-scene.json");
        Files.writeString(badScene, TrainingStateFile.toJson(before.withScene("S99")), StandardCharsets.UTF_8);
        Path sandboxScene = dir.resolve("sandbox-scene.json");
        Files.writeString(sandboxScene, TrainingStateFile.toJson(before.withScene("S7")), StandardCharsets.UTF_8);
        Object[][] cases = {{garbage, "not valid JSON"}, {newer, "newer"}, {badScene, "unknown scene 'S99'"},
                {sandboxScene, "sandbox scene"}, {dir.resolve("missing.json"), "cannot read"}};
        for (Object[] c : cases) {
            Path f = (Path) c[0];
            assertFalse(fx(() -> window.lecturer().loadTrainingState(f)).get(30, TimeUnit.SECONDS), "refused " + f);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(msg.getText().contains((String) c[1]) && msg.getText().contains(f.getFileName().toString()),
                    f + " -> " + msg.getText());
            assertEquals(before, fx(() -> window.lecturer().currentTrainingState()), "state kept after " + f);
            assertEquals(1, frame().iteration(), "the run is untouched");
        }
        assertNull(window.scenes().current(), "no scene was opened by a refused file");
    }

    @Test
    void chartDataExportsAsCsvAndPngIsWrittenOffTheFxThread(FxRobot robot) throws Exception {
        pickPreset(robot, "gaussians-1d-gan");
        for (int i = 0; i < 4; i++) {
            robot.clickOn("#step-iteration");
        }
        // rows for the fresh model's snapshot (iteration 0) and the four iterations
        await("four iterations", () -> frame().iteration() == 4 && view.history().rows(0) == 5);
        Path csv = dir.resolve("out/chart.csv");
        assertTrue(fx(() -> view.exportCsv(csv)).get(30, TimeUnit.SECONDS));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(TrainingHistory.HEADER, lines.get(0));
        assertEquals(6, lines.size(), lines.toString());
        assertTrue(lines.get(1).startsWith("0,non-saturating,0,"), lines.get(1));
        for (int i = 1; i <= 4; i++) {
            String[] cells = lines.get(i + 1).split(",", -1);
            assertEquals(21, cells.length, lines.get(i));
            assertEquals("0", cells[0]);
            assertEquals("non-saturating", cells[1]);
            assertEquals(Integer.toString(i), cells[2]);
            assertEquals("JS", cells[5]);
            double d = Double.parseDouble(cells[3]);
            assertTrue(d > 0 && d < 10, "D loss of iteration " + i + ": " + d);
            // a step ends with a full evaluation: the truths of the metrics schema are in the row
            double js = Double.parseDouble(cells[8]);
            assertTrue(js >= 0 && js <= Math.log(2), "JS of iteration " + i + ": " + js);
            // S1's tanh generator: its exact distribution, integrated over the latent, with the bound reached
            assertTrue(cells[9].startsWith("\"exact-quadrature(err<") || cells[9].startsWith("exact-quadrature(err<"),
                    cells[9]);
        }

        Path png = dir.resolve("view.png");
        assertTrue(fx(() -> window.exportCurrentPng(png)).get(30, TimeUnit.SECONDS));
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertTrue(img.getWidth() > 1000, "2x snapshot of the training view: " + img.getWidth());
        Path svg = dir.resolve("plot.svg");
        assertTrue(fx(() -> window.exportCurrentSvg(svg)).get(30, TimeUnit.SECONDS));
        assertTrue(Files.readString(svg).startsWith("<?xml") || Files.readString(svg).contains("<svg"));
        Label status = robot.lookup("#status").queryAs(Label.class);
        assertTrue(status.getText().contains("plot.svg"), status.getText());
    }
}

package org.divergencelab.ui.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.divergencelab.ui.FxTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.Objective;
import org.divergencelab.training.TrainingSession;
import org.divergencelab.ui.MainWindowFixture;
import org.divergencelab.ui.plot.LineChart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless (Monocle) TestFX tests of the Training tab in the real main window: pick a preset, step five
 * times, JS ↔ W toggle, live language switch, absurd values, compare mode.
 */
class TrainingViewTest extends MainWindowFixture {

    private TrainingView view;

    @BeforeEach
    void findView() {
        view = window.training();
    }

    @Test
    void stepFiveTimesCountsAndChartsFivePoints(FxRobot robot) throws Exception {
        pickPreset(robot, "gaussians-1d-gan");
        for (int i = 0; i < 5; i++) {
            robot.clickOn("#step-iteration");
        }
        await("five iterations", () -> frame().iteration() == 5);
        Label counter = robot.lookup("#iteration-counter").queryAs(Label.class);
        await("counter shows 5", () -> counter.getText().startsWith("Iteration 5 "));
        LineChart losses = robot.lookup("#p0-chart-losses").queryAs(LineChart.class);
        await("five loss points", () -> losses.series().get(0).appendedCount() == 5);
        assertEquals(5, losses.series().get(0).appendedCount(), "D loss points");
        assertEquals(5, losses.series().get(1).appendedCount(), "G loss points");
        assertEquals(5.0, losses.series().get(0).keptX(4), "x of the fifth point is iteration 5");
        // One critic step moves the critic counter only: exactly one step per click.
        long d = frame().panels().get(0).snapshot().criticSteps();
        robot.clickOn("#step-critic");
        await("one critic step", () -> frame().panels().get(0).snapshot().criticSteps() == d + 1);
        assertEquals(5, frame().iteration());
        // The keyboard shortcut of "Step iteration" (shown in its tooltip) does the same.
        assertTrue(robot.lookup("#step-iteration").queryAs(Button.class).getTooltip().getText()
                .contains(TrainingView.STEP_ITERATION.getDisplayText()));
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.I)
                .release(javafx.scene.input.KeyCode.I, javafx.scene.input.KeyCode.CONTROL);
        await("sixth iteration by keyboard", () -> frame().iteration() == 6);
        await("six loss points", () -> losses.series().get(0).appendedCount() == 6);
    }

    @Test
    void toggleSwapsOnlyTheObjective(FxRobot robot) throws Exception {
        pickPreset(robot, "gaussians-1d-gan");
        robot.clickOn("#step-iteration");
        await("one iteration", () -> frame().iteration() == 1);
        TrainingSession.PanelState before = frame().panels().get(0);
        assertEquals(Objective.Kind.NON_SATURATING, before.experiment().objective().kind());
        robot.clickOn("#toggle-objective");
        await("objective is W", () -> frame().panels().get(0).experiment().objective().kind().isWasserstein());
        TrainingSession.PanelState after = frame().panels().get(0);
        Experiment a = before.experiment();
        Experiment b = after.experiment();
        assertEquals(Objective.Kind.WGAN_GP, b.objective().kind());
        assertEquals(a.data(), b.data());
        assertEquals(a.seed(), b.seed());
        assertEquals(a.generator(), b.generator());
        assertEquals(a.critic(), b.critic());
        assertArrayEquals(before.snapshot().real(), after.snapshot().real(), "same evaluation data");
        // Applied live: the run continues (no new model), and the estimate is now of W1.
        assertEquals(1, after.snapshot().iteration());
        assertEquals(Objective.Estimated.W1, after.snapshot().estimate().divergence());
        robot.clickOn("#toggle-objective");
        await("back to JS", () -> !frame().panels().get(0).experiment().objective().kind().isWasserstein());
    }

    @Test
    void languageSwitchRelabelsTheTrainingView(FxRobot robot) throws Exception {
        Button step = robot.lookup("#step-iteration").queryAs(Button.class);
        LineChart losses = robot.lookup("#p0-chart-losses").queryAs(LineChart.class);
        assertEquals("Step iteration", step.getText());
        assertEquals("Losses", losses.titleProperty().get());
        robot.clickOn("#lang-zh_TW");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("走一個迭代", step.getText());
        assertEquals("損失", losses.titleProperty().get());
        robot.clickOn("#lang-zh_CN");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("走一个迭代", step.getText());
        robot.clickOn("#lang-en");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Step iteration", step.getText());
    }

    @Test
    void absurdValuesAreRejectedAndTheRunKeepsItsSettings(FxRobot robot) throws Exception {
        pickPreset(robot, "gaussians-1d-gan");
        double lr = frame().panels().get(0).experiment().criticOptimizer().lr();
        Label error = robot.lookup("#config-error").queryAs(Label.class);
        for (String[] c : new String[][] {{"#cfg-d-lr", "-1", "criticOptimizer.lr"}, {"#cfg-d-lr", "NaN", "criticOptimizer.lr"},
                {"#cfg-batch", "0", "batchSize"}, {"#cfg-g-lr", "abc", "generatorOptimizer.lr"}}) {
            TextField f = robot.lookup(c[0]).queryAs(TextField.class);
            String old = f.getText();
            robot.interact(() -> {
                f.setText(c[1]);
                f.fireEvent(new javafx.event.ActionEvent());
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(error.getText().contains(c[2]), c[1] + " -> " + error.getText());
            assertEquals(lr, view.editor().current().criticOptimizer().lr());
            robot.interact(() -> {
                f.setText(old);
                f.fireEvent(new javafx.event.ActionEvent());
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("", error.getText());
        }
        // A valid change the model survives applies live (the run is not reset).
        robot.clickOn("#step-iteration");
        await("one iteration", () -> frame().iteration() == 1);
        TextField dLr = robot.lookup("#cfg-d-lr").queryAs(TextField.class);
        robot.interact(() -> {
            dLr.setText("0.0005");
            dLr.fireEvent(new javafx.event.ActionEvent());
        });
        await("lr applied live", () -> frame().panels().get(0).experiment().criticOptimizer().lr() == 0.0005);
        assertEquals(1, frame().iteration());
        // A new seed needs a new model: visible reset to iteration 0 with a notice.
        TextField seed = robot.lookup("#cfg-seed").queryAs(TextField.class);
        robot.interact(() -> {
            seed.setText("7");
            seed.fireEvent(new javafx.event.ActionEvent());
        });
        await("new model", () -> frame().panels().get(0).experiment().seed() == 7 && frame().iteration() == 0);
        Label message = robot.lookup("#train-message").queryAs(Label.class);
        await("reset notice", () -> message.getText().contains("seed"));
    }

    @Test
    void compareModeTrainsTwinsInLockstep(FxRobot robot) throws Exception {
        pickPreset(robot, "gaussians-1d-gan");
        robot.clickOn("#compare");
        await("two panels", () -> frame().panels().size() == 2);
        robot.clickOn("#step-iteration");
        robot.clickOn("#step-iteration");
        await("two iterations each", () -> frame().panels().get(0).snapshot().iteration() == 2
                && frame().panels().get(1).snapshot().iteration() == 2);
        Experiment a = frame().panels().get(0).experiment();
        Experiment b = frame().panels().get(1).experiment();
        assertNotEquals(a.objective().kind().isWasserstein(), b.objective().kind().isWasserstein());
        assertEquals(a.data(), b.data());
        assertEquals(a.seed(), b.seed());
        assertArrayEquals(frame().panels().get(0).snapshot().real(), frame().panels().get(1).snapshot().real());
        LineChart second = robot.lookup("#p1-chart-losses").queryAs(LineChart.class);
        await("second panel charted", () -> second.series().get(0).appendedCount() == 2);
    }
}

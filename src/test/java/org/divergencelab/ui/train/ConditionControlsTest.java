package org.divergencelab.ui.train;

import static org.divergencelab.ui.FxTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;

import org.divergencelab.gan.ConditionSpec;
import org.divergencelab.gan.Experiment;
import org.divergencelab.ui.MainWindowFixture;
import org.divergencelab.ui.plot.PlotWidget;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The side panel's "Condition" section (the conditional GAN of scene S26) driven through the real main window:
 * the label choice and its two switches change the experiment, training runs conditioned (labels, label
 * accuracy, the views' titles say what they draw), a preset turns it off, a training state file keeps it, and a
 * label the data cannot give is rejected at its field.
 */
class ConditionControlsTest extends MainWindowFixture {

    private TrainingView view;

    @BeforeEach
    void findView() {
        view = window.training();
    }

    @SuppressWarnings("unchecked")
    private ComboBox<ConditionSpec.Label> labelBox(FxRobot robot) {
        return robot.lookup("#cfg-condition-label").queryAs(ComboBox.class);
    }

    /** Scrolls the side panel so that {@code n} shows (the section sits at its foot), then clicks it. */
    private void clickInPanel(FxRobot robot, Node n) {
        ScrollPane panel = (ScrollPane) view.editor().node();
        robot.interact(() -> panel.setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(n);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String title(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(PlotWidget.class).titleProperty().get();
    }

    @Test
    void turningTheConditionOnThroughThePanelTrainsAConditionalGan(FxRobot robot) throws Exception {
        pickPreset(robot, "ring8-gan");
        ComboBox<ConditionSpec.Label> label = labelBox(robot);
        CheckBox sees = robot.lookup("#cfg-condition-critic-sees-label").queryAs(CheckBox.class);
        CheckBox mismatch = robot.lookup("#cfg-condition-mismatch").queryAs(CheckBox.class);
        assertEquals(ConditionSpec.Label.NONE, label.getValue());
        assertTrue(sees.isDisabled() && mismatch.isDisabled(), "the switches are off without a label");
        assertEquals("Samples: real vs generated", title(robot, "#p0-samples-2d"));

        // pick "the data mode" from the box's list with the mouse
        clickInPanel(robot, label);
        robot.clickOn("mode of the data");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ConditionSpec.mode(), view.editor().current().condition());
        assertFalse(sees.isDisabled() || mismatch.isDisabled());
        assertTrue(sees.isSelected() && mismatch.isSelected());
        // a new model (the networks get the one-hot label inputs), and the notice names what changed
        await("conditional model", () -> frame().panels().get(0).experiment().condition().conditional()
                && frame().iteration() == 0);
        Label message = robot.lookup("#train-message").queryAs(Label.class);
        await("new-model notice", () -> message.getText().contains("condition"));

        for (int i = 0; i < 3; i++) {
            robot.clickOn("#step-iteration");
        }
        await("three conditional iterations", () -> frame().iteration() == 3);
        robot.clickOn("#reset");
        await("reset: conditioned, from the seed", () -> frame().iteration() == 0
                && frame().panels().get(0).experiment().condition().conditional());
        for (int i = 0; i < 3; i++) {
            robot.clickOn("#step-iteration");
        }
        await("three conditional iterations after the reset", () -> frame().iteration() == 3);
        var snapshot = frame().panels().get(0).snapshot();
        assertEquals(snapshot.fake().length / 2, snapshot.labels().length, "one label per generated sample");
        assertTrue(snapshot.labelAccuracy() >= 0 && snapshot.labelAccuracy() <= 1, "label accuracy " + snapshot.labelAccuracy());
        await("samples coloured by label", () -> title(robot, "#p0-samples-2d").contains("label accuracy of G")
                && title(robot, "#p0-samples-2d").contains("chance 1/8"));
        assertEquals("Discriminator D(x, y), mean over y", title(robot, "#p0-critic-2d"));
        assertEquals("Generator map G(z, y = 0)", title(robot, "#p0-map"));

        // the label-blind D of the lecture's failure case: a click on the switch
        clickInPanel(robot, sees);
        assertFalse(sees.isSelected());
        assertEquals(new ConditionSpec(ConditionSpec.Label.MODE, true, false), view.editor().current().condition());
        await("label-blind D in the run", () -> !frame().panels().get(0).experiment().condition().criticSeesLabel());
        clickInPanel(robot, mismatch);
        assertEquals(new ConditionSpec(ConditionSpec.Label.MODE, false, false), view.editor().current().condition());
        await("no mismatched negatives in the run",
                () -> !frame().panels().get(0).experiment().condition().mismatchNegatives());
        robot.clickOn("#step-iteration");
        await("trains on", () -> frame().iteration() >= 1 && frame().panels().get(0).snapshot().labels() != null);

        // the panel speaks the chosen language
        robot.clickOn("#lang-zh_TW");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("D 看得到標籤 y", sees.getText());
        assertEquals("資料的模式", label.getButtonCell().getText());
        robot.clickOn("#lang-en");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("mode of the data", label.getButtonCell().getText());

        // a preset is a fresh experiment: no condition
        pickPreset(robot, "ring8-wgan-gp");
        assertEquals(ConditionSpec.Label.NONE, label.getValue());
        assertTrue(sees.isDisabled());
        assertEquals(ConditionSpec.none(), view.editor().current().condition());
        await("plain titles again", () -> title(robot, "#p0-samples-2d").equals("Samples: real vs generated")
                && title(robot, "#p0-map").equals("Generator map"));
    }

    @Test
    void aConditionalOneDimensionalRunSaysWhatItsViewsDraw(FxRobot robot) throws Exception {
        pickPreset(robot, "gaussians-1d-gan");
        robot.clickOn("#step-iteration");
        await("one plain iteration", () -> frame().iteration() == 1);
        await("D* drawn for a D(x)", () -> curveNames(robot).contains("optimal D*(x)"));
        ComboBox<ConditionSpec.Label> label = labelBox(robot);
        clickInPanel(robot, label);
        robot.clickOn("mode of the data");
        WaitForAsyncUtils.waitForFxEvents();
        await("conditional model", () -> frame().panels().get(0).experiment().labelCount() == 2
                && frame().iteration() == 0);
        robot.clickOn("#step-iteration");
        await("one conditional iteration", () -> frame().iteration() == 1);
        double accuracy = frame().panels().get(0).snapshot().labelAccuracy();
        await("the 1-D samples title gives G's label accuracy", () -> title(robot, "#p0-samples-1d").equals(String.format(
                java.util.Locale.ROOT, "Samples: label accuracy of G %.3f (chance 1/2)", accuracy)));
        assertEquals("Discriminator D(x, y), mean over y", title(robot, "#p0-critic-1d"));
        // D* = p_data / (p_data + p_G) is the optimum of a D that sees x alone: not drawn beside a D(x, y)
        assertFalse(curveNames(robot).contains("optimal D*(x)"), curveNames(robot).toString());
        assertTrue(curveNames(robot).contains("D(x)"), curveNames(robot).toString());
    }

    /** The names of the 1-D critic view's curves (read from the plot's own list: it has no getter). */
    @SuppressWarnings("unchecked")
    private java.util.List<String> curveNames(FxRobot robot) {
        try {
            java.lang.reflect.Field f = org.divergencelab.ui.plot.DensityPlot.class.getDeclaredField("curves");
            f.setAccessible(true);
            var curves = (java.util.List<org.divergencelab.ui.plot.CurveLayer>) f.get(robot.lookup("#p0-critic-1d")
                    .queryAs(org.divergencelab.ui.plot.DensityPlot.class));
            return curves.stream().map(org.divergencelab.ui.plot.CurveLayer::name).toList();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aTrainingStateFileKeepsTheCondition(FxRobot robot) throws Exception {
        pickPreset(robot, "ring8-gan");
        ComboBox<ConditionSpec.Label> label = labelBox(robot);
        robot.interact(() -> label.setValue(ConditionSpec.Label.MODE));
        CheckBox mismatch = robot.lookup("#cfg-condition-mismatch").queryAs(CheckBox.class);
        clickInPanel(robot, mismatch);
        ConditionSpec saved = new ConditionSpec(ConditionSpec.Label.MODE, false, true);
        assertEquals(saved, view.editor().current().condition());
        Path file = Files.createTempDirectory("condgan").resolve("state.dlab");
        assertTrue(WaitForAsyncUtils.asyncFx(() -> window.lecturer().saveTrainingState(file)).get(30, TimeUnit.SECONDS)
                .get(30, TimeUnit.SECONDS), "saved");
        pickPreset(robot, "ring8-wgan-gp");
        assertEquals(ConditionSpec.Label.NONE, label.getValue());
        assertTrue(WaitForAsyncUtils.asyncFx(() -> window.lecturer().loadTrainingState(file)).get(30, TimeUnit.SECONDS)
                .get(30, TimeUnit.SECONDS), "loaded");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ConditionSpec.Label.MODE, label.getValue());
        assertFalse(mismatch.isSelected());
        assertEquals(saved, view.editor().current().condition());
        await("the run is conditioned again", () -> frame().panels().get(0).experiment().condition().equals(saved));
    }

    @Test
    void aLabelTheDataCannotGiveIsRejectedAtItsField(FxRobot robot) throws Exception {
        pickPreset(robot, "two-lines-gan");
        ComboBox<ConditionSpec.Label> label = labelBox(robot);
        Label error = robot.lookup("#config-error").queryAs(Label.class);
        Experiment before = view.editor().current();
        clickInPanel(robot, label);
        robot.clickOn("mode of the data");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(error.getText().startsWith("Label y given to G and D: \"mode of the data\" was not accepted")
                && error.getText().contains("mixture"), error.getText());
        assertSame(label.getParent(), error.getParent(), "the message sits under the box");
        assertEquals(ConditionSpec.Label.NONE, label.getValue(), "the box shows the accepted value again");
        assertEquals(before, view.editor().current());
        assertTrue(robot.lookup("#cfg-condition-critic-sees-label").queryAs(CheckBox.class).isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            try {
                org.divergencelab.ui.util.Export.png(window.root(), Path.of("target", "screenshots",
                        "rejected-condition-1280x720.png"));
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        });
    }
}

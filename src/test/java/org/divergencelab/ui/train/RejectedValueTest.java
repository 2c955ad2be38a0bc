package org.divergencelab.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;

import org.divergencelab.ui.MainWindowFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A rejected setting (issue 13 §7): the message shows right under the field (red border), in the status line,
 * inside the side panel's viewport without scrolling by hand, and the field shows the last accepted value again.
 */
class RejectedValueTest extends MainWindowFixture {

    private TrainingView view;

    @BeforeEach
    void findView() {
        view = window.training();
    }

    private void enter(FxRobot robot, TextField f, String text) {
        robot.interact(() -> {
            f.setText(text);
            f.fireEvent(new javafx.event.ActionEvent());
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void negativeLearningRateIsShownAtItsFieldAndReverted(FxRobot robot) {
        TextField gLr = robot.lookup("#cfg-g-lr").queryAs(TextField.class);
        Label error = robot.lookup("#config-error").queryAs(Label.class);
        Label status = robot.lookup("#status").queryAs(Label.class);
        String accepted = gLr.getText();
        double lr = view.editor().current().generatorOptimizer().lr();

        enter(robot, gLr, "-1");

        assertTrue(error.getText().contains("G learning rate") && error.getText().contains("\"-1\""), error.getText());
        assertEquals(error.getText(), status.getText(), "the status line repeats the message");
        assertEquals(accepted, gLr.getText(), "the field shows the last accepted value again");
        assertEquals(lr, view.editor().current().generatorOptimizer().lr());
        assertTrue(gLr.getStyleClass().contains("field-rejected"), "red border");
        assertSame(gLr.getParent(), error.getParent(), "the message sits in the field's own cell");
        Bounds field = gLr.localToScene(gLr.getBoundsInLocal());
        Bounds message = error.localToScene(error.getBoundsInLocal());
        assertTrue(message.getMinY() >= field.getMaxY() - 0.5 && message.getMinY() - field.getMaxY() < 8,
                "directly under the field: field " + field + ", message " + message);
        assertTrue(message.getHeight() > 5, "the message has a line: " + message);
        assertInViewport(error);
        robot.interact(() -> {
            try {
                org.divergencelab.ui.util.Export.png(window.root(), java.nio.file.Path.of("target", "screenshots",
                        "rejected-g-lr-1280x720.png"));
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        });

        // A valid value clears the message and the border.
        enter(robot, gLr, "0.0003");
        assertEquals("", error.getText());
        assertTrue(!gLr.getStyleClass().contains("field-rejected"));
        assertEquals(0.0003, view.editor().current().generatorOptimizer().lr());
    }

    @Test
    void aRejectionAtTheFootOfThePanelScrollsIntoView(FxRobot robot) {
        ScrollPane panel = (ScrollPane) view.editor().node();
        robot.interact(() -> panel.setVvalue(1));
        TextField seed = robot.lookup("#cfg-seed").queryAs(TextField.class);
        Label error = robot.lookup("#config-error").queryAs(Label.class);
        String accepted = seed.getText();
        enter(robot, seed, "seven");
        assertTrue(error.getText().contains("Seed") && error.getText().contains("seven"), error.getText());
        assertEquals(accepted, seed.getText());
        assertInViewport(error);
        assertInViewport(seed);
    }

    /** The node lies wholly inside the side panel's visible viewport. */
    private void assertInViewport(Node n) {
        ScrollPane panel = (ScrollPane) view.editor().node();
        Node viewport = panel.lookup(".viewport");
        Bounds v = viewport.localToScene(viewport.getBoundsInLocal());
        Bounds b = n.localToScene(n.getBoundsInLocal());
        assertTrue(b.getMinY() >= v.getMinY() - 0.5 && b.getMaxY() <= v.getMaxY() + 0.5,
                n.getId() + " " + b + " outside the viewport " + v);
    }
}

package org.divergencelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;

import org.divergencelab.lesson.Scenes;
import org.divergencelab.ui.theme.PresentationMode;
import org.divergencelab.ui.theme.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless (Monocle) TestFX tests of the app-wide presentation mode in the real main window: F5 enters it on the
 * Training tab (projector theme, full screen, bars retracted to a handle, the content taking their space), hovering
 * a handle slides its bar in, Esc leaves and restores theme, full-screen flag and layout; the sandbox's own toggle
 * drives the same mode and its state records it.
 */
class PresentationModeTest extends MainWindowFixture {

    @Override
    protected MainWindow newWindow() {
        MainWindow w = super.newWindow();
        w.themes().setTheme(Theme.DARK);
        return w;
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> {
            window.presentation().setActive(false);
            stage.setFullScreen(false);
        });
    }

    private Node byId(FxRobot robot, String id) {
        return robot.lookup("#" + id).query();
    }

    /** Scene bounds of a node. */
    private static Bounds inScene(Node n) {
        return n.localToScene(n.getBoundsInLocal());
    }

    @Test
    void f5EntersEscLeavesAndEverythingIsRestored(FxRobot robot) {
        Region side = (Region) byId(robot, "side-panel");
        Region menu = (Region) byId(robot, "menu-bar");
        Region transport = (Region) byId(robot, "transport");
        Node views = byId(robot, "views");
        double viewsX = inScene(views).getMinX();
        assertTrue(viewsX > 100, "the side panel takes the left of the window: views start at " + viewsX);
        assertFalse(stage.isFullScreen());

        robot.press(KeyCode.F5).release(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        PresentationMode p = window.presentation();
        assertTrue(p.isActive(), "F5 enters presentation mode");
        assertEquals(Theme.PROJECTOR, window.themes().getTheme(), "large-font projector theme");
        assertTrue(stage.isFullScreen(), "full screen");
        assertTrue(window.root().getStyleClass().contains(PresentationMode.ROOT_CLASS));
        // bars retracted: out of the layout, only a handle strip left inside the window
        for (Region r : new Region[] {side, menu, transport}) {
            assertFalse(r.isManaged(), r.getId() + " out of the layout");
            assertFalse(p.isRevealed(r), r.getId() + " retracted");
        }
        Bounds sb = inScene(side);
        assertEquals(PresentationMode.HANDLE, sb.getMaxX(), 1.0, "side panel retracted to its handle: " + sb);
        Bounds mb = inScene(menu);
        assertTrue(mb.getMaxY() <= PresentationMode.HANDLE + 1, "menu bar above the window's top edge: " + mb);
        assertTrue(inScene(views).getMinX() < 1, "the views take the whole width: " + inScene(views));
        assertTrue(inScene(views).getMinY() < 1, "and the whole height from the top: " + inScene(views));

        // hovering the side panel's handle slides it in; moving away retracts it
        robot.moveTo(new javafx.geometry.Point2D(stage.getX() + sb.getMaxX() - 3, stage.getY() + sb.getMinY() + sb.getHeight() / 2));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(p.isRevealed(side), "hover reveals the side panel");
        WaitForAsyncUtils.sleep(400, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.0, side.getTranslateX(), 0.5, "slid fully in");
        robot.moveTo(new javafx.geometry.Point2D(stage.getX() + stage.getWidth() * 0.7, stage.getY() + stage.getHeight() * 0.6));
        WaitForAsyncUtils.sleep(900, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(p.isRevealed(side), "retracted again after the mouse left");

        // Esc leaves: theme, full screen, layout as before
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(p.isActive(), "Esc leaves presentation mode");
        assertEquals(Theme.DARK, window.themes().getTheme(), "theme restored");
        assertFalse(stage.isFullScreen(), "full-screen flag restored");
        assertFalse(window.root().getStyleClass().contains(PresentationMode.ROOT_CLASS));
        for (Region r : new Region[] {side, menu, transport}) {
            assertTrue(r.isManaged(), r.getId() + " back in the layout");
            assertEquals(0.0, r.getTranslateX());
            assertEquals(0.0, r.getTranslateY());
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(viewsX, inScene(views).getMinX(), 1.0, "views back beside the side panel");
    }

    @Test
    void shortcutTogglesInTheOtherTabs(FxRobot robot) {
        for (String tab : new String[] {"welcome", "sandbox", "image"}) {
            robot.interact(() -> window.selectView(tab));
            robot.press(KeyCode.F5).release(KeyCode.F5);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(window.presentation().isActive(), "F5 on " + tab);
            assertEquals(Theme.PROJECTOR, window.themes().getTheme());
            assertFalse(byId(robot, "side-panel").isManaged(), "side panel out of the layout on " + tab);
            // F5 again leaves too
            robot.press(KeyCode.F5).release(KeyCode.F5);
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(window.presentation().isActive(), "F5 again on " + tab);
            assertEquals(Theme.DARK, window.themes().getTheme());
            assertFalse(stage.isFullScreen());
            // these tabs carry no side panel: its slot stays empty after leaving (the Training tab's: first test)
            assertFalse(byId(robot, "side-panel").isManaged(), "side panel slot follows the tab again on " + tab);
        }
    }

    @Test
    void sandboxToggleDrivesTheAppWideModeAndItsStateRecordsIt(FxRobot robot) {
        robot.interact(() -> window.selectView("sandbox"));
        var sandbox = window.sandbox();
        assertTrue(sandbox.presentationMode() == window.presentation(), "the sandbox uses the window's mode");
        robot.interact(() -> sandbox.setState(sandbox.state().withPresentation(true)));
        assertTrue(window.presentation().isActive());
        assertTrue(stage.isFullScreen());
        assertEquals(Theme.PROJECTOR, window.themes().getTheme());
        Region controls = (Region) byId(robot, "sandbox-controls");
        assertFalse(window.presentation().isRevealed(controls), "sandbox controls retracted");
        // leaving from anywhere (Esc) clears the sandbox state's flag, so a saved sandbox file says "false"
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.presentation().isActive());
        assertFalse(sandbox.state().presentation(), "state follows the app-wide mode");
        assertEquals(Theme.DARK, window.themes().getTheme());
        // and entering elsewhere (the menu's F5) sets it
        robot.press(KeyCode.F5).release(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(sandbox.state().presentation());
    }

    @Test
    void sceneCaptionStaysVisibleBelowTheRetractedBars(FxRobot robot) {
        robot.interact(() -> window.scenes().open(Scenes.get("S1")));
        Node caption = byId(robot, "scene-caption");
        robot.press(KeyCode.F5).release(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        Bounds cb = inScene(caption);
        Bounds vb = inScene(byId(robot, "views"));
        assertTrue(caption.isVisible());
        assertEquals(0.0, cb.getMinY(), 1.0, "caption at the top once the bars retract: " + cb);
        assertTrue(vb.getMinY() >= cb.getMaxY() - 1, "views below the caption: " + vb + " caption " + cb);
        // the bars' handle lies over the caption's top edge and answers the mouse there
        Region menu = (Region) byId(robot, "menu-bar");
        assertFalse(window.presentation().isRevealed(menu));
        robot.moveTo(new javafx.geometry.Point2D(stage.getX() + stage.getWidth() / 2, stage.getY() + 3));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.presentation().isRevealed(menu), "hovering the top handle slides the menu and tool bar in");
        assertTrue(window.presentation().isRevealed(byId(robot, "tool-bar")), "both bars together");
    }
}

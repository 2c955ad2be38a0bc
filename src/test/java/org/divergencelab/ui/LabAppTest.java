package org.divergencelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.api.FxAssert.verifyThat;

import java.util.List;

import javafx.scene.control.Label;
import javafx.scene.control.TabPane;

import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.plot.PlotWidget;
import org.divergencelab.ui.theme.Theme;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** Headless (Monocle) tests of the main window: title, theme switch, language switch, gallery. */
class LabAppTest extends MainWindowFixture {

    LabAppTest() {
        super(1280, 800, null);
    }

    @Test
    void showsTheTitle() {
        verifyThat("#title", LabeledMatchers.hasText("Divergence Lab"));
    }

    @Test
    void themeButtonSwapsTheStylesheet(FxRobot robot) {
        String light = getClass().getResource(Theme.LIGHT.stylesheet()).toExternalForm();
        String dark = getClass().getResource(Theme.DARK.stylesheet()).toExternalForm();
        assertTrue(scene.getStylesheets().contains(light));
        robot.clickOn("#theme-dark");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> now = scene.getStylesheets();
        assertTrue(now.contains(dark), "dark stylesheet after the switch: " + now);
        assertFalse(now.contains(light), "light stylesheet removed: " + now);
        assertEquals(Theme.DARK, window.themes().getTheme());
        assertTrue(window.root().getStyleClass().contains("theme-dark"));
    }

    @Test
    void languageButtonRelabelsLive(FxRobot robot) throws Exception {
        FxTestSupport.onFx(() -> {
            window.selectView("training");
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Label status = robot.lookup("#status").queryAs(Label.class);
        assertEquals("Ready", status.getText());
        robot.clickOn("#lang-zh_TW");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("就緒", status.getText());
        assertEquals("歡迎", robot.lookup("#views").queryAs(TabPane.class).getTabs().get(0).getText());
        // a choice box's chosen value follows too (the speed box kept "flat out" in Chinese)
        assertEquals("全速", FxTestSupport.onFx(() -> ((Label) window.training().node().lookup("#speed")
                .lookup(".label")).getText()));
        robot.clickOn("#lang-zh_CN");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("就绪", status.getText());
        robot.clickOn("#lang-en");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Ready", status.getText());
    }

    @Test
    void keyboardShortcutsSwitchThemeAndLanguage(FxRobot robot) {
        robot.clickOn("#title");
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT,
                javafx.scene.input.KeyCode.DIGIT3).release(javafx.scene.input.KeyCode.DIGIT3,
                javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Theme.PROJECTOR, window.themes().getTheme());
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.ALT,
                javafx.scene.input.KeyCode.DIGIT2).release(javafx.scene.input.KeyCode.DIGIT2,
                javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(I18n.TRADITIONAL, window.i18n().getLocale());
    }

    @Test
    void galleryButtonOpensTheGalleryWithEveryWidgetThemed(FxRobot robot) {
        robot.clickOn("#show-gallery");
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup("#views").queryAs(TabPane.class);
        assertEquals("tab-gallery", tabs.getSelectionModel().getSelectedItem().getId());
        // Only the gallery's widgets: the Training and Sandbox tabs keep theirs in the scene graph too.
        var widgets = robot.from(tabs.getSelectionModel().getSelectedItem().getContent()).lookup(".plot-widget")
                .queryAllAs(PlotWidget.class);
        assertEquals(8, widgets.size());
        robot.clickOn("#theme-projector");
        WaitForAsyncUtils.waitForFxEvents();
        for (PlotWidget w : widgets) {
            assertEquals(Theme.PROJECTOR, w.getTheme(), w.getClass().getSimpleName());
            assertTrue(w.paintCount() > 0, "painted: " + w.getClass().getSimpleName());
        }
        // The frame-rate demo animates and the status bar reports frame times.
        robot.clickOn("#gallery-animate");
        WaitForAsyncUtils.sleep(1200, java.util.concurrent.TimeUnit.MILLISECONDS);
        robot.clickOn("#gallery-animate");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.frameTimes().statsProperty().get().frames() > 0, "frame times published");
        assertTrue(robot.lookup("#frame-times").queryAs(Label.class).getText().contains("p99"));
        // A language switch re-titles the widgets.
        String before = widgets.iterator().next().titleProperty().get();
        robot.clickOn("#lang-zh_CN");
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals(before, widgets.iterator().next().titleProperty().get());
    }

    /** The hidden Sandbox tab measures nothing at start-up (a quicker first window); showing it starts the work. */
    @Test
    void theSandboxMeasuresOnlyOnceItsTabIsShown() throws Exception {
        boolean[] idleAndEmpty = FxTestSupport.onFx(() -> new boolean[] {
            window.sandbox().settled(), window.sandbox().frame() == null});
        assertTrue(idleAndEmpty[0] && idleAndEmpty[1], "nothing asked of the hidden sandbox yet");
        FxTestSupport.onFx(() -> {
            window.selectView("sandbox");
            return null;
        });
        FxTestSupport.await("the sandbox measured its state once shown", () -> window.sandbox().settled()
                && window.sandbox().frame() != null);
    }
}

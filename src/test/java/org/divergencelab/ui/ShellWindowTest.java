package org.divergencelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;

import javafx.scene.Node;
import javafx.scene.control.ToolBar;

import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.theme.Theme;
import org.divergencelab.ui.theme.ThemeManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The window shell at 1280×720: the tool bar after theme switches. */
class ShellWindowTest extends MainWindowFixture {

    private ThemeManager themes;

    @BeforeEach
    void findThemes() {
        themes = window.themes();
    }

    /** True when the tool bar hides items behind its "»" overflow button. */
    static boolean overflows(ToolBar bar) {
        Node button = bar.lookup(".tool-bar-overflow-button");
        return button != null && button.isVisible();
    }

    @Test
    void toolBarHasNoOverflowAfterProjectorAndBack(FxRobot robot) {
        ToolBar bar = robot.lookup("#tool-bar").queryAs(ToolBar.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(overflows(bar), "light at start");
        robot.interact(() -> themes.setTheme(Theme.PROJECTOR));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(overflows(bar), "projector at 1280 px: the bar fits");
        robot.interact(() -> themes.setTheme(Theme.LIGHT));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(overflows(bar), "light after projector: every item back on the bar");
        for (Node item : bar.getItems()) {
            assertTrue(item.isVisible() && item.getScene() != null, "item " + item + " shows");
        }
    }

    @Test
    void pngExportIsTheContentAreaWithoutAnyToolBar(FxRobot robot) throws Exception {
        Path file = Files.createTempDirectory("shell-export").resolve("training.png");
        AtomicReference<CompletableFuture<Boolean>> done = new AtomicReference<>();
        robot.interact(() -> done.set(window.exportCurrentPng(file)));
        assertTrue(done.get().get(60, TimeUnit.SECONDS), "written");
        BufferedImage img = ImageIO.read(file.toFile());
        Node view = robot.lookup("#training-view").query();
        Node panels = robot.lookup("#training-panels-scroll").query();
        double transport = window.training().transportToolBar().getHeight();
        assertTrue(transport > 20, "the transport bar has a height: " + transport);
        // scale 2: the image is the panels' area, not the view with its transport bar (nor the window's bars)
        assertEquals(2 * panels.getLayoutBounds().getHeight(), img.getHeight(), 1.0);
        assertEquals(2 * panels.getLayoutBounds().getWidth(), img.getWidth(), 1.0);
        assertTrue(img.getHeight() <= 2 * (view.getLayoutBounds().getHeight() - transport) + 1,
                img.getHeight() + " px high, view " + view.getLayoutBounds().getHeight() + ", transport " + transport);
        Files.deleteIfExists(file);
    }

    @Test
    void fontScaleAndUnitAreRememberedAndFollowedByWidgets(FxRobot robot) throws Exception {
        org.divergencelab.ui.shell.Settings settings = org.divergencelab.ui.shell.Settings.inMemory();
        AtomicReference<MainWindow> first = new AtomicReference<>();
        robot.interact(() -> {
            MainWindow w = new MainWindow(new I18n(I18n.ENGLISH), new ThemeManager(), settings);
            w.themes().setFontScale(150);
            w.themes().units().setLogBase(org.divergencelab.ui.theme.Units.LogBase.BITS);
            first.set(w);
        });
        first.get().training().dispose();
        AtomicReference<MainWindow> second = new AtomicReference<>();
        robot.interact(() -> second.set(new MainWindow(new I18n(I18n.ENGLISH), new ThemeManager(), settings)));
        try {
            ThemeManager t = second.get().themes();
            assertEquals(150, t.fontScaleProperty().get(), "font scale remembered");
            assertEquals(org.divergencelab.ui.theme.Units.LogBase.BITS, t.units().getLogBase(), "unit remembered");
            // a widget styled through the manager draws its text 1.5 times the theme's size
            org.divergencelab.ui.plot.LineChart c = t.style(new org.divergencelab.ui.plot.LineChart());
            assertEquals(1.5 * Theme.LIGHT.fontSize(), c.getTheme().fontSize(), 1e-12);
            robot.interact(() -> t.setTheme(Theme.PROJECTOR));
            assertEquals(1.5 * Theme.PROJECTOR.fontSize(), c.getTheme().fontSize(), 1e-12);
            assertEquals(Theme.PROJECTOR.palette(), c.getTheme().palette());
        } finally {
            second.get().training().dispose();
        }
        // this window's controls: the root's font size is the theme's 13 px times the scale
        robot.interact(() -> themes.setFontScale(200));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Label status = robot.lookup("#status").queryAs(javafx.scene.control.Label.class);
        assertEquals(26.0, status.getFont().getSize(), 0.01);
        robot.interact(() -> themes.setFontScale(100));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(13.0, status.getFont().getSize(), 0.01);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> themes.setFontScale(250));
    }
}

package org.divergencelab.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;

import org.divergencelab.ui.FxTestSupport;
import org.divergencelab.ui.MainWindowFixture;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a rejected value costs the FX thread, and what the monkey's slow "MOUSE_RELEASED on LabeledText after #23
 * edit cfg-d-lr := NaN" really was (docs/ui.md, Monkey test). Measures, never asserts on times: prints the FX
 * thread's CPU per rejection (the focus leaving the field commits, the message goes under it) and per clearing,
 * each with the window's CSS + layout pass after it; a tab switch with and without a pending rejection; and the
 * clicks on the language and theme toggles timed as the monkey times them.
 */
class RejectedValueCostTest extends MainWindowFixture {
    private static final int WARM = 4;
    private static final int ROUNDS = 8;

    @Test
    void aRejectionAndItsClearing(FxRobot robot) throws Exception {
        TextField dLr = robot.lookup("#cfg-d-lr").queryAs(TextField.class);
        TextField seed = robot.lookup("#cfg-seed").queryAs(TextField.class);
        Label error = robot.lookup("#config-error").queryAs(Label.class);
        String accepted = dLr.getText();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] reject = new long[ROUNDS];
        long[] clear = new long[ROUNDS];
        long[] rejectLayout = new long[ROUNDS];
        long grew = 0; // how much taller the panel's content got: the message's lines
        for (int i = 0; i < WARM + ROUNDS; i++) {
            int k = i - WARM;
            long[] t = FxTestSupport.onFx(() -> {
                dLr.requestFocus();
                dLr.setText("NaN");
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                double before = content().getLayoutBounds().getHeight();
                long t0 = mx.getCurrentThreadCpuTime();
                seed.requestFocus(); // the focus leaves the edited field: it commits and is rejected
                long t1 = mx.getCurrentThreadCpuTime();
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                long t2 = mx.getCurrentThreadCpuTime();
                assertTrue(error.getText().contains("NaN"), error.getText());
                assertSame(dLr.getParent(), error.getParent(), "the message sits under its field");
                return new long[] {t1 - t0, t2 - t1, Math.round(content().getLayoutBounds().getHeight() - before)};
            });
            WaitForAsyncUtils.waitForFxEvents();
            String valid = i % 2 == 0 ? "0.00021" : accepted; // a changed value: an unchanged field commits nothing
            long c = FxTestSupport.onFx(() -> {
                dLr.requestFocus();
                dLr.setText(valid);
                long t0 = mx.getCurrentThreadCpuTime();
                seed.requestFocus();
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                long t1 = mx.getCurrentThreadCpuTime();
                assertEquals("", error.getText());
                return t1 - t0;
            });
            WaitForAsyncUtils.waitForFxEvents();
            if (k >= 0) {
                reject[k] = t[0] + t[1];
                rejectLayout[k] = t[1];
                clear[k] = c;
            }
            grew = Math.max(grew, t[2]);
            System.out.printf("[rejected-value cost] round %d: commit %.1f ms, CSS/layout %.1f ms, clear %.1f ms%n", i,
                    t[0] / 1e6, t[1] / 1e6, c / 1e6);
        }
        System.out.printf("[rejected-value cost] FX CPU ms, %d rounds after %d warm-up: reject (commit + CSS/layout) %s;"
                + " of it CSS/layout %s; clear %s; the panel's content grew by up to %d px%n", ROUNDS, WARM,
                summary(reject), summary(rejectLayout), summary(clear), grew);
    }

    /**
     * The monkey's slow event was the release of a click on another tab while cfg-d-lr held "NaN": the tab switch
     * takes the side panel out of the scene, the field loses the focus, commits and is rejected. Prints the switch
     * with and without that pending rejection.
     */
    @Test
    void aTabSwitchWithAPendingRejection(FxRobot robot) throws Exception {
        TextField dLr = robot.lookup("#cfg-d-lr").queryAs(TextField.class);
        Label error = robot.lookup("#config-error").queryAs(Label.class);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        FxTestSupport.onFx(() -> {
            window.selectView("gallery");
            window.selectView("training");
            return null;
        });
        long[][] ns = new long[2][ROUNDS];
        long[][] css = new long[2][ROUNDS];
        for (int i = 0; i < 2 * (WARM + ROUNDS); i++) {
            int pending = i % 2;
            int k = i / 2 - WARM;
            long[] t = FxTestSupport.onFx(() -> {
                dLr.requestFocus();
                if (pending == 1) {
                    dLr.setText("NaN");
                }
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                long t0 = mx.getCurrentThreadCpuTime();
                window.selectView("gallery");
                long t1 = mx.getCurrentThreadCpuTime();
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                long t2 = mx.getCurrentThreadCpuTime();
                return new long[] {t1 - t0, t2 - t1};
            });
            WaitForAsyncUtils.waitForFxEvents();
            if (pending == 1) {
                assertTrue(error.getText().contains("NaN"), error.getText());
            }
            FxTestSupport.onFx(() -> {
                window.selectView("training");
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            if (k >= 0) {
                ns[pending][k] = t[0];
                css[pending][k] = t[1];
            }
        }
        System.out.printf("[rejected-value cost] tab switch to the gallery, FX CPU ms: plain: switch %s, then CSS/layout %s;"
                + " with a pending NaN in cfg-d-lr: switch %s, then CSS/layout %s%n", summary(ns[0]), summary(css[0]),
                summary(ns[1]), summary(css[1]));
    }

    /**
     * The monkey's report names the last event CHOSEN before a dispatch ("after #23"), and a burst of 8 events is
     * chosen before Monocle delivers its input: the slow MOUSE_RELEASED on a LabeledText after #23 belongs to the
     * burst #16-#23, whose clicks on the language and theme toggles (#16-#19) are the Labeled ones. This times
     * each input event's dispatch as the monkey does (the stage's event dispatcher wrapped) for clicks on those
     * toggles, and the share of a language switch spent relabelling this panel's choices.
     */
    @Test
    void languageAndThemeTogglesAsTheMonkeyClicksThem(FxRobot robot) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] max = new double[1];
        FxTestSupport.onFx(() -> {
            javafx.event.EventDispatcher original = stage.getEventDispatcher();
            stage.setEventDispatcher((event, tail) -> {
                long t0 = mx.getCurrentThreadCpuTime();
                try {
                    return original.dispatchEvent(event, tail);
                } finally {
                    max[0] = Math.max(max[0], (mx.getCurrentThreadCpuTime() - t0) / 1e6);
                }
            });
            return null;
        });
        java.lang.reflect.Field f = ExperimentControls.class.getDeclaredField("relabelers");
        f.setAccessible(true);
        @SuppressWarnings("unchecked")
        java.util.List<Runnable> relabelers = (java.util.List<Runnable>) f.get(window.training().editor());
        for (int round = 0; round < 3; round++) {
            StringBuilder line = new StringBuilder("[rejected-value cost] round " + round + ", slowest dispatch of a click, ms:");
            for (String id : new String[] {"#lang-zh_TW", "#lang-en", "#theme-projector", "#lang-zh_CN", "#theme-light",
                    "#lang-en"}) {
                WaitForAsyncUtils.waitForFxEvents();
                max[0] = 0;
                robot.clickOn(id);
                WaitForAsyncUtils.waitForFxEvents();
                line.append(String.format(java.util.Locale.ROOT, " %s %.1f;", id.substring(1), max[0]));
            }
            double panel = FxTestSupport.onFx(() -> {
                long t0 = mx.getCurrentThreadCpuTime();
                relabelers.forEach(Runnable::run);
                return (mx.getCurrentThreadCpuTime() - t0) / 1e6;
            });
            line.append(String.format(java.util.Locale.ROOT, " this panel's relabelling alone %.1f", panel));
            System.out.println(line);
        }
    }

    private javafx.scene.Node content() {
        return ((javafx.scene.control.ScrollPane) window.training().controls()).getContent();
    }

    private static String summary(long[] ns) {
        long[] s = ns.clone();
        Arrays.sort(s);
        return String.format(java.util.Locale.ROOT, "median %.1f, min %.1f, max %.1f", s[s.length / 2] / 1e6,
                s[0] / 1e6, s[s.length - 1] / 1e6);
    }
}

package org.divergencelab.ui.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;

import org.divergencelab.image.ImageGan;
import org.divergencelab.ui.FxTestSupport;
import org.divergencelab.ui.i18n.I18n;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The image tab as a lecturer drives it: Start / Pause / Resume / Stop end the worker thread (a stopped run
 * keeps no core busy), leaving the tab pauses, a changed choice restarts the run with a note, and the DCGAN
 * with batch norm on 32×32 faces trains from the GUI to non-blank samples.
 */
class ImageModeControlsTest {

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return FxTestSupport.onFx(c);
    }

    private static void fire(ImageModeTab tab, String id) throws Exception {
        fx(() -> {
            ((Button) tab.node().lookup("#" + id)).fire();
            return null;
        });
    }

    private static String status(ImageModeTab tab) throws Exception {
        return fx(() -> ((Labeled) tab.node().lookup("#image-status")).getText());
    }

    /** Waits until the run's generator exists and has trained at least {@code n} iterations. */
    private static void awaitIterations(ImageModeTab tab, long n) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> {
            ImageGan g = tab.generator();
            return g != null && g.iterations() >= n;
        });
    }

    private static void awaitWorkerEnd(ImageModeView view) throws Exception {
        // the worker ends after its current iteration: seconds at most even on a loaded machine
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !view.workerAlive());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void pauseResumeAndStopEndTheWorkerThread() throws Exception {
        ImageModeTab tab = fx(() -> new ImageModeTab(new I18n(I18n.ENGLISH)));
        fire(tab, "image-start");
        ImageModeView view = tab.view();
        assertNotNull(view);
        awaitIterations(tab, 10);
        Thread first = view.worker();
        assertTrue(first.isAlive(), "training runs on a worker");

        fire(tab, "image-start"); // Pause
        awaitWorkerEnd(view);
        assertFalse(first.isAlive());
        long paused = tab.generator().iterations();
        assertTrue(status(tab).startsWith("Paused at iteration " + paused), status(tab));
        assertEquals("Resume", fx(() -> ((Button) tab.node().lookup("#image-start")).getText()));
        Thread.sleep(300);
        assertEquals(paused, tab.generator().iterations(), "nothing trains while paused");

        fire(tab, "image-start"); // Resume: the same generator goes on
        awaitIterations(tab, paused + 10);
        assertNotSame(first, view.worker());

        fire(tab, "image-stop");
        awaitWorkerEnd(view);
        assertFalse(view.worker().isAlive(), "Stop ends the worker thread");
        long stopped = tab.generator().iterations();
        assertTrue(status(tab).startsWith("Stopped at iteration " + stopped), status(tab));
        assertTrue(fx(() -> ((Button) tab.node().lookup("#image-stop")).isDisabled()));
        assertTrue(fx(() -> ((Button) tab.node().lookup("#image-start")).getText()).startsWith("Start training"));

        fire(tab, "image-start"); // a new run from the seed: a new view and generator
        assertNotSame(view, tab.view());
        awaitIterations(tab, 1);
        ImageModeView second = tab.view();
        fx(() -> {
            tab.pauseIfRunning(); // what the main window does when another tab is selected
            return null;
        });
        awaitWorkerEnd(second);
        assertTrue(status(tab).contains("left the image tab"), status(tab));
        fire(tab, "image-stop");
        assertFalse(second.workerAlive());
    }

    @SuppressWarnings("unchecked")
    @Test
    void dcganWithBatchNormOnFaces32TrainsFromTheGuiAndAChangeRestartsWithANote() throws Exception {
        ImageModeTab tab = fx(() -> new ImageModeTab(new I18n(I18n.ENGLISH)));
        fx(() -> {
            ((ChoiceBox<ImageModeTab.DataChoice>) tab.node().lookup("#image-dataset")).setValue(ImageModeTab.DataChoice.FACES_32);
            ((ChoiceBox<ImageGan.Model>) tab.node().lookup("#image-model")).setValue(ImageGan.Model.DCGAN);
            ((CheckBox) tab.node().lookup("#image-batch-norm")).setSelected(true);
            return null;
        });
        assertEquals(new ImageModeTab.Settings(ImageModeTab.DataChoice.FACES_32, ImageGan.Model.DCGAN,
                ImageGan.Objective.WGAN_GP, true), fx(tab::settings));
        assertEquals("Start training (procedural faces 32×32, WGAN-GP)",
                fx(() -> ((Button) tab.node().lookup("#image-start")).getText()), "the button names the chosen data");
        fire(tab, "image-start");
        awaitIterations(tab, 4);
        ImageGan gan = tab.generator();
        assertEquals(ImageGan.Model.DCGAN, gan.model());
        assertTrue(gan.batchNorm());
        assertEquals(32, gan.data().width());
        assertEquals(3, gan.data().channels());
        ImageModeView view = tab.view();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> view.shownFrame() != null && view.shownFrame().iteration() >= 2).get());
        ImageModeView.Frame f = fx(view::shownFrame);
        // non-blank: the samples spread over the value range, and the picture on screen has varied pixels
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : f.samples()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertTrue(max - min > 0.5, "sample values " + min + ".." + max);
        int distinct = (int) java.util.Arrays.stream(f.grid().argb()).distinct().count();
        assertTrue(distinct > 100, "the grid has " + distinct + " distinct colours");

        // changing the objective while training: the run starts over, with a note saying so
        fx(() -> {
            ((ChoiceBox<ImageGan.Objective>) tab.node().lookup("#image-objective")).setValue(ImageGan.Objective.GAN);
            return null;
        });
        assertEquals("Objective: GAN (non-saturating). The run starts over from the seed.", status(tab));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> tab.view() != view && tab.generator() != null
                && tab.generator() != gan);
        awaitWorkerEnd(view); // it posts its end to the FX thread just before the thread terminates
        assertFalse(view.workerAlive(), "the old run's worker ended");
        assertEquals(ImageGan.Objective.GAN, fx(tab::settings).objective());
        tab.stop();
        assertFalse(tab.view().workerAlive());
    }

    /** Every text a node under {@code n} shows (labels, buttons, choice boxes' items, tooltips). */
    static List<String> texts(Node n) {
        List<String> out = new ArrayList<>();
        collect(n, out);
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (n instanceof Labeled l) {
            out.add(l.getText());
            Tooltip t = l.getTooltip();
            // the backend line's tooltip quotes the system's own message verbatim (a driver's reason for no CUDA)
            if (t != null && !"image-backend".equals(n.getId())) {
                out.add(t.getText());
            }
        }
        if (n instanceof ChoiceBox<?> c) {
            for (Object item : c.getItems()) {
                @SuppressWarnings("unchecked")
                ChoiceBox<Object> box = (ChoiceBox<Object>) c;
                out.add(box.getConverter().toString(item));
            }
        }
        if (n instanceof javafx.scene.text.Text t) {
            out.add(t.getText());
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    @Test
    void traditionalChineseImageModeShowsNoneOfTheEnglishTexts() throws Exception {
        I18n i18n = fx(() -> new I18n(I18n.TRADITIONAL));
        ImageModeTab tab = fx(() -> {
            ImageModeTab t = new ImageModeTab(i18n);
            new Scene(t.node(), 1280, 720);
            return t;
        });
        List<String> idle = fx(() -> texts(tab.node()));
        // start in English and switch while it trains: every line must follow, the backend line included
        fx(() -> {
            i18n.setLocale(I18n.ENGLISH);
            return null;
        });
        fire(tab, "image-start");
        awaitIterations(tab, 10);
        ImageModeView view = tab.view();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> view.shownFrame() != null && view.shownFrame().iteration() > 0).get());
        List<String> running = fx(() -> {
            i18n.setLocale(I18n.TRADITIONAL);
            tab.node().applyCss();
            tab.node().layout();
            List<String> all = new ArrayList<>(texts(tab.node()));
            all.addAll(view.chartTexts());
            return all;
        });
        tab.stop();
        List<String> all = new ArrayList<>(idle);
        all.addAll(running);
        assertTrue(all.stream().anyMatch(s -> s.contains("迭代")), "the progress line was read: " + all);
        List<String> english = List.of("samples", "nearest training image", "latent interpolation", "backend",
                "iteration", "W estimate", "critic", "training stopped", "not started", "Start", "Stop", "Pause",
                "Resume", "Data", "Architecture", "Objective", "Batch norm", "Digits", "Faces", "Shapes", "fully",
                "convolutions", "gradient penalty", "non-saturating", "procedural", "Loading", "New z");
        for (String s : all) {
            for (String e : english) {
                assertFalse(s != null && s.toLowerCase(java.util.Locale.ROOT).contains(e.toLowerCase(java.util.Locale.ROOT)),
                        "English '" + e + "' in zh_TW text: " + s);
            }
        }
    }
}

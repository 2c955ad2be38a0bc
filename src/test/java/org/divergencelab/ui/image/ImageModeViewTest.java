package org.divergencelab.ui.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.image.WritableImage;

import org.divergencelab.compute.CpuBackend;
import org.divergencelab.image.ImageDataset;
import org.divergencelab.image.ImageGan;
import org.divergencelab.image.ProceduralDigits;
import org.divergencelab.ui.FxTestSupport;
import org.divergencelab.ui.util.Export;
import org.junit.jupiter.api.Test;

/**
 * Image mode after a short training run on the procedural digits: the frame shows every sample beside a
 * training image, the W curve gets points, and the worker thread trains and reports progress. Writes
 * {@code target/screenshots/image-mode-digits.png} (looked at; a copy is in docs/screenshots/).
 */
class ImageModeViewTest {

    @Test
    void trainsOnAWorkerAndRendersSamplesBesideNeighbours() throws Exception {
        FxTestSupport.start();
        ImageDataset digits = ProceduralDigits.generate(512, 28, 3);
        ImageGan gan = new ImageGan(CpuBackend.INSTANCE, digits, ImageGan.Objective.WGAN_GP, 64, 64, 1, 3);
        ImageModeView view = FxTestSupport.onFx(() -> new ImageModeView(digits, 64, "backend: cpu-f32 (test)", 5));
        // 300 iterations in CI; -Dimagemode.iterations=N for a longer run (the docs screenshot)
        int iterations = Integer.getInteger("imagemode.iterations", 300);
        view.startTraining(gan, iterations, Math.max(1, iterations / 10));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90L * Math.max(1, iterations / 300));
        while (view.isTraining() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        view.stopTraining();
        assertEquals(iterations, gan.iterations(), "the worker trained to the end");
        assertTrue(view.lastSamplesPerSecond() > 0, "samples/s measured: " + view.lastSamplesPerSecond());
        ImageModeView.Frame f = view.capture(gan, iterations, view.lastSamplesPerSecond());
        for (int n : f.nearest()) {
            assertTrue(n >= 0 && n < digits.count());
        }
        WritableImage shot = FxTestSupport.onFx(() -> {
            view.show(f);
            Scene scene = new Scene(view, 1480, 760);
            view.applyCss();
            view.layout();
            return Export.snapshot(view, 1);
        });
        Export.writePng(shot, Path.of("target", "screenshots", "image-mode-digits.png"));
        assertTrue(shot.getWidth() >= 1400 && shot.getHeight() >= 600, shot.getWidth() + "x" + shot.getHeight());
        // not blank: the sample grid has both dark and light pixels
        double min = 1;
        double max = 0;
        for (int y = 40; y < 300; y += 3) {
            for (int x = 10; x < 600; x += 3) {
                double b = shot.getPixelReader().getColor(x, y).getBrightness();
                min = Math.min(min, b);
                max = Math.max(max, b);
            }
        }
        assertTrue(max - min > 0.5, "grid has contrast: " + min + ".." + max);
        assertTrue(FxTestSupport.onFx(view::progressText).startsWith("iteration " + iterations + " / " + iterations),
                view.progressText());
    }
}

package org.divergencelab.ui.image;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import org.divergencelab.image.ImageDataset;
import org.divergencelab.image.ImageGan;
import org.divergencelab.ui.plot.LineChart;
import org.divergencelab.ui.plot.LineSeries;

/**
 * Image mode: a live grid of generator samples for a fixed set of z, each beside its nearest training
 * image (the lecture's "memory GAN" check: a sample identical to its neighbour was memorised), a latent
 * interpolation between two fixed z, the W estimate curve, progress and samples/s. Training runs on a
 * worker thread ({@link #startTraining}); the worker also renders the samples (ImageGan is not
 * thread-safe) and hands finished {@link Frame}s to the FX thread.
 */
public final class ImageModeView extends BorderPane {
    /** Sample/neighbour pairs in the grid: 4 pairs per row, 6 rows. */
    public static final int SAMPLES = 24;
    /** Images in the interpolation strip. */
    public static final int STEPS = 10;
    private static final int SCALE = 3;

    /** What one refresh shows; built off the FX thread by {@link #capture}. */
    public record Frame(long iteration, long total, float[] samples, int[] nearest, float[] interpolation,
                        double wEstimate, double samplesPerSecond) {
    }

    private final ImageDataset data;
    private final Canvas grid;
    private final Canvas strip;
    private final LineChart chart = new LineChart();
    private final LineSeries wSeries;
    private final Label progress = new Label();
    private final Label backend = new Label();
    private final float[] fixedZ;
    private final float[] z0;
    private final float[] z1;
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread worker;
    private volatile double lastSamplesPerSecond = Double.NaN;

    /** A view for {@code data} with latent codes of size {@code zDim} drawn from {@code seed}. */
    public ImageModeView(ImageDataset data, int zDim, String backendNote, long seed) {
        this.data = data;
        SplittableRandom r = new SplittableRandom(seed);
        fixedZ = gaussian(r, SAMPLES * zDim);
        z0 = gaussian(r, zDim);
        z1 = gaussian(r, zDim);
        int cell = Math.max(data.width(), data.height()) * SCALE;
        grid = new Canvas(4 * (2 * cell + 12), 6 * (cell + 6));
        strip = new Canvas(STEPS * (cell + 4), cell);
        wSeries = chart.addSeries("W estimate", 0);
        chart.setAxisLabels("iteration", "W estimate (critic)");
        chart.setPrefSize(520, 360);
        backend.setText(backendNote);
        progress.setText("not started");
        Label gridTitle = new Label("samples (fixed z) | nearest training image");
        Label stripTitle = new Label("latent interpolation z0 → z1");
        VBox left = new VBox(6, gridTitle, grid, stripTitle, strip);
        VBox right = new VBox(6, backend, progress, chart);
        left.setPadding(new Insets(8));
        right.setPadding(new Insets(8));
        setCenter(left);
        setRight(right);
        clear(grid.getGraphicsContext2D(), grid);
        clear(strip.getGraphicsContext2D(), strip);
    }

    private static float[] gaussian(SplittableRandom r, int n) {
        float[] z = new float[n];
        for (int i = 0; i < n; i++) {
            z[i] = (float) r.nextGaussian();
        }
        return z;
    }

    private static void clear(GraphicsContext g, Canvas c) {
        g.setFill(Color.gray(0.15));
        g.fillRect(0, 0, c.getWidth(), c.getHeight());
    }

    /** Samples, neighbours and interpolation for the current generator (call on the training thread). */
    public Frame capture(ImageGan gan, long total, double samplesPerSecond) {
        int zDim = gan.zDim();
        float[] samples = new float[SAMPLES * data.dim()];
        gan.sample(fixedZ, SAMPLES, samples);
        int[] nearest = new int[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            nearest[i] = data.nearest(samples, i * data.dim());
        }
        float[] zs = new float[STEPS * zDim];
        for (int s = 0; s < STEPS; s++) {
            double t = s / (double) (STEPS - 1);
            for (int j = 0; j < zDim; j++) {
                zs[s * zDim + j] = (float) ((1 - t) * z0[j] + t * z1[j]);
            }
        }
        float[] interp = new float[STEPS * data.dim()];
        gan.sample(zs, STEPS, interp);
        return new Frame(gan.iterations(), total, samples, nearest, interp, gan.lastWasserstein(), samplesPerSecond);
    }

    /** Shows a frame (FX thread). */
    public void show(Frame f) {
        int cell = Math.max(data.width(), data.height()) * SCALE;
        GraphicsContext g = grid.getGraphicsContext2D();
        clear(g, grid);
        float[] neighbour = new float[data.dim()];
        for (int i = 0; i < SAMPLES; i++) {
            int x = (i % 4) * (2 * cell + 12);
            int y = (i / 4) * (cell + 6);
            g.drawImage(image(f.samples(), i * data.dim()), x, y);
            data.copyImage(f.nearest()[i], neighbour, 0);
            g.drawImage(image(neighbour, 0), x + cell + 2, y);
        }
        GraphicsContext s = strip.getGraphicsContext2D();
        clear(s, strip);
        for (int i = 0; i < STEPS; i++) {
            s.drawImage(image(f.interpolation(), i * data.dim()), i * (cell + 4), 0);
        }
        if (Double.isFinite(f.wEstimate())) {
            wSeries.append(f.iteration(), f.wEstimate());
        }
        progress.setText(String.format("iteration %d / %d   %.0f samples/s", f.iteration(), f.total(),
                f.samplesPerSecond()));
        chart.requestLayout();
    }

    /** One image (CHW floats in [−1, 1]) scaled up by SCALE. */
    private WritableImage image(float[] px, int offset) {
        int w = data.width();
        int h = data.height();
        int c = data.channels();
        WritableImage img = new WritableImage(w * SCALE, h * SCALE);
        PixelWriter pw = img.getPixelWriter();
        for (int y = 0; y < h * SCALE; y++) {
            for (int x = 0; x < w * SCALE; x++) {
                int p = (y / SCALE) * w + x / SCALE;
                double r = (px[offset + p] + 1) / 2;
                double gg = c == 3 ? (px[offset + w * h + p] + 1) / 2 : r;
                double b = c == 3 ? (px[offset + 2 * w * h + p] + 1) / 2 : r;
                pw.setColor(x, y, Color.color(clamp(r), clamp(gg), clamp(b)));
            }
        }
        return img;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /**
     * Trains {@code gan} for {@code iterations} on a daemon worker thread, showing a frame every
     * {@code every} iterations. A second call while training runs is refused.
     */
    public void startTraining(ImageGan gan, long iterations, int every) {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("training is already running");
        }
        worker = new Thread(() -> {
            try {
                long last = System.nanoTime();
                long lastIteration = gan.iterations();
                while (running.get() && gan.iterations() < iterations) {
                    gan.iteration();
                    if (gan.iterations() % every == 0 || gan.iterations() == iterations) {
                        long now = System.nanoTime();
                        double sps = (double) gan.batch() * (gan.iterations() - lastIteration) / ((now - last) / 1e9);
                        lastSamplesPerSecond = sps;
                        Frame f = capture(gan, iterations, sps);
                        Platform.runLater(() -> show(f));
                        last = System.nanoTime();
                        lastIteration = gan.iterations();
                    }
                }
            } catch (RuntimeException e) {
                Platform.runLater(() -> progress.setText("training stopped: " + e.getMessage()));
            } finally {
                running.set(false);
            }
        }, "image-gan-training");
        worker.setDaemon(true);
        worker.start();
    }

    /** Asks the worker to stop and waits for it. */
    public void stopTraining() throws InterruptedException {
        running.set(false);
        Thread w = worker;
        if (w != null) {
            w.join();
        }
    }

    /** Training samples/s over the last reporting interval of the worker (NaN before the first). */
    public double lastSamplesPerSecond() {
        return lastSamplesPerSecond;
    }

    public boolean isTraining() {
        return running.get();
    }

    /** The progress line (for tests and the status bar). */
    public String progressText() {
        return progress.getText();
    }
}

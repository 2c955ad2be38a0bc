package org.divergencelab.ui.image;

import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;

import org.divergencelab.image.ImageDataset;
import org.divergencelab.image.ImageGan;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.plot.LineChart;
import org.divergencelab.ui.plot.LineSeries;
import org.divergencelab.ui.theme.ThemeManager;

/**
 * Image mode: a live grid of generator samples for a fixed set of z, each beside its nearest training
 * image (the lecture's "memory GAN" check: a sample identical to its neighbour was memorised), the latent
 * interpolation G(z_t) along the straight path z_t = (1−t)·z_a + t·z_b between two fixed draws (S25's image
 * half), the W estimate curve, progress and samples/s. Training runs on a worker thread
 * ({@link #startTraining}); the worker also renders the samples into ARGB buffers (ImageGan is not
 * thread-safe, and pixel work is maths), so the FX thread only copies the newest buffers into two reused
 * images when a new {@link Frame} arrived. Pausing ends the worker thread; {@link #startTraining} on the same
 * generator resumes.
 */
public final class ImageModeView extends javafx.scene.layout.BorderPane {
    /** Sample/neighbour pairs in the grid: 4 pairs per row, 6 rows. */
    public static final int SAMPLES = 24;
    /** Images in the interpolation strip. */
    public static final int STEPS = 10;
    private static final int PAIRS_PER_ROW = 4;
    /** Native pixels between a sample and its neighbour, and between pairs / strip images. */
    private static final int GAP = 1;
    private static final int PAIR_GAP = 4;
    private static final int BACKDROP = 0xFF262626;

    /** An ARGB picture built off the FX thread (row-major, width × height). */
    public record Pixels(int width, int height, int[] argb) {
    }

    /** What one refresh shows; built off the FX thread by {@link #capture}. */
    public record Frame(long iteration, long total, float[] samples, int[] nearest, float[] interpolation,
                        double wEstimate, double samplesPerSecond, Pixels grid, Pixels strip) {
    }

    private final I18n i18n;
    private final int width;
    private final int height;
    private final int channels;
    private final int zDim;
    private final ImageBox grid;
    private final ImageBox strip;
    private final LineChart chart = new LineChart();
    private final LineSeries wSeries;
    private final Label progress = new Label();
    private final Label backend = new Label();
    private final Button newPair = new Button();
    private final VBox right;
    private final float[] fixedZ;
    /** The interpolation's end points {z_a, z_b}; replaced whole (the worker reads it). */
    private volatile float[][] pair;
    private final SplittableRandom pairs;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicReference<Frame> pending = new AtomicReference<>();
    private final ConcurrentLinkedQueue<double[]> wPoints = new ConcurrentLinkedQueue<>();
    private Thread worker;
    private ImageGan lastGan;
    private long lastTotal;
    private volatile double lastSamplesPerSecond = Double.NaN;
    private volatile Runnable onWorkerEnd = () -> { };
    /** FX-thread nanoseconds of the last {@link #show} (the per-frame cost measured in docs/image-mode.md). */
    private long lastShowNanos;
    private Frame shown;
    private String failure;
    private String xAxisLabel;
    private String yAxisLabel;

    /** An English view (tests, tools) with a fixed backend line. */
    public ImageModeView(ImageDataset data, int zDim, String backendNote, long seed) {
        this(new I18n(I18n.ENGLISH), null, data.width(), data.height(), data.channels(), zDim, seed);
        setBackendText(backendNote, backendNote);
    }

    /**
     * A view for images of {@code width}×{@code height}×{@code channels} (1 or 3; the data set itself comes
     * with the generator, {@link ImageGan#data()}) and latent codes of size {@code zDim}: the 24 grid codes,
     * then z_a and z_b, drawn from {@code seed}; later pairs ({@link #drawNewPair}) come from a stream split
     * off the same seed. {@code themes} may be null (no theme binding).
     */
    public ImageModeView(I18n i18n, ThemeManager themes, int width, int height, int channels, int zDim, long seed) {
        this.i18n = i18n;
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.zDim = zDim;
        SplittableRandom r = new SplittableRandom(seed);
        fixedZ = gaussian(r, SAMPLES * zDim);
        pair = new float[][] {gaussian(r, zDim), gaussian(r, zDim)};
        pairs = r.split();
        setId("image-mode-view");
        Pixels g0 = blank(gridWidth(), gridHeight());
        Pixels s0 = blank(stripWidth(), height);
        grid = new ImageBox(g0);
        strip = new ImageBox(s0);
        grid.setId("image-grid");
        strip.setId("image-strip");
        if (themes != null) {
            themes.style(chart);
        }
        wSeries = chart.addSeries(i18n.text("image.series.w"), 0);
        chart.setMinSize(0, 0);
        chart.setPrefSize(360, 300);
        chart.setId("image-w-chart");
        backend.setId("image-backend");
        progress.setId("image-progress");
        newPair.setId("image-new-pair");
        newPair.setMnemonicParsing(false); // "z_a" is a subscript, not a shortcut
        newPair.textProperty().bind(i18n.get("image.newPair"));
        newPair.setTooltip(tooltip("image.tip.newPair"));
        newPair.setOnAction(e -> drawNewPair());
        Label gridTitle = wrapping(new Label());
        gridTitle.setId("image-grid-title");
        gridTitle.textProperty().bind(i18n.get("image.grid.title"));
        gridTitle.setTooltip(tooltip("image.tip.grid"));
        Label stripTitle = wrapping(new Label());
        stripTitle.setId("image-strip-title");
        stripTitle.textProperty().bind(i18n.get("image.strip.title"));
        stripTitle.setTooltip(tooltip("image.tip.strip"));
        wrapping(backend);
        wrapping(progress);
        newPair.setMinWidth(Region.USE_PREF_SIZE);
        ImageColumn left = new ImageColumn(gridTitle, grid, stripTitle, strip, newPair);
        right = new VBox(6, backend, progress, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        left.setMinWidth(0);
        right.setMinWidth(0);
        GridPane columns = new GridPane();
        columns.setHgap(12);
        columns.setPadding(new Insets(8));
        ColumnConstraints imagesColumn = new ColumnConstraints();
        imagesColumn.setPercentWidth(58);
        ColumnConstraints chartColumn = new ColumnConstraints();
        chartColumn.setPercentWidth(42);
        columns.getColumnConstraints().setAll(imagesColumn, chartColumn);
        RowConstraints row = new RowConstraints();
        row.setVgrow(Priority.ALWAYS);
        row.setFillHeight(true);
        columns.getRowConstraints().setAll(row);
        columns.add(left, 0, 0);
        columns.add(right, 1, 0);
        columns.setMinSize(0, 0);
        setCenter(columns);
        setMinSize(0, 0);
        relabel();
        // weakly: each run gets a new view, and a strong listener on the app-wide locale kept every old one alive
        // with its generator and networks (UI monkey, JFR old-object samples: ImageGan <- lastGan <- this listener)
        i18n.localeProperty().addListener(new javafx.beans.value.WeakChangeListener<>(relabelOnLocale));
    }

    private final javafx.beans.value.ChangeListener<java.util.Locale> relabelOnLocale = (o, a, b) -> relabel();

    /** Whether the curve is a W1 estimate (WGAN-GP's critic); for the GAN objectives it is only D's gap. */
    private boolean wasserstein = true;

    private void relabel() {
        wSeries.setName(i18n.text(wasserstein ? "image.series.w" : "image.series.gap"));
        xAxisLabel = i18n.text("image.axis.iteration");
        yAxisLabel = i18n.text(wasserstein ? "image.axis.w" : "image.axis.gap");
        chart.setAxisLabels(xAxisLabel, yAxisLabel);
        showProgress();
    }

    private Tooltip tooltip(String key) {
        return tooltip(i18n, key);
    }

    /** A wrapping tooltip that follows the language (the image tab's controls use it too). */
    static Tooltip tooltip(I18n i18n, String key) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(i18n.get(key));
        t.setWrapText(true);
        t.setMaxWidth(480);
        return t;
    }

    private static Label wrapping(Label l) {
        l.setWrapText(true);
        l.setMinWidth(0);
        l.setMinHeight(Region.USE_PREF_SIZE); // wrap to more lines instead of an ellipsis
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    private static float[] gaussian(SplittableRandom r, int n) {
        float[] z = new float[n];
        for (int i = 0; i < n; i++) {
            z[i] = (float) r.nextGaussian();
        }
        return z;
    }

    private int cellW() {
        return width;
    }

    private int gridWidth() {
        return PAIRS_PER_ROW * (2 * cellW() + GAP) + (PAIRS_PER_ROW - 1) * PAIR_GAP;
    }

    private int gridHeight() {
        int rows = (SAMPLES + PAIRS_PER_ROW - 1) / PAIRS_PER_ROW;
        return rows * height + (rows - 1) * PAIR_GAP;
    }

    private int stripWidth() {
        return STEPS * cellW() + (STEPS - 1) * PAIR_GAP;
    }

    private static Pixels blank(int w, int h) {
        int[] argb = new int[w * h];
        java.util.Arrays.fill(argb, BACKDROP);
        return new Pixels(w, h, argb);
    }

    /** The backend line: {@code shown} on screen, {@code detail} (the technical note) as its tooltip. */
    public void setBackendText(String shown, String detail) {
        backend.setText(shown);
        backend.setTooltip(detail == null ? null : new Tooltip(detail));
    }

    /**
     * Puts {@code note} (the tab's status line) at the top of the right column, beside the pictures, so it
     * takes no height from them.
     */
    public void showNote(javafx.scene.Node note) {
        right.getChildren().add(0, note);
    }

    /** Called on the FX thread after each worker thread ends (paused, stopped, finished or failed). */
    public void setOnWorkerEnd(Runnable r) {
        onWorkerEnd = r == null ? () -> { } : r;
    }

    /**
     * The codes z_t = (1−t)·z_a + t·z_b, t = s/(STEPS−1), s = 0..STEPS−1 (rows of STEPS × zDim): a straight
     * path in z between the current pair.
     */
    public float[] interpolationCodes() {
        float[][] p = pair;
        float[] zs = new float[STEPS * zDim];
        for (int s = 0; s < STEPS; s++) {
            double t = s / (double) (STEPS - 1);
            for (int j = 0; j < zDim; j++) {
                zs[s * zDim + j] = (float) ((1 - t) * p[0][j] + t * p[1][j]);
            }
        }
        return zs;
    }

    /** The current pair {z_a, z_b} (copies). */
    public float[][] latentPair() {
        float[][] p = pair;
        return new float[][] {p[0].clone(), p[1].clone()};
    }

    /**
     * Draws a new pair z_a, z_b (FX thread). The next frame shows its path; when no worker runs, a short one
     * renders it at once from the last generator.
     */
    public void drawNewPair() {
        pair = new float[][] {gaussian(pairs, zDim), gaussian(pairs, zDim)};
        ImageGan gan = lastGan;
        if (gan != null && !running.get() && (worker == null || !worker.isAlive())) {
            long total = lastTotal;
            worker = new Thread(() -> post(capture(gan, total, lastSamplesPerSecond)), "image-gan-render");
            worker.setDaemon(true);
            worker.start();
        }
    }

    /**
     * Samples, neighbours and interpolation for the current generator, with their pictures (call where the
     * generator lives: the training thread).
     */
    public Frame capture(ImageGan gan, long total, double samplesPerSecond) {
        ImageDataset data = gan.data();
        if (data.width() != width || data.height() != height || data.channels() != channels) {
            throw new IllegalArgumentException("the view shows " + width + "x" + height + "x" + channels
                    + " images, the generator makes " + data.width() + "x" + data.height() + "x" + data.channels());
        }
        int dim = data.dim();
        float[] samples = new float[SAMPLES * dim];
        gan.sample(fixedZ, SAMPLES, samples);
        int[] nearest = new int[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            nearest[i] = data.nearest(samples, i * dim);
        }
        float[] interp = new float[STEPS * dim];
        gan.sample(interpolationCodes(), STEPS, interp);
        Pixels g = blank(gridWidth(), gridHeight());
        float[] neighbour = new float[dim];
        for (int i = 0; i < SAMPLES; i++) {
            int x = (i % PAIRS_PER_ROW) * (2 * cellW() + GAP + PAIR_GAP);
            int y = (i / PAIRS_PER_ROW) * (height + PAIR_GAP);
            paint(samples, i * dim, g, x, y);
            data.copyImage(nearest[i], neighbour, 0);
            paint(neighbour, 0, g, x + cellW() + GAP, y);
        }
        Pixels s = blank(stripWidth(), height);
        for (int i = 0; i < STEPS; i++) {
            paint(interp, i * dim, s, i * (cellW() + PAIR_GAP), 0);
        }
        return new Frame(gan.iterations(), total, samples, nearest, interp, gan.lastWasserstein(), samplesPerSecond,
                g, s);
    }

    /** One CHW image in [−1, 1] into {@code dst} at (x0, y0), one pixel per image pixel (the view scales). */
    private void paint(float[] px, int offset, Pixels dst, int x0, int y0) {
        int w = width;
        int h = height;
        int plane = w * h;
        boolean colour = channels == 3;
        for (int y = 0; y < h; y++) {
            int row = (y0 + y) * dst.width() + x0;
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                int r = level(px[offset + p]);
                int g = colour ? level(px[offset + plane + p]) : r;
                int b = colour ? level(px[offset + 2 * plane + p]) : r;
                dst.argb()[row + x] = 0xFF000000 | r << 16 | g << 8 | b;
            }
        }
    }

    private static int level(float v) {
        return (int) Math.round(Math.max(0, Math.min(255, (v + 1) * 127.5)));
    }

    /** Shows a frame (FX thread): two pixel copies into the reused images, the W point, the progress line. */
    public void show(Frame f) {
        if (Double.isFinite(f.wEstimate())) {
            wSeries.append(f.iteration(), f.wEstimate());
        }
        render(f);
    }

    private void render(Frame f) {
        long start = System.nanoTime();
        grid.set(f.grid());
        strip.set(f.strip());
        shown = f;
        failure = null;
        showProgress();
        chart.requestLayout();
        lastShowNanos = System.nanoTime() - start;
    }

    /** Hands a frame to the FX thread; frames the FX thread has not taken yet are replaced by newer ones. */
    private void post(Frame f) {
        if (pending.getAndSet(f) == null) {
            Platform.runLater(() -> {
                Frame latest = pending.getAndSet(null);
                for (double[] p; (p = wPoints.poll()) != null; ) {
                    wSeries.append(p[0], p[1]);
                }
                if (latest != null) {
                    render(latest);
                }
            });
        }
    }

    private void showProgress() {
        if (failure != null) {
            progress.setText(i18n.text("image.failed", failure));
        } else if (shown == null) {
            progress.setText(i18n.text("image.notStarted"));
        } else {
            progress.setText(i18n.text("image.progress", shown.iteration(), shown.total(),
                    Double.isFinite(shown.samplesPerSecond()) ? Math.round(shown.samplesPerSecond()) : 0));
        }
    }

    /**
     * Trains {@code gan} up to {@code iterations} in all on a daemon worker thread, showing a frame every
     * {@code every} iterations (and one at once). A second call while training runs is refused; a call after
     * {@link #requestStop} on the same generator resumes where it stopped.
     */
    public void startTraining(ImageGan gan, long iterations, int every) {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("training is already running");
        }
        joinQuietly(worker); // a pair-render thread takes milliseconds; the generator is not thread-safe
        lastGan = gan;
        lastTotal = iterations;
        boolean w = gan.objective().wasserstein();
        if (w != wasserstein) {
            wasserstein = w;
            org.divergencelab.ui.util.FxThread.run(this::relabel);
        }
        worker = new Thread(() -> {
            try {
                post(capture(gan, iterations, lastSamplesPerSecond));
                long last = System.nanoTime();
                long lastIteration = gan.iterations();
                while (running.get() && gan.iterations() < iterations) {
                    gan.iteration();
                    if (gan.iterations() % every == 0 || gan.iterations() == iterations) {
                        long now = System.nanoTime();
                        double sps = (double) gan.batch() * (gan.iterations() - lastIteration) / ((now - last) / 1e9);
                        lastSamplesPerSecond = sps;
                        if (Double.isFinite(gan.lastWasserstein())) {
                            wPoints.add(new double[] {gan.iterations(), gan.lastWasserstein()});
                        }
                        post(capture(gan, iterations, sps));
                        last = System.nanoTime();
                        lastIteration = gan.iterations();
                    }
                }
            } catch (RuntimeException e) {
                String m = e.getMessage() == null ? e.toString() : e.getMessage();
                Platform.runLater(() -> {
                    failure = m;
                    showProgress();
                });
            } finally {
                running.set(false);
                Platform.runLater(() -> onWorkerEnd.run());
            }
        }, "image-gan-training");
        worker.setDaemon(true);
        worker.start();
    }

    private static void joinQuietly(Thread t) {
        if (t != null) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Asks the worker to end after its current iteration; returns at once (FX thread safe). */
    public void requestStop() {
        running.set(false);
    }

    /** Asks the worker to stop and waits for it. */
    public void stopTraining() throws InterruptedException {
        running.set(false);
        Thread w = worker;
        if (w != null) {
            w.join();
        }
    }

    /** Whether a worker thread of this view (training or a pair render) is alive. */
    public boolean workerAlive() {
        Thread w = worker;
        return w != null && w.isAlive();
    }

    /** The worker thread (training or pair render) last started, or null. */
    Thread worker() {
        return worker;
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

    /** FX-thread nanoseconds the last frame took to show (pixel copies and labels, not the pulse). */
    public long lastShowNanos() {
        return lastShowNanos;
    }

    /** The W chart's axis labels and series name as set now (the chart draws them on a canvas). */
    java.util.List<String> chartTexts() {
        return java.util.List.of(xAxisLabel, yAxisLabel, wSeries.name());
    }

    /** The W chart. */
    LineChart chart() {
        return chart;
    }

    /** The frame on screen, or null before the first. */
    public Frame shownFrame() {
        return shown;
    }

    /**
     * The left column: grid title, grid, strip title, strip, new-pair button, top to bottom. Grid and strip
     * share one scale (at most {@link #MAX_SCALE}), the largest at which both fit the column's width and the
     * height the texts leave, so the pictures shrink together and nothing reaches past the column.
     */
    static final class ImageColumn extends Region {
        private static final double MAX_SCALE = 4;
        private static final double PREF_SCALE = 3;
        private static final double SPACING = 6;
        private final Label gridTitle;
        private final ImageBox grid;
        private final Label stripTitle;
        private final ImageBox strip;
        private final Button button;

        ImageColumn(Label gridTitle, ImageBox grid, Label stripTitle, ImageBox strip, Button button) {
            this.gridTitle = gridTitle;
            this.grid = grid;
            this.stripTitle = stripTitle;
            this.strip = strip;
            this.button = button;
            getChildren().addAll(gridTitle, grid, stripTitle, strip, button);
            setMinWidth(0);
        }

        private double nativeWidth() {
            return Math.max(grid.image().getWidth(), strip.image().getWidth());
        }

        /** The strip title's width: beside the button when both fit, else the whole width above it. */
        private double stripTitleWidth(double w) {
            double beside = w - button.prefWidth(-1) - SPACING;
            return beside >= 160 ? beside : w;
        }

        private double stripRow(double w) {
            double tw = stripTitleWidth(w);
            double title = stripTitle.prefHeight(tw);
            return tw < w ? Math.max(title, button.prefHeight(-1)) : title + SPACING + button.prefHeight(-1);
        }

        private double texts(double w) {
            return gridTitle.prefHeight(w) + stripRow(w) + 3 * SPACING;
        }

        @Override
        public Orientation getContentBias() {
            return Orientation.HORIZONTAL;
        }

        @Override
        protected double computePrefWidth(double height) {
            return nativeWidth() * PREF_SCALE + snappedLeftInset() + snappedRightInset();
        }

        @Override
        protected double computePrefHeight(double width) {
            double w = width < 0 ? nativeWidth() * PREF_SCALE : width - snappedLeftInset() - snappedRightInset();
            double scale = Math.min(PREF_SCALE, w / nativeWidth());
            return texts(w) + scale * (grid.image().getHeight() + strip.image().getHeight()) + snappedTopInset()
                    + snappedBottomInset();
        }

        @Override
        protected double computeMinHeight(double width) {
            double w = width < 0 ? nativeWidth() : width - snappedLeftInset() - snappedRightInset();
            return texts(w) + snappedTopInset() + snappedBottomInset();
        }

        @Override
        protected void layoutChildren() {
            double x = snappedLeftInset();
            double w = Math.max(0, getWidth() - x - snappedRightInset());
            double h = getHeight() - snappedTopInset() - snappedBottomInset();
            double images = grid.image().getHeight() + strip.image().getHeight();
            double scale = Math.max(0, Math.min(MAX_SCALE, Math.min(w / nativeWidth(), (h - texts(w)) / images)));
            double y = snappedTopInset();
            y = place(gridTitle, x, y, w, gridTitle.prefHeight(w));
            y = place(grid, x, y, grid.image().getWidth() * scale, grid.image().getHeight() * scale);
            double tw = stripTitleWidth(w);
            double bw = Math.min(w, button.prefWidth(-1));
            if (tw < w) {
                double row = stripRow(w);
                stripTitle.resizeRelocate(x, y, tw, row);
                button.resizeRelocate(x + w - bw, y + (row - button.prefHeight(-1)) / 2, bw, button.prefHeight(-1));
                y += row + SPACING;
            } else {
                y = place(stripTitle, x, y, w, stripTitle.prefHeight(w));
                y = place(button, x, y, bw, button.prefHeight(-1));
            }
            place(strip, x, y, strip.image().getWidth() * scale, strip.image().getHeight() * scale);
        }

        private static double place(javafx.scene.Node n, double x, double y, double w, double h) {
            n.resizeRelocate(x, y, w, h);
            return y + h + SPACING;
        }
    }

    /** A picture scaled to its box with hard pixel edges; one {@link WritableImage} reused while its size stays. */
    static final class ImageBox extends Region {
        private final ImageView view = new ImageView();
        private WritableImage image;

        ImageBox(Pixels first) {
            view.setSmooth(false);
            getChildren().add(view);
            setMinSize(0, 0);
            set(first);
        }

        void set(Pixels p) {
            if (image == null || image.getWidth() != p.width() || image.getHeight() != p.height()) {
                image = new WritableImage(p.width(), p.height());
                view.setImage(image);
                requestLayout();
            }
            image.getPixelWriter().setPixels(0, 0, p.width(), p.height(), PixelFormat.getIntArgbInstance(), p.argb(),
                    0, p.width());
        }

        WritableImage image() {
            return image;
        }

        @Override
        protected double computePrefWidth(double height) {
            return image.getWidth();
        }

        @Override
        protected double computePrefHeight(double width) {
            return image.getHeight();
        }

        @Override
        protected void layoutChildren() {
            // a fit size of 0 would mean "natural size", past the box
            view.setVisible(getWidth() > 0 && getHeight() > 0);
            view.setFitWidth(getWidth());
            view.setFitHeight(getHeight());
            view.relocate(0, 0);
        }
    }
}

package org.divergencelab.ui.image;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

import org.divergencelab.compute.select.Backends;
import org.divergencelab.image.ImageDataset;
import org.divergencelab.image.ImageGan;
import org.divergencelab.image.ProceduralDigits;
import org.divergencelab.image.ProceduralFaces;
import org.divergencelab.image.ProceduralShapes;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.theme.ThemeManager;
import org.divergencelab.ui.util.Background;

/**
 * The main window's image-mode tab: the run's choices (data, architecture, objective, batch norm), Start /
 * Pause / Resume and Stop over an {@link ImageModeView}. Nothing is generated or trained until Start. The
 * dataset is built and the backend probed (CUDA when a device answers, else the CPU) on
 * {@link Background#io()}, never on the FX thread. Pause ends the worker thread and keeps the generator;
 * Stop ends it and releases the backend, and the next Start begins again from the seed; a changed choice
 * discards the run (and restarts it when it was training). Leaving the tab ({@link #pauseIfRunning}) and
 * closing the window pause or stop it, so no run keeps a core busy out of sight.
 */
public final class ImageModeTab {
    /** Iterations one run trains at most. */
    static final long ITERATIONS = 20_000;
    static final int Z_DIM = 64;
    static final int BATCH = 64;
    static final long SEED = 5;

    /** The data sets offered: the procedural ones, so nothing is downloaded. */
    public enum DataChoice {
        DIGITS_28(28, 1), SHAPES_28(28, 1), FACES_32(32, 3), FACES_64(64, 3);

        final int side;
        final int channels;

        DataChoice(int side, int channels) {
            this.side = side;
            this.channels = channels;
        }

        /** The images (a few seconds at 64×64: call off the FX thread). */
        public ImageDataset build() {
            return switch (this) {
                case DIGITS_28 -> ProceduralDigits.generate(512, 28, 3);
                case SHAPES_28 -> ProceduralShapes.generate(512, 28, 1, 3);
                case FACES_32, FACES_64 -> ProceduralFaces.generate(512, side, 3);
            };
        }
    }

    /** The choices of one run. */
    public record Settings(DataChoice data, ImageGan.Model model, ImageGan.Objective objective, boolean batchNorm) {
        /** The critic steps per iteration: 5 for the WGANs (both papers), 1 for the GANs. */
        int nCritic() {
            return objective.wasserstein() ? 5 : 1;
        }

        /** Iterations between frames: a DCGAN iteration costs several MLP ones. */
        int every() {
            return model == ImageGan.Model.DCGAN ? 2 : 10;
        }
    }

    private enum State { IDLE, LOADING, RUNNING, PAUSED, ENDED }

    /** What the FX thread does when the worker it asked to end has ended. */
    private enum After { NOTHING, PAUSE, STOP, RESTART }

    /** One run: its backend, generator and view. The backend is closed once, off the FX thread. */
    private static final class Run {
        final Settings settings;
        final ImageModeView view;
        volatile Backends.Selection backend;
        volatile ImageGan gan;
        final AtomicBoolean closed = new AtomicBoolean();

        Run(Settings settings, ImageModeView view) {
            this.settings = settings;
            this.view = view;
        }

        void close() {
            Backends.Selection b = backend;
            if (b != null && closed.compareAndSet(false, true)) {
                b.close();
            }
        }
    }

    private final I18n i18n;
    private final ThemeManager themes;
    private final BorderPane root = new BorderPane();
    private final Button start = new Button();
    private final Button stop = new Button();
    private final ChoiceBox<DataChoice> dataBox = new ChoiceBox<>();
    private final ChoiceBox<ImageGan.Model> modelBox = new ChoiceBox<>();
    private final ChoiceBox<ImageGan.Objective> objectiveBox = new ChoiceBox<>();
    private final CheckBox batchNorm = new CheckBox();
    private final Label info = new Label();
    private final VBox top;
    private final Map<DataChoice, ImageDataset> datasets = new ConcurrentHashMap<>();
    /** Bumped by every stop or change: a load that finishes under an older number is discarded. */
    private final AtomicInteger generation = new AtomicInteger();
    private State state = State.IDLE;
    private After after = After.NOTHING;
    private boolean startPaused;
    private volatile Run run;
    private volatile Future<?> loading;
    private Runnable note;

    public ImageModeTab(I18n i18n) {
        this(i18n, null);
    }

    /** {@code themes} styles the W chart (null: none). */
    public ImageModeTab(I18n i18n, ThemeManager themes) {
        this.i18n = i18n;
        this.themes = themes;
        root.setId("image-mode-tab");
        start.setId("image-start");
        stop.setId("image-stop");
        dataBox.setId("image-dataset");
        modelBox.setId("image-model");
        objectiveBox.setId("image-objective");
        batchNorm.setId("image-batch-norm");
        info.setId("image-status");
        info.setWrapText(true);
        info.setMinWidth(0);
        info.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrap, never an ellipsis
        info.setMaxWidth(Double.MAX_VALUE);
        dataBox.getItems().setAll(DataChoice.values());
        modelBox.getItems().setAll(ImageGan.Model.values());
        objectiveBox.getItems().setAll(ImageGan.Objective.values());
        dataBox.setValue(DataChoice.DIGITS_28);
        modelBox.setValue(ImageGan.Model.MLP);
        objectiveBox.setValue(ImageGan.Objective.WGAN_GP);
        batchNorm.setSelected(true);
        batchNorm.disableProperty().bind(modelBox.valueProperty().isNotEqualTo(ImageGan.Model.DCGAN));
        Label dataLabel = new Label();
        Label modelLabel = new Label();
        Label objectiveLabel = new Label();
        dataLabel.textProperty().bind(i18n.get("image.field.dataset"));
        modelLabel.textProperty().bind(i18n.get("image.field.model"));
        objectiveLabel.textProperty().bind(i18n.get("image.field.objective"));
        batchNorm.textProperty().bind(i18n.get("image.batchNorm"));
        stop.textProperty().bind(i18n.get("image.stop"));
        start.setTooltip(tooltip("image.tip.start"));
        stop.setTooltip(tooltip("image.tip.stop"));
        batchNorm.setTooltip(tooltip("image.tip.batchNorm"));
        FlowPane bar = new FlowPane(10, 6, new HBox(6, start, stop), field(dataLabel, dataBox),
                field(modelLabel, modelBox), field(objectiveLabel, objectiveBox), batchNorm);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.prefWrapLengthProperty().bind(root.widthProperty().subtract(16));
        bar.setMinWidth(0);
        top = new VBox(6, bar, info);
        top.setPadding(new Insets(8));
        top.setMinWidth(0);
        root.setTop(top);
        root.setMinWidth(0);
        Runnable relabel = () -> {
            label(dataBox, c -> i18n.text("image.dataset." + c.name()));
            label(modelBox, m -> i18n.text("image.model." + m.name()));
            label(objectiveBox, o -> i18n.text("image.objective." + o.name()));
            Run r = run;
            if (r != null && state != State.LOADING) {
                showBackend(r);
            }
            refresh();
        };
        note = () -> info.setText(i18n.text("image.idle"));
        relabel.run();
        i18n.localeProperty().addListener((o, a, b) -> relabel.run());
        start.setOnAction(e -> startOrPause());
        stop.setOnAction(e -> stopRun());
        dataBox.valueProperty().addListener((o, a, b) -> changed("image.field.dataset", dataBox, b));
        modelBox.valueProperty().addListener((o, a, b) -> changed("image.field.model", modelBox, b));
        objectiveBox.valueProperty().addListener((o, a, b) -> changed("image.field.objective", objectiveBox, b));
        batchNorm.selectedProperty().addListener((o, a, b) -> changedBatchNorm(b));
        // closing the window ends the run (the worker is a daemon too, but nothing should run out of sight)
        // (the main window attaches the tab's view only while it is selected: watch each scene and window once)
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null && scene != watchedScene) {
                watchedScene = scene;
                scene.windowProperty().addListener((ow, aw, w) -> watch(w));
                watch(scene.getWindow());
            }
        });
    }

    private javafx.scene.Scene watchedScene;
    private Window watchedWindow;

    private void watch(Window w) {
        if (w != null && w != watchedWindow) {
            watchedWindow = w;
            w.showingProperty().addListener((o, was, showing) -> {
                if (!showing) {
                    stopRun();
                }
            });
        }
    }

    private static Node field(Label label, Node control) {
        HBox h = new HBox(4, label, control);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private Tooltip tooltip(String key) {
        return ImageModeView.tooltip(i18n, key);
    }

    private static <T> void label(ChoiceBox<T> box, Function<T, String> text) {
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("choice boxes are not edited");
            }
        });
    }

    /** The tab's content. */
    public BorderPane node() {
        return root;
    }

    /** The view of the current (or last) run, else null. */
    public ImageModeView view() {
        Run r = run;
        return r == null ? null : r.view;
    }

    /** The choices shown now. */
    public Settings settings() {
        return new Settings(dataBox.getValue(), modelBox.getValue(), objectiveBox.getValue(), batchNorm.isSelected());
    }

    /** The generator of the current run once built, else null. */
    public ImageGan generator() {
        Run r = run;
        return r == null ? null : r.gan;
    }

    private void startOrPause() {
        switch (state) {
            case RUNNING -> pause(false);
            case PAUSED -> resume();
            case IDLE, ENDED -> load(settings(), false);
            case LOADING -> { }
        }
    }

    /** Builds the data, backend and generator off the FX thread, then trains (FX thread). */
    private void load(Settings s, boolean keepNote) {
        int gen = generation.incrementAndGet();
        ImageModeView view = new ImageModeView(i18n, themes, s.data().side, s.data().side, s.data().channels, Z_DIM,
                SEED);
        Run r = new Run(s, view);
        view.setOnWorkerEnd(() -> workerEnded(r));
        run = r;
        top.getChildren().remove(info);
        view.showNote(info); // beside the pictures: at 1280×720 every line above them costs them height
        root.setCenter(view);
        state = State.LOADING;
        startPaused = false;
        if (!keepNote) {
            note = () -> info.setText(i18n.text("image.loading"));
        }
        refresh();
        loading = Background.io().submit(() -> {
            try {
                ImageDataset data = datasets.computeIfAbsent(s.data(), DataChoice::build);
                r.backend = Backends.select(Backends.Choice.AUTO);
                r.gan = new ImageGan(r.backend.backend(), data, s.model(), s.objective(), s.batchNorm(), BATCH, Z_DIM,
                        s.nCritic(), SEED);
                Platform.runLater(() -> begin(r, gen));
            } catch (RuntimeException | LinkageError e) {
                r.close();
                String m = e.getMessage() == null ? e.toString() : e.getMessage();
                Platform.runLater(() -> {
                    if (gen == generation.get()) {
                        state = State.ENDED;
                        note = () -> info.setText(i18n.text("image.loadFailed", m));
                        refresh();
                    }
                });
            }
        });
    }

    private void begin(Run r, int gen) {
        if (gen != generation.get() || run != r) {
            r.close(); // stopped or changed while loading
            if (run == r && state == State.LOADING) {
                ended(r, "image.stopped");
                refresh();
            }
            return;
        }
        showBackend(r);
        if (startPaused) {
            state = State.PAUSED;
            note = () -> info.setText(i18n.text("image.pausedLeft", 0));
            refresh();
            return;
        }
        resume();
    }

    /** The backend line of {@code r} in the current language (again on each language switch). */
    private void showBackend(Run r) {
        Backends.Selection b = r.backend;
        if (b != null) {
            r.view.setBackendText(b.isCuda() ? i18n.text("image.backend.cuda", b.backend().name())
                    : i18n.text("image.backend.cpu", b.backend().name()), i18n.text("image.backend.detail", b.note()));
        }
    }

    private void resume() {
        Run r = run;
        after = After.NOTHING;
        r.view.startTraining(r.gan, ITERATIONS, r.settings.every());
        state = State.RUNNING;
        note = () -> info.setText(i18n.text("image.running"));
        refresh();
    }

    private void pause(boolean leftTab) {
        Run r = run;
        after = After.PAUSE;
        r.view.requestStop();
        note = () -> info.setText(i18n.text(leftTab ? "image.pausedLeft" : "image.paused", r.gan.iterations()));
        refresh();
    }

    /** Pauses a training run (the main window calls this when another tab is selected). FX thread. */
    public void pauseIfRunning() {
        if (state == State.RUNNING && after == After.NOTHING) {
            pause(true);
        } else if (state == State.LOADING) {
            startPaused = true;
        }
    }

    /** Ends the run: the worker ends after its current iteration, then the backend is released. FX thread. */
    public void stopRun() {
        endRun(After.STOP);
        refresh();
    }

    /**
     * Ends the run, then ({@code then} = RESTART) loads a new one: at once when no worker runs, else when the
     * worker has ended ({@link #workerEnded}). A paused run just ends.
     */
    private void endRun(After then) {
        switch (state) {
            case RUNNING -> {
                after = then;
                run.view.requestStop();
            }
            case LOADING -> {
                generation.incrementAndGet();
                Run old = run;
                Background.io().execute(old::close); // after the load itself, on the same thread
                if (then == After.RESTART) {
                    load(settings(), true);
                } else {
                    state = State.ENDED;
                    note = () -> info.setText(i18n.text("image.stopped", 0));
                }
            }
            case PAUSED -> ended(run, "image.stopped");
            case IDLE, ENDED -> { }
        }
    }

    /** Called on the FX thread when the run's worker thread has ended. */
    private void workerEnded(Run r) {
        if (r != run || state != State.RUNNING) {
            return;
        }
        After a = after;
        after = After.NOTHING;
        switch (a) {
            case PAUSE -> state = State.PAUSED;
            case STOP -> ended(r, "image.stopped");
            case RESTART -> {
                closeLater(r);
                load(settings(), true);
            }
            case NOTHING -> ended(r, "image.finished"); // the last iteration, or a failure (shown by the view)
        }
        refresh();
    }

    private void ended(Run r, String key) {
        state = State.ENDED;
        closeLater(r);
        long it = r.gan == null ? 0 : r.gan.iterations();
        note = () -> info.setText(i18n.text(key, it));
    }

    private static void closeLater(Run r) {
        Background.io().execute(r::close);
    }

    private <T> void changed(String fieldKey, ChoiceBox<T> box, T value) {
        reset(() -> i18n.text(fieldKey), () -> box.getConverter().toString(value));
    }

    private void changedBatchNorm(boolean on) {
        reset(() -> i18n.text("image.batchNorm"), () -> i18n.text(on ? "image.on" : "image.off"));
    }

    /** A changed choice: the run starts over from the seed (at once when it was training). */
    private void reset(java.util.function.Supplier<String> field, java.util.function.Supplier<String> value) {
        boolean training = state == State.RUNNING || state == State.LOADING;
        endRun(After.RESTART);
        if (state == State.IDLE) {
            refresh(); // nothing to reset; the Start button names the new choice
            return;
        }
        note = () -> info.setText(i18n.text(training ? "image.changed" : "image.changedIdle", field.get(),
                value.get()));
        refresh();
    }

    private void refresh() {
        Settings s = settings();
        String data = i18n.text("image.dataset.short." + s.data().name());
        String objective = i18n.text("image.objective.short." + s.objective().name());
        switch (state) {
            case RUNNING -> start.setText(i18n.text(after == After.PAUSE ? "image.resume" : "image.pause"));
            case PAUSED -> start.setText(i18n.text("image.resume"));
            default -> start.setText(i18n.text("image.start", data, objective));
        }
        start.setDisable(state == State.LOADING || (state == State.RUNNING && after != After.NOTHING));
        stop.setDisable(state == State.IDLE || state == State.ENDED);
        note.run();
    }

    /**
     * Returns an ended (or never started) image mode to its start: the last run's networks and pictures and the
     * cached datasets are let go (up to ~70 MB after a 64×64 faces run). FX thread; does nothing while a run
     * loads, trains or is paused. Returns whether it did. (Tests that compare the heap in a quiet state.)
     */
    public boolean release() {
        if (state != State.ENDED && state != State.IDLE) {
            return false;
        }
        Run r = run;
        if (r != null) {
            closeLater(r); // a pair render still running holds its own reference until it ends
            ((javafx.scene.layout.Pane) info.getParent()).getChildren().remove(info);
            top.getChildren().add(info);
        }
        run = null;
        root.setCenter(null);
        datasets.clear();
        state = State.IDLE;
        note = () -> info.setText(i18n.text("image.idle"));
        refresh();
        return true;
    }

    /** Stops training, waits for the worker and releases the backend (any thread; tests). */
    public void stop() throws InterruptedException {
        generation.incrementAndGet();
        Future<?> f = loading;
        if (f != null) {
            try {
                f.get();
            } catch (ExecutionException e) {
                // the load's own failure is reported on the FX thread
            }
        }
        Run r = run;
        if (r != null) {
            r.view.stopTraining();
            r.close();
        }
    }
}

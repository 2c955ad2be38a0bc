package org.divergencelab.ui.train;

import org.divergencelab.ui.util.FxThread;
import java.util.ArrayList;
import java.util.List;

import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.Presets;
import org.divergencelab.training.HistoryPoint;
import org.divergencelab.training.Notice;
import org.divergencelab.training.ObjectiveChoice;
import org.divergencelab.training.StepReport;
import org.divergencelab.training.TrainingEvent;
import org.divergencelab.training.TrainingHistory;
import org.divergencelab.training.TrainingSession;
import org.divergencelab.training.TrainingState;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.theme.ThemeManager;

/**
 * The "Training" tab: transport controls (play/pause, step critic, step generator, step one iteration,
 * reset, speed, compare, critic internals), the iteration counter, one or two {@link ExperimentPanel}s and a
 * message line; {@link #controls()} is the side panel's experiment editor. The FX thread only draws: an
 * {@link AnimationTimer} drains the session's chart points and notices, and redraws the panels only when a
 * newer frame was published (stale frames are skipped).
 */
public final class TrainingView {
    /** Keyboard shortcuts (shown in the tooltips). */
    public static final KeyCombination PLAY = KeyCombination.keyCombination("Shortcut+P");
    public static final KeyCombination STEP_CRITIC = KeyCombination.keyCombination("Shortcut+D");
    public static final KeyCombination STEP_GENERATOR = KeyCombination.keyCombination("Shortcut+G");
    public static final KeyCombination STEP_ITERATION = KeyCombination.keyCombination("Shortcut+I");
    public static final KeyCombination RESET = KeyCombination.keyCombination("Shortcut+R");
    public static final KeyCombination TOGGLE = KeyCombination.keyCombination("Shortcut+J");
    /** Speeds offered (iterations per second); infinity = flat out. */

    private final I18n i18n;
    private final ThemeManager themes;
    private final TrainingSession session;
    private final ExperimentControls controls;
    private final List<ExperimentPanel> panels = new ArrayList<>();
    private final HBox panelBox = new HBox(10);
    private final BorderPane root = new BorderPane();
    private final Label counter = new Label();
    private final Label message = new Label();
    private final Label warnings = new Label();
    final ToggleButton play = new ToggleButton();
    final Button stepCritic = new Button();
    final Button stepGenerator = new Button();
    final Button stepIteration = new Button();
    final Button reset = new Button();
    final ChoiceBox<Double> speed = new ChoiceBox<>();
    final ToggleButton compare = new ToggleButton();
    final ToggleButton internals = new ToggleButton();
    private final AnimationTimer timer;
    /**
     * Once the window has drawn its first frames, a live view starts its work: the opening experiment goes to the
     * session (its first full evaluation took a core from the FX thread while the window was being built: on two
     * cores the window came later, and the first frames could not show the evaluation anyway), and the formulas
     * are typeset in the background (JLaTeXMath's first formula costs about a second), ready before a first
     * Shortcut+F.
     */
    private AnimationTimer afterFirstFrames;
    /** The opening experiments while they wait for the first frames (null once sent or replaced). */
    private List<Experiment> opening;
    /** Orders the opening's sending against a command from another thread ({@link #session()} from a test). */
    private final Object openingLock = new Object();
    private long lastSequence = -1;
    private long shownGeneration = -1;
    private TrainingSession.Frame shown;
    private String messageKey;
    private Object[] messageArgs;
    /** The reports of the last single step, one per panel (the message line shows them while no notice came since). */
    private final List<StepReport> stepReports = new ArrayList<>();
    private long lastUpdateNanos;
    private long lastChartNanos;
    private long lastFrameNanos;
    /** While playing: charts take new points at most 10 times a second. */
    static final long PLAYING_CHART_NANOS = 100_000_000L;
    /** While playing: the views redraw a new frame at most 15 times a second. */
    static final long PLAYING_FRAME_NANOS = 66_000_000L;
    private long frameUpdates;
    /** Lecturer tools: the formula panel, its toggle, the per-iteration history for the CSV export. */
    private final TrainingFormulas formulas;
    final ToggleButton showFormulas = new ToggleButton();
    private final TrainingHistory history = new TrainingHistory();
    /** Shows or hides the formula panel. */
    public static final KeyCombination FORMULAS = KeyCombination.keyCombination("Shortcut+F");
    /** While playing, a new frame is drawn one view per pulse: the frame, the next view, the time so far. */
    private TrainingSession.Frame staged;
    private int stage;
    private long stagedNanos;

    /**
     * @param live true: own a {@link TrainingSession} and start on {@code start}; false: a passive view fed
     *             with {@link #show} and {@link #accept} (the headless {@code render} command)
     */
    public TrainingView(I18n i18n, ThemeManager themes, Experiment start, boolean live) {
        this.i18n = i18n;
        this.themes = themes;
        this.session = live ? new TrainingSession() : null;
        this.controls = new ExperimentControls(i18n, start, this::configure, this::loadPreset);
        root.setId("training-view");
        root.getProperties().put(TrainingView.class, this);
        panelBox.setId("training-panels");
        // Below the panels' minimum height (PanelGrid: rows of readable plots for the font size and width) they
        // scroll instead of squashing their plots to strips under a scene caption or large fonts (LayoutMatrixTest).
        panelBox.setMinWidth(0);
        ensurePanels(1);
        root.setTop(transportBar());
        javafx.scene.control.ScrollPane panelScroll = new javafx.scene.control.ScrollPane(panelBox);
        panelScroll.setId("training-panels-scroll");
        panelScroll.setFitToWidth(true);
        panelScroll.setFitToHeight(true);
        panelScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        panelScroll.setStyle("-fx-background-color: transparent; -fx-padding: 0;");
        panelScroll.setMinSize(0, 0);
        root.setCenter(panelScroll);
        VBox bottom = new VBox(2, new HBox(16, counter, message), warnings);
        message.setId("train-message");
        warnings.setId("train-warnings");
        message.setWrapText(true);
        warnings.setWrapText(true);
        warnings.setStyle("-fx-text-fill: #c0392b;");
        root.setBottom(bottom);
        root.setMinSize(0, 0);
        formulas = new TrainingFormulas(i18n, themes);
        installLecturerTools(start);
        i18n.localeProperty().addListener((o, a, b) -> relabel());
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulse(now);
            }
        };
        if (live) {
            opening = List.of(start);
            timer.start();
            afterFirstFrames = new AnimationTimer() {
                private int frames;

                @Override
                public void handle(long now) {
                    javafx.stage.Window w = root.getScene() == null ? null : root.getScene().getWindow();
                    if (w != null && w.isShowing() && ++frames >= 3) {
                        stop();
                        sendOpening();
                        formulas.prepare();
                    }
                }
            };
            afterFirstFrames.start();
        }
        root.sceneProperty().addListener((o, a, scene) -> installShortcuts(scene));
    }

    /** A live view starting on the first preset. */
    public static TrainingView live(I18n i18n, ThemeManager themes) {
        return new TrainingView(i18n, themes, Presets.get(Presets.names().get(0)), true);
    }

    /** The training view whose {@link #node()} is {@code n} (tests, tools), or null. */
    public static TrainingView of(Node n) {
        return n == null ? null : (TrainingView) n.getProperties().get(TrainingView.class);
    }

    /** The view (transport bar, panels, message line). */
    public Node node() {
        return root;
    }

    /** The experiment editor for the side panel. */
    public Node controls() {
        return controls.node();
    }

    /**
     * The session (null for a passive view), its opening experiment sent first if it still waited for the
     * window's first frames: whoever commands or watches the session finds it loaded.
     */
    public TrainingSession session() {
        sendOpening();
        return session;
    }

    /** Sends the opening experiments to the session if still waiting; every command from this view comes after. */
    private void sendOpening() {
        synchronized (openingLock) {
            if (opening != null) {
                session.load(opening);
                opening = null;
            }
        }
    }

    /** The opening is replaced by another load (a preset, a scene, a state) before it was sent: it is not sent. */
    private void dropOpening() {
        synchronized (openingLock) {
            opening = null;
        }
    }

    /** The panels shown (1, or 2 in compare mode). */
    public List<ExperimentPanel> panels() {
        return List.copyOf(panels);
    }

    /** The experiment editor's state. */
    public ExperimentControls editor() {
        return controls;
    }

    /** Nanoseconds the last redraw of the panels took on the FX thread (building layers, not rasterising). */
    public long lastUpdateNanos() {
        return lastUpdateNanos;
    }

    /** How many published frames were drawn (stale ones skipped). */
    public long frameUpdates() {
        return frameUpdates;
    }

    /**
     * Loads {@code e} as if picked from the presets (a lecture scene opening): the fields show it, play stops
     * and training starts over from its seed.
     */
    public void load(Experiment e) {
        controls.fill(e);
        loadPreset(e);
    }

    /** Stops the timer and the worker. */
    public void dispose() {
        FxThread.run(timer::stop); // tear-downs call this from other threads
        if (afterFirstFrames != null) {
            FxThread.run(afterFirstFrames::stop);
        }
        if (session != null) {
            session.close();
        }
    }

    // ------------------------------------------------------------------ commands

    private void configure(Experiment e) {
        experimentsChanged(experimentsFor(e));
        if (session != null) {
            session().configure(experimentsFor(e));
        }
    }

    private void loadPreset(Experiment e) {
        experimentsChanged(experimentsFor(e));
        if (session != null) {
            dropOpening();
            play.setSelected(false);
            session.pause();
            session.load(experimentsFor(e));
        }
    }

    /** One experiment, or in compare mode the same one beside its JS ↔ W twin (same data, seed, networks). */
    private List<Experiment> experimentsFor(Experiment e) {
        return compare.isSelected() ? List.of(e, ObjectiveChoice.toggle(e)) : List.of(e);
    }

    private ToolBar transportBar() {
        play.setId("play");
        stepCritic.setId("step-critic");
        stepGenerator.setId("step-generator");
        stepIteration.setId("step-iteration");
        reset.setId("reset");
        speed.setId("speed");
        compare.setId("compare");
        internals.setId("show-internals");
        counter.setId("iteration-counter");
        play.textProperty().bind(Bindings.when(play.selectedProperty()).then(i18n.get("train.pause"))
                .otherwise(i18n.get("train.play")));
        bind(play, "train.play", "train.tip.play", PLAY);
        bind(stepCritic, "train.stepCritic", "train.tip.stepCritic", STEP_CRITIC);
        bind(stepGenerator, "train.stepGenerator", "train.tip.stepGenerator", STEP_GENERATOR);
        bind(stepIteration, "train.stepIteration", "train.tip.stepIteration", STEP_ITERATION);
        bind(reset, "train.reset", "train.tip.reset", RESET);
        compare.textProperty().bind(i18n.get("train.compare"));
        compare.setTooltip(tip("train.tip.compare", null));
        internals.textProperty().bind(i18n.get("train.internals"));
        internals.setTooltip(tip("train.tip.internals", null));
        speed.getItems().setAll(TrainingState.SPEEDS);
        speed.setValue(Double.POSITIVE_INFINITY);
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : v.isInfinite() ? i18n.text("train.speed.max") : i18n.text("train.speed.value", v);
            }

            @Override
            public Double fromString(String s) {
                throw new UnsupportedOperationException("speed is chosen from the list");
            }
        });
        speed.setTooltip(tip("train.tip.speed", null));
        Label speedLabel = new Label();
        speedLabel.textProperty().bind(i18n.get("train.speed"));

        play.setOnAction(e -> {
            if (session == null) {
                return;
            }
            if (play.isSelected()) {
                session().play();
            } else {
                session().pause();
            }
        });
        stepCritic.setOnAction(e -> {
            if (session == null) {
                return;
            }
            pauseFirst();
            session().stepCritic();
        });
        stepGenerator.setOnAction(e -> {
            if (session == null) {
                return;
            }
            pauseFirst();
            session().stepGenerator();
        });
        stepIteration.setOnAction(e -> {
            if (session == null) {
                return;
            }
            pauseFirst();
            session().stepIteration();
        });
        reset.setOnAction(e -> {
            if (session == null) {
                return;
            }
            pauseFirst();
            session().reset();
        });
        speed.valueProperty().addListener((o, a, b) -> {
            if (session != null && b != null) {
                session().setSpeed(b);
            }
        });
        compare.selectedProperty().addListener((o, a, on) -> {
            // The running side keeps its model, charts and history (TrainingLoop.configure): only the twin's
            // panel and rows start empty.
            if (on) {
                history.clearPanel(1);
            }
            ensurePanels(on ? 2 : 1);
            experimentsChanged(experimentsFor(controls.current()));
            if (session != null) {
                session().configure(experimentsFor(controls.current()));
            }
        });
        internals.selectedProperty().addListener((o, a, on) -> {
            for (ExperimentPanel p : panels) {
                p.setInternalsVisible(on);
            }
            if (shown != null) {
                show(shown);
            }
        });
        ToolBar bar = new ToolBar(play, stepCritic, stepGenerator, stepIteration, reset, new Separator(), speedLabel, speed,
                new Separator(), compare, internals);
        bar.setId("transport");
        counter.getStyleClass().add("section-title");
        counter.setText(i18n.text("train.counter", 0, 0, 0));
        return bar;
    }

    /** Stepping while playing first pauses, so the step is exactly one step of a stopped run. */
    private void pauseFirst() {
        if (play.isSelected()) {
            play.setSelected(false);
            session().pause();
        }
    }

    private void bind(ButtonBase b, String textKey, String tipKey, KeyCombination k) {
        if (!(b instanceof ToggleButton)) {
            b.textProperty().bind(i18n.get(textKey));
        }
        b.setTooltip(tip(tipKey, k));
    }

    private Tooltip tip(String key, KeyCombination k) {
        Tooltip t = new Tooltip();
        if (k == null) {
            t.textProperty().bind(i18n.get(key));
        } else {
            t.textProperty().bind(Bindings.concat(i18n.get(key), " (", k.getDisplayText(), ")"));
        }
        return t;
    }

    private void installShortcuts(Scene scene) {
        if (scene == null || session == null) {
            return;
        }
        scene.getAccelerators().put(PLAY, () -> play.fire());
        scene.getAccelerators().put(STEP_CRITIC, stepCritic::fire);
        scene.getAccelerators().put(STEP_GENERATOR, stepGenerator::fire);
        scene.getAccelerators().put(STEP_ITERATION, stepIteration::fire);
        scene.getAccelerators().put(RESET, reset::fire);
        scene.getAccelerators().put(TOGGLE, controls::toggleObjective);
        scene.getAccelerators().put(FORMULAS, showFormulas::fire);
    }

    private void ensurePanels(int n) {
        while (panels.size() < n) {
            ExperimentPanel p = new ExperimentPanel(i18n, themes, panels.size());
            p.setInternalsVisible(internals.isSelected());
            panels.add(p);
        }
        while (panels.size() > n) {
            panels.remove(panels.size() - 1);
        }
        List<Node> nodes = new ArrayList<>();
        for (ExperimentPanel p : panels) {
            HBox.setHgrow(p.node(), Priority.ALWAYS);
            if (p.node() instanceof javafx.scene.layout.Region r) {
                r.setMinWidth(0);
                r.prefWidthProperty().bind(panelBox.widthProperty().divide(n).subtract(10));
            }
            nodes.add(p.node());
        }
        panelBox.getChildren().setAll(nodes);
        alignedPanels.set(panels.stream().map(ExperimentPanel::grid).toList());
    }

    /** The panels' grids, whose rows line up in compare mode. */
    private final PanelGrid.Aligned alignedPanels = new PanelGrid.Aligned();

    // ------------------------------------------------------------------ drawing (FX thread)

    /**
     * One animation pulse: chart points and notices first, then the newest frame if it is new. While playing,
     * charts take their points at most every {@link #PLAYING_CHART_NANOS} and views redraw at most every
     * {@link #PLAYING_FRAME_NANOS}: with the software renderer on 2 cores, redrawing eight plots on every pulse
     * starves the training thread (measured: see docs/benchmarks.md). Stepping draws at once.
     */
    void pulse(long now) {
        boolean playing = play.isSelected();
        if (!playing) {
            if (staged != null) {
                // Paused in the middle of a staged frame: finish it at once.
                TrainingSession.Frame rest = staged;
                staged = null;
                show(rest);
            }
            drainEvents();
            TrainingSession.Frame f = session.latest();
            if (f != null && f.sequence() != lastSequence) {
                lastSequence = f.sequence();
                lastFrameNanos = now;
                show(f);
            }
            return;
        }
        // Playing: at most one group of canvases changes per pulse (one view of every panel, or the charts),
        // so the software renderer rasterises a fraction of the window per frame instead of all of it at once
        // every few frames (those frames were the slow ones, see docs/benchmarks.md).
        if (staged != null) {
            showStage();
            return;
        }
        if (now - lastChartNanos >= PLAYING_CHART_NANOS) {
            lastChartNanos = now;
            drainEvents();
            return;
        }
        TrainingSession.Frame f = session.latest();
        if (f != null && f.sequence() != lastSequence && now - lastFrameNanos >= PLAYING_FRAME_NANOS) {
            lastSequence = f.sequence();
            lastFrameNanos = now;
            staged = f;
            stage = 0;
            stagedNanos = 0;
            showStage();
        }
    }

    private void drainEvents() {
        TrainingEvent ev;
        while ((ev = session.pollEvent()) != null) {
            accept(ev);
        }
    }

    /** Draws the next view of the staged frame in every panel; the last stage completes the frame. */
    private void showStage() {
        long t0 = System.nanoTime();
        TrainingSession.Frame f = staged;
        if (stage == 0) {
            shown = f;
            ensurePanels(Math.max(f.panels().size(), 1));
            showCounterAndWarnings(f);
        }
        for (int i = 0; i < f.panels().size() && i < panels.size(); i++) {
            panels.get(i).showView(f.panels().get(i), stage);
        }
        stagedNanos += System.nanoTime() - t0;
        if (++stage >= ExperimentPanel.VIEWS) {
            staged = null;
            frameUpdates++;
            lastUpdateNanos = stagedNanos;
        }
    }

    /** Takes one session event: a chart point, a reset of the charts, or a notice. */
    public void accept(TrainingEvent ev) {
        history.accept(ev);
        switch (ev) {
            case HistoryPoint h -> {
                if (h.generation() >= shownGeneration && h.panel() < panels.size()) {
                    panels.get(h.panel()).add(h);
                }
            }
            case TrainingSession.Cleared c -> {
                shownGeneration = c.generation();
                for (ExperimentPanel p : panels) {
                    p.clear();
                }
            }
            case StepReport r -> {
                if (r.generation() >= shownGeneration && r.panel() < panels.size()) {
                    panels.get(r.panel()).step(r);
                }
                // one line for the step: panel 0's report, then the twin's appended (compare mode)
                if (r.panel() == 0) {
                    stepReports.clear();
                }
                stepReports.add(r);
                messageKey = null;
                message.setStyle("");
                message.setText(stepText());
            }
            case Notice n -> {
                stepReports.clear();
                messageKey = n.key();
                messageArgs = n.args();
                message.setStyle(n.error() ? "-fx-text-fill: #c0392b;" : "");
                message.setText(i18n.text(n.key(), EngineText.localize(i18n, n.args())));
                if (n.key().equals("train.msg.halted") || n.key().equals("train.msg.error")) {
                    // The worker stopped by itself (divergence guard, bad command): the play button follows.
                    play.setSelected(false);
                }
            }
        }
    }

    /** Draws a frame (every panel's views, the counter, the warnings). */
    public void show(TrainingSession.Frame f) {
        long t0 = System.nanoTime();
        shown = f;
        ensurePanels(Math.max(f.panels().size(), 1));
        for (int i = 0; i < f.panels().size() && i < panels.size(); i++) {
            panels.get(i).show(f.panels().get(i));
        }
        showCounterAndWarnings(f);
        frameUpdates++;
        lastUpdateNanos = System.nanoTime() - t0;
    }

    private void showCounterAndWarnings(TrainingSession.Frame f) {
        if (!f.panels().isEmpty()) {
            var s = f.panels().get(0).snapshot();
            counter.setText(i18n.text("train.counter", s.iteration(), s.criticSteps(), s.generatorSteps()));
            List<String> w = new ArrayList<>();
            for (TrainingSession.PanelState p : f.panels()) {
                var s0 = p.snapshot();
                if (s0.messages().isEmpty()) {
                    // A snapshot without codes (none from the engine today): its English warnings as they are.
                    w.addAll(s0.warnings());
                } else {
                    for (var m : s0.messages()) {
                        w.add(EngineText.of(i18n, m));
                    }
                }
            }
            warnings.setText(w.isEmpty() ? "" : i18n.text("train.warnings", String.join("; ", w)));
        }
    }

    // ------------------------------------------------------------------ lecturer tools

    private void installLecturerTools(Experiment start) {
        showFormulas.setId("show-formulas");
        showFormulas.textProperty().bind(i18n.get("train.formulas"));
        showFormulas.setTooltip(tip("train.tip.formulas", FORMULAS));
        showFormulas.selectedProperty().addListener((o, a, on) -> root.setRight(on ? formulas.node() : null));
        if (root.getTop() instanceof ToolBar bar) {
            bar.getItems().add(showFormulas);
        }
        formulas.followWidth(root.widthProperty());
        experimentsChanged(List.of(start));
    }

    /** The experiments shown changed (a preset, an edit, the JS ↔ W toggle, compare on or off). */
    private void experimentsChanged(List<Experiment> shownNow) {
        formulas.show(shownNow);
        for (int i = 0; i < shownNow.size(); i++) {
            history.setObjective(i, shownNow.get(i).objective().describe());
        }
    }

    /** The formula panel (shown beside the panels while {@link #formulasVisible()}). */
    public TrainingFormulas formulas() {
        return formulas;
    }

    public boolean formulasVisible() {
        return showFormulas.isSelected();
    }

    public void setFormulasVisible(boolean on) {
        showFormulas.setSelected(on);
    }

    /** The transport tool bar (presentation mode retracts it). */
    public ToolBar transportToolBar() {
        return (ToolBar) root.getTop();
    }

    /** Every chart point at full resolution (the CSV export's source). */
    public TrainingHistory history() {
        return history;
    }

    /**
     * The state of this view: the editor's experiment, compare / internals / formulas / speed and the iterations
     * done; scene, tab and presentation are the main window's (null, "training", false here).
     */
    public TrainingState state() {
        TrainingSession.Frame f = session == null ? shown : session.latest();
        long iterations = f == null ? 0 : f.iteration();
        Double sp = speed.getValue();
        return new TrainingState(controls.current(), null, "training", compare.isSelected(), internals.isSelected(),
                showFormulas.isSelected(), sp == null ? Double.POSITIVE_INFINITY : sp, false, iterations);
    }

    /**
     * Shows a saved state: layout first, then the experiment starts over from its seed and the saved iterations
     * are replayed as one command (play stops; the replay path of a scene's opening: full evaluations only as
     * the views need them, not one per iteration). Scene, tab and presentation are the main window's.
     */
    public void apply(TrainingState s) {
        if (compare.isSelected() != s.compare()) {
            compare.setSelected(s.compare());
        }
        if (internals.isSelected() != s.internals()) {
            internals.setSelected(s.internals());
        }
        showFormulas.setSelected(s.formulas());
        speed.setValue(s.speed());
        load(s.experiment());
        if (session != null && s.iterations() > 0) {
            session().stepIterations(s.iterations());
        }
    }

    /** Writes every chart point as CSV ({@link TrainingHistory#HEADER}) on the file thread; true when written. */
    public java.util.concurrent.CompletableFuture<Boolean> exportCsv(java.nio.file.Path file) {
        TrainingHistory copy = history.copy();
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                org.divergencelab.io.AtomicFiles.writeString(file, copy.csv());
                return (String) null;
            } catch (java.io.IOException | RuntimeException e) {
                return file + ": " + e.getMessage();
            }
        }, org.divergencelab.ui.util.Background.io()).thenApplyAsync(err -> {
            accept(err == null ? new Notice("train.msg.csvExported", false, file.toString())
                    : new Notice("train.msg.csvFailed", true, err));
            return err == null;
        }, javafx.application.Platform::runLater);
    }

    /**
     * The message line after a single step: "Step D: D loss 0.693 → 0.512; JS estimate 0.010 → 0.052" or "Step G:
     * G loss … → …, mean sample shift 0.034"; in compare mode both panels, by objective.
     */
    private String stepText() {
        List<String> parts = new ArrayList<>();
        for (StepReport r : stepReports) {
            String before = Double.isFinite(r.lossBefore()) ? i18n.text("train.msg.stepValue", r.lossBefore()) : "—";
            String text = r.critic()
                    ? i18n.text("train.msg.stepD", before, r.lossAfter(), r.estimated().label(), r.estimateBefore(),
                            r.estimateAfter())
                    : i18n.text("train.msg.stepG", before, r.lossAfter(), r.meanShift());
            if (stepReports.size() > 1 && r.panel() < panels.size() && panels.get(r.panel()).shownExperiment() != null) {
                text = panels.get(r.panel()).shownExperiment().objective().describe() + ": " + text;
            }
            parts.add(text);
        }
        return String.join("  |  ", parts);
    }

    private void relabel() {
        for (ExperimentPanel p : panels) {
            p.relabel();
        }
        // the speed box shows its chosen value through the converter: set it again so "flat out" follows the language
        javafx.util.StringConverter<Double> speeds = speed.getConverter();
        speed.setConverter(null);
        speed.setConverter(speeds);
        if (shown != null) {
            show(shown);
        } else {
            counter.setText(i18n.text("train.counter", 0, 0, 0));
        }
        if (messageKey != null) {
            message.setText(i18n.text(messageKey, EngineText.localize(i18n, messageArgs)));
        } else if (!stepReports.isEmpty()) {
            message.setText(stepText());
        }
    }
}

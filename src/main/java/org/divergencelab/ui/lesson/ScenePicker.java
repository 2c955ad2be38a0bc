package org.divergencelab.ui.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Menu;
import javafx.scene.control.Alert;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.FileChooser;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.GridPane;

import org.divergencelab.lesson.Scene;
import org.divergencelab.io.StateFileException;
import org.divergencelab.lesson.SceneFigure;
import org.divergencelab.lesson.SceneFiles;
import org.divergencelab.lesson.Scenes;
import org.divergencelab.training.TrainingSession;
import org.divergencelab.ui.plot.LineChart;
import org.divergencelab.ui.shell.Settings;
import org.divergencelab.ui.shell.Shell;
import org.divergencelab.ui.train.TrainingView;

/**
 * The "Scenes" menu of the main window: opening a scene switches to its tab (training or sandbox), applies its
 * experiment or sandbox state, hides the controls it hides, and shows its caption bar in the current language.
 * A training scene's opening iterations run on the session's worker (one command; the caption shows the progress
 * and the views redraw as frames arrive); a scene's figure is computed on its own daemon thread. The FX thread
 * only draws.
 */
public final class ScenePicker {
    private static final String[] MENU = {"Scenes", "課程場景", "课程场景"};
    private static final String[] OPEN_FILE = {"Open scene…", "開啟課程場景…", "打开课程场景…"};

    private final Shell window;
    private final SceneCaption caption;
    private final Menu menu = new Menu();
    private final MenuItem openFile = new MenuItem();
    private final List<Node> hiddenByScene = new ArrayList<>();
    private final List<LineChart> loggedByScene = new ArrayList<>();
    /** Counts openings: a figure or warm-up watcher of an older opening stops. */
    private final AtomicLong opening = new AtomicLong();
    private AnimationTimer warmupWatch;
    /** Watches whether the user left the open scene (another preset, data or sandbox state). */
    private final AnimationTimer leaveWatch;
    private final javafx.beans.property.BooleanProperty lecture =
            new javafx.beans.property.SimpleBooleanProperty(this, "lecture", false);
    /**
     * The scenes in lecture order; null until the catalogue landed. The catalogue ({@link Scenes}: every scene
     * file parsed, the first JSON parse with its class loading, the user folder read) is read on its own thread
     * at install, so the window does not wait for it; the menu is filled when it lands.
     */
    private List<Scene> order;
    /** What asked for the scenes before they landed (lecture mode, next, previous), run in order when they do. */
    private final List<Runnable> waiting = new ArrayList<>();
    private final CompletableFuture<List<Scene>> loaded = new CompletableFuture<>();
    /** A prediction's deferred opening training (runs once the student answered). */
    private Runnable pendingPlay;

    private ScenePicker(Shell window) {
        this.window = window;
        this.caption = new SceneCaption(window.i18n(), window.themes());
        this.leaveWatch = new AnimationTimer() {
            @Override
            public void handle(long now) {
                Scene s = caption.scene();
                if (s != null && left(s)) {
                    close();
                }
            }
        };
    }

    /** Adds the menu (after the window's last menu) and the caption bar (below the tool bar) to {@code window}. */
    public static ScenePicker install(Shell window) {
        ScenePicker p = new ScenePicker(window);
        p.menu.setId("menu-scenes");
        p.loadCatalogue();
        // A lecturer's scene file dropped into the user folder shows the next time the menu opens: the folder is
        // read off the FX thread and the items replaced when it changed.
        p.menu.setOnShowing(e -> p.refresh());
        MenuItem lectureItem = new MenuItem();
        lectureItem.setId("menu-lecture");
        lectureItem.textProperty().bind(window.i18n().get("lecture.menu"));
        lectureItem.setAccelerator(LECTURE);
        lectureItem.setOnAction(e -> p.setLecture(!p.isLecture()));
        // in the View menu: the Scenes menu lists exactly the scenes, in lecture order
        window.viewMenu().getItems().add(lectureItem);
        window.addMenu(p.menu);
        p.openFile.setId("menu-open-scene");
        p.openFile.setOnAction(e -> p.chooseFile());
        window.fileMenu().getItems().add(p.openFile);
        window.addBar(p.caption.node());
        p.caption.navigatingProperty().bind(p.lecture);
        p.caption.closeButton().setOnAction(e -> p.close());
        Settings settings = window.settings();
        p.caption.foldedProperty().set(settings.get(Settings.CAPTION_FOLDED, false));
        p.caption.foldedProperty().addListener((o, a, on) -> settings.put(Settings.CAPTION_FOLDED, on));
        // the caption belongs to its scene's tab: it steps aside while another tab shows
        window.selectedViewProperty().addListener((o, a, b) -> p.followTab());
        window.root().sceneProperty().addListener((o, a, scene) -> p.installKeys(scene));
        p.installKeys(window.root().getScene());
        // the texts never take more than a fifth of the window: the plots below keep their room
        if (window.root() instanceof javafx.scene.layout.Region r) {
            r.heightProperty().addListener((o, a, h) -> p.caption.maxBodyHeightProperty().set(
                    Math.max(48, 0.2 * h.doubleValue())));
        }
        window.i18n().localeProperty().addListener((o, a, b) -> p.relabel());
        p.relabel();
        p.leaveWatch.start();
        return p;
    }

    /** Shortcut+L: the lecture mode on and off. */
    public static final javafx.scene.input.KeyCombination LECTURE =
            javafx.scene.input.KeyCombination.keyCombination("Shortcut+L");
    /** Keys that go to the next scene in the lecture mode (a presenter clicker sends PageDown). */
    public static final List<javafx.scene.input.KeyCode> NEXT_KEYS =
            List.of(javafx.scene.input.KeyCode.RIGHT, javafx.scene.input.KeyCode.PAGE_DOWN);
    /** Keys that go to the previous scene in the lecture mode (a presenter clicker sends PageUp). */
    public static final List<javafx.scene.input.KeyCode> PREVIOUS_KEYS =
            List.of(javafx.scene.input.KeyCode.LEFT, javafx.scene.input.KeyCode.PAGE_UP);

    /** True while the lecture mode walks the scenes. */
    public javafx.beans.property.BooleanProperty lectureProperty() {
        return lecture;
    }

    public boolean isLecture() {
        return lecture.get();
    }

    /** Turns the lecture mode on (opening the scene shown, or the first) or off (the caption stays). */
    public void setLecture(boolean on) {
        lecture.set(on);
        if (on) {
            whenLoaded(() -> {
                if (lecture.get() && !order.isEmpty()) {
                    open(current() != null ? current() : order.get(0));
                }
            });
        }
    }

    /** The lecture mode from the first scene. */
    public void startLecture() {
        lecture.set(true);
        whenLoaded(() -> {
            if (lecture.get() && !order.isEmpty()) {
                open(order.get(0));
            }
        });
    }

    /** Opens the scene after the current one in lecture order (none after the last). */
    public void next() {
        whenLoaded(() -> {
            int i = current() == null ? -1 : order.indexOf(current());
            if (i + 1 < order.size()) {
                open(order.get(i + 1));
            }
        });
    }

    /** Opens the scene before the current one in lecture order (none before the first). */
    public void previous() {
        whenLoaded(() -> {
            int i = current() == null ? order.size() : order.indexOf(current());
            if (i - 1 >= 0) {
                open(order.get(i - 1));
            }
        });
    }

    /**
     * Reads the catalogue on the "scene-catalogue" thread; on the FX thread, when it lands: the menu, the lecture
     * strip, then what waited for it. A caller elsewhere that needs a scene before then ({@code Scenes.get} for
     * {@code -Ddivergencelab.scene}, a test) waits for the same read: the JVM runs a class's initialiser once and
     * holds every other thread until it is done.
     */
    private void loadCatalogue() {
        CompletableFuture.supplyAsync(() -> new Catalogue(Scenes.all(), Scenes.problems()), r -> {
            Thread t = new Thread(r, "scene-catalogue");
            t.setDaemon(true);
            t.start();
        }).whenComplete((c, error) -> Platform.runLater(() -> {
            if (error != null) {
                // the built-in scenes failed to load (a bug in a resource): say so in the menu instead of failing the window
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                catalogueLoaded(new Catalogue(List.of(), List.of("scenes not loaded: " + cause)));
            } else {
                catalogueLoaded(c);
            }
        }));
    }

    /** The scenes in lecture order and the user files left out (their messages), as read at start-up. */
    private record Catalogue(List<Scene> all, List<String> problems) {
    }

    private void catalogueLoaded(Catalogue c) {
        order = c.all();
        fill(c.all(), c.problems());
        caption.navigation(order, this::previous, this::next, k -> open(order.get(k)));
        List<Runnable> run = List.copyOf(waiting);
        waiting.clear();
        try {
            for (Runnable r : run) {
                r.run();
            }
        } finally {
            loaded.complete(order);
        }
    }

    /** Runs {@code r} now if the catalogue is here, else when it lands (FX thread, in the order asked). */
    private void whenLoaded(Runnable r) {
        if (order != null) {
            r.run();
        } else {
            waiting.add(r);
        }
    }

    /**
     * Completes on the FX thread once the catalogue is in the menu and the lecture order (tests, tools that
     * need the menu filled); the scenes in lecture order.
     */
    public CompletableFuture<List<Scene>> loaded() {
        return loaded;
    }

    /** Closes the scene: its caption goes, its hidden controls come back, the lecture mode ends. */
    public void close() {
        restoreControls();
        opening.incrementAndGet();
        stopWarmupWatch();
        pendingPlay = null;
        caption.show(null);
        lecture.set(false);
    }

    private void followTab() {
        Scene s = caption.scene();
        caption.setShowing(s != null && tabOf(s).equals(window.selectedView()));
    }

    private static String tabOf(Scene s) {
        return s.mode() == Scene.Mode.SANDBOX ? "sandbox" : "training";
    }

    /**
     * True when the user changed the experiment or state so that it no longer is {@code s}'s: another preset or
     * data set (training); another preset, file, plan or dimension (sandbox). Tweaking a scene's settings or
     * dragging its distributions stays in it.
     */
    private boolean left(Scene s) {
        if (s.mode() == Scene.Mode.TRAINING) {
            org.divergencelab.gan.Experiment now = window.training().editor().current();
            return now != null && (!now.name().equals(s.experiment().name()) || !now.data().equals(s.experiment().data()));
        }
        org.divergencelab.sandbox.SandboxState now = window.sandbox().state();
        org.divergencelab.sandbox.SandboxState was = s.sandbox();
        // dragging moves a distribution (same family, other numbers); a preset or a file replaces them
        return now != null && (!now.hidden().equals(was.hidden()) || now.plan() != was.plan()
                || now.dimension() != was.dimension() || !family(now.p()).equals(family(was.p()))
                || !family(now.q()).equals(family(was.q())));
    }

    /** A spec's family: the text before its parameters ({@code segment} of {@code segment(0,0,0,1)}). */
    private static String family(String spec) {
        int k = spec.indexOf('(');
        return (k < 0 ? spec : spec.substring(0, k)).trim();
    }

    /**
     * →/PageDown and ←/PageUp walk the scenes while the lecture mode is on, unless a control that uses the
     * arrows (a text field, slider, list, combo or spinner) has the focus.
     */
    private void installKeys(javafx.scene.Scene scene) {
        if (scene == null || scene.getProperties().containsKey(ScenePicker.class)) {
            return;
        }
        scene.getProperties().put(ScenePicker.class, this);
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (!lecture.get() || e.isShortcutDown() || e.isAltDown() || e.isShiftDown()) {
                return;
            }
            boolean fwd = NEXT_KEYS.contains(e.getCode());
            boolean back = PREVIOUS_KEYS.contains(e.getCode());
            if (!fwd && !back) {
                return;
            }
            Node f = scene.getFocusOwner();
            if (f instanceof javafx.scene.control.TextInputControl || f instanceof javafx.scene.control.Slider
                    || f instanceof javafx.scene.control.ComboBoxBase || f instanceof javafx.scene.control.Spinner
                    || f instanceof javafx.scene.control.ListView || f instanceof javafx.scene.control.TableView) {
                return;
            }
            if (fwd) {
                next();
            } else {
                previous();
            }
            e.consume();
        });
    }


    /** Re-reads the user scenes folder on a daemon thread; the menu items follow when it changed. */
    public CompletableFuture<Void> refresh() {
        return CompletableFuture.runAsync(() -> {
            if (Scenes.reload()) {
                List<Scene> all = Scenes.all();
                List<String> problems = Scenes.problems();
                Platform.runLater(() -> fill(all, problems));
            }
        }, r -> {
            Thread t = new Thread(r, "scene-folder");
            t.setDaemon(true);
            t.start();
        });
    }

    /** One item per scene, then one disabled item per user file left out (its message), so nothing fails silently. */
    private void fill(List<Scene> scenes, List<String> problems) {
        List<MenuItem> items = new ArrayList<>();
        for (Scene s : scenes) {
            MenuItem item = new MenuItem();
            item.setId("scene-" + s.id());
            item.setUserData(s);
            item.setOnAction(e -> open(s));
            items.add(item);
        }
        if (!problems.isEmpty()) {
            items.add(new SeparatorMenuItem());
        }
        int k = 0;
        for (String msg : problems) {
            MenuItem bad = new MenuItem("\u26a0 " + msg);
            bad.setId("scene-problem-" + k++);
            bad.setDisable(true);
            items.add(bad);
        }
        menu.getItems().setAll(items);
        relabel();
    }

    /** File → Open scene…: a scene file anywhere, read off the FX thread; a bad file gives its message. */
    private void chooseFile() {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scene (*.json)", "*.json"));
        java.io.File f = fc.showOpenDialog(window.root().getScene().getWindow());
        if (f != null) {
            openFile(f.toPath());
        }
    }

    /** Reads the scene file {@code file} off the FX thread and opens it; a bad file shows its message in an alert. */
    public CompletableFuture<Scene> openFile(Path file) {
        CompletableFuture<Scene> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                Scene s = SceneFiles.read(file);
                Platform.runLater(() -> {
                    open(s);
                    done.complete(s);
                });
            } catch (StateFileException | RuntimeException ex) {
                Platform.runLater(() -> {
                    Alert a = new Alert(Alert.AlertType.ERROR, ex.getMessage());
                    a.setHeaderText(OPEN_FILE[language()]);
                    a.show();
                    done.completeExceptionally(ex);
                });
            }
        }, "scene-file");
        t.setDaemon(true);
        t.start();
        return done;
    }

    private int language() {
        Locale l = window.i18n().getLocale();
        return "zh".equals(l.getLanguage()) ? ("TW".equals(l.getCountry()) ? 1 : 2) : 0;
    }

    /** The menu listing the scenes. */
    public Menu menu() {
        return menu;
    }

    /** The caption bar. */
    public SceneCaption caption() {
        return caption;
    }

    /** The scene open now, or null. */
    public Scene current() {
        return caption.scene();
    }

    private void relabel() {
        Locale l = window.i18n().getLocale();
        int k = language();
        menu.setText(MENU[k]);
        openFile.setText(OPEN_FILE[k]);
        for (MenuItem item : menu.getItems()) {
            if (item.getUserData() instanceof Scene s) {
                item.setText(s.id() + "  " + s.title().in(l));
            }
        }
    }

    /** Opens {@code s}: its tab, its experiment or state, its hidden controls and its caption. */
    public void open(Scene s) {
        restoreControls();
        long token = opening.incrementAndGet();
        stopWarmupWatch();
        pendingPlay = null;
        caption.show(s);
        // In the lecture mode a stop with a prediction asks first; its opening training runs once answered.
        Prediction ask = lecture.get() ? Prediction.of(s.id()) : null;
        if (ask != null) {
            caption.showPrediction(ask, () -> {
                Runnable go = pendingPlay;
                pendingPlay = null;
                if (go != null) {
                    go.run();
                }
            });
        }
        if (s.mode() == Scene.Mode.SANDBOX) {
            window.sandbox().setState(s.sandbox(), window.i18n().text("sandbox.preset.scene", s.id(),
                    s.title().in(window.i18n().getLocale())));
            window.selectView("sandbox");
            if (s.figure() != SceneFigure.NONE && caption.figure() != null) {
                computeFigure(s, token);
            }
        } else {
            TrainingView v = window.training();
            v.load(s.experiment());
            ToggleButton internals = (ToggleButton) find(v.node(), "show-internals");
            if (internals != null && internals.isSelected() != s.view().equals("internals")) {
                internals.fire();
            }
            for (String id : s.hidden()) {
                Node n = find(v.node(), id);
                if (n == null) {
                    n = find(v.controls(), id);
                }
                if (n == null) {
                    throw new IllegalStateException("scene " + s.id() + " hides '" + id + "' but the training view has no such control");
                }
                hide(n);
            }
            for (LineChart c : gradientCharts(v.node(), s)) {
                c.axes().setLogY(true);
                c.invalidate();
                loggedByScene.add(c);
            }
            if (v.session() != null && s.iterations() > 0) {
                Runnable warm = () -> {
                    v.session().stepIterations(s.iterations());
                    watchWarmup(v.session(), s);
                };
                if (ask != null) {
                    pendingPlay = warm;
                } else {
                    warm.run();
                }
            }
            window.selectView("training");
            if (s.figure() != SceneFigure.NONE && caption.figure() != null) {
                computeFigure(s, token);
            }
        }
    }

    private void restoreControls() {
        for (Node n : hiddenByScene) {
            n.setVisible(true);
            n.setManaged(true);
        }
        hiddenByScene.clear();
        for (LineChart c : loggedByScene) {
            c.axes().setLogY(false);
            c.invalidate();
        }
        loggedByScene.clear();
    }

    private void stopWarmupWatch() {
        if (warmupWatch != null) {
            warmupWatch.stop();
            warmupWatch = null;
        }
    }

    /**
     * The charts that get a log y axis in scene {@code s}: the per-layer gradient norms of the internals view
     * (they span orders of magnitude: vanishing at small clip c, exploding at large c).
     */
    static List<LineChart> gradientCharts(Node root, Scene s) {
        List<LineChart> out = new ArrayList<>();
        if (s.mode() == Scene.Mode.TRAINING && s.view().equals("internals")) {
            collect(root, out);
        }
        return out;
    }

    private static void collect(Node n, List<LineChart> out) {
        if (n instanceof LineChart c && c.getId() != null && c.getId().endsWith("internals-gradients")) {
            out.add(c);
        }
        if (n instanceof Parent p) {
            for (Node k : p.getChildrenUnmodifiable()) {
                collect(k, out);
            }
        }
        if (n instanceof ScrollPane sp && sp.getContent() != null) {
            collect(sp.getContent(), out);
        }
    }

    /** Shows the opening training's progress in the caption until the session's frame reaches it. */
    private void watchWarmup(TrainingSession session, Scene s) {
        caption.warmup(0, s.iterations());
        warmupWatch = new AnimationTimer() {
            @Override
            public void handle(long now) {
                TrainingSession.Frame f = session.latest();
                if (f == null || f.panels().isEmpty() || !f.panels().get(0).experiment().name().equals(s.experiment().name())) {
                    return;
                }
                long it = f.iteration();
                caption.warmup(it, s.iterations());
                if (it >= s.iterations() || f.panels().get(0).snapshot().halted()) {
                    caption.warmup(s.iterations(), s.iterations());
                    stop();
                }
            }
        };
        warmupWatch.start();
    }

    /** Computes {@code s}'s figure on a daemon thread; results of an older opening are dropped. */
    private void computeFigure(Scene s, long token) {
        SceneFigureView view = caption.figure();
        double[] shown = {0};
        Thread t = new Thread(() -> {
            try {
                SceneFigure.Data d = s.figure().compute(s, f -> {
                    if (opening.get() != token) {
                        throw new CancellationException("another scene was opened");
                    }
                    if (f - shown[0] >= 0.01 || f >= 1) {
                        shown[0] = f;
                        Platform.runLater(() -> {
                            if (opening.get() == token) {
                                view.progress(f);
                            }
                        });
                    }
                });
                Platform.runLater(() -> {
                    if (opening.get() == token) {
                        view.show(d);
                    }
                });
            } catch (CancellationException stale) {
                // a newer scene replaced this one: nothing to show
            } catch (RuntimeException e) {
                Platform.runLater(() -> {
                    if (opening.get() == token) {
                        view.failed(String.valueOf(e.getMessage()));
                    }
                });
            }
        }, "scene-figure-" + s.id());
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Hides {@code n}, and in a form grid its label too (the whole row). */
    private void hide(Node n) {
        List<Node> row = new ArrayList<>(List.of(n));
        if (n.getParent() instanceof GridPane g) {
            Integer r = GridPane.getRowIndex(n);
            for (Node c : g.getChildren()) {
                if (c != n && java.util.Objects.equals(GridPane.getRowIndex(c), r)) {
                    row.add(c);
                }
            }
        }
        for (Node x : row) {
            if (x.isVisible()) {
                x.setVisible(false);
                x.setManaged(false);
                hiddenByScene.add(x);
            }
        }
    }

    /** The node with this id under {@code root}, looking into scroll panes and tool bars before their skins exist. */
    static Node find(Node root, String id) {
        if (root == null) {
            return null;
        }
        if (id.equals(root.getId())) {
            return root;
        }
        List<Node> kids = new ArrayList<>();
        if (root instanceof ScrollPane sp && sp.getContent() != null) {
            kids.add(sp.getContent());
        }
        if (root instanceof ToolBar tb) {
            kids.addAll(tb.getItems());
        }
        if (root instanceof Parent p) {
            kids.addAll(p.getChildrenUnmodifiable());
        }
        for (Node k : kids) {
            Node f = find(k, id);
            if (f != null) {
                return f;
            }
        }
        return null;
    }
}

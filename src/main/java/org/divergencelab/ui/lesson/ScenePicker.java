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

    private ScenePicker(Shell window) {
        this.window = window;
        this.caption = new SceneCaption(window.i18n(), window.themes());
    }

    /** Adds the menu (after the window's last menu) and the caption bar (below the tool bar) to {@code window}. */
    public static ScenePicker install(Shell window) {
        ScenePicker p = new ScenePicker(window);
        p.menu.setId("menu-scenes");
        p.fill(Scenes.all(), Scenes.problems());
        // A lecturer's scene file dropped into the user folder shows the next time the menu opens: the folder is
        // read off the FX thread and the items replaced when it changed.
        p.menu.setOnShowing(e -> p.refresh());
        window.addMenu(p.menu);
        p.openFile.setId("menu-open-scene");
        p.openFile.setOnAction(e -> p.chooseFile());
        window.fileMenu().getItems().add(p.openFile);
        window.addBar(p.caption.node());
        window.i18n().localeProperty().addListener((o, a, b) -> p.relabel());
        p.relabel();
        return p;
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
        long token = opening.incrementAndGet();
        if (warmupWatch != null) {
            warmupWatch.stop();
            warmupWatch = null;
        }
        caption.show(s);
        if (s.mode() == Scene.Mode.SANDBOX) {
            window.sandbox().setState(s.sandbox());
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
                v.session().stepIterations(s.iterations());
                watchWarmup(v.session(), s);
            }
            window.selectView("training");
            if (s.figure() != SceneFigure.NONE && caption.figure() != null) {
                computeFigure(s, token);
            }
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

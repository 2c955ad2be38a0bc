package org.divergencelab.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import javafx.application.Platform;
import javafx.geometry.Side;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.divergencelab.io.StateFileException;
import org.divergencelab.lesson.Scene;
import org.divergencelab.io.StateFiles;
import org.divergencelab.lesson.Scenes;
import org.divergencelab.training.Notice;
import org.divergencelab.training.TrainingState;
import org.divergencelab.training.TrainingStateFile;
import org.divergencelab.ui.shell.Shell;
import org.divergencelab.ui.theme.PresentationMode;
import org.divergencelab.ui.train.TrainingView;
import org.divergencelab.ui.util.Background;

/**
 * The lecturer's tools of the main window: the app-wide {@link PresentationMode}'s menu item and its hold on the
 * views (the training view's transport bar and the sandbox's controls retract; the window registers its own
 * bars), the formula panel's menu item, and the training state's save / open and CSV export (File menu).
 * File work runs on {@link Background#io()}; results and errors come back to the FX thread, and a file that
 * cannot be loaded leaves everything as it was and says why in the training view's message line and the
 * status bar. They reach the window only through its {@link Shell}.
 *
 * <p>Start-up properties (for screenshots and rehearsals): {@code divergencelab.scene=S9} opens a lecture
 * scene, {@code divergencelab.formulas=show} shows the formula panel, {@code divergencelab.presentation=on}
 * starts presenting once the window is shown.
 */
public final class LecturerTools {
    /** Save and open the training state. */
    static final KeyCombination SAVE = KeyCombination.keyCombination("Shortcut+S");
    static final KeyCombination OPEN = KeyCombination.keyCombination("Shortcut+O");

    private final Shell window;
    private final PresentationMode presentation;

    private LecturerTools(Shell window, PresentationMode presentation) {
        this.window = window;
        this.presentation = presentation;
    }

    /**
     * Adds the tools to {@code window}, whose presentation mode (already retracting the window's own bars) is
     * {@code presentation}.
     */
    static LecturerTools install(Shell window, PresentationMode presentation) {
        LecturerTools t = new LecturerTools(window, presentation);
        TrainingView training = window.training();
        t.presentation.autoHide(Side.TOP, training.transportToolBar(), true, training.transportToolBar());
        t.addMenuItems();
        t.startupProperties();
        return t;
    }

    /** The app-wide presentation mode. */
    public PresentationMode presentation() {
        return presentation;
    }

    private void addMenuItems() {
        Menu file = window.fileMenu();
        MenuItem save = item("menu.file.saveTraining", "menu-save-training");
        save.setAccelerator(SAVE);
        save.setOnAction(e -> choose(true, "dialog.saveTraining", StateFiles.SAVE_PATTERN)
                .map(StateFiles::withExtension).ifPresent(this::saveTrainingState));
        MenuItem open = item("menu.file.openTraining", "menu-open-training");
        open.setAccelerator(OPEN);
        open.setOnAction(e -> choose(false, "dialog.openTraining", StateFiles.OPEN_PATTERNS)
                .ifPresent(this::loadTrainingState));
        MenuItem csv = item("menu.file.exportTrainingCsv", "menu-export-training-csv");
        csv.setOnAction(e -> choose(true, "dialog.exportTrainingCsv", "*.csv").ifPresent(f -> {
            window.training().exportCsv(f).thenAccept(ok -> window.setStatus(ok
                    ? window.i18n().format("status.exported", f.toString())
                    : window.i18n().format("status.exportFailed", f.toString())));
        }));
        int at = Math.min(2, file.getItems().size());
        file.getItems().addAll(at, java.util.List.of(new SeparatorMenuItem(), open, save, csv));

        Menu view = window.viewMenu();
        CheckMenuItem present = new CheckMenuItem();
        present.setId("menu-presentation");
        present.textProperty().bind(window.i18n().get("menu.view.presentation"));
        present.setAccelerator(PresentationMode.SHORTCUT);
        present.selectedProperty().bindBidirectional(presentation.activeProperty());
        CheckMenuItem formulas = new CheckMenuItem();
        formulas.setId("menu-formulas");
        formulas.textProperty().bind(window.i18n().get("menu.view.formulas"));
        formulas.setSelected(window.training().formulasVisible());
        formulas.setOnAction(e -> window.training().setFormulasVisible(formulas.isSelected()));
        window.training().formulas().node().parentProperty().addListener((o, a, b) -> formulas.setSelected(b != null));
        view.getItems().addAll(0, java.util.List.of(present, formulas, new SeparatorMenuItem()));
    }

    private MenuItem item(String key, String id) {
        MenuItem m = new MenuItem();
        m.setId(id);
        m.textProperty().bind(window.i18n().get(key));
        return m;
    }

    private java.util.Optional<Path> choose(boolean save, String titleKey, String... patterns) {
        FileChooser fc = new FileChooser();
        fc.titleProperty().bind(window.i18n().get(titleKey));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(String.join(", ", patterns), patterns));
        Window w = window.root().getScene() == null ? null : window.root().getScene().getWindow();
        File f = save ? fc.showSaveDialog(w) : fc.showOpenDialog(w);
        return java.util.Optional.ofNullable(f).map(File::toPath);
    }

    // ------------------------------------------------------------------ training state

    /** The whole training state now: the training view's, plus the open training scene, the tab and presentation. */
    public TrainingState currentTrainingState() {
        Scene s = window.currentScene();
        String tabId = window.selectedView() == null ? "training" : window.selectedView();
        return window.training().state().withScene(s != null && s.mode() == Scene.Mode.TRAINING ? s.id() : null)
                .withTab(tabId).withPresentation(presentation.isActive());
    }

    /** Saves {@link #currentTrainingState()} on the file thread; completes with true once written. */
    public CompletableFuture<Boolean> saveTrainingState(Path file) {
        TrainingState s = currentTrainingState();
        return CompletableFuture.supplyAsync(() -> {
            try {
                TrainingStateFile.save(s, file);
                return (String) null;
            } catch (IOException | RuntimeException e) {
                return file + ": " + e.getMessage();
            }
        }, Background.io()).thenApplyAsync(err -> {
            report(err == null ? new Notice("train.msg.stateSaved", false, file.toString())
                    : new Notice("train.msg.stateSaveFailed", true, err));
            return err == null;
        }, Platform::runLater);
    }

    /**
     * Loads a training state on the file thread and applies it on the FX thread; a broken, newer or
     * inapplicable file (unknown scene or tab) leaves the current state and says why. Completes with true when
     * applied.
     */
    public CompletableFuture<Boolean> loadTrainingState(Path file) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return (Object) TrainingStateFile.load(file);
            } catch (StateFileException e) {
                return e.getMessage();
            }
        }, Background.io()).thenApplyAsync(r -> {
            String err = r instanceof TrainingState s ? applyTrainingState(s, file.toString()) : (String) r;
            report(err == null ? new Notice("train.msg.stateLoaded", false, file.toString())
                    : new Notice("train.msg.stateLoadFailed", true, err));
            return err == null;
        }, Platform::runLater);
    }

    /**
     * Applies a loaded state, after checking what only the window can check (the scene exists and is a
     * training scene, the tab exists); returns null when applied, else the reason (nothing was changed).
     */
    String applyTrainingState(TrainingState s, String source) {
        Scene scene = null;
        if (s.scene() != null) {
            if (!Scenes.ids().contains(s.scene())) {
                return source + ": unknown scene '" + s.scene() + "' (this build has " + Scenes.ids() + ")";
            }
            scene = Scenes.get(s.scene());
            if (scene.mode() != Scene.Mode.TRAINING) {
                return source + ": scene " + s.scene() + " is a sandbox scene; a training state names training scenes";
            }
        }
        if (!window.hasView(s.tab())) {
            return source + ": unknown view '" + s.tab() + "' in layout.tab";
        }
        if (scene != null) {
            window.openScene(scene); // caption and hidden controls; the state's experiment replaces its own
        }
        window.training().apply(s);
        window.selectView(s.tab());
        presentation.setActive(s.presentation());
        return null;
    }

    private void report(Notice n) {
        window.training().accept(n);
        window.setStatus(window.i18n().format(n.key(), n.args()));
    }

    private void startupProperties() {
        String scene = System.getProperty("divergencelab.scene");
        String formulas = System.getProperty("divergencelab.formulas");
        String present = System.getProperty("divergencelab.presentation");
        if (formulas != null && !formulas.equals("show") && !formulas.equals("hide")) {
            throw new IllegalArgumentException("divergencelab.formulas must be show or hide, got '" + formulas + "'");
        }
        if (present != null && !present.equals("on") && !present.equals("off")) {
            throw new IllegalArgumentException("divergencelab.presentation must be on or off, got '" + present + "'");
        }
        if (scene != null && !Scenes.ids().contains(scene)) {
            throw new IllegalArgumentException("divergencelab.scene must be one of " + Scenes.ids() + ", got '" + scene + "'");
        }
        if (scene == null && formulas == null && !"on".equals(present)) {
            return;
        }
        // after the window is shown (and after LabApp selected its start tab)
        window.root().sceneProperty().addListener((o, a, sc) -> {
            if (sc == null) {
                return;
            }
            sc.windowProperty().addListener((o2, a2, w) -> {
                if (w == null) {
                    return;
                }
                w.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> Platform.runLater(() -> {
                    if (scene != null) {
                        window.openScene(Scenes.get(scene));
                    }
                    if (formulas != null) {
                        window.training().setFormulasVisible(formulas.equals("show"));
                    }
                    if ("on".equals(present)) {
                        presentation.setActive(true);
                    }
                }));
            });
        });
    }
}

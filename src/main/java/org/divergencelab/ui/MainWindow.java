package org.divergencelab.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.plot.PlotWidget;
import org.divergencelab.ui.sandbox.SandboxView;
import org.divergencelab.ui.shell.Shell;
import org.divergencelab.ui.theme.PresentationMode;
import org.divergencelab.ui.theme.Theme;
import org.divergencelab.ui.theme.ThemeManager;
import org.divergencelab.ui.util.Export;
import org.divergencelab.ui.util.FrameTimeRecorder;

/**
 * The main window's layout: menu bar and tool bar (theme and language switches, export), a tab pane in
 * the centre where views are added ({@link #addView}), a side panel for a view's controls
 * ({@link #setSideContent}), and a status bar with a message and the frame times. It owns the presentation mode
 * and registers its own bars with it; the tools installed in it see it as a {@link Shell}.
 */
public final class MainWindow implements Shell {

    private final I18n i18n;
    private final ThemeManager themes;
    private final FrameTimeRecorder frames = new FrameTimeRecorder();
    private final BorderPane root = new BorderPane();
    private final VBox top = new VBox();
    private MenuBar menuBar;
    private Menu fileMenu;
    private Menu viewMenu;
    private final TabPane views = new TabPane();
    private final VBox side = new VBox();
    private final Label sidePlaceholder = new Label();
    private final Label status = new Label();
    private final Label frameTimes = new Label();
    private final ToggleGroup themeToggles = new ToggleGroup();
    private final ToggleGroup languageToggles = new ToggleGroup();
    private WidgetGallery gallery;
    private SandboxView sandbox;
    private final org.divergencelab.ui.train.TrainingView training;
    private final org.divergencelab.ui.lesson.ScenePicker scenes;
    private final PresentationMode presentation;
    private final LecturerTools lecturer;

    private final org.divergencelab.ui.shell.Settings settings;
    private org.divergencelab.ui.image.ImageModeTab imageMode;
    private final javafx.beans.property.ReadOnlyStringWrapper selectedView =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "selectedView");

    /** A window that remembers nothing between starts (tests, tools): as a first start every time. */
    public MainWindow(I18n i18n, ThemeManager themes) {
        this(i18n, themes, org.divergencelab.ui.shell.Settings.inMemory());
    }

    /** A window whose remembered choices (start screen seen, caption folded) live in {@code settings}. */
    public MainWindow(I18n i18n, ThemeManager themes, org.divergencelab.ui.shell.Settings settings) {
        this.i18n = i18n;
        this.themes = themes;
        this.settings = settings;
        root.setId("main-window");
        i18n.localeProperty().addListener((o, a, b) -> themes.useFontFor(b));
        themes.useFontFor(i18n.getLocale());

        menuBar = menuBar();
        ToolBar toolBar = toolBar();
        top.getChildren().addAll(menuBar, toolBar);
        root.setTop(top);
        views.setId("views");
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setCenter(views);
        root.setLeft(sidePanel());
        // the controls never take more than 30 % of the width (the projector's fonts made them half the window)
        side.maxWidthProperty().bind(root.widthProperty().multiply(0.3));
        HBox statusBar = statusBar();
        root.setBottom(statusBar);
        presentation = new PresentationMode(themes, root);
        presentation.autoHide(Side.TOP, top, false, menuBar, toolBar);
        presentation.autoHide(Side.LEFT, side, false, side);
        presentation.autoHide(Side.BOTTOM, statusBar, false, statusBar);
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                presentation.install(scene);
            }
        });

        // Only the selected view is in the scene graph (attachSelectedView): a theme, language or presentation
        // switch then styles and lays out one view, not five (the FX thread stays under 100 ms per event).
        views.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> attachSelectedView());
        addView("welcome", i18n.get("tab.welcome"), () -> Welcome.build(i18n, this::startLecture, this::selectView));
        training = org.divergencelab.ui.train.TrainingView.live(i18n, themes);
        addView("training", i18n.get("tab.training"), training.node(), training.controls());
        // a rejected setting also shows in the status line (the panel shows it under the field)
        training.editor().rejectionProperty().addListener((o, a, message) -> {
            if (!message.isEmpty()) {
                setStatus(Bindings.createStringBinding(() -> message));
            }
        });
        // the sandbox and image mode are built when first shown or asked for: a quicker start
        addView("sandbox", i18n.get("tab.sandbox"), () -> sandbox().node());
        addView("image", i18n.get("image.tab"), () -> imageMode().node());
        // The side panel shows the controls of the selected view (none for views that carry their own).
        views.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> showSideOf(tab));
        selectedView.bind(Bindings.createStringBinding(this::selectedView, views.getSelectionModel().selectedItemProperty()));
        // leaving the image tab pauses its training (no run keeps a core busy out of sight)
        selectedView.addListener((o, was, now) -> {
            if ("image".equals(was) && imageMode != null) {
                imageMode.pauseIfRunning();
            }
            if ("sandbox".equals(now)) {
                sandbox().shown();
            }
        });
        showSideOf(views.getSelectionModel().getSelectedItem());
        // the side panel's slot follows the selected tab again once the mode is off
        presentation.activeProperty().addListener((o, a, on) -> showSideOf(views.getSelectionModel().getSelectedItem()));
        scenes = org.divergencelab.ui.lesson.ScenePicker.install(this);
        lecturer = LecturerTools.install(this, presentation);
        org.divergencelab.ui.record.Recorder.install(this);
    }

    private void startLecture() {
        scenes.startLecture();
    }

    /** Presentation mode, training state files and the training CSV export. */
    public LecturerTools lecturer() {
        return lecturer;
    }

    /** The app-wide presentation mode (View menu, F5; Esc leaves). */
    public PresentationMode presentation() {
        return presentation;
    }

    /** The lecture scenes' menu and caption bar. */
    public org.divergencelab.ui.lesson.ScenePicker scenes() {
        return scenes;
    }

    /** The image-mode tab's controller (built on first use). */
    public org.divergencelab.ui.image.ImageModeTab imageMode() {
        if (imageMode == null) {
            imageMode = new org.divergencelab.ui.image.ImageModeTab(i18n, themes);
        }
        return imageMode;
    }

    /** The training view (its own tab, controls in the side panel). */
    @Override
    public org.divergencelab.ui.train.TrainingView training() {
        return training;
    }

    /**
     * The sandbox view (its own tab), built on first use; it measures once its tab is first shown
     * ({@link SandboxView#shown()}), and presents with the window.
     */
    @Override
    public SandboxView sandbox() {
        if (sandbox == null) {
            sandbox = new SandboxView(i18n, themes, false);
            sandbox.usePresentationMode(presentation);
        }
        return sandbox;
    }

    /**
     * Stops the Training view's and, if it was built, the Sandbox's timers and workers (FX thread; a window that
     * is done: tests, tools). Image mode's run is stopped by {@code imageMode().stop()}.
     */
    public void dispose() {
        training.dispose();
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** The window's root node. */
    @Override
    public Parent root() {
        return root;
    }

    /** Attaches the theme to a scene showing {@link #root()} and starts the frame-time recorder. */
    public void attach(Scene scene) {
        themes.attach(scene);
        frames.start();
    }

    @Override
    public I18n i18n() {
        return i18n;
    }

    @Override
    public ThemeManager themes() {
        return themes;
    }

    /** The frame-time recorder shown in the status bar. */
    public FrameTimeRecorder frameTimes() {
        return frames;
    }

    /** Adds a view as a tab; {@code id} becomes the tab's id (for tests and for selecting it). */
    public Tab addView(String id, ObservableValue<String> title, Node content) {
        return addView(id, title, () -> content);
    }

    /**
     * Adds a view as a tab whose content is built by {@code content} when the tab is first selected.
     */
    public Tab addView(String id, ObservableValue<String> title, java.util.function.Supplier<Node> content) {
        Tab t = new Tab();
        t.setId("tab-" + id);
        t.textProperty().bind(title);
        t.getProperties().put(BUILD_VIEW, content);
        views.getTabs().add(t);
        attachSelectedView();
        return t;
    }

    /** A tab's content builder, and its view once built (tab properties). */
    private static final String BUILD_VIEW = "divergencelab.buildView";
    private static final String VIEW = "divergencelab.view";

    @SuppressWarnings("unchecked")
    private static Node view(Tab t) {
        Node v = (Node) t.getProperties().get(VIEW);
        if (v == null) {
            v = ((java.util.function.Supplier<Node>) t.getProperties().get(BUILD_VIEW)).get();
            t.getProperties().put(VIEW, v);
        }
        return v;
    }

    /**
     * Puts the selected tab's view into the scene graph and takes the others out: a hidden tab's nodes would
     * otherwise be styled and laid out with the window on every theme, language, font or presentation switch
     * (measured: F5 72–98 ms with all views attached, 49–70 ms with one). A detached view keeps its state and its
     * workers; it is styled again when shown.
     */
    private void attachSelectedView() {
        Tab selected = views.getSelectionModel().getSelectedItem();
        for (Tab t : views.getTabs()) {
            if (t != selected && t.getContent() != null) {
                keepFocusOutOf(t.getContent());
                t.setContent(null);
            }
        }
        if (selected != null && selected.getContent() == null) {
            selected.setContent(view(selected));
        }
    }

    /**
     * Moves the keyboard focus to the tab headers when it is inside {@code leaving}: JavaFX would otherwise pass
     * it on to the next focusable control, perhaps a slider or a text field in the shown view, which then eats
     * the lecture's arrow keys.
     */
    private void keepFocusOutOf(Node leaving) {
        Scene scene = root.getScene();
        for (Node n = scene == null ? null : scene.getFocusOwner(); n != null; n = n.getParent()) {
            if (n == leaving) {
                views.requestFocus();
                return;
            }
        }
    }

    /** Adds a view whose controls the side panel shows while its tab is selected. */
    public Tab addView(String id, ObservableValue<String> title, Node content, Node sideContent) {
        Tab t = addView(id, title, content);
        t.setUserData(sideContent);
        if (views.getSelectionModel().getSelectedItem() == t) {
            showSideOf(t);
        }
        return t;
    }

    /**
     * Shows the selected view's controls, or hides the side panel for views that carry their own. While
     * presenting the panel stays out of the layout (it slides in over the view).
     */
    private void showSideOf(Tab tab) {
        boolean has = tab != null && tab.getUserData() instanceof Node;
        // a hidden panel's controls leave the scene graph with their view (see attachSelectedView)
        setSideContent(has ? (Node) tab.getUserData() : sidePlaceholder);
        side.setVisible(has);
        side.setManaged(has && !presentation.isActive());
    }

    @Override
    public Menu fileMenu() {
        return fileMenu;
    }

    @Override
    public Menu viewMenu() {
        return viewMenu;
    }

    @Override
    public void addMenu(Menu menu) {
        menuBar.getMenus().add(menu);
    }

    @Override
    public void addBar(Node bar) {
        top.getChildren().add(bar);
    }

    @Override
    public boolean hasView(String id) {
        return id.equals("gallery") || views.getTabs().stream().anyMatch(t -> t.getId().equals("tab-" + id));
    }

    @Override
    public String selectedView() {
        Tab t = views.getSelectionModel().getSelectedItem();
        return t == null ? null : t.getId().substring("tab-".length());
    }

    @Override
    public javafx.beans.value.ObservableValue<String> selectedViewProperty() {
        return selectedView.getReadOnlyProperty();
    }

    @Override
    public org.divergencelab.ui.shell.Settings settings() {
        return settings;
    }

    /**
     * Selects the view a start opens on: the first start (nothing remembered) shows the "start here" screen
     * (Welcome) and remembers it was seen; later starts open {@code fallback}.
     */
    public void selectStartView(String fallback) {
        if (!settings.get(org.divergencelab.ui.shell.Settings.SEEN_START, false)) {
            settings.put(org.divergencelab.ui.shell.Settings.SEEN_START, true);
            selectView("welcome");
        } else {
            selectView(fallback);
        }
    }

    @Override
    public org.divergencelab.lesson.Scene currentScene() {
        return scenes.current();
    }

    @Override
    public void openScene(org.divergencelab.lesson.Scene scene) {
        scenes.open(scene);
    }

    /** Selects the view with this id; the widget gallery is added on first use. */
    @Override
    public void selectView(String id) {
        if (id.equals("gallery") && gallery == null) {
            showGallery();
            return;
        }
        for (Tab t : views.getTabs()) {
            if (t.getId().equals("tab-" + id)) {
                views.getSelectionModel().select(t);
                return;
            }
        }
        throw new IllegalArgumentException("no view '" + id + "'");
    }

    /** The tab pane holding the views. */
    public TabPane views() {
        return views;
    }

    /** Replaces the side panel's content below its heading. */
    public void setSideContent(Node content) {
        if (side.getChildren().get(1) != content) {
            keepFocusOutOf(side.getChildren().get(1));
        }
        side.getChildren().set(1, content);
    }

    /** Shows a message in the status bar. */
    @Override
    public void setStatus(ObservableValue<String> message) {
        status.textProperty().bind(message);
    }

    /** Adds the widget gallery as a view (once). */
    public WidgetGallery showGallery() {
        if (gallery == null) {
            gallery = new WidgetGallery(i18n, themes);
            addView("gallery", i18n.get("tab.gallery"), gallery.node());
        }
        selectView("gallery");
        return gallery;
    }

    /**
     * Writes the current view as PNG: the snapshot is taken now on the FX thread, the encoding and writing run on
     * the file thread; completes (on the FX thread, status bar updated) with true once written.
     */
    public java.util.concurrent.CompletableFuture<Boolean> exportCurrentPng(Path file) {
        javafx.scene.image.WritableImage image = Export.snapshot(contentArea(), 2);
        return inBackground(file, () -> Export.writePng(image, file));
    }

    /**
     * What a PNG export shows: the selected view without its own tool bar (the Training tab's transport
     * buttons are not for a slide); the window's menu, tool bar and tabs are never part of a view.
     */
    Node contentArea() {
        Node view = views.getSelectionModel().getSelectedItem().getContent();
        if (view instanceof BorderPane bp && bp.getTop() instanceof ToolBar && bp.getCenter() != null) {
            return bp.getCenter();
        }
        return view;
    }

    /** The PNG export's proposed name: the open scene (else the view) and today. */
    String defaultPngName() {
        org.divergencelab.lesson.Scene s = currentScene();
        return Export.defaultName(s != null ? s.id() : selectedView(), java.time.LocalDate.now(), "png");
    }

    /**
     * Writes the first plot widget of the current view as SVG: the SVG text is built now on the FX thread (it
     * reads the widget), the file is written on the file thread. Completes with false when the view has no plot.
     */
    public java.util.concurrent.CompletableFuture<Boolean> exportCurrentSvg(Path file) {
        PlotWidget w = firstPlot(views.getSelectionModel().getSelectedItem().getContent());
        if (w == null) {
            setStatus(i18n.get("status.noPlot"));
            return java.util.concurrent.CompletableFuture.completedFuture(false);
        }
        if (!(w.getWidth() > 0) || !(w.getHeight() > 0)) {
            setStatus(i18n.format("status.exportFailed", "the plot is not laid out (size " + w.getWidth() + "x"
                    + w.getHeight() + ")"));
            return java.util.concurrent.CompletableFuture.completedFuture(false);
        }
        String svg = w.toSvg(w.getWidth(), w.getHeight());
        return inBackground(file, () -> {
            org.divergencelab.io.AtomicFiles.writeString(file, svg);
        });
    }

    private interface FileWrite {
        void run() throws IOException;
    }

    /** Runs a write on the file thread and reports the outcome in the status bar (FX thread). */
    private java.util.concurrent.CompletableFuture<Boolean> inBackground(Path file, FileWrite write) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                write.run();
                return (String) null;
            } catch (IOException | RuntimeException ex) {
                return String.valueOf(ex.getMessage());
            }
        }, org.divergencelab.ui.util.Background.io()).thenApplyAsync(err -> {
            setStatus(err == null ? i18n.format("status.exported", file.toString())
                    : i18n.format("status.exportFailed", err));
            return err == null;
        }, javafx.application.Platform::runLater);
    }

    private static PlotWidget firstPlot(Node n) {
        if (n instanceof PlotWidget w) {
            return w;
        }
        if (n instanceof javafx.scene.control.ScrollPane sp) {
            return firstPlot(sp.getContent());
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                PlotWidget w = firstPlot(c);
                if (w != null) {
                    return w;
                }
            }
        }
        return null;
    }

    private MenuBar menuBar() {
        Menu file = menu("menu.file");
        MenuItem png = item("menu.file.exportPng");
        png.setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
        png.setOnAction(e -> chooseAndExport(true));
        MenuItem svg = item("menu.file.exportSvg");
        svg.setOnAction(e -> chooseAndExport(false));
        MenuItem quit = item("menu.file.quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> {
            Window w = root.getScene() == null ? null : root.getScene().getWindow();
            if (w != null) {
                w.hide();
            }
        });
        file.getItems().addAll(png, svg, new javafx.scene.control.SeparatorMenuItem(), quit);
        fileMenu = file;

        Menu view = menu("menu.view");
        Menu themeMenu = menu("menu.view.theme");
        ToggleGroup tg = new ToggleGroup();
        int themeIndex = 0;
        for (Theme t : Theme.builtIns()) {
            RadioMenuItem r = new RadioMenuItem();
            r.setAccelerator(themeShortcut(++themeIndex));
            r.setId("menu-theme-" + t.id());
            r.textProperty().bind(i18n.get("theme." + t.id()));
            r.setToggleGroup(tg);
            r.setSelected(themes.getTheme() == t);
            r.setOnAction(e -> themes.setTheme(t));
            themes.themeProperty().addListener((o, a, b) -> r.setSelected(b == t));
            themeMenu.getItems().add(r);
        }
        Menu langMenu = menu("menu.view.language");
        ToggleGroup lg = new ToggleGroup();
        int langIndex = 0;
        for (Locale l : I18n.SUPPORTED) {
            RadioMenuItem r = new RadioMenuItem(I18n.nativeName(l));
            r.setAccelerator(languageShortcut(++langIndex));
            r.setId("menu-lang-" + l);
            r.setToggleGroup(lg);
            r.setSelected(i18n.getLocale().equals(l));
            r.setOnAction(e -> i18n.setLocale(l));
            i18n.localeProperty().addListener((o, a, b) -> r.setSelected(b.equals(l)));
            langMenu.getItems().add(r);
        }
        CheckMenuItem showFrames = new CheckMenuItem();
        showFrames.textProperty().bind(i18n.get("menu.view.frameTimes"));
        showFrames.setSelected(true);
        frameTimes.visibleProperty().bind(showFrames.selectedProperty());
        MenuItem galleryItem = item("tab.gallery");
        galleryItem.setOnAction(e -> showGallery());
        view.getItems().addAll(themeMenu, langMenu, fontScaleMenu(), logBaseMenu(), showFrames, galleryItem);
        viewMenu = view;

        Menu help = menu("menu.help");
        MenuItem about = item("menu.help.about");
        about.setOnAction(e -> {
            Alert a = new Alert(Alert.AlertType.INFORMATION);
            a.titleProperty().bind(i18n.get("about.title"));
            a.setHeaderText(null);
            a.contentTextProperty().bind(i18n.get("about.text"));
            if (root.getScene() != null) {
                a.initOwner(root.getScene().getWindow());
                a.getDialogPane().getStylesheets().setAll(root.getScene().getStylesheets());
            }
            a.show();
        });
        MenuItem keys = item("menu.help.shortcuts");
        keys.setId("menu-help-shortcuts");
        keys.setOnAction(e -> showShortcuts());
        help.getItems().addAll(keys, about);
        MenuBar bar = new MenuBar(file, view, help);
        bar.setId("menu-bar");
        return bar;
    }

    /** The font-scale steps of View → Font size, in percent. */
    static final int[] FONT_SCALES = {100, 125, 150, 175, 200};

    /** View → Font size: 100–200 %, remembered; the controls' root font and the plots' text follow it. */
    private Menu fontScaleMenu() {
        String remembered = settings.get(org.divergencelab.ui.shell.Settings.FONT_SCALE, "100");
        int start = 100;
        try {
            start = Math.clamp(Integer.parseInt(remembered.trim()), ThemeManager.MIN_FONT_SCALE, ThemeManager.MAX_FONT_SCALE);
        } catch (NumberFormatException ex) {
            // an edited or foreign preference: start at 100 %
        }
        themes.setFontScale(start);
        Menu m = menu("menu.view.fontScale");
        m.setId("menu-font-scale");
        ToggleGroup g = new ToggleGroup();
        for (int percent : FONT_SCALES) {
            RadioMenuItem r = new RadioMenuItem(percent + " %");
            r.setId("menu-font-scale-" + percent);
            r.setToggleGroup(g);
            r.setSelected(themes.fontScaleProperty().get() == percent);
            r.setOnAction(e -> themes.setFontScale(percent));
            themes.fontScaleProperty().addListener((o, a, b) -> r.setSelected(b.intValue() == percent));
            m.getItems().add(r);
        }
        themes.fontScaleProperty().addListener((o, a, b) -> settings.put(org.divergencelab.ui.shell.Settings.FONT_SCALE,
                Integer.toString(b.intValue())));
        return m;
    }

    /** View → Divergences in: nats | bits, remembered; every divergence read-out follows {@link ThemeManager#units()}. */
    private Menu logBaseMenu() {
        org.divergencelab.ui.theme.Units units = themes.units();
        units.setLogBase(org.divergencelab.ui.theme.Units.LogBase.byId(
                settings.get(org.divergencelab.ui.shell.Settings.LOG_BASE, "nats")));
        Menu m = menu("menu.view.logBase");
        m.setId("menu-log-base");
        ToggleGroup g = new ToggleGroup();
        for (org.divergencelab.ui.theme.Units.LogBase b : org.divergencelab.ui.theme.Units.LogBase.values()) {
            RadioMenuItem r = new RadioMenuItem();
            r.setId("menu-log-base-" + b.id());
            r.textProperty().bind(i18n.get("menu.view.logBase." + b.id()));
            r.setToggleGroup(g);
            r.setSelected(units.getLogBase() == b);
            r.setOnAction(e -> units.setLogBase(b));
            units.logBaseProperty().addListener((o, x, now) -> r.setSelected(now == b));
            m.getItems().add(r);
        }
        units.logBaseProperty().addListener((o, x, now) -> settings.put(org.divergencelab.ui.shell.Settings.LOG_BASE, now.id()));
        return m;
    }

    private ToolBar toolBar() {
        Label themeLabel = new Label();
        themeLabel.textProperty().bind(i18n.get("toolbar.theme"));
        HBox themeBox = new HBox(2);
        int themeIndex = 0;
        for (Theme t : Theme.builtIns()) {
            ToggleButton b = new ToggleButton();
            b.setTooltip(new javafx.scene.control.Tooltip(themeShortcut(++themeIndex).getDisplayText()));
            b.setId("theme-" + t.id());
            b.textProperty().bind(i18n.get("theme." + t.id()));
            b.setToggleGroup(themeToggles);
            b.setSelected(themes.getTheme() == t);
            b.setOnAction(e -> {
                themes.setTheme(t);
                b.setSelected(true);
            });
            themes.themeProperty().addListener((o, a, nt) -> b.setSelected(nt == t));
            themeBox.getChildren().add(b);
        }
        Label langLabel = new Label();
        langLabel.textProperty().bind(i18n.get("toolbar.language"));
        HBox langBox = new HBox(2);
        int langIndex = 0;
        for (Locale l : I18n.SUPPORTED) {
            ToggleButton b = new ToggleButton(I18n.nativeName(l));
            b.setTooltip(new javafx.scene.control.Tooltip(languageShortcut(++langIndex).getDisplayText()));
            b.setId("lang-" + l);
            b.setToggleGroup(languageToggles);
            b.setSelected(i18n.getLocale().equals(l));
            b.setOnAction(e -> {
                i18n.setLocale(l);
                b.setSelected(true);
            });
            i18n.localeProperty().addListener((o, a, nl) -> b.setSelected(nl.equals(l)));
            langBox.getChildren().add(b);
        }
        ToggleButton galleryButton = new ToggleButton();
        galleryButton.setId("show-gallery");
        galleryButton.textProperty().bind(i18n.get("tab.gallery"));
        galleryButton.setOnAction(e -> {
            showGallery();
            galleryButton.setSelected(false);
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar tb = new ToolBar(themeLabel, themeBox, new Separator(), langLabel, langBox, spacer, galleryButton);
        tb.setId("tool-bar");
        return tb;
    }

    private VBox sidePanel() {
        side.getStyleClass().add("side-panel");
        side.setId("side-panel");
        Label heading = new Label();
        heading.textProperty().bind(i18n.get("side.title"));
        heading.getStyleClass().add("section-title");
        sidePlaceholder.setId("side-placeholder");
        sidePlaceholder.textProperty().bind(i18n.get("side.placeholder"));
        sidePlaceholder.setWrapText(true);
        side.getChildren().addAll(heading, sidePlaceholder);
        return side;
    }

    private HBox statusBar() {
        status.setId("status");
        status.textProperty().bind(i18n.get("status.ready"));
        frameTimes.setId("frame-times");
        frameTimes.getStyleClass().add("frame-times");
        StringBinding text = i18n.format("status.frames",
                Bindings.createDoubleBinding(() -> frames.statsProperty().get().p50Millis(), frames.statsProperty()),
                Bindings.createDoubleBinding(() -> frames.statsProperty().get().p99Millis(), frames.statsProperty()));
        javafx.beans.binding.BooleanBinding measured = Bindings.createBooleanBinding(
                () -> frames.statsProperty().get().frames() > 0, frames.statsProperty());
        frameTimes.textProperty().bind(Bindings.when(measured).then(text).otherwise(i18n.get("status.framesNone")));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(status, spacer, frameTimes);
        bar.getStyleClass().add("status-bar");
        bar.setId("status-bar");
        return bar;
    }

    private void chooseAndExport(boolean png) {
        FileChooser fc = new FileChooser();
        fc.titleProperty().bind(i18n.get(png ? "dialog.exportPng" : "dialog.exportSvg"));
        fc.getExtensionFilters().add(png ? new FileChooser.ExtensionFilter("PNG", "*.png")
                : new FileChooser.ExtensionFilter("SVG", "*.svg"));
        org.divergencelab.lesson.Scene shown = currentScene();
        fc.setInitialFileName(png ? defaultPngName()
                : Export.defaultName(shown != null ? shown.id() : selectedView(), java.time.LocalDate.now(), "svg"));
        File f = fc.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f == null) {
            return;
        }
        try {
            if (png) {
                exportCurrentPng(Export.withExtension(f.toPath(), "png"));
            } else {
                exportCurrentSvg(Export.withExtension(f.toPath(), "svg"));
            }
        } catch (RuntimeException ex) {
            // The app keeps running; the reason shows in the status bar.
            setStatus(i18n.format("status.exportFailed", String.valueOf(ex.getMessage())));
        }
    }

    /** The keyboard shortcuts: each key's display text and the i18n key of what it does (Help → Keyboard shortcuts). */
    static java.util.List<String[]> shortcuts() {
        java.util.List<String[]> rows = new java.util.ArrayList<>();
        rows.add(new String[] {org.divergencelab.ui.train.TrainingView.PLAY.getDisplayText(), "shortcut.play"});
        rows.add(new String[] {org.divergencelab.ui.train.TrainingView.STEP_CRITIC.getDisplayText(), "shortcut.stepCritic"});
        rows.add(new String[] {org.divergencelab.ui.train.TrainingView.STEP_GENERATOR.getDisplayText(), "shortcut.stepGenerator"});
        rows.add(new String[] {org.divergencelab.ui.train.TrainingView.STEP_ITERATION.getDisplayText(), "shortcut.stepIteration"});
        rows.add(new String[] {org.divergencelab.ui.train.TrainingView.RESET.getDisplayText(), "shortcut.reset"});
        rows.add(new String[] {org.divergencelab.ui.train.TrainingView.TOGGLE.getDisplayText(), "shortcut.objective"});
        rows.add(new String[] {org.divergencelab.ui.train.TrainingView.FORMULAS.getDisplayText(), "shortcut.formulas"});
        rows.add(new String[] {org.divergencelab.ui.lesson.ScenePicker.LECTURE.getDisplayText(), "shortcut.lecture"});
        rows.add(new String[] {"→ / PageDown", "shortcut.nextScene"});
        rows.add(new String[] {"← / PageUp", "shortcut.previousScene"});
        rows.add(new String[] {PresentationMode.SHORTCUT.getDisplayText(), "shortcut.presentation"});
        rows.add(new String[] {"Esc", "shortcut.leave"});
        rows.add(new String[] {themeShortcut(1).getDisplayText() + " … 3", "shortcut.theme"});
        rows.add(new String[] {languageShortcut(1).getDisplayText() + " … 3", "shortcut.language"});
        rows.add(new String[] {KeyCombination.keyCombination("Shortcut+E").getDisplayText(), "shortcut.export"});
        return rows;
    }

    private void showShortcuts() {
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setId("shortcuts");
        grid.setHgap(16);
        grid.setVgap(4);
        int r = 0;
        for (String[] row : shortcuts()) {
            Label key = new Label(row[0]);
            key.setStyle("-fx-font-weight: bold;");
            Label what = new Label();
            what.textProperty().bind(i18n.get(row[1]));
            grid.addRow(r++, key, what);
        }
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.titleProperty().bind(i18n.get("shortcuts.title"));
        a.setHeaderText(null);
        a.getDialogPane().setContent(grid);
        if (root.getScene() != null) {
            a.initOwner(root.getScene().getWindow());
            a.getDialogPane().getStylesheets().setAll(root.getScene().getStylesheets());
        }
        a.show();
    }

    /** Shortcut+Shift+1…3: light, dark, projector (a lecturer switches without the mouse). */
    static KeyCombination themeShortcut(int index) {
        return KeyCombination.keyCombination("Shortcut+Shift+" + index);
    }

    /** Shortcut+Alt+1…3: English, 繁體中文, 简体中文. */
    static KeyCombination languageShortcut(int index) {
        return KeyCombination.keyCombination("Shortcut+Alt+" + index);
    }

    private Menu menu(String key) {
        Menu m = new Menu();
        m.textProperty().bind(i18n.get(key));
        return m;
    }

    private MenuItem item(String key) {
        MenuItem m = new MenuItem();
        m.textProperty().bind(i18n.get(key));
        return m;
    }
}

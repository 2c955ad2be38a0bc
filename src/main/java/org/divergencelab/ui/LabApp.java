package org.divergencelab.ui;

import java.time.Duration;
import java.util.Locale;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.theme.Theme;
import org.divergencelab.ui.theme.ThemeManager;

/**
 * The desktop app: the main window with its theme and language switches, the training view (opened at
 * start) and the sandbox tab; the widget gallery shows the plot widgets. System properties
 * {@code divergencelab.theme} (light, dark, projector) and {@code divergencelab.lang} (en, zh_TW, zh_CN) choose
 * the start-up look; {@code divergencelab.view=ID} (e.g. sandbox) opens another tab at start;
 * {@code divergencelab.gallery=show} opens the widget gallery, {@code =animate} also starts its frame-rate
 * demo (frame times in the status bar). The first start opens on Welcome ("start here") and remembers it in the
 * user's preferences; {@code divergencelab.settings=memory} uses a fresh in-memory store instead. A file as the
 * first argument (a training or sandbox state, a scene file) is opened in its tab ({@link FileArgument}), and so
 * is one macOS sends as an "open documents" event ({@link OpenDocuments}).
 */
public final class LabApp extends Application {

    /** The start-up probe's milestones, ms from the process start: launch requested, toolkit up, window built. */
    private static final boolean REPORT = Boolean.getBoolean("divergencelab.startup.report");
    private static final long[] MILESTONES = new long[3];
    /** Documents macOS sends as "open documents" events (a double-clicked .dlab): opened once the window is built. */
    private static final OpenDocuments OPEN_DOCUMENTS = new OpenDocuments(Platform::runLater);

    /** Launches the JavaFX application (blocks until the window closes). */
    public static void launchApp(String[] args) {
        // before JavaFX starts: only then does AWT receive the event (OpenDocuments); on macOS only
        OpenDocuments.installDesktopHandler(OPEN_DOCUMENTS, System.err);
        if (REPORT) {
            MILESTONES[0] = msSinceProcessStart();
        }
        Application.launch(LabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        if (REPORT) {
            MILESTONES[1] = msSinceProcessStart();
        }
        MainWindow window = createWindow();
        stage.titleProperty().bind(window.i18n().get("app.title"));
        Scene scene = new Scene(window.root(), 1280, 800);
        window.attach(scene);
        stage.setScene(scene);
        if (REPORT) {
            reportFirstPulse(scene);
        }
        stage.show();
        String view = System.getProperty("divergencelab.view");
        // the first start shows "start here" (Welcome); later starts open the training view;
        // -Ddivergencelab.view=sandbox (or any tab id) opens another
        if (view != null) {
            window.selectView(view);
        } else {
            window.selectStartView("training");
        }
        // divergence-lab FILE (a double-clicked .dlab): open it where it belongs
        if (!getParameters().getRaw().isEmpty()) {
            FileArgument.open(window, java.nio.file.Path.of(getParameters().getRaw().get(0)));
        }
        // macOS: the same for documents sent as events, those queued before the window existed first
        OPEN_DOCUMENTS.ready(file -> FileArgument.open(window, file));
        String gallery = System.getProperty("divergencelab.gallery");
        if (gallery != null) {
            WidgetGallery g = window.showGallery();
            if (gallery.equals("animate")) {
                g.setAnimating(true);
            } else if (!gallery.equals("show")) {
                throw new IllegalArgumentException("divergencelab.gallery must be show or animate, got '" + gallery
                        + "'");
            }
        }
        if (REPORT) {
            MILESTONES[2] = msSinceProcessStart();
        }
    }

    /**
     * {@code -Ddivergencelab.startup.report=true}: prints the milliseconds from the process start to the first
     * pulse of the shown window (CSS and layout done, the frame goes to the renderer), then exits: the time to
     * first window of docs/install.md. The milestones before it say where the time went: JVM and our launcher
     * (launch requested), JavaFX toolkit start (toolkit up), building the main window (window built).
     */
    private static void reportFirstPulse(Scene scene) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            // CPU times too: on a loaded machine the wall clock says more about the neighbours than about us
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            // java.base's view of the process CPU: the jlinked runtime has no jdk.management (com.sun.management)
            long processCpuMs = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
            System.out.println("first window pulse after " + msSinceProcessStart() + " ms since "
                    + (System.getProperty("divergencelab.startup.t0") != null ? "the given t0" : "the JVM's start")
                    + " (launch requested "
                    + MILESTONES[0] + ", toolkit up " + MILESTONES[1] + ", window built " + MILESTONES[2]
                    + "); CPU: FX thread " + threads.getCurrentThreadCpuTime() / 1_000_000 + " ms, process "
                    + processCpuMs + " ms");
            Platform.exit();
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /**
     * Milliseconds since the start: {@code -Ddivergencelab.startup.t0=EPOCH_MS} when the measuring script gives
     * it (the moment before it ran the launcher, so the native launcher and, for the jar, the relaunching JVM
     * count), else this JVM's start. Not the process's start instant: Linux derives it from the boot time in
     * whole seconds, up to a second off (the same offset every run of one boot).
     */
    private static long msSinceProcessStart() {
        return System.currentTimeMillis() - START_EPOCH_MS;
    }

    private static final long START_EPOCH_MS = !REPORT ? 0 : Long.getLong("divergencelab.startup.t0",
            java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());

    /** A main window configured from the system properties (or English, light theme). */
    static MainWindow createWindow() {
        I18n i18n = new I18n(startLocale());
        ThemeManager themes = new ThemeManager();
        String theme = System.getProperty("divergencelab.theme");
        if (theme != null) {
            themes.setTheme(Theme.byId(theme));
        }
        // -Ddivergencelab.settings=memory: a rehearsal or screenshot run that neither reads nor writes the prefs
        boolean memory = "memory".equals(System.getProperty("divergencelab.settings"));
        return new MainWindow(i18n, themes, memory ? org.divergencelab.ui.shell.Settings.inMemory()
                : org.divergencelab.ui.shell.Settings.user());
    }

    private static Locale startLocale() {
        String lang = System.getProperty("divergencelab.lang");
        if (lang == null) {
            return I18n.closestSupported(Locale.getDefault());
        }
        return switch (lang) {
            case "en" -> I18n.ENGLISH;
            case "zh_TW", "zh-TW" -> I18n.TRADITIONAL;
            case "zh_CN", "zh-CN" -> I18n.SIMPLIFIED;
            default -> throw new IllegalArgumentException("divergencelab.lang must be en, zh_TW or zh_CN, got '"
                    + lang + "'");
        };
    }
}

package org.divergencelab.ui;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;

import org.divergencelab.training.TrainingSession;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.theme.ThemeManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The real main window in TestFX's (headless, Monocle) stage, one per test: the shared set-up of the tests that
 * drive the whole app. A test extends it and finds {@link #window}, {@link #stage} and {@link #scene} filled
 * before its own {@code @BeforeEach} methods run; {@code FxRobot} parameters still come from TestFX's
 * {@link ApplicationExtension}. Default: English, a fresh {@link ThemeManager}, in-memory settings, 1280×720 (the
 * smallest size the layouts are made for), the Training tab selected. For the Training tab: {@link #frame()} and
 * {@link #pickPreset}.
 *
 * <p>Why a {@code @BeforeEach} and not TestFX's {@code @Start}: TestFX looks for {@code @Start} methods among the
 * test class's own declared methods only, never in a superclass. {@code FxToolkit.setupStage} runs the same code
 * on the FX thread on the same registered stage.
 *
 * <p>Tear-down runs after the test's own {@code @AfterEach} methods and ON THE FX THREAD: stopping the training
 * view's and the sandbox's animation timers from the JUnit thread once raced JavaFX's pulse and crashed a later
 * test.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class MainWindowFixture {
    /** The window under test. */
    protected MainWindow window;
    /** TestFX's stage showing it. */
    protected Stage stage;
    /** The window's scene. */
    protected Scene scene;

    private final double width;
    private final double height;
    private final String view;

    /** The default: 1280×720 on the Training tab. */
    protected MainWindowFixture() {
        this(1280, 720, "training");
    }

    /**
     * A window of {@code width × height} showing the view named {@code view} ("training", "sandbox", …), or, when
     * it is null, whatever the window opens on.
     */
    protected MainWindowFixture(double width, double height, String view) {
        this.width = width;
        this.height = height;
        this.view = view;
    }

    @BeforeAll
    protected static void patientSetup() {
        // building the whole window on a loaded 2-core machine can take longer than TestFX's default wait
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(180_000);
    }

    /**
     * The window to show, built on the FX thread before it has a scene; a test overrides it to change what a
     * window starts with (its theme, its settings).
     */
    protected MainWindow newWindow() {
        return new MainWindow(new I18n(I18n.ENGLISH), new ThemeManager());
    }

    @BeforeEach
    protected final void showMainWindow() throws Exception {
        FxToolkit.setupStage(s -> {
            stage = s;
            window = newWindow();
            scene = new Scene(window.root(), width, height);
            window.attach(scene);
            s.setScene(scene);
            s.show();
            if (view != null) {
                window.selectView(view);
            }
        });
        // the Scenes menu fills when the catalogue, read off the FX thread, lands (ScenePicker)
        window.scenes().loaded().get(60, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** The Training tab's newest frame (null before its first). */
    protected final TrainingSession.Frame frame() {
        return window.training().session().latest();
    }

    /** Picks preset {@code name} in the Training tab's preset box and waits for its first frame (iteration 0). */
    @SuppressWarnings("unchecked")
    protected final void pickPreset(FxRobot robot, String name) throws Exception {
        ComboBox<String> presets = robot.lookup("#preset").queryAs(ComboBox.class);
        robot.interact(() -> presets.setValue(name));
        FxTestSupport.await("preset " + name + " loaded", () -> frame() != null
                && frame().panels().get(0).experiment().name().equals(name) && frame().iteration() == 0);
    }

    @AfterEach
    protected final void closeMainWindow() throws Exception {
        if (window == null) {
            return; // the set-up failed before there was a window
        }
        FxTestSupport.onFx(() -> {
            window.dispose();
            return null;
        });
    }
}

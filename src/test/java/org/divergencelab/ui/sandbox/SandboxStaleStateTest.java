package org.divergencelab.ui.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import org.divergencelab.sandbox.BulldozerExample;
import org.divergencelab.sandbox.SandboxState;
import org.divergencelab.sandbox.StateFile;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.theme.ThemeManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 13 item 6: nothing in the sandbox shows an older state than the one it names. */
@ExtendWith(ApplicationExtension.class)
class SandboxStaleStateTest {
    private SandboxView view;

    @Start
    void start(Stage stage) {
        I18n i18n = new I18n(I18n.ENGLISH);
        ThemeManager themes = new ThemeManager();
        view = new SandboxView(i18n, themes);
        Scene scene = new Scene(view.node(), 1280, 720);
        themes.attach(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        view.close();
    }

    private <T> T onFx(FxRobot robot, java.util.function.Supplier<T> s) {
        Object[] r = new Object[1];
        robot.interact(() -> r[0] = s.get());
        @SuppressWarnings("unchecked")
        T t = (T) r[0];
        return t;
    }

    private void waitUntil(FxRobot robot, int seconds, java.util.function.BooleanSupplier c) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(robot, c::getAsBoolean));
    }

    private static SandboxState scene10() {
        return new SandboxState("uniform(0,1)", "uniform(1.5,2.5)", 256, 1, BulldozerExample.Plan.OPTIMAL, false,
                Set.of("brush", "bulldozer", "estimates", "importCsv", "plan"));
    }

    @Test
    void thePresetBoxNamesWhatIsShown(FxRobot robot, @TempDir Path dir) throws Exception {
        SandboxView.Preset gauss2d = SandboxView.PRESETS.stream().filter(p -> p.key().equals("gauss2d")).findFirst()
                .orElseThrow();
        robot.interact(() -> view.setState(view.state().withSpecs(gauss2d.p(), gauss2d.q())));
        assertEquals("2-D: two Gaussians", onFx(robot, view::presetText));
        // a scene replaces P and Q: the box names the scene, not the last preset
        robot.interact(() -> view.setState(scene10(), "Scene S10: the critic's cone"));
        assertEquals("Scene S10: the critic's cone", onFx(robot, view::presetText));
        // the plan or presentation toggles keep it (P and Q unchanged)
        robot.interact(() -> view.setState(view.state().withPlan(BulldozerExample.Plan.FAR)));
        assertEquals("Scene S10: the critic's cone", onFx(robot, view::presetText));
        // an edit of Q makes it "custom"
        robot.interact(() -> view.setState(view.state().withQ("uniform(2.5,3.5)")));
        assertEquals("custom", onFx(robot, view::presetText));
        // a loaded file names the file
        Path file = dir.resolve("lecture-3.json");
        StateFile.save(scene10().withSpecs("normal(0,1)", "normal(1,1)"), file);
        assertTrue(view.load(file).get(20, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("lecture-3.json", onFx(robot, view::presetText));
        // and a state equal to a preset names the preset again
        robot.interact(() -> view.setState(view.state().withSpecs(gauss2d.p(), gauss2d.q())));
        assertEquals("2-D: two Gaussians", onFx(robot, view::presetText));
    }

    @Test
    void aNewSceneOpensTheValuesAtTheTop(FxRobot robot) throws Exception {
        waitUntil(robot, 60, view::settled);
        robot.interact(() -> ((javafx.scene.control.ScrollPane) robot.lookup("#sandbox-values").query()).setVvalue(1));
        assertEquals(1, onFx(robot, view::valuesScroll), 1e-12);
        robot.interact(() -> view.setState(new SandboxState("segment(0,0,0,1)", "segment(3,0,3,1)", 256, 1,
                BulldozerExample.Plan.OPTIMAL, false, Set.of("brush", "bulldozer", "critic", "importCsv")), "S3"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, onFx(robot, view::valuesScroll), 1e-12);
        Label js = robot.lookup("#truth-js").queryAs(Label.class);
        var sp = (javafx.scene.control.ScrollPane) robot.lookup("#sandbox-values").query();
        // JS's row is inside the viewport
        var inPane = onFx(robot, () -> sp.localToScene(sp.getBoundsInLocal()));
        var row = onFx(robot, () -> js.localToScene(js.getBoundsInLocal()));
        assertTrue(row.getMinY() >= inPane.getMinY() && row.getMaxY() <= inPane.getMaxY(), row + " in " + inPane);
    }

    @Test
    void olderEstimatesAndSweepSayComputingUntilTheNewOnesArrive(FxRobot robot) throws Exception {
        waitUntil(robot, 60, view::settled);
        assertFalse(onFx(robot, view::estimatesComputing));
        assertFalse(onFx(robot, view::sweepComputing));
        // the hint shows with the new state, the older numbers dimmed under it (read in the same FX-thread step as
        // the change, so the new numbers cannot arrive between the checks however fast the machine)
        Label hint = robot.lookup("#sandbox-computing").queryAs(Label.class);
        Label js = robot.lookup("#estimate-js").queryAs(Label.class);
        String[] seen = new String[1];
        robot.interact(() -> {
            view.setState(view.state().withSpecs("normal2(0,0,0.5,0.5)", "normal2(3,1,0.5,0.5)"));
            seen[0] = view.estimatesComputing() + " " + hint.isVisible() + " " + hint.getText() + " "
                    + (js.getOpacity() < 1);
        });
        assertEquals("true true computing… true", seen[0]);
        waitUntil(robot, 90, view::settled);
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(robot, 5, () -> !view.estimatesComputing() && !view.sweepComputing());
        assertFalse(onFx(robot, hint::isVisible));
        assertEquals(1, onFx(robot, () -> robot.lookup("#estimate-js").queryAs(Label.class).getOpacity()), 0);
        assertTrue(onFx(robot, () -> robot.lookup("#truth-w1-method").queryAs(Label.class).getText())
                .startsWith("sample value: OT of 300 draws, floor "));
    }

    @Test
    void aDraggedQWritesAShortSpec(FxRobot robot) throws Exception {
        robot.interact(() -> view.setState(new SandboxState("uniform(0,1)", "uniform(1.5,2.5)", 64, 3,
                BulldozerExample.Plan.OPTIMAL, false, Set.of())));
        waitUntil(robot, 60, view::settled);
        var p = view.mainPlot();
        Point2D from = onFx(robot, () -> p.localToScreen(p.axes().toPixelX(2.0), p.axes().toPixelY(0)));
        robot.moveTo(from).press(MouseButton.PRIMARY);
        for (int k = 0; k < 37; k++) {
            robot.moveBy(-3.3, 0);
        }
        // mid-drag: the estimates wait for the release and say so
        waitUntil(robot, 5, () -> view.estimatesComputing());
        assertEquals("updates when the mouse is released",
                onFx(robot, () -> robot.lookup("#sandbox-computing").queryAs(Label.class).getText()));
        robot.release(MouseButton.PRIMARY);
        String q = onFx(robot, () -> robot.lookup("#sandbox-spec-q").queryAs(TextField.class).getText());
        assertEquals(view.state().q(), q, "the field shows the state computed from");
        assertTrue(q.startsWith("translate(-"), q);
        Matcher m = Pattern.compile("-?[0-9]+(\\.[0-9]+)?(E-?[0-9]+)?").matcher(q);
        while (m.find()) {
            String digits = m.group().replaceAll("E.*", "").replace("-", "").replace(".", "").replaceFirst("^0+", "");
            assertTrue(digits.length() <= 4, "at most 4 significant digits: " + m.group() + " in " + q);
        }
        waitUntil(robot, 90, view::settled);
        // W1 between unit uniforms is the distance of their left ends, computed from the spec shown
        assertEquals(Math.abs(view.state().distributionQ().bounds()[0]), view.frame().truth().w1(), 1e-9);
    }
}

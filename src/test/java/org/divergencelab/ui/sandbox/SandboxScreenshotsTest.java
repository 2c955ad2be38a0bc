package org.divergencelab.ui.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import javafx.scene.Scene;
import javafx.scene.image.WritableImage;

import org.divergencelab.sandbox.BulldozerExample;
import org.divergencelab.sandbox.SandboxState;
import org.divergencelab.ui.FxTestSupport;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.theme.Theme;
import org.divergencelab.ui.theme.ThemeManager;
import org.divergencelab.ui.util.Export;
import org.junit.jupiter.api.Test;

/** Renders the sandbox headlessly (1-D with γ, 2-D with plan lines) into target/screenshots/. */
class SandboxScreenshotsTest {
    private static final Path OUT = Path.of("target", "screenshots");

    @Test
    void rendersOneAndTwoDimensionalSandboxes() throws Exception {
        Files.createDirectories(OUT);
        shoot(new SandboxState("mixture(0.5*normal(-2,0.5),0.5*normal(2,0.5))", "normal(5,0.7)", 256, 1,
                BulldozerExample.Plan.NEAR, false, Set.of()), Theme.LIGHT, I18n.ENGLISH, "sandbox-1d-gamma-light-en");
        shoot(new SandboxState("normal2(0,0,0.5,0.5)", "drawn(0.25,2.5,-1,3,0,3.5,1,3,1.5)", 200, 1,
                BulldozerExample.Plan.OPTIMAL, false, Set.of()), Theme.LIGHT, I18n.ENGLISH, "sandbox-2d-plan-light-en");
        shoot(new SandboxState("uniform(0,1)", "uniform(2,3)", 256, 1, BulldozerExample.Plan.FAR, false, Set.of()),
                Theme.DARK, I18n.TRADITIONAL, "sandbox-1d-disjoint-dark-zh_TW");
    }

    private static void shoot(SandboxState s, Theme theme, Locale locale, String name) throws Exception {
        SandboxView[] v = new SandboxView[1];
        Scene[] sc = new Scene[1];
        FxTestSupport.onFx(() -> {
            ThemeManager tm = new ThemeManager();
            tm.setTheme(theme);
            I18n i18n = new I18n(locale);
            tm.useFontFor(locale);
            v[0] = new SandboxView(i18n, tm);
            v[0].setState(s);
            sc[0] = new Scene(v[0].node(), 1600, 1000);
            tm.attach(sc[0]);
            return null;
        });
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!FxTestSupport.onFx(v[0]::settled)) {
            assertTrue(System.nanoTime() < deadline, "sandbox did not settle for " + name);
            Thread.sleep(50);
        }
        WritableImage img = FxTestSupport.onFx(() -> {
            sc[0].getRoot().applyCss();
            sc[0].getRoot().layout();
            return Export.snapshot(sc[0].getRoot(), 1);
        });
        assertEquals(1600, (int) img.getWidth());
        Export.writePng(img, OUT.resolve(name + ".png"));
        FxTestSupport.onFx(() -> {
            v[0].close();
            return null;
        });
    }
}

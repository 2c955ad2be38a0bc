package org.divergencelab.ui.train;

import static org.divergencelab.ui.FxTestSupport.await;
import static org.divergencelab.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.image.Image;
import javafx.scene.layout.BorderPane;

import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.Presets;
import org.divergencelab.training.ObjectiveChoice;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.sandbox.FormulaPanel;
import org.divergencelab.ui.theme.Theme;
import org.divergencelab.ui.theme.ThemeManager;
import org.junit.jupiter.api.Test;

/**
 * The formula panel typesets off the FX thread and only once shown (a quicker start: JLaTeXMath's first formula
 * costs about a second); what lands is the same image a direct typeset gives, pixel for pixel.
 */
class TrainingFormulasPanelTest {

    @Test
    void hiddenPanelTypesetsNothingAndShownOneGetsTheDirectTypesetImages() throws Exception {
        Experiment gan = Presets.get("gaussians-1d-gan");
        ThemeManager themes = onFx(ThemeManager::new);
        TrainingFormulas panel = onFx(() -> {
            TrainingFormulas f = new TrainingFormulas(new I18n(I18n.ENGLISH), themes);
            f.show(List.of(gan));
            return f;
        });
        // hidden (no parent): the keys are known, nothing is typeset or asked for
        assertEquals(TrainingFormulas.forExperiment(gan).size(), (int) onFx(() -> panel.shownKeys().size()));
        assertEquals(0, (int) onFx(panel::renderedCount));
        assertFalse(onFx(panel::complete));

        onFx(() -> new BorderPane().getChildren().add(panel.node()));
        await("formulas landed", panel::complete);
        assertSameAsDirect(panel, gan, onFx(themes::getTheme));

        // an objective change while shown: rebuilt at once, the new formulas land the same way
        Experiment w = ObjectiveChoice.toggle(gan);
        onFx(() -> {
            panel.show(List.of(w));
            return null;
        });
        await("W formulas landed", panel::complete);
        assertTrue(onFx(panel::shownKeys).contains("train.formula.wDual"));
        assertSameAsDirect(panel, w, onFx(themes::getTheme));
    }

    @Test
    void preparedFormulasShowAtOnceWhenThePanelFirstShows() throws Exception {
        Experiment e = Presets.get("ring8-wgan-gp");
        int n = TrainingFormulas.forExperiment(e).size();
        ThemeManager themes = onFx(ThemeManager::new);
        TrainingFormulas panel = onFx(() -> {
            TrainingFormulas f = new TrainingFormulas(new I18n(I18n.ENGLISH), themes);
            f.show(List.of(e));
            f.prepare(); // what a live training view does once the window has drawn its first frames
            f.prepare(); // asked again while under way: nothing typeset twice
            return f;
        });
        await("prepared in the background", () -> panel.cachedCount() == n);
        assertEquals(0, (int) onFx(panel::renderedCount), "still hidden");
        // shown: every image from the cache in the same FX call, nothing left to wait for
        assertTrue(onFx(() -> {
            new BorderPane().getChildren().add(panel.node());
            return panel.complete() && panel.renderedCount() == n;
        }));
        assertSameAsDirect(panel, e, onFx(themes::getTheme));
    }

    private static void assertSameAsDirect(TrainingFormulas panel, Experiment e, Theme t) throws Exception {
        List<TrainingFormulas.Formula> expected = TrainingFormulas.forExperiment(e);
        List<Image> shown = onFx(panel::shownImages);
        assertEquals(expected.size(), shown.size());
        assertEquals(expected.size(), (int) onFx(panel::renderedCount));
        for (int i = 0; i < expected.size(); i++) {
            Image direct = FormulaPanel.image(expected.get(i).latex(), TrainingFormulas.typesetSize(t), t.foreground());
            Image got = shown.get(i);
            String key = expected.get(i).key();
            assertNotNull(got, key);
            assertEquals(direct.getWidth(), got.getWidth(), key);
            assertEquals(direct.getHeight(), got.getHeight(), key);
            int w = (int) direct.getWidth();
            int h = (int) direct.getHeight();
            int[] a = new int[w * h];
            int[] b = new int[w * h];
            direct.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), a, 0, w);
            got.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), b, 0, w);
            assertTrue(java.util.Arrays.equals(a, b), key + ": the landed image differs from a direct typeset");
        }
    }
}

package org.divergencelab.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Parent;

import org.divergencelab.gan.ConditionSpec;
import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.Presets;
import org.divergencelab.ui.FxTestSupport;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.plot.ScatterPlot;
import org.divergencelab.ui.theme.ThemeManager;
import org.junit.jupiter.api.Test;

/** A conditional run's samples view names G's label accuracy and chance in its title; an ordinary run's does not. */
class ConditionalSamplesTest {
    private static String title(Experiment e, java.util.Locale lang) throws Exception {
        TrainingRender.Result r = TrainingRender.train(e, 2, false);
        return FxTestSupport.onFx(() -> {
            Parent root = TrainingRender.build(r, "samples", new I18n(lang), new ThemeManager());
            return ((ScatterPlot) root.lookup("#p0-samples-2d")).titleProperty().get();
        });
    }

    @Test
    void theSamplesTitleCarriesTheLabelAccuracyOfAConditionalRun() throws Exception {
        FxTestSupport.start();
        Experiment e = Presets.get("ring8-gan").withCondition(ConditionSpec.mode());
        double accuracy = TrainingRender.train(e, 2, false).frame().panels().get(0).snapshot().labelAccuracy();
        assertEquals(String.format(java.util.Locale.ROOT, "Samples: G(z, y) coloured by its label y; label accuracy of G "
                + "%.3f (chance 1/8)", accuracy), title(e, I18n.ENGLISH));
        assertTrue(title(e, I18n.SIMPLIFIED).contains("G 的标签正确率"), title(e, I18n.SIMPLIFIED));
        assertEquals("Samples: real vs generated", title(Presets.get("ring8-gan"), I18n.ENGLISH));
    }
}

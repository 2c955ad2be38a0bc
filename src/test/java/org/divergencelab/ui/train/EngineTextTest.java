package org.divergencelab.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import javafx.scene.control.Label;

import org.divergencelab.gan.EngineMessage;
import org.divergencelab.gan.Objective;
import org.divergencelab.gan.OptimizerSpec;
import org.divergencelab.gan.Presets;
import org.divergencelab.gan.Snapshot;
import org.divergencelab.gan.Trainer;
import org.divergencelab.training.Notice;
import org.divergencelab.ui.FxTestSupport;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.theme.ThemeManager;
import org.junit.jupiter.api.Test;

/** Engine messages reach the UI as codes and are shown in the UI's language, English wording unchanged. */
class EngineTextTest {

    /** One message of every code (and both saturation variants), with typical arguments. */
    private static final List<EngineMessage> SAMPLES = List.of(
            EngineMessage.of(EngineMessage.Code.HALT_LOSS, EngineMessage.CRITIC, Double.NaN, 12L),
            EngineMessage.of(EngineMessage.Code.HALT_GRADIENT, EngineMessage.GENERATOR, "generator.layer1.W", 3L),
            EngineMessage.of(EngineMessage.Code.HALT_PARAMETER, EngineMessage.CRITIC, "critic.layer0.b", 40L),
            EngineMessage.of(EngineMessage.Code.ESTIMATE_DIVERGING, 12.3456789, 0.5),
            EngineMessage.of(EngineMessage.Code.ESTIMATE_NON_FINITE, Double.POSITIVE_INFINITY),
            EngineMessage.of(EngineMessage.Code.DISCRIMINATOR_SATURATED, 0.999, 0.001, false),
            EngineMessage.of(EngineMessage.Code.DISCRIMINATOR_SATURATED, 0.999, 0.001, true));

    /** English words of the engine's sentences that must not survive in a Chinese one. */
    private static final List<String> ENGLISH = List.of("loss is", "gradient of", "parameter ", " step ", "diverging",
            "estimate", "saturated", "vanishes", "critic output", "more than", "generator");

    @Test
    void everyCodeHasTheEnginesWordingInEnglishAndNoEnglishInChinese() {
        for (EngineMessage.Code c : EngineMessage.Code.values()) {
            assertTrue(SAMPLES.stream().anyMatch(m -> m.code() == c), "no sample for " + c);
        }
        I18n en = new I18n(I18n.ENGLISH);
        for (EngineMessage m : SAMPLES) {
            assertEquals(m.english(), EngineText.of(en, m), "en bundle wording of " + m);
            for (Locale l : List.of(I18n.TRADITIONAL, I18n.SIMPLIFIED)) {
                String zh = EngineText.of(new I18n(l), m);
                assertTrue(zh.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN),
                        l + ": no Chinese in " + zh);
                // Parameter names ("generator.layer1.W") are identifiers and stay: check the sentence around them.
                String sentence = zh;
                for (String a : m.formattedArgs()) {
                    sentence = sentence.replace(a, "");
                }
                for (String w : ENGLISH) {
                    assertFalse(sentence.contains(w), l + ": English '" + w + "' in " + zh);
                }
                for (String a : m.formattedArgs()) {
                    if (!a.equals(EngineMessage.CRITIC) && !a.equals(EngineMessage.GENERATOR) && !a.equals("true")
                            && !a.equals("false")) {
                        assertTrue(zh.contains(a), l + ": argument " + a + " missing in " + zh);
                    }
                }
            }
        }
    }

    @Test
    void aDivergingRunHaltsWithACodeAndTheViewShowsItTranslated() throws Exception {
        // The engine's own diverging recipe (TrainerTest): f-GAN KL with SGD lr 10 overflows within a few steps.
        var e = Presets.get("gaussians-1d-gan").withObjective(Objective.fgan(Objective.FDivergence.KL))
                .withCriticOptimizer(OptimizerSpec.sgd(10)).withGeneratorOptimizer(OptimizerSpec.sgd(10));
        Trainer t = new Trainer(e);
        int i = 0;
        while (t.iteration()) {
            assertTrue(++i < 500, "did not diverge");
        }
        EngineMessage m = t.haltMessage();
        assertNotNull(m);
        assertTrue(m.isHalt(), m.toString());
        assertTrue(t.haltReason().startsWith(m.english()), t.haltReason());
        Snapshot s = t.snapshot();
        assertEquals(s.warnings().size(), s.messages().size(), "one code per warning");
        for (int k = 0; k < s.messages().size(); k++) {
            String english = s.messages().get(k).english();
            assertTrue(s.warnings().get(k).startsWith(english), s.warnings().get(k) + " vs " + english);
        }

        FxTestSupport.start();
        String[] texts = FxTestSupport.onFx(() -> {
            I18n i18n = new I18n(I18n.ENGLISH);
            TrainingView v = new TrainingView(i18n, new ThemeManager(), e, false);
            v.accept(new Notice("train.msg.halted", true, m));
            Label message = (Label) v.node().lookup("#train-message");
            String english = message.getText();
            i18n.setLocale(I18n.TRADITIONAL);
            String traditional = message.getText();
            i18n.setLocale(I18n.SIMPLIFIED);
            return new String[] {english, traditional, message.getText()};
        });
        assertTrue(texts[0].contains(m.english()), texts[0]);
        for (String zh : new String[] {texts[1], texts[2]}) {
            assertTrue(zh.contains(EngineText.of(new I18n(zh.equals(texts[1]) ? I18n.TRADITIONAL : I18n.SIMPLIFIED), m)),
                    zh);
            String sentence = zh;
            for (String a : m.formattedArgs()) {
                sentence = sentence.replace(a, "");
            }
            for (String w : ENGLISH) {
                assertFalse(sentence.contains(w), "English '" + w + "' in " + zh);
            }
        }
    }
}

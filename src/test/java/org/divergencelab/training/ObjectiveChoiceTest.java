package org.divergencelab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.Objective;
import org.divergencelab.gan.Presets;
import org.divergencelab.gan.Trainer;
import org.junit.jupiter.api.Test;

class ObjectiveChoiceTest {

    @Test
    void toggleSwapsOnlyTheObjectiveAndIsLive() {
        Experiment gan = Presets.get("ring8-gan");
        Experiment w = ObjectiveChoice.toggle(gan);
        assertEquals(Objective.Kind.WGAN_GP, w.objective().kind());
        assertEquals(gan.withObjective(w.objective()), w, "every other field equal");
        assertEquals(Trainer.Change.LIVE, new Trainer(gan).classify(w));
        Experiment back = ObjectiveChoice.toggle(w);
        assertEquals(Objective.Kind.NON_SATURATING, back.objective().kind());
        assertEquals(gan, back);
    }

    @Test
    void familyAndMethodRoundTrip() {
        Experiment e = Presets.get("ring8-wgan-gp");
        for (ObjectiveChoice.Lipschitz l : new ObjectiveChoice.Lipschitz[] {ObjectiveChoice.Lipschitz.CLIP,
                ObjectiveChoice.Lipschitz.GRADIENT_PENALTY, ObjectiveChoice.Lipschitz.FINITE_DIFFERENCE,
                ObjectiveChoice.Lipschitz.SPECTRAL_NORM}) {
            Experiment x = ObjectiveChoice.apply(e, ObjectiveChoice.Family.WASSERSTEIN, l, 3, 0.05);
            assertEquals(ObjectiveChoice.Family.WASSERSTEIN, ObjectiveChoice.familyOf(x.objective()));
            assertEquals(l, ObjectiveChoice.lipschitzOf(x));
            assertEquals(3, x.objective().lambda());
            assertEquals(0.05, x.objective().clip());
            assertFalse(x.critic().spectralNorm());
        }
        Experiment sn = ObjectiveChoice.apply(e, ObjectiveChoice.Family.MINIMAX, ObjectiveChoice.Lipschitz.SPECTRAL_NORM, 10,
                0.01);
        assertEquals(Objective.Kind.MINIMAX, sn.objective().kind());
        assertTrue(sn.critic().spectralNorm());
        assertEquals(ObjectiveChoice.Lipschitz.SPECTRAL_NORM, ObjectiveChoice.lipschitzOf(sn));
    }

    @Test
    void impossibleCombinationsSayWhy() {
        Experiment e = Presets.get("ring8-gan");
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class, () -> ObjectiveChoice.apply(e,
                ObjectiveChoice.Family.WASSERSTEIN, ObjectiveChoice.Lipschitz.NONE, 10, 0.01));
        assertTrue(a.getMessage().contains("Lipschitz"), a.getMessage());
        IllegalArgumentException b = assertThrows(IllegalArgumentException.class, () -> ObjectiveChoice.apply(e,
                ObjectiveChoice.Family.NON_SATURATING, ObjectiveChoice.Lipschitz.CLIP, 10, 0.01));
        assertTrue(b.getMessage().contains("Wasserstein"), b.getMessage());
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class, () -> ObjectiveChoice.apply(e,
                ObjectiveChoice.Family.WASSERSTEIN, ObjectiveChoice.Lipschitz.CLIP, 10, Double.NaN));
        assertTrue(c.getMessage().contains("objective.clip"), c.getMessage());
    }
}

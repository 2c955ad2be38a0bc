package org.divergencelab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.Objective;
import org.divergencelab.gan.Presets;
import org.junit.jupiter.api.Test;

/** The controls' EBGAN family: round trip, margin kept, spectral norm as the critic's flag, no penalties. */
class ObjectiveChoiceEbganTest {
    @Test
    void ebganFamilyRoundTripsAndKeepsTheMargin() {
        Experiment e = Presets.get("ring8-ebgan").withObjective(Objective.ebgan(0.3));
        assertEquals(ObjectiveChoice.Family.EBGAN, ObjectiveChoice.familyOf(e.objective()));
        assertEquals(ObjectiveChoice.Lipschitz.NONE, ObjectiveChoice.lipschitzOf(e));
        assertEquals(e, ObjectiveChoice.apply(e, ObjectiveChoice.Family.EBGAN, ObjectiveChoice.Lipschitz.NONE,
                e.objective().lambda(), e.objective().clip()));
        Experiment sn = ObjectiveChoice.apply(e, ObjectiveChoice.Family.EBGAN, ObjectiveChoice.Lipschitz.SPECTRAL_NORM, 10, 0.01);
        assertEquals(Objective.Kind.EBGAN, sn.objective().kind());
        assertTrue(sn.critic().spectralNorm());
        assertEquals(0.3, sn.objective().margin());
        Experiment gan = ObjectiveChoice.apply(Presets.get("ring8-gan"), ObjectiveChoice.Family.EBGAN,
                ObjectiveChoice.Lipschitz.NONE, 10, 0.01);
        assertEquals(Objective.Kind.EBGAN, gan.objective().kind());
        assertThrows(IllegalArgumentException.class, () -> ObjectiveChoice.apply(e, ObjectiveChoice.Family.EBGAN,
                ObjectiveChoice.Lipschitz.GRADIENT_PENALTY, 10, 0.01));
    }
}

package org.divergencelab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.divergencelab.gan.Experiment;
import org.junit.jupiter.api.Test;

/** S26, the conditional GAN: G follows its label only when D sees the label (the number its caption states). */
class ConditionalSceneTest {
    /** Iterations within which G's label accuracy reaches 0.8 when D(x, y) sees y (measured: 0.87 at 150, 0.99 at 200). */
    static final int N = 250;

    @Test
    void gFollowsTheLabelOnlyWhenTheDiscriminatorSeesIt() {
        Scene s = Scenes.get("S26");
        assertEquals(Scene.Mode.TRAINING, s.mode());
        assertEquals(SceneFigure.LABEL_ACCURACY, s.figure());
        Experiment e = s.experiment();
        assertEquals(8, e.labelCount());
        assertTrue(e.condition().criticSeesLabel() && e.condition().mismatchNegatives());
        SceneFigure.Data d = SceneFigure.LABEL_ACCURACY.compute(s, f -> { });
        assertEquals(3, d.series().size());
        double[] it = d.series().get(0).x();
        double[] seeing = d.series().get(0).y();
        double[] blind = d.series().get(1).y();
        assertEquals(s.iterations(), it[it.length - 1]);
        assertEquals(0.125, d.series().get(2).y()[0], 0.0);
        // D(x, y) with mismatched negatives: accuracy ≥ 0.8 from some iteration ≤ N on, to the end
        int first = -1;
        for (int k = 0; k < seeing.length; k++) {
            if (seeing[k] >= 0.8 && first < 0) {
                first = k;
            }
            if (first >= 0) {
                assertTrue(seeing[k] >= 0.8, "accuracy fell back to " + seeing[k] + " at iteration " + it[k]);
            }
        }
        assertTrue(first >= 0 && it[first] <= N, "first iteration with accuracy ≥ 0.8: "
                + (first < 0 ? "none" : it[first]) + ", curve " + java.util.Arrays.toString(seeing));
        // the label-blind D: at chance p = 1/8 within 4 standard errors sqrt(p(1 − p)/n) of the n evaluation fakes
        // (0.058 at n = 512) at every point
        double p = 1.0 / 8;
        double se = Math.sqrt(p * (1 - p) / e.evaluation().batch());
        for (int k = 0; k < blind.length; k++) {
            assertEquals(p, blind[k], 4 * se, "label-blind accuracy at iteration " + it[k]);
        }
    }
}

package org.divergencelab.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.divergencelab.training.HistoryPoint;
import org.divergencelab.training.MetricsCsv;
import org.junit.jupiter.api.Test;

/**
 * D accuracy on the evaluation batch, (#{D(real) > ½} + #{D(fake) < ½}) / 2n: the formula by hand on chosen scores,
 * the lecture's point (two lines, D trained to its optimum: 100 % while the JS is stuck at log 2), and no value
 * for critics.
 */
class DiscriminatorAccuracyTest {

    @Test
    void countsTheSidesOfOneHalfOfTheProbability() {
        // σ(s) > ½ ⇔ s > 0: real 2, 0.5 right (−1 and the tie 0 wrong); fake −3, −0.01 right (0.1 and 0 wrong)
        double[] real = {2, -1, 0.5, 0};
        double[] fake = {-3, 0.1, 0, -0.01};
        assertEquals(4.0 / 8, Evaluation.accuracy(Objective.minimax(), real, fake), 0);
        assertEquals(4.0 / 8, Evaluation.accuracy(Objective.nonSaturating(), real, fake), 0);
        // LSGAN's 0-1 coding: D = s itself, boundary ½: real 2, 0.5(tie: wrong) → 1; fake −3, 0.1, 0, −0.01 → 4
        assertEquals(5.0 / 8, Evaluation.accuracy(Objective.lsgan(), real, fake), 0);
        assertEquals(1.0, Evaluation.accuracy(Objective.lsgan(), new double[] {0.6, 0.9}, new double[] {0.4, 0.1}), 0);
    }

    @Test
    void criticsAndFGansHaveNoAccuracy() {
        double[] s = {1, -1};
        assertTrue(Double.isNaN(Evaluation.accuracy(Objective.wganGp(10), s, s)));
        assertTrue(Double.isNaN(Evaluation.accuracy(Objective.wganClip(0.01), s, s)));
        assertTrue(Double.isNaN(Evaluation.accuracy(Objective.fgan(Objective.FDivergence.KL), s, s)));
    }

    /**
     * The lecture's two lines, apart: the data segment moved to x = 1.5, beyond G's initial line (|x| ≤ 0.74; in
     * the preset itself G's line crosses the segment, and the 1–2 fakes of 512 next to the crossing sit on D's
     * wrong side: 0.996–0.998).
     */
    @Test
    void twoLinesApartWithDAtItsOptimumReadOneHundredPercentWhileJsIsLog2() {
        Trainer t = new Trainer(Presets.get("two-lines-gan").withData("segment(1.5,0,1.5,1)"));
        for (int i = 0; i < 3; i++) {
            assertTrue(t.iteration());
        }
        Snapshot s = t.snapshot(true);
        double[] fake = s.fake();
        for (int k = 0; k < fake.length; k += 2) {
            assertTrue(Math.abs(fake[k] - 1.5) > 0.5, "the lines are apart: fake x = " + fake[k]);
        }
        assertEquals(Math.log(2), s.truth("JS"), 1e-12, "the lines are apart: JS exactly log 2");
        assertEquals(1.0, s.discriminatorAccuracy(), 0, "D separates every real from every fake");
        HistoryPoint h = HistoryPoint.of(1, 0, s);
        assertTrue(MetricsCsv.row(h).endsWith(",1.0,"), MetricsCsv.row(h)); // then the empty label_accuracy
        assertTrue(MetricsCsv.HEADER.endsWith(",d_accuracy,label_accuracy"));
    }

    @Test
    void aWganHasNoAccuracyColumnValue() {
        Trainer t = new Trainer(Presets.get("two-lines-wgan"));
        assertTrue(t.iteration());
        Snapshot s = t.snapshot(false);
        assertTrue(Double.isNaN(s.discriminatorAccuracy()));
        String row = MetricsCsv.row(HistoryPoint.of(1, 0, s));
        assertTrue(row.endsWith(",,"), "the d_accuracy (and label_accuracy) cells are empty: " + row);
        assertEquals(MetricsCsv.HEADER.split(",", -1).length, row.split(",", -1).length);
    }
}

package org.divergencelab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.divergencelab.distribution.Distribution;
import org.divergencelab.distribution.PointCloud;
import org.divergencelab.divergence.DistributionW1;
import org.divergencelab.divergence.ExactW1;
import org.divergencelab.divergence.FrechetDistance;
import org.divergencelab.divergence.FrechetDistance.Gaussian;
import org.junit.jupiter.api.Test;

/** The scenes added after S21: each asserts the number its caption states. */
class NewScenesTest {

    @Test
    void s15FdCannotTellABimodalPFromItsMomentMatchedGaussian() {
        Scene s = Scenes.get("S15");
        assertEquals(Scene.Mode.SANDBOX, s.mode());
        assertEquals(SceneFigure.FRECHET_SAMPLE_SIZE, s.figure());
        Distribution p = s.sandbox().distributionP();
        Distribution q = s.sandbox().distributionQ();
        // P = ½N(−2, 0.3²) + ½N(2, 0.3²): mean 0, variance 4 + 0.09; Q = N(0, 4.09): the population FD is 0
        double sd = Double.parseDouble(s.sandbox().q().replaceAll("normal\\(0,(.*)\\)", "$1"));
        assertEquals(0, FrechetDistance.between(new Gaussian(new double[] {0}, new double[][] {{4.09}}),
                new Gaussian(new double[] {0}, new double[][] {{sd * sd}})), 1e-12);
        // samples: FD < 0.05 at n = 2000 while W1 > 0.5, exact (quadrature) and from the same samples
        PointCloud a = p.sample(2000, 11L);
        PointCloud b = q.sample(2000, 12L);
        assertTrue(FrechetDistance.ofSamples(a, b) < 0.05, "FD " + FrechetDistance.ofSamples(a, b));
        double w1 = DistributionW1.oneD(p, q).orElseThrow();
        assertEquals(0.86, w1, 0.005, "the caption's W1(P, Q) = 0.86");
        assertTrue(ExactW1.distance(a, b) > 0.5);
    }

    @Test
    void s15FigureShowsTheSampleSizeBiasAndAStableW1() {
        SceneFigure.Data d = SceneFigure.FRECHET_SAMPLE_SIZE.compute(Scenes.get("S15"), f -> { });
        List<SceneFigure.Series> series = d.series();
        double[] fdPq = series.get(0).y();
        double[] fdPp = series.get(1).y();
        double[] w1 = series.get(2).y();
        int last = fdPq.length - 1;
        assertEquals(1600, series.get(0).x()[last]);
        assertTrue(fdPq[last] < 0.05, "FD(P, Q) at n = 1600: " + fdPq[last]);
        for (double w : w1) {
            assertTrue(w > 0.5, "W1 at every n: " + w);
        }
        // the bias: FD between two draws of the same P is ≈ 0.3 at n = 25 (E ≥ 2·4.09/25 from the means alone)
        // and more than 10× smaller at n = 1600
        assertTrue(fdPp[0] > 0.15 && fdPp[0] < 0.45, "FD(P, P') at n = 25: " + fdPp[0]);
        assertTrue(fdPp[0] > 10 * fdPp[last], fdPp[0] + " vs " + fdPp[last]);
        // FD cannot tell Q from P: FD(P, Q) is within the same band as FD(P, P') at every n
        for (int i = 0; i <= last; i++) {
            assertTrue(fdPq[i] < 3 * fdPp[i] && fdPp[i] < 3 * fdPq[i], i + ": " + fdPq[i] + " vs " + fdPp[i]);
        }
    }
}

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

    @Test
    void s16MemoryGanScoresFdAndW1NearZeroButSitsOnItsTrainingPoints() {
        Scene s = Scenes.get("S16");
        Distribution p = s.sandbox().distributionP();
        long seed = s.sandbox().seed();
        PointCloud t = SceneFigure.memoryTrainingSet(p, seed);
        // the scene's Q is the copy of T: 4000 draws of Q hit only training points, and every one of them
        java.util.Set<Double> train = new java.util.HashSet<>();
        for (int i = 0; i < t.size(); i++) {
            train.add(t.get(i, 0));
        }
        PointCloud qs = s.sandbox().distributionQ().sample(4000, 3L);
        java.util.Set<Double> hit = new java.util.HashSet<>();
        for (int i = 0; i < qs.size(); i++) {
            assertTrue(train.contains(qs.get(i, 0)), "Q draws a non-training point " + qs.get(i, 0));
            hit.add(qs.get(i, 0));
        }
        assertEquals(train, hit);

        List<PointCloud> g = SceneFigure.memoryGenerators(p, seed);
        PointCloud copy = g.get(0);
        PointCloud mirror = g.get(1);
        PointCloud fresh = g.get(2);
        // the caption's numbers: copy FD 0.001, W1 0; mirror FD 0.005, W1 0.08; fresh FD 0.04, W1 0.22
        assertEquals(0.001, FrechetDistance.ofSamples(copy, t), 0.0005);
        assertEquals(0, ExactW1.distance(copy, t), 1e-12);
        assertEquals(0.005, FrechetDistance.ofSamples(mirror, t), 0.0005);
        assertEquals(0.08, ExactW1.distance(mirror, t), 0.005);
        assertEquals(0.04, FrechetDistance.ofSamples(fresh, t), 0.005);
        assertEquals(0.22, ExactW1.distance(fresh, t), 0.005);
        // nearest training point: the copy sits on T; mirror and fresh have the same median distance (0.03)
        double[] dCopy = SceneFigure.nearestDistances(copy, t);
        assertEquals(0, dCopy[dCopy.length - 1]);
        double mMirror = SceneFigure.nearestDistances(mirror, t)[SceneFigure.MEMORY_SAMPLES / 2];
        double mFresh = SceneFigure.nearestDistances(fresh, t)[SceneFigure.MEMORY_SAMPLES / 2];
        assertEquals(0.03, mMirror, 0.005);
        assertEquals(0.03, mFresh, 0.005);
        SceneFigure.Data d = SceneFigure.MEMORY_NEAREST.compute(s, f -> { });
        assertEquals(3, d.series().size());
        assertTrue(d.series().get(0).name().en().startsWith("copy of T: FD 0.001, W1 0.000"), d.series().get(0).name().en());
    }

    @Test
    void s23CollapsedSamplesAreSharpButNotDiverse() {
        SceneFigure.Data d = SceneFigure.QUALITY_DIVERSITY.compute(Scenes.get("S23"), f -> { });
        double[] it = d.series().get(0).x();
        int last = it.length - 1;
        assertEquals(600, it[last]);
        double score = d.series().get(0).y()[last];
        double diversity = d.series().get(1).y()[last];
        double sharp = d.series().get(2).y()[last];
        double data = d.series().get(3).y()[last];
        // the caption: every sample sharp (e^H(p(c|x)) at most 1.05), p̄ on fewer than 4 classes, toy IS below 4,
        // data 7.97 (8 modes: 8 at most). The collapse's exact corner differs between the SIMD and scalar
        // arithmetic paths (1.6 and 3.4 classes at iteration 600), so the bounds are the caption's, not one run's.
        assertTrue(score < 4, "toy IS of G " + score);
        assertTrue(diversity < 4, "e^H(p̄) " + diversity);
        assertTrue(sharp >= 1 && sharp < 1.05, "e^H(p(c|x)) " + sharp);
        assertEquals(7.97, data, 0.005);
        assertEquals(score, diversity / sharp, 1e-9);
    }
}

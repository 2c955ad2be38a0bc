package org.divergencelab.divergence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.divergencelab.distribution.Mixture;
import org.divergencelab.distribution.PointCloud;
import org.divergencelab.distribution.SpecCache;
import org.junit.jupiter.api.Test;

/** The toy Inception Score against hand cases: midpoints, sharp samples, one mode vs two. */
class QualityDiversityTest {
    private final Mixture two = (Mixture) SpecCache.parse("mixture(0.5*normal(-1,0.5),0.5*normal(1,0.5))");

    @Test
    void posteriorIsBayesWithTheComponentDensities() {
        assertArrayEquals(new double[] {0.5, 0.5}, QualityDiversity.posterior(two, new double[] {0}), 1e-15);
        // at x: p(c=1|x) = 1 / (1 + exp(−2x/σ²)) for means ±1, equal weights and σ = 0.5
        double x = 0.3;
        double p1 = 1 / (1 + Math.exp(-2 * x / 0.25));
        assertArrayEquals(new double[] {1 - p1, p1}, QualityDiversity.posterior(two, new double[] {x}), 1e-12);
        // far out (log-sum-exp): still a distribution, not NaN
        assertArrayEquals(new double[] {0, 1}, QualityDiversity.posterior(two, new double[] {300}), 1e-12);
    }

    @Test
    void scoreIsOneForOneModeTwoForBothAndOneForMidpoints() {
        PointCloud oneMode = PointCloud.of(1, new double[] {5, 6, 7});
        PointCloud bothModes = PointCloud.of(1, new double[] {-6, 6, -7, 7});
        PointCloud midpoints = PointCloud.of(1, new double[] {0, 0});
        assertEquals(1, QualityDiversity.evaluate(two, oneMode).score(), 1e-9);
        QualityDiversity.Result both = QualityDiversity.evaluate(two, bothModes);
        assertEquals(2, both.score(), 1e-9);
        assertEquals(Math.log(2), both.averagedEntropy(), 1e-9);
        assertEquals(0, both.sampleEntropy(), 1e-9);
        // diverse on average but every sample unsure: quality is bad, the score is 1
        QualityDiversity.Result mid = QualityDiversity.evaluate(two, midpoints);
        assertEquals(Math.log(2), mid.sampleEntropy(), 1e-12);
        assertEquals(1, mid.score(), 1e-12);
        assertTrue(List.of(both.score(), mid.score()).stream().allMatch(v -> v >= 1 - 1e-12));
    }
}

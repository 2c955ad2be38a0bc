package org.divergencelab.divergence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.divergencelab.distribution.PointCloud;
import org.divergencelab.divergence.FrechetDistance.Gaussian;
import org.junit.jupiter.api.Test;

/** FD against hand cases: 1-D, commuting covariances, and the 2 × 2 trace/determinant identity. */
class FrechetDistanceTest {

    @Test
    void oneDimensionalIsMeanGapSquaredPlusSdGapSquared() {
        // N(1, 2²) vs N(−1, 0.5²): (1 − (−1))² + (2 − 0.5)² = 4 + 2.25
        Gaussian a = new Gaussian(new double[] {1}, new double[][] {{4}});
        Gaussian b = new Gaussian(new double[] {-1}, new double[][] {{0.25}});
        assertEquals(6.25, FrechetDistance.between(a, b), 1e-12);
        assertEquals(6.25, FrechetDistance.between(b, a), 1e-12);
        assertEquals(0, FrechetDistance.between(a, a), 1e-12);
    }

    @Test
    void commutingCovariancesInThreeDimensions() {
        // Σ1 = R diag(1, 4, 9) Rᵀ and Σ2 = R diag(4, 1, 16) Rᵀ share eigenvectors: the trace term is
        // Σ (√a − √b)² = 1 + 1 + 1 = 3; means 3 apart along one axis add 9.
        double[][] r = rotation(0.3, 1.1);
        Gaussian a = new Gaussian(new double[] {0, 0, 0}, conj(r, new double[] {1, 4, 9}));
        Gaussian b = new Gaussian(new double[] {0, 3, 0}, conj(r, new double[] {4, 1, 16}));
        assertEquals(12, FrechetDistance.between(a, b), 1e-10);
    }

    @Test
    void nonCommutingTwoByTwoMatchesTraceDeterminantIdentity() {
        // For a 2×2 PSD M, tr √M = √(tr M + 2 √det M); with M = Σ1^½ Σ2 Σ1^½: tr M = tr(Σ1 Σ2), det M = det Σ1 det Σ2.
        double[][] s1 = {{2, 0.5}, {0.5, 1}};
        double[][] s2 = {{1, -0.3}, {-0.3, 3}};
        double trProd = s1[0][0] * s2[0][0] + s1[0][1] * s2[1][0] + s1[1][0] * s2[0][1] + s1[1][1] * s2[1][1];
        double det = (2 * 1 - 0.25) * (3 - 0.09);
        double cross = Math.sqrt(trProd + 2 * Math.sqrt(det));
        double expected = 0.5 * 0.5 + 1 + (2 + 1) + (1 + 3) - 2 * cross;
        Gaussian a = new Gaussian(new double[] {0.5, 0}, s1);
        Gaussian b = new Gaussian(new double[] {0, 1}, s2);
        assertEquals(expected, FrechetDistance.between(a, b), 1e-12);
        assertEquals(expected, FrechetDistance.between(b, a), 1e-12);
    }

    @Test
    void fitIsSampleMeanAndUnbiasedCovariance() {
        // points (0,0), (2,0), (0,4), (2,4): mean (1, 2); var x = 4/3, var y = 16/3, cov 0 (divisor n − 1 = 3)
        Gaussian g = FrechetDistance.fit(PointCloud.of(2, new double[] {0, 0, 2, 0, 0, 4, 2, 4}));
        assertArrayEquals(new double[] {1, 2}, g.mean(), 1e-15);
        assertArrayEquals(new double[] {4.0 / 3, 0}, g.cov()[0], 1e-15);
        assertArrayEquals(new double[] {0, 16.0 / 3}, g.cov()[1], 1e-15);
        // a translated copy: FD = the squared shift
        double[] c = {0, 0, 2, 0, 0, 4, 2, 4};
        double[] shifted = Arrays.copyOf(c, c.length);
        for (int i = 0; i < shifted.length; i += 2) {
            shifted[i] += 3;
        }
        assertEquals(9, FrechetDistance.ofSamples(PointCloud.of(2, c), PointCloud.of(2, shifted)), 1e-12);
    }

    @Test
    void badInputsNameTheProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FrechetDistance.fit(PointCloud.of(1, new double[] {1})));
        assertTrue(e.getMessage().contains("at least 2 points, got 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FrechetDistance.between(
                new Gaussian(new double[] {0}, new double[][] {{1}}),
                new Gaussian(new double[] {0, 0}, new double[][] {{1, 0}, {0, 1}})));
        assertTrue(e.getMessage().contains("1 and 2"), e.getMessage());
    }

    private static double[][] rotation(double a, double b) {
        double[][] rz = {{Math.cos(a), -Math.sin(a), 0}, {Math.sin(a), Math.cos(a), 0}, {0, 0, 1}};
        double[][] rx = {{1, 0, 0}, {0, Math.cos(b), -Math.sin(b)}, {0, Math.sin(b), Math.cos(b)}};
        return mul(rz, rx);
    }

    private static double[][] conj(double[][] r, double[] diag) {
        double[][] d = new double[3][3];
        for (int i = 0; i < 3; i++) {
            d[i][i] = diag[i];
        }
        double[][] rt = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                rt[i][j] = r[j][i];
            }
        }
        return mul(mul(r, d), rt);
    }

    private static double[][] mul(double[][] x, double[][] y) {
        double[][] o = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    o[i][j] += x[i][k] * y[k][j];
                }
            }
        }
        return o;
    }
}

package org.divergencelab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.compute.Float64Backend;
import org.divergencelab.compute.Tensor;
import org.junit.jupiter.api.Test;

/** The spectral norm's power iteration and the σ_max display against an independent SVD (EJML). */
class SpectralNormTest {
    private static final ComputeBackend F64 = Float64Backend.INSTANCE;

    /**
     * σ_max by EJML's SVD against a closed form: diag(3, 2, 1) rotated on both sides has σ_max = 3; a rank-1
     * matrix a·bᵀ has σ_max = ‖a‖‖b‖.
     */
    @Test
    void largestSingularValueMatchesClosedForms() {
        Tensor d = F64.allocate(3, 3);
        F64.copyIn(new double[] {0, 3, 0, 0, 0, -2, 1, 0, 0}, d);   // a permuted, signed diag(3, 2, 1)
        assertEquals(3, SpectralNorm.largestSingularValue(d), 1e-12);
        Tensor r = F64.allocate(2, 3);
        F64.copyIn(new double[] {1 * 2, 1 * -1, 1 * 2, 3 * 2, 3 * -1, 3 * 2}, r);   // a = (1, 3), b = (2, −1, 2)
        assertEquals(Math.sqrt(10) * 3, SpectralNorm.largestSingularValue(r), 1e-12);
    }

    /**
     * The training's power iteration (the persistent u, v of WGAN-SN) converges to EJML's σ_max: 1e-6 relative
     * after 2000 iterations on He-initialised weights of the critic's shapes (2×64, 64×64, 64×1). The
     * Rayleigh-type estimate uᵀWv approaches σ_max from below, so it never overshoots.
     */
    @Test
    void powerIterationConvergesToTheSvd() {
        SplittableRandom rng = new SplittableRandom(7);
        int[][] shapes = {{2, 64}, {64, 64}, {64, 1}, {64, 32}};
        for (int[] s : shapes) {
            Dense layer = new Dense("t", F64, s[0], s[1], Init.HE, rng).withSpectralNorm(1, rng);
            Tensor w = layer.weight().value();
            double exact = SpectralNorm.largestSingularValue(w);
            SpectralNorm sn = layer.spectralNorm();
            double first = sn.sigma(w);
            assertTrue(first <= exact * (1 + 1e-12), "one iteration " + first + " vs " + exact);
            sn.powerIterate(w, 2000);
            double est = sn.sigma(w);
            assertEquals(exact, est, 1e-6 * exact, s[0] + "x" + s[1]);
            assertTrue(est <= exact * (1 + 1e-12), "estimate above σ_max: " + est + " vs " + exact);
            // the display: σ_max of W/σ̂, which is 1 once the iteration has converged
            assertEquals(1, layer.largestSingularValue(), 1e-6);
        }
    }
}

package org.divergencelab.divergence;

import java.util.SplittableRandom;

import org.divergencelab.distribution.PointCloud;

/**
 * Sliced W1: the mean over random directions θ (uniform on the circle, from an explicit seed) of the exact
 * 1-D W1 between the projections ⟨x, θ⟩. A lower bound on W1 (projection is 1-Lipschitz); in 1-D it is W1.
 * Monte Carlo error ~ (spread of the per-direction values) / √projections.
 */
public final class SlicedW1 {
    private SlicedW1() {
    }

    /** Sliced W1 with {@code projections} seeded directions. */
    public static double distance(PointCloud p, PointCloud q, int projections, long seed) {
        ExactW1.requireSameDimension(p, q);
        if (projections < 1) {
            throw new IllegalArgumentException("projections must be >= 1, got " + projections);
        }
        if (p.dimension() == 1) {
            return ExactW1.oneD(p, q).value();
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] xp = new double[p.size()];
        double[] xq = new double[q.size()];
        double sum = 0;
        for (int k = 0; k < projections; k++) {
            double th = 2 * Math.PI * rng.nextDouble();
            double cx = Math.cos(th);
            double cy = Math.sin(th);
            for (int i = 0; i < xp.length; i++) {
                xp[i] = cx * p.get(i, 0) + cy * p.get(i, 1);
            }
            for (int j = 0; j < xq.length; j++) {
                xq[j] = cx * q.get(j, 0) + cy * q.get(j, 1);
            }
            sum += ExactW1.oneD(PointCloud.weighted(1, xp.clone(), p.weightsView()),
                    PointCloud.weighted(1, xq.clone(), q.weightsView())).value();
        }
        return sum / projections;
    }
}

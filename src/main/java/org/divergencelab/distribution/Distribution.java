package org.divergencelab.distribution;

import java.util.SplittableRandom;

/**
 * A probability distribution on the line or the plane: it samples from an explicit seed and, where it has
 * one, gives its density. Implementations are immutable and safe to use from any thread (sampling state
 * lives in the caller's {@link SplittableRandom}).
 */
public interface Distribution {

    /** 1 or 2. */
    int dimension();

    /** The text spec that {@link SpecParser#parse} turns back into an equal distribution. */
    String spec();

    /** Draws one point into {@code out[offset .. offset + dimension())}. */
    void sampleInto(SplittableRandom rng, double[] out, int offset);

    /** Draws {@code n} points with equal weights. */
    default PointCloud sample(int n, SplittableRandom rng) {
        if (n < 1) {
            throw new IllegalArgumentException("number of samples must be >= 1, got " + n);
        }
        int d = dimension();
        double[] c = new double[n * d];
        for (int i = 0; i < n; i++) {
            sampleInto(rng, c, i * d);
        }
        return PointCloud.of(d, c);
    }

    /** Draws {@code n} points from a fresh generator seeded with {@code seed}. */
    default PointCloud sample(int n, long seed) {
        return sample(n, new SplittableRandom(seed));
    }

    /** True when the distribution is absolutely continuous and {@link #logDensity} can be evaluated. */
    boolean hasDensity();

    /**
     * Natural log of the density at {@code x} ({@code -Infinity} outside the support). Working in logs keeps
     * far Gaussian tails finite, which the divergence integrals need.
     *
     * @throws UnsupportedOperationException when {@link #hasDensity()} is false
     */
    default double logDensity(double[] x) {
        throw new UnsupportedOperationException(spec() + " has no density");
    }

    /** The density at {@code x}. */
    default double density(double[] x) {
        return Math.exp(logDensity(x));
    }

    /** The Lebesgue decomposition: density components, point masses and (2-D) line segments. */
    Parts parts();

    /** The distribution moved as a whole by {@code shift} (one entry per dimension). */
    default Distribution translate(double... shift) {
        return Translated.of(this, shift);
    }

    /**
     * Points where a 1-D density may change character (support ends, modes, a few scales away from each
     * mode), so quadrature splits there and narrow peaks are not missed. For 2-D, the corners of a box
     * holding the mass; see {@link #bounds()}.
     */
    double[] breakpoints();

    /** The largest Gaussian scale in the tails (0 when the support is bounded). */
    double tailScale();

    /**
     * A box {lo0, hi0, lo1, hi1} (2-D) or {lo, hi} (1-D) that holds all but a negligible (below 1e-20)
     * fraction of the mass.
     */
    double[] bounds();
}

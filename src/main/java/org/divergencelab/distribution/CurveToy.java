package org.divergencelab.distribution;

import java.util.SplittableRandom;

/**
 * Sample-only 2-D toys: {@code swissroll(noise)}, {@code moons(noise)}, {@code spiral(turns,noise)}. A point
 * on a curve plus isotropic Gaussian noise; the density would need an integral over the curve, so these
 * report no density (exact divergences refuse them; sample-based measures work).
 */
public final class CurveToy implements Distribution {
    /** Which curve. */
    public enum Kind { SWISSROLL, MOONS, SPIRAL }

    private final Kind kind;
    private final double turns;
    private final double noise;

    public CurveToy(Kind kind, double turns, double noise) {
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException(kind.name().toLowerCase() + " noise must be finite and >= 0, got "
                    + noise);
        }
        if (kind == Kind.SPIRAL) {
            Specs.requirePositive("spiral turns", turns);
        }
        this.kind = kind;
        this.turns = turns;
        this.noise = noise;
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public String spec() {
        return switch (kind) {
            case SWISSROLL -> "swissroll(" + Specs.fmt(noise) + ")";
            case MOONS -> "moons(" + Specs.fmt(noise) + ")";
            case SPIRAL -> "spiral(" + Specs.fmt(turns) + "," + Specs.fmt(noise) + ")";
        };
    }

    @Override
    public void sampleInto(SplittableRandom rng, double[] out, int offset) {
        double x;
        double y;
        switch (kind) {
            case SWISSROLL -> {
                // scikit-learn's make_swiss_roll (x, z plane), scaled by 1/7.5 as in the WGAN-GP toy.
                double t = 1.5 * Math.PI * (1 + 2 * rng.nextDouble());
                x = t * Math.cos(t) / 7.5;
                y = t * Math.sin(t) / 7.5;
            }
            case MOONS -> {
                // scikit-learn's make_moons: two interleaved half circles.
                double th = Math.PI * rng.nextDouble();
                if (rng.nextBoolean()) {
                    x = Math.cos(th);
                    y = Math.sin(th);
                } else {
                    x = 1 - Math.cos(th);
                    y = 0.5 - Math.sin(th);
                }
            }
            default -> {
                double s = rng.nextDouble();
                double th = 2 * Math.PI * turns * s;
                x = s * Math.cos(th);
                y = s * Math.sin(th);
            }
        }
        out[offset] = x + noise * Specs.gaussian(rng);
        out[offset + 1] = y + noise * Specs.gaussian(rng);
    }

    @Override
    public boolean hasDensity() {
        return false;
    }

    @Override
    public Parts parts() {
        throw new UnsupportedOperationException(spec() + " has no closed-form density; use a sample-based "
                + "measure (w1, sinkhorn, sliced, or an estimator)");
    }

    @Override
    public double[] breakpoints() {
        return bounds();
    }

    @Override
    public double tailScale() {
        return noise;
    }

    @Override
    public double[] bounds() {
        double r = switch (kind) {
            case SWISSROLL -> 4.5 * Math.PI / 7.5;
            case MOONS -> 2;
            case SPIRAL -> 1;
        };
        return new double[] {-r - 10 * noise, r + 10 * noise, -r - 10 * noise, r + 10 * noise};
    }
}

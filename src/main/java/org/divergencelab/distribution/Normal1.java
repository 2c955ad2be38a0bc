package org.divergencelab.distribution;

import java.util.SplittableRandom;

/** The 1-D normal distribution {@code normal(mu,sigma)}. */
public final class Normal1 implements Distribution {
    static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private final double mu;
    private final double sigma;

    public Normal1(double mu, double sigma) {
        Specs.requireFinite("mu", mu);
        Specs.requirePositive("sigma", sigma);
        this.mu = mu;
        this.sigma = sigma;
    }

    public double mu() {
        return mu;
    }

    public double sigma() {
        return sigma;
    }

    @Override
    public int dimension() {
        return 1;
    }

    @Override
    public String spec() {
        return "normal(" + Specs.fmt(mu) + "," + Specs.fmt(sigma) + ")";
    }

    @Override
    public void sampleInto(SplittableRandom rng, double[] out, int offset) {
        out[offset] = mu + sigma * Specs.gaussian(rng);
    }

    @Override
    public boolean hasDensity() {
        return true;
    }

    @Override
    public double logDensity(double[] x) {
        double z = (x[0] - mu) / sigma;
        return -0.5 * z * z - Math.log(sigma) - LOG_SQRT_2PI;
    }

    /** The CDF, for exact 1-D W1 between distributions. */
    public double cdf(double x) {
        return 0.5 * org.hipparchus.special.Erf.erfc(-(x - mu) / (sigma * Math.sqrt(2)));
    }

    @Override
    public Parts parts() {
        return Parts.ofDensity(this);
    }

    @Override
    public double[] breakpoints() {
        return new double[] {mu - 8 * sigma, mu - 3 * sigma, mu - sigma, mu, mu + sigma, mu + 3 * sigma,
            mu + 8 * sigma};
    }

    @Override
    public double tailScale() {
        return sigma;
    }

    @Override
    public double[] bounds() {
        return new double[] {mu - 10 * sigma, mu + 10 * sigma};
    }
}

package org.divergencelab.distribution;

import java.util.SplittableRandom;

/** The 1-D uniform distribution {@code uniform(a,b)} on [a, b]. */
public final class Uniform1 implements Distribution {
    private final double a;
    private final double b;

    public Uniform1(double a, double b) {
        Specs.requireFinite("a", a);
        Specs.requireFinite("b", b);
        if (!(b > a)) {
            throw new IllegalArgumentException("uniform(a,b) needs a < b, got a=" + a + ", b=" + b);
        }
        this.a = a;
        this.b = b;
    }

    public double a() {
        return a;
    }

    public double b() {
        return b;
    }

    @Override
    public int dimension() {
        return 1;
    }

    @Override
    public String spec() {
        return "uniform(" + Specs.fmt(a) + "," + Specs.fmt(b) + ")";
    }

    @Override
    public void sampleInto(SplittableRandom rng, double[] out, int offset) {
        out[offset] = a + (b - a) * rng.nextDouble();
    }

    @Override
    public boolean hasDensity() {
        return true;
    }

    @Override
    public double logDensity(double[] x) {
        return x[0] >= a && x[0] <= b ? -Math.log(b - a) : Double.NEGATIVE_INFINITY;
    }

    @Override
    public Parts parts() {
        return Parts.ofDensity(this);
    }

    @Override
    public double[] breakpoints() {
        return new double[] {a, b};
    }

    @Override
    public double tailScale() {
        return 0;
    }

    @Override
    public double[] bounds() {
        return new double[] {a, b};
    }
}

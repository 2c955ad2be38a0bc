package org.divergencelab.distribution;

import java.util.SplittableRandom;

/** Uniform on the rectangle [x1, x2] x [y1, y2]: {@code box(x1,y1,x2,y2)}; checkerboard squares are boxes. */
public final class Box implements Distribution {
    private final double x1;
    private final double y1;
    private final double x2;
    private final double y2;

    public Box(double x1, double y1, double x2, double y2) {
        if (!(x2 > x1) || !(y2 > y1) || !Double.isFinite(x1 + x2 + y1 + y2)) {
            throw new IllegalArgumentException("box needs finite x1 < x2 and y1 < y2, got " + x1 + "," + y1 + ","
                    + x2 + "," + y2);
        }
        this.x1 = x1;
        this.y1 = y1;
        this.x2 = x2;
        this.y2 = y2;
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public String spec() {
        return "box(" + Specs.fmt(x1) + "," + Specs.fmt(y1) + "," + Specs.fmt(x2) + "," + Specs.fmt(y2) + ")";
    }

    @Override
    public void sampleInto(SplittableRandom rng, double[] out, int offset) {
        out[offset] = x1 + (x2 - x1) * rng.nextDouble();
        out[offset + 1] = y1 + (y2 - y1) * rng.nextDouble();
    }

    @Override
    public boolean hasDensity() {
        return true;
    }

    @Override
    public double logDensity(double[] x) {
        return x[0] >= x1 && x[0] <= x2 && x[1] >= y1 && x[1] <= y2 ? -Math.log((x2 - x1) * (y2 - y1))
                : Double.NEGATIVE_INFINITY;
    }

    @Override
    public Parts parts() {
        return Parts.ofDensity(this);
    }

    @Override
    public double[] breakpoints() {
        return bounds();
    }

    @Override
    public double tailScale() {
        return 0;
    }

    @Override
    public double[] bounds() {
        return new double[] {x1, x2, y1, y2};
    }
}

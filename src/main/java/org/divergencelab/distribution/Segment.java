package org.divergencelab.distribution;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Uniform on the line segment {@code segment(x1,y1,x2,y2)}: the lecture's "two lines". Singular in the
 * plane (no density), which is exactly why JS saturates at log 2 between two parallel lines.
 */
public final class Segment implements Distribution {
    private final double x1;
    private final double y1;
    private final double x2;
    private final double y2;

    public Segment(double x1, double y1, double x2, double y2) {
        for (double v : new double[] {x1, y1, x2, y2}) {
            Specs.requireFinite("segment coordinate", v);
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
        return "segment(" + Specs.fmt(x1) + "," + Specs.fmt(y1) + "," + Specs.fmt(x2) + "," + Specs.fmt(y2) + ")";
    }

    @Override
    public void sampleInto(SplittableRandom rng, double[] out, int offset) {
        double t = rng.nextDouble();
        out[offset] = x1 + t * (x2 - x1);
        out[offset + 1] = y1 + t * (y2 - y1);
    }

    @Override
    public boolean hasDensity() {
        return false;
    }

    @Override
    public Parts parts() {
        if (x1 == x2 && y1 == y2) {
            return Parts.ofAtom(new double[] {x1, y1});
        }
        return new Parts(List.of(), List.of(), List.of(new Parts.SegmentPart(x1, y1, x2, y2, 1)));
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
        return new double[] {Math.min(x1, x2), Math.max(x1, x2), Math.min(y1, y2), Math.max(y1, y2)};
    }
}

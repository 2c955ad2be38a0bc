package org.divergencelab.distribution;

import java.util.SplittableRandom;

/** A point mass {@code point(x)} or {@code point(x,y)}: no density, one atom. */
public final class PointMass implements Distribution {
    private final double[] position;

    public PointMass(double... position) {
        if (position.length != 1 && position.length != 2) {
            throw new IllegalArgumentException("point needs 1 or 2 coordinates, got " + position.length);
        }
        for (double p : position) {
            Specs.requireFinite("point coordinate", p);
        }
        this.position = position.clone();
    }

    public double[] position() {
        return position.clone();
    }

    @Override
    public int dimension() {
        return position.length;
    }

    @Override
    public String spec() {
        return position.length == 1 ? "point(" + Specs.fmt(position[0]) + ")"
                : "point(" + Specs.fmt(position[0]) + "," + Specs.fmt(position[1]) + ")";
    }

    @Override
    public void sampleInto(SplittableRandom rng, double[] out, int offset) {
        System.arraycopy(position, 0, out, offset, position.length);
    }

    @Override
    public boolean hasDensity() {
        return false;
    }

    @Override
    public Parts parts() {
        return Parts.ofAtom(position);
    }

    @Override
    public double[] breakpoints() {
        return position.length == 1 ? new double[] {position[0]} : bounds();
    }

    @Override
    public double tailScale() {
        return 0;
    }

    @Override
    public double[] bounds() {
        return position.length == 1 ? new double[] {position[0], position[0]}
                : new double[] {position[0], position[0], position[1], position[1]};
    }
}

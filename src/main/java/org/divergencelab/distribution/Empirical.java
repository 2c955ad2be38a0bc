package org.divergencelab.distribution;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The empirical distribution of a point cloud ({@code samples(FILE.csv)}): sampling resamples the points by
 * weight; as a measure it is a set of atoms, so its exact divergence to any density is the singular one.
 */
public final class Empirical implements Distribution {
    private final PointCloud points;
    private final String source;
    private final double[] cumulative;

    /** {@code source} is the spec text (e.g. {@code samples(x.csv)}). */
    public Empirical(PointCloud points, String source) {
        this.points = points;
        this.source = source;
        this.cumulative = new double[points.size()];
        double c = 0;
        for (int i = 0; i < cumulative.length; i++) {
            c += points.weight(i);
            cumulative[i] = c;
        }
    }

    public PointCloud points() {
        return points;
    }

    @Override
    public int dimension() {
        return points.dimension();
    }

    @Override
    public String spec() {
        return source;
    }

    @Override
    public void sampleInto(SplittableRandom rng, double[] out, int offset) {
        double u = rng.nextDouble() * cumulative[cumulative.length - 1];
        int k = java.util.Arrays.binarySearch(cumulative, u);
        k = k >= 0 ? k + 1 : -k - 1;
        k = Math.min(k, cumulative.length - 1);
        int d = points.dimension();
        for (int j = 0; j < d; j++) {
            out[offset + j] = points.get(k, j);
        }
    }

    @Override
    public boolean hasDensity() {
        return false;
    }

    @Override
    public Parts parts() {
        List<Parts.Atom> atoms = new ArrayList<>();
        int d = points.dimension();
        for (int i = 0; i < points.size(); i++) {
            double[] p = new double[d];
            for (int k = 0; k < d; k++) {
                p[k] = points.get(i, k);
            }
            atoms.add(new Parts.Atom(p, points.weight(i)));
        }
        return new Parts(List.of(), atoms, List.of());
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
        int d = points.dimension();
        double[] b = new double[2 * d];
        for (int k = 0; k < d; k++) {
            b[2 * k] = Double.POSITIVE_INFINITY;
            b[2 * k + 1] = Double.NEGATIVE_INFINITY;
        }
        for (int i = 0; i < points.size(); i++) {
            for (int k = 0; k < d; k++) {
                b[2 * k] = Math.min(b[2 * k], points.get(i, k));
                b[2 * k + 1] = Math.max(b[2 * k + 1], points.get(i, k));
            }
        }
        return b;
    }
}

package org.divergencelab.distribution;

import java.util.Arrays;

/**
 * A weighted finite set of points, stored flat ({@code coords[i * dimension + k]}) so the interactive path
 * allocates one array per cloud. Weights are non-negative and normalised to sum to 1.
 */
public final class PointCloud {
    private final int dimension;
    private final double[] coords;
    private final double[] weights;

    private PointCloud(int dimension, double[] coords, double[] weights) {
        this.dimension = dimension;
        this.coords = coords;
        this.weights = weights;
    }

    /** Equal weights. {@code coords} is used as is (not copied). */
    public static PointCloud of(int dimension, double[] coords) {
        int n = check(dimension, coords);
        double[] w = new double[n];
        Arrays.fill(w, 1.0 / n);
        return new PointCloud(dimension, coords, w);
    }

    /** Given non-negative weights, normalised here; {@code coords} is used as is. */
    public static PointCloud weighted(int dimension, double[] coords, double[] weights) {
        int n = check(dimension, coords);
        if (weights.length != n) {
            throw new IllegalArgumentException("weights has " + weights.length + " entries for " + n + " points");
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            double w = weights[i];
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weight " + i + " must be finite and >= 0, got " + w);
            }
            total += w;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("weights sum to " + total + "; at least one must be positive");
        }
        double[] w = Specs.normalise(weights, total);
        return new PointCloud(dimension, coords, w);
    }

    private static int check(int dimension, double[] coords) {
        if (dimension != 1 && dimension != 2) {
            throw new IllegalArgumentException("dimension must be 1 or 2, got " + dimension);
        }
        if (coords.length == 0 || coords.length % dimension != 0) {
            throw new IllegalArgumentException("need a non-empty multiple of " + dimension + " coordinates, got "
                    + coords.length);
        }
        for (int i = 0; i < coords.length; i++) {
            if (!Double.isFinite(coords[i])) {
                throw new IllegalArgumentException("point " + i / dimension + " has a non-finite coordinate "
                        + coords[i]);
            }
        }
        return coords.length / dimension;
    }

    public int dimension() {
        return dimension;
    }

    public int size() {
        return coords.length / dimension;
    }

    /** Coordinate {@code k} of point {@code i}. */
    public double get(int i, int k) {
        return coords[i * dimension + k];
    }

    public double weight(int i) {
        return weights[i];
    }

    /** The flat coordinate array itself (not a copy): read-only by convention, for fast solvers. */
    public double[] coordsView() {
        return coords;
    }

    /** The normalised weights themselves (not a copy): read-only by convention. */
    public double[] weightsView() {
        return weights;
    }

    /** A copy as {@code double[size()][dimension()]}. */
    public double[][] toArray() {
        double[][] a = new double[size()][];
        for (int i = 0; i < a.length; i++) {
            a[i] = Arrays.copyOfRange(coords, i * dimension, (i + 1) * dimension);
        }
        return a;
    }

    /** A copy moved by {@code shift}. */
    public PointCloud translate(double... shift) {
        if (shift.length != dimension) {
            throw new IllegalArgumentException("shift has " + shift.length + " entries for dimension " + dimension);
        }
        double[] c = coords.clone();
        for (int i = 0; i < c.length; i++) {
            c[i] += shift[i % dimension];
        }
        return new PointCloud(dimension, c, weights.clone());
    }

    /** True when every weight is the same (the fast assignment case). */
    public boolean uniformWeights() {
        for (double w : weights) {
            if (w != weights[0]) {
                return false;
            }
        }
        return true;
    }
}

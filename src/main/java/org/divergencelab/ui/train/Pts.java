package org.divergencelab.ui.train;

/** Splits flat row-major point arrays (as snapshots hold them) into coordinate arrays for the layers. */
final class Pts {
    private Pts() {
    }

    /** Coordinate {@code k} of every point of a flat array with {@code dim} numbers per point. */
    static double[] coord(double[] flat, int dim, int k) {
        double[] out = new double[flat.length / dim];
        for (int i = 0; i < out.length; i++) {
            out[i] = flat[i * dim + k];
        }
        return out;
    }

    /** {@code n} zeros. */
    static double[] zeros(int n) {
        return new double[n];
    }
}

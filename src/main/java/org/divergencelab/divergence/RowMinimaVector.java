package org.divergencelab.divergence;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** The SIMD half of {@link RowMinima}; referenced only when the incubator module is present. */
final class RowMinimaVector {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private RowMinimaVector() {
    }

    static double costs(double[] c, int base, double[] v, int n) {
        int bound = SPECIES.loopBound(n);
        DoubleVector acc = DoubleVector.broadcast(SPECIES, Double.POSITIVE_INFINITY);
        int j = 0;
        for (; j < bound; j += SPECIES.length()) {
            acc = acc.min(DoubleVector.fromArray(SPECIES, c, base + j).sub(DoubleVector.fromArray(SPECIES, v, j)));
        }
        return RowMinima.costsScalar(c, base, v, j, n, acc.reduceLanes(VectorOperators.MIN));
    }

    static double euclidean(double x, double y, double[] xs, double[] ys, double[] v, int n) {
        int bound = SPECIES.loopBound(n);
        DoubleVector bx = DoubleVector.broadcast(SPECIES, x);
        DoubleVector by = DoubleVector.broadcast(SPECIES, y);
        DoubleVector acc = DoubleVector.broadcast(SPECIES, Double.POSITIVE_INFINITY);
        int j = 0;
        for (; j < bound; j += SPECIES.length()) {
            DoubleVector dx = bx.sub(DoubleVector.fromArray(SPECIES, xs, j));
            DoubleVector dy = by.sub(DoubleVector.fromArray(SPECIES, ys, j));
            DoubleVector d = dx.mul(dx).add(dy.mul(dy)).sqrt();
            acc = acc.min(d.sub(DoubleVector.fromArray(SPECIES, v, j)));
        }
        return RowMinima.euclideanScalar(x, y, xs, ys, v, j, n, acc.reduceLanes(VectorOperators.MIN));
    }
}

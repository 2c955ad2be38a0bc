package org.divergencelab.nn;

import java.util.random.RandomGenerator;

import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.compute.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/** Weight initialisation for a fanIn×fanOut weight matrix (biases start at zero). Every draw from the given rng. */
public enum Init {
    /** He/Kaiming normal: N(0, 2/fanIn), for ReLU-family layers. */
    HE,
    /** Xavier/Glorot uniform: U(±√(6/(fanIn+fanOut))), for tanh/sigmoid layers. */
    XAVIER,
    /** A (semi-)orthogonal matrix: Q of the QR decomposition of a Gaussian matrix, signs fixed by diag(R). */
    ORTHOGONAL;

    /** Fills {@code w} (fanIn×fanOut) from {@code rng}. */
    public void fill(ComputeBackend backend, Tensor w, RandomGenerator rng) {
        int fanIn = w.rows();
        int fanOut = w.cols();
        switch (this) {
            case HE -> backend.fillNormal(w, 0, Math.sqrt(2.0 / fanIn), rng);
            case XAVIER -> {
                double a = Math.sqrt(6.0 / (fanIn + fanOut));
                backend.fillUniform(w, -a, a, rng);
            }
            case ORTHOGONAL -> backend.copyIn(orthogonal(fanIn, fanOut, rng), w);
        }
    }

    /** Row-major rows×cols with orthonormal columns (rows ≥ cols) or orthonormal rows (rows &lt; cols). */
    static double[] orthogonal(int rows, int cols, RandomGenerator rng) {
        boolean tall = rows >= cols;
        int r = tall ? rows : cols;
        int c = tall ? cols : rows;
        DMatrixRMaj a = new DMatrixRMaj(r, c);
        for (int i = 0; i < r * c; i++) {
            a.data[i] = rng.nextGaussian();
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(r, c);
        if (!qr.decompose(a)) {
            throw new IllegalStateException("QR decomposition failed for orthogonal init " + rows + "x" + cols);
        }
        DMatrixRMaj q = qr.getQ(null, true);
        DMatrixRMaj rr = qr.getR(null, true);
        double[] out = new double[rows * cols];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                // multiplying column j by sign(R_jj) makes the result uniformly (Haar) distributed
                double v = q.get(i, j) * (rr.get(j, j) < 0 ? -1 : 1);
                if (tall) {
                    out[i * cols + j] = v;
                } else {
                    out[j * cols + i] = v;
                }
            }
        }
        return out;
    }
}

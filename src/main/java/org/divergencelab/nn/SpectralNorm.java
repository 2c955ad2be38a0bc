package org.divergencelab.nn;

import java.util.random.RandomGenerator;

import org.divergencelab.autodiff.Tape;
import org.divergencelab.autodiff.Var;
import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.compute.Tensor;

/**
 * Spectral normalisation of a dense layer's weight (Miyato et al. 2018): the layer uses W/σ̂ where σ̂ is
 * the power-iteration estimate of W's largest singular value. The left vector u persists across steps, so
 * one iteration per step (the default) is enough once training is under way; σ̂ = uᵀWv is part of the
 * graph (u, v held constant), so gradients see the normalisation, as in PyTorch's {@code spectral_norm}.
 */
public final class SpectralNorm {
    private final int iterations;
    private final Tensor u;   // fanIn×1, unit length
    private final Tensor v;   // fanOut×1, unit length
    private long lastEpoch = -1;
    private Tape lastTape;
    private boolean training = true;

    /**
     * @param iterations power iterations per training step (≥ 1)
     * @param rng        draws the initial u
     */
    public SpectralNorm(ComputeBackend backend, int fanIn, int fanOut, int iterations, RandomGenerator rng) {
        if (iterations < 1) {
            throw new IllegalArgumentException("spectral norm iterations must be >= 1, got " + iterations);
        }
        this.iterations = iterations;
        this.u = backend.allocate(fanIn, 1);
        this.v = backend.allocate(fanOut, 1);
        backend.fillNormal(u, 0, 1, rng);
        normalise(backend, u);
    }

    public int iterations() {
        return iterations;
    }

    /**
     * With training off, forward passes use the current u and v without iterating (evaluation, and
     * finite-difference checks that need the same function at every evaluation). On by default.
     */
    public void setTraining(boolean on) {
        this.training = on;
    }

    public boolean isTraining() {
        return training;
    }

    /** Runs {@code n} power iterations on {@code w} (fanIn×fanOut), updating the persistent u and v. */
    public void powerIterate(Tensor w, int n) {
        ComputeBackend be = w.backend();
        for (int i = 0; i < n; i++) {
            be.matmul(w, true, u, false, 1, 0, v);   // v ∝ Wᵀu
            normalise(be, v);
            be.matmul(w, false, v, false, 1, 0, u);  // u ∝ W v
            normalise(be, u);
        }
    }

    /** The current estimate σ̂ = uᵀ W v (after the last power iteration). */
    public double sigma(Tensor w) {
        ComputeBackend be = w.backend();
        Tensor wv = be.allocate(w.rows(), 1);
        be.matmul(w, false, v, false, 1, 0, wv);
        Tensor s = be.allocate(1, 1);
        be.matmul(u, true, wv, false, 1, 0, s);
        return be.get(s, 0, 0);
    }

    /**
     * W/σ̂ on the tape. The first call in a tape step runs the power iterations (so a critic evaluated
     * several times in one step iterates once), later calls in the same step reuse u and v.
     */
    public Var normalise(Tape tape, Var w) {
        if (training && (tape != lastTape || tape.epoch() != lastEpoch)) {
            powerIterate(w.value(), iterations);
            lastTape = tape;
            lastEpoch = tape.epoch();
        }
        Var wv = tape.matmul(w, tape.constant(v));                    // fanIn×1
        Var sigma = tape.matmul(tape.constant(u), true, wv, false);   // 1×1
        return tape.broadcast(org.divergencelab.compute.BinaryOp.DIV, w, sigma);
    }

    /**
     * The exact largest singular value σ_max of {@code w} (EJML's SVD, in double): the reference the power
     * iteration above approximates, and what a display of a layer's Lipschitz constant shows.
     */
    public static double largestSingularValue(Tensor w) {
        ComputeBackend be = w.backend();
        double[] a = new double[w.size()];
        be.copyOut(w, a);
        org.ejml.data.DMatrixRMaj m = new org.ejml.data.DMatrixRMaj(w.rows(), w.cols(), true, a);
        var svd = org.ejml.dense.row.factory.DecompositionFactory_DDRM.svd(w.rows(), w.cols(), false, false, true);
        if (!svd.decompose(m)) {
            throw new IllegalStateException("SVD of a " + w.rows() + "x" + w.cols() + " weight did not converge");
        }
        double max = 0;
        for (double sv : svd.getSingularValues()) {
            max = Math.max(max, sv);
        }
        return max;
    }

    private static void normalise(ComputeBackend be, Tensor x) {
        double n = Math.sqrt(be.sumOfSquares(x));
        // a zero vector (W with a zero column space) stays zero rather than becoming NaN
        be.affine(x, n > 0 ? 1 / n : 0, 0, x);
    }
}

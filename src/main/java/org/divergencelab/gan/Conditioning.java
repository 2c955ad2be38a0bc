package org.divergencelab.gan;

import java.util.SplittableRandom;

import org.divergencelab.autodiff.Tape;
import org.divergencelab.autodiff.Var;
import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.distribution.Mixture;

/**
 * A conditional GAN's label y (the data mixture's component index, K classes) and how it enters the networks:
 * G sees [z, onehot(y)], D sees [x, onehot(y)], or [x, 0] when D is label-blind. The labels' draws and the
 * measure of whether G follows its label ({@link #accuracy}) live here too, so {@link Batches} and
 * {@link Evaluation} only ask. Null for an experiment without a condition.
 */
final class Conditioning {
    private final Mixture data;
    private final int classes;
    private final int dim;
    private final boolean criticSeesLabel;
    private final boolean mismatchNegatives;

    private Conditioning(Experiment e) {
        this.data = (Mixture) e.dataDistribution();
        this.classes = e.labelCount();
        this.dim = data.dimension();
        this.criticSeesLabel = e.condition().criticSeesLabel();
        this.mismatchNegatives = e.condition().mismatchNegatives();
    }

    /** The conditioning of {@code e}, or null when it has no condition. */
    static Conditioning of(Experiment e) {
        return e.condition().conditional() ? new Conditioning(e) : null;
    }

    /** K, the number of labels. */
    int classes() {
        return classes;
    }

    /** The data's component weights, for averaging over y. */
    double[] weights() {
        return data.weights();
    }

    boolean mismatchNegatives() {
        return mismatchNegatives;
    }

    /** A label drawn from the data's component weights. */
    int drawLabel(SplittableRandom rng) {
        return data.drawComponent(rng);
    }

    /** A label other than {@code y}, uniform over the K − 1 others. */
    int wrongLabel(int y, SplittableRandom rng) {
        return (y + 1 + rng.nextInt(classes - 1)) % classes;
    }

    /** {@code n} labelled points of the data into {@code x}; their labels. */
    int[] sample(int n, SplittableRandom rng, double[] x) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = data.sampleLabelledInto(rng, x, i * dim);
        }
        return y;
    }

    /** G's input rows [z, onehot(y)] for {@code n} rows of z ({@code latentDim} each). */
    double[] generatorInput(double[] z, int latentDim, int[] y, int n) {
        int w = latentDim + classes;
        double[] in = new double[n * w];
        for (int i = 0; i < n; i++) {
            System.arraycopy(z, i * latentDim, in, i * w, latentDim);
            in[i * w + latentDim + y[i]] = 1;
        }
        return in;
    }

    /** D's input rows [x, onehot(y)] (zeros for a label-blind D) for {@code n} points. */
    double[] criticInput(double[] x, int[] y, int n) {
        int w = dim + classes;
        double[] in = new double[n * w];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, i * dim, in, i * w, dim);
            if (criticSeesLabel) {
                in[i * w + dim + y[i]] = 1;
            }
        }
        return in;
    }

    /** D's input [x, onehot(y)] on the tape, differentiable in {@code x}: x·[I 0] + [0 onehot(y)]. */
    Var criticInput(Tape t, ComputeBackend be, Var x, int[] y) {
        int n = x.rows();
        int w = dim + classes;
        double[] select = new double[dim * w];
        for (int k = 0; k < dim; k++) {
            select[k * w + k] = 1;
        }
        Var s = t.constant(dim, w);
        be.copyIn(select, s.value());
        Var placed = t.matmul(x, s);
        if (!criticSeesLabel) {
            return placed;
        }
        Var labels = t.constant(n, w);
        be.copyIn(criticInput(new double[n * dim], y, n), labels.value());
        return t.add(placed, labels);
    }

    /** The component whose posterior is largest at point {@code i} of {@code x}. */
    int posteriorLabel(double[] x, int i) {
        return data.mostLikelyComponent(x, i * dim);
    }

    /**
     * The label-conditional accuracy of G: the fraction of the points G(z_i, y_i) whose most likely data
     * component is y_i (chance: 1/K for equal weights).
     */
    double accuracy(double[] fakes, int[] y) {
        int hits = 0;
        for (int i = 0; i < y.length; i++) {
            if (posteriorLabel(fakes, i) == y[i]) {
                hits++;
            }
        }
        return (double) hits / y.length;
    }
}

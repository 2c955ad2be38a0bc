package org.divergencelab.divergence;

import org.divergencelab.distribution.Distribution;
import org.divergencelab.distribution.Mixture;
import org.divergencelab.distribution.PointCloud;

/**
 * Our toy analogue of the Inception Score (lecture 001 L1087-1175): the "classifier" is the data mixture itself,
 * p(c | x) = w_c p_c(x) / Σ_k w_k p_k(x) with one class per mixture component (the ring's or the grid's modes).
 * Quality: a sample's posterior is concentrated (low entropy H(p(c | x))); diversity: the posterior averaged over
 * the samples, p_avg(c), is flat (high entropy). Score = exp(H(p_avg) − mean H(p(c | x))) = exp(E_x KL(p(c | x) ‖ p_avg)),
 * the Inception Score's form: between 1 and the number of classes.
 */
public final class QualityDiversity {
    private QualityDiversity() {
    }

    /**
     * @param sampleEntropy   mean over the samples of H(p(c | x)) in nats (low: good quality)
     * @param averagedEntropy H(p_avg), p_avg the mean posterior (high: good diversity; log K at most)
     * @param score           exp(averagedEntropy − sampleEntropy)
     */
    public record Result(double sampleEntropy, double averagedEntropy, double score) {
    }

    /** The class posterior of {@code x} under {@code m}'s components (log-sum-exp, so far-out points work too). */
    public static double[] posterior(Mixture m, double[] x) {
        double[] w = m.weights();
        double[] out = new double[w.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < w.length; c++) {
            Distribution comp = m.components().get(c);
            if (!comp.hasDensity()) {
                throw new IllegalArgumentException("component " + c + " (" + comp.spec() + ") has no density; the "
                        + "class posterior needs densities");
            }
            out[c] = Math.log(w[c]) + comp.logDensity(x);
            max = Math.max(max, out[c]);
        }
        double sum = 0;
        for (int c = 0; c < out.length; c++) {
            out[c] = Math.exp(out[c] - max);
            sum += out[c];
        }
        for (int c = 0; c < out.length; c++) {
            out[c] /= sum;
        }
        return out;
    }

    /** Quality, diversity and the score of {@code samples} classified by {@code m}'s components. */
    public static Result evaluate(Mixture m, PointCloud samples) {
        int k = m.weights().length;
        int d = samples.dimension();
        double[] mean = new double[k];
        double h = 0;
        double[] x = new double[d];
        for (int i = 0; i < samples.size(); i++) {
            for (int c = 0; c < d; c++) {
                x[c] = samples.get(i, c);
            }
            double[] p = posterior(m, x);
            h += entropy(p);
            for (int c = 0; c < k; c++) {
                mean[c] += p[c] / samples.size();
            }
        }
        h /= samples.size();
        double hMean = entropy(mean);
        return new Result(h, hMean, Math.exp(hMean - h));
    }

    /** Entropy in nats (0 log 0 = 0). */
    static double entropy(double[] p) {
        double h = 0;
        for (double v : p) {
            if (v > 0) {
                h -= v * Math.log(v);
            }
        }
        return h;
    }
}

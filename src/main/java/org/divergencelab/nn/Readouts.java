package org.divergencelab.nn;

import java.util.ArrayList;
import java.util.List;

import org.divergencelab.compute.Tensor;

/** Per-layer numbers the views draw: weight histograms and gradient norms, as plain immutable data. */
public final class Readouts {
    private Readouts() {
    }

    /**
     * A histogram of values over [min, max] in equal-width bins ({@code counts.length} of them; the last
     * bin includes max). When all values are equal, min == max and every value is in bin 0.
     */
    public record Histogram(double min, double max, int[] counts) {
        public Histogram {
            counts = counts.clone();
        }

        @Override
        public int[] counts() {
            return counts.clone();
        }

        public int total() {
            int t = 0;
            for (int c : counts) {
                t += c;
            }
            return t;
        }
    }

    /**
     * One dense layer's state.
     *
     * @param layer            layer name
     * @param weights          histogram of the weight matrix
     * @param weightNorm       Frobenius norm of W
     * @param weightGradNorm   Frobenius norm of ∂loss/∂W as accumulated now
     * @param biasGradNorm     L2 norm of ∂loss/∂b
     */
    public record LayerReadout(String layer, Histogram weights, double weightNorm, double weightGradNorm,
                               double biasGradNorm) {
    }

    /** A histogram of the tensor's values in {@code bins} bins (bins ≥ 1). */
    public static Histogram histogram(Tensor t, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("histogram bins must be >= 1, got " + bins);
        }
        double[] v = new double[t.size()];
        t.backend().copyOut(t, v);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        int[] counts = new int[bins];
        double w = max - min;
        for (double x : v) {
            int b = w > 0 ? (int) Math.min(bins - 1, Math.floor((x - min) / w * bins)) : 0;
            counts[b]++;
        }
        return new Histogram(min, max, counts);
    }

    /** Read-outs of every dense layer of {@code mlp}. */
    public static List<LayerReadout> of(Mlp mlp, int bins) {
        List<LayerReadout> out = new ArrayList<>();
        for (Dense d : mlp.denseLayers()) {
            Tensor w = d.weight().value();
            out.add(new LayerReadout(d.name(), histogram(w, bins), Math.sqrt(w.backend().sumOfSquares(w)),
                    Math.sqrt(w.backend().sumOfSquares(d.weight().grad())),
                    Math.sqrt(w.backend().sumOfSquares(d.bias().grad()))));
        }
        return List.copyOf(out);
    }
}

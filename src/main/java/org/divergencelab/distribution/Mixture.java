package org.divergencelab.distribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A finite mixture {@code mixture(w1*D1,w2*D2,...)} with weights normalised to sum to 1. Presets such as
 * {@code ring(...)} and {@code grid(...)} are mixtures that keep their short spec. The sandbox drags single
 * components through {@link #components()} and {@link #withComponent}.
 */
public final class Mixture implements Distribution {
    private final Distribution[] components;
    private final double[] weights;
    private final double[] cumulative;
    private final String spec;

    /** Weights must be >= 0 with a positive total; components must share one dimension. */
    public Mixture(List<Double> weights, List<? extends Distribution> components) {
        this(weights, components, null);
    }

    Mixture(List<Double> weights, List<? extends Distribution> components, String spec) {
        if (components.isEmpty()) {
            throw new IllegalArgumentException("mixture needs at least one component");
        }
        if (weights.size() != components.size()) {
            throw new IllegalArgumentException("mixture has " + weights.size() + " weights for "
                    + components.size() + " components");
        }
        int d = components.get(0).dimension();
        double total = 0;
        for (int i = 0; i < weights.size(); i++) {
            double w = weights.get(i);
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("mixture weight " + (i + 1) + " must be finite and >= 0, got "
                        + w);
            }
            if (components.get(i).dimension() != d) {
                throw new IllegalArgumentException("mixture component " + (i + 1) + " (" + components.get(i).spec()
                        + ") is " + components.get(i).dimension() + "-D but the first is " + d + "-D");
            }
            total += w;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("mixture weights sum to " + total + "; at least one must be positive");
        }
        double[] normalised = Specs.normalise(weights.stream().mapToDouble(Double::doubleValue).toArray(), total);
        this.components = components.toArray(new Distribution[0]);
        this.weights = new double[this.components.length];
        this.cumulative = new double[this.components.length];
        double c = 0;
        for (int i = 0; i < this.weights.length; i++) {
            this.weights[i] = normalised[i];
            c += this.weights[i];
            cumulative[i] = c;
        }
        this.spec = spec;
    }

    /** The components, in order. */
    public List<Distribution> components() {
        return List.of(components);
    }

    /** The normalised weights, in order. */
    public double[] weights() {
        return weights.clone();
    }

    /** A copy with component {@code i} replaced (e.g. moved by the sandbox). */
    public Mixture withComponent(int i, Distribution replacement) {
        List<Distribution> c = new ArrayList<>(List.of(components));
        c.set(i, replacement);
        List<Double> w = new ArrayList<>();
        for (double x : weights) {
            w.add(x);
        }
        return new Mixture(w, c);
    }

    @Override
    public int dimension() {
        return components[0].dimension();
    }

    @Override
    public String spec() {
        if (spec != null) {
            return spec;
        }
        StringBuilder s = new StringBuilder("mixture(");
        for (int i = 0; i < components.length; i++) {
            if (i > 0) {
                s.append(',');
            }
            s.append(Specs.fmt(weights[i])).append('*').append(components[i].spec());
        }
        return s.append(')').toString();
    }

    @Override
    public void sampleInto(SplittableRandom rng, double[] out, int offset) {
        sampleLabelledInto(rng, out, offset);
    }

    /**
     * One draw, as {@link #sampleInto} makes it (the same random numbers), and the index of the component it came
     * from: the label of a conditional GAN's labelled data.
     */
    public int sampleLabelledInto(SplittableRandom rng, double[] out, int offset) {
        int k = drawComponent(rng);
        components[k].sampleInto(rng, out, offset);
        return k;
    }

    /** A component index drawn with the weights: one uniform draw, the pick every draw of the mixture makes. */
    public int drawComponent(SplittableRandom rng) {
        double u = rng.nextDouble();
        int k = Arrays.binarySearch(cumulative, u);
        k = k >= 0 ? k + 1 : -k - 1;
        k = Math.min(k, components.length - 1);
        while (weights[k] == 0 && k > 0) {
            k--;
        }
        return k;
    }

    /**
     * The component with the largest posterior weight at the point {@code x[offset..offset+dimension)}: argmax_k of
     * log w_k + log p_k(x) (ties and points outside every support go to the lowest index).
     */
    public int mostLikelyComponent(double[] x, int offset) {
        double[] p = x;
        if (offset != 0 || x.length != dimension()) {
            p = Arrays.copyOfRange(x, offset, offset + dimension());
        }
        int best = 0;
        double bestLog = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < components.length; i++) {
            if (weights[i] == 0) {
                continue;
            }
            double l = Math.log(weights[i]) + components[i].logDensity(p);
            if (l > bestLog) {
                bestLog = l;
                best = i;
            }
        }
        return best;
    }

    @Override
    public boolean hasDensity() {
        for (int i = 0; i < components.length; i++) {
            if (weights[i] > 0 && !components[i].hasDensity()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public double logDensity(double[] x) {
        // Streaming log-sum-exp (running maximum, rescaled sum): far tails stay finite, no allocation.
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int i = 0; i < components.length; i++) {
            if (weights[i] == 0) {
                continue;
            }
            double l = Math.log(weights[i]) + components[i].logDensity(x);
            if (l == Double.NEGATIVE_INFINITY) {
                continue;
            }
            if (l > max) {
                sum = sum * Math.exp(max - l) + 1;
                max = l;
            } else {
                sum += Math.exp(l - max);
            }
        }
        return max == Double.NEGATIVE_INFINITY ? max : max + Math.log(sum);
    }

    @Override
    public Parts parts() {
        Parts p = Parts.empty();
        for (int i = 0; i < components.length; i++) {
            if (weights[i] > 0) {
                p = p.plus(components[i].parts().scaled(weights[i]));
            }
        }
        return p;
    }

    @Override
    public double[] breakpoints() {
        if (dimension() == 2) {
            return bounds();
        }
        double[] all = new double[0];
        for (int i = 0; i < components.length; i++) {
            if (weights[i] > 0) {
                double[] b = components[i].breakpoints();
                int n = all.length;
                all = Arrays.copyOf(all, n + b.length);
                System.arraycopy(b, 0, all, n, b.length);
            }
        }
        return all;
    }

    @Override
    public double tailScale() {
        double t = 0;
        for (int i = 0; i < components.length; i++) {
            if (weights[i] > 0) {
                t = Math.max(t, components[i].tailScale());
            }
        }
        return t;
    }

    @Override
    public double[] bounds() {
        double[] b = null;
        for (int i = 0; i < components.length; i++) {
            if (weights[i] > 0) {
                b = Specs.union(b, components[i].bounds());
            }
        }
        return b;
    }
}

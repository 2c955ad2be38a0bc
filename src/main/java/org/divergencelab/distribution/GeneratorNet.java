package org.divergencelab.distribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A generator network as plain doubles: a latent prior (U(−1, 1)^k or N(0, I_k)) and dense layers applied in
 * order, x = act(W h + b), W with one row per output unit. What {@code generator.json} holds and what the exact
 * ground truth of P_G ({@link GeneratorDistribution}) is computed from. Immutable (arrays are copied in and out).
 */
public final class GeneratorNet {

    /** The latent prior. */
    public enum Prior {
        UNIFORM, NORMAL;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** An elementwise activation; alpha is LeakyReLU's negative slope or ELU's α, 0 otherwise. */
    public record Act(Kind kind, double alpha) {

        /** The supported functions; ReLU, LeakyReLU and identity are piecewise affine. */
        public enum Kind { IDENTITY, RELU, LEAKY_RELU, TANH, SIGMOID, SOFTPLUS, ELU }

        public Act {
            if (kind == null) {
                throw new IllegalArgumentException("activation kind must not be null");
            }
            if (kind == Kind.LEAKY_RELU && !(alpha >= 0 && alpha < 1)) {
                throw new IllegalArgumentException("leaky-relu alpha must be in [0, 1), got " + alpha);
            }
            if (kind == Kind.ELU && !(alpha > 0 && Double.isFinite(alpha))) {
                throw new IllegalArgumentException("elu alpha must be > 0 and finite, got " + alpha);
            }
            if (kind != Kind.LEAKY_RELU && kind != Kind.ELU && alpha != 0) {
                throw new IllegalArgumentException(kind + " takes no alpha, got " + alpha);
            }
        }

        public static Act of(Kind k) {
            return new Act(k, 0);
        }

        public boolean piecewiseAffine() {
            return kind == Kind.IDENTITY || kind == Kind.RELU || kind == Kind.LEAKY_RELU;
        }

        public double apply(double u) {
            return switch (kind) {
                case IDENTITY -> u;
                case RELU -> u > 0 ? u : 0;
                case LEAKY_RELU -> u > 0 ? u : alpha * u;
                case TANH -> Math.tanh(u);
                case SIGMOID -> u >= 0 ? 1 / (1 + Math.exp(-u)) : Math.exp(u) / (1 + Math.exp(u));
                case SOFTPLUS -> u > 30 ? u : Math.log1p(Math.exp(u));
                case ELU -> u > 0 ? u : alpha * Math.expm1(u);
            };
        }

        /** The derivative at u (for ReLU/LeakyReLU: the right-hand one at 0, which is what a piece uses). */
        public double derivative(double u) {
            return switch (kind) {
                case IDENTITY -> 1;
                case RELU -> u > 0 ? 1 : 0;
                case LEAKY_RELU -> u > 0 ? 1 : alpha;
                case TANH -> {
                    double t = Math.tanh(u);
                    yield 1 - t * t;
                }
                case SIGMOID -> {
                    double s = apply(u);
                    yield s * (1 - s);
                }
                case SOFTPLUS -> u >= 0 ? 1 / (1 + Math.exp(-u)) : Math.exp(u) / (1 + Math.exp(u));
                case ELU -> u > 0 ? 1 : alpha * Math.exp(u);
            };
        }

        /** The generator.json name: relu, leaky-relu(0.2), identity, tanh, sigmoid, softplus, elu(1.0). */
        public String key() {
            return switch (kind) {
                case LEAKY_RELU -> "leaky-relu(" + alpha + ")";
                case ELU -> "elu(" + alpha + ")";
                default -> kind.name().toLowerCase(Locale.ROOT);
            };
        }

        /** Reads {@link #key()}'s form back. */
        public static Act parse(String s) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            for (Kind k : new Kind[] {Kind.LEAKY_RELU, Kind.ELU}) {
                String head = k == Kind.LEAKY_RELU ? "leaky-relu(" : "elu(";
                if (t.startsWith(head) && t.endsWith(")")) {
                    double a;
                    try {
                        a = Double.parseDouble(t.substring(head.length(), t.length() - 1));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("activation '" + s + "': alpha is not a number");
                    }
                    return new Act(k, a);
                }
            }
            for (Kind k : Kind.values()) {
                if (k != Kind.LEAKY_RELU && k != Kind.ELU && k.name().toLowerCase(Locale.ROOT).equals(t)) {
                    return of(k);
                }
            }
            throw new IllegalArgumentException("unknown activation '" + s + "', allowed: identity, relu, "
                    + "leaky-relu(ALPHA), tanh, sigmoid, softplus, elu(ALPHA)");
        }
    }

    /** One dense layer x = act(W h + b); W has one row per output unit. */
    public record Layer(double[][] weights, double[] bias, Act activation) {
        public Layer {
            if (weights == null || bias == null || activation == null) {
                throw new IllegalArgumentException("layer weights, bias and activation must not be null");
            }
            if (weights.length == 0 || weights.length != bias.length) {
                throw new IllegalArgumentException("layer has " + weights.length + " weight rows but "
                        + bias.length + " bias entries; they must be equal and >= 1");
            }
            double[][] w = new double[weights.length][];
            int in = weights[0] == null ? 0 : weights[0].length;
            for (int i = 0; i < w.length; i++) {
                if (weights[i] == null || weights[i].length != in || in == 0) {
                    throw new IllegalArgumentException("weight row " + i + " has "
                            + (weights[i] == null ? 0 : weights[i].length) + " entries, row 0 has " + in);
                }
                w[i] = weights[i].clone();
                for (double v : w[i]) {
                    Specs.requireFinite("weight", v);
                }
            }
            for (double v : bias) {
                Specs.requireFinite("bias", v);
            }
            weights = w;
            bias = bias.clone();
        }

        public int in() {
            return weights[0].length;
        }

        public int out() {
            return weights.length;
        }

        @Override
        public double[][] weights() {
            double[][] c = new double[weights.length][];
            for (int i = 0; i < c.length; i++) {
                c[i] = weights[i].clone();
            }
            return c;
        }

        @Override
        public double[] bias() {
            return bias.clone();
        }

        double w(int i, int j) {
            return weights[i][j];
        }

        double b(int i) {
            return bias[i];
        }
    }

    private final Prior prior;
    private final int latentDim;
    private final List<Layer> layers;

    public GeneratorNet(Prior prior, int latentDim, List<Layer> layers) {
        if (prior == null) {
            throw new IllegalArgumentException("latent prior must not be null");
        }
        if (latentDim < 1) {
            throw new IllegalArgumentException("latent dim must be >= 1, got " + latentDim);
        }
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("a generator needs at least one layer");
        }
        int in = latentDim;
        for (int l = 0; l < layers.size(); l++) {
            if (layers.get(l).in() != in) {
                throw new IllegalArgumentException("layer " + l + " takes " + layers.get(l).in() + " inputs but the "
                        + (l == 0 ? "latent dim is " : "previous layer has ") + in);
            }
            in = layers.get(l).out();
        }
        if (in < 1 || in > 2) {
            throw new IllegalArgumentException("the generator's output must be 1-D or 2-D, got " + in);
        }
        this.prior = prior;
        this.latentDim = latentDim;
        this.layers = List.copyOf(layers);
    }

    public Prior prior() {
        return prior;
    }

    public int latentDim() {
        return latentDim;
    }

    public int outputDim() {
        return layers.get(layers.size() - 1).out();
    }

    public List<Layer> layers() {
        return layers;
    }

    /** True when every activation is ReLU, LeakyReLU or identity (G is continuous and piecewise affine). */
    public boolean piecewiseAffine() {
        for (Layer l : layers) {
            if (!l.activation().piecewiseAffine()) {
                return false;
            }
        }
        return true;
    }

    /** The widest layer (for sizing scratch arrays). */
    int maxWidth() {
        int m = latentDim;
        for (Layer l : layers) {
            m = Math.max(m, l.out());
        }
        return m;
    }

    /** G(z) in double precision. */
    public double[] forward(double[] z) {
        double[] h = z.clone();
        for (Layer l : layers) {
            double[] next = new double[l.out()];
            for (int i = 0; i < next.length; i++) {
                next[i] = l.activation().apply(preActivation(l, i, h));
            }
            h = next;
        }
        return h;
    }

    /**
     * G(z) and its Jacobian by the chain rule (jac[i][j] = ∂x_i/∂z_j), in double precision.
     */
    public double[] forward(double[] z, double[][] jacOut) {
        double[] h = z.clone();
        double[][] jac = new double[latentDim][];
        for (int j = 0; j < latentDim; j++) {
            jac[j] = new double[latentDim];
            jac[j][j] = 1;
        }
        for (Layer l : layers) {
            double[] next = new double[l.out()];
            double[][] nj = new double[l.out()][latentDim];
            for (int i = 0; i < next.length; i++) {
                double[] row = l.weights[i];
                double s = preActivation(l, i, h);
                next[i] = l.activation().apply(s);
                double d = l.activation().derivative(s);
                for (int k = 0; k < latentDim; k++) {
                    double g = 0;
                    for (int j = 0; j < row.length; j++) {
                        g += row[j] * jac[j][k];
                    }
                    nj[i][k] = d * g;
                }
            }
            h = next;
            jac = nj;
        }
        for (int i = 0; i < jac.length; i++) {
            System.arraycopy(jac[i], 0, jacOut[i], 0, latentDim);
        }
        return h;
    }

    /**
     * Scratch for {@link #scalarForward}: two (value, derivative) buffers of the widest layer, plus one slot
     * for G′(z).
     */
    public double[] scalarScratch() {
        return new double[4 * maxWidth() + 1];
    }

    /**
     * A 1-D latent's first output G(z), and with {@code slope} ∂G₀/∂z in {@code scratch[scratch.length − 1]},
     * without allocating (the hot loop of pre-image solves and latent quadrature): the same sums in the same
     * order as {@link #forward(double[], double[][])}, so the same doubles.
     */
    public double scalarForward(double z, double[] scratch, boolean slope) {
        int w = maxWidth();
        int cur = 0;
        int nxt = 2 * w;
        scratch[0] = z;
        scratch[w] = 1;
        int n = 1;
        for (Layer l : layers) {
            int m = l.out();
            Act act = l.activation();
            for (int i = 0; i < m; i++) {
                double[] row = l.weights[i];
                double u = l.b(i);
                double du = 0;
                for (int j = 0; j < n; j++) {
                    u += row[j] * scratch[cur + j];
                    du += row[j] * scratch[cur + w + j];
                }
                scratch[nxt + i] = act.apply(u);
                if (slope) {
                    scratch[nxt + w + i] = act.derivative(u) * du;
                }
            }
            int t = cur;
            cur = nxt;
            nxt = t;
            n = m;
        }
        if (slope) {
            scratch[4 * w] = scratch[cur + w];
        }
        return scratch[cur];
    }

    /** (W h + b)_i. */
    private static double preActivation(Layer l, int i, double[] h) {
        double s = l.b(i);
        double[] row = l.weights[i];
        for (int j = 0; j < row.length; j++) {
            s += row[j] * h[j];
        }
        return s;
    }

    /** One latent draw into {@code z}. */
    public void sampleLatent(SplittableRandom rng, double[] z) {
        for (int j = 0; j < latentDim; j++) {
            z[j] = prior == Prior.NORMAL ? Specs.gaussian(rng) : rng.nextDouble(-1, 1);
        }
    }

    /** The prior's log density at z (−∞ outside U(−1, 1)^k). */
    public double latentLogDensity(double[] z) {
        double s = 0;
        for (int j = 0; j < latentDim; j++) {
            if (prior == Prior.NORMAL) {
                s += -0.5 * z[j] * z[j] - 0.5 * Math.log(2 * Math.PI);
            } else {
                if (z[j] < -1 || z[j] > 1) {
                    return Double.NEGATIVE_INFINITY;
                }
                s += -Math.log(2);
            }
        }
        return s;
    }

    /** A one-line description: "uniform(1) → 32 tanh → 1 identity". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(prior.key() + "(" + latentDim + ")");
        for (Layer l : layers) {
            parts.add(l.out() + " " + l.activation().key());
        }
        return String.join(" → ", parts);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GeneratorNet g) || g.prior != prior || g.latentDim != latentDim
                || g.layers.size() != layers.size()) {
            return false;
        }
        for (int l = 0; l < layers.size(); l++) {
            Layer a = layers.get(l);
            Layer b = g.layers.get(l);
            if (!a.activation().equals(b.activation()) || !java.util.Arrays.equals(a.bias, b.bias)
                    || !java.util.Arrays.deepEquals(a.weights, b.weights)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = prior.hashCode() * 31 + latentDim;
        for (Layer l : layers) {
            h = h * 31 + java.util.Arrays.deepHashCode(l.weights) + java.util.Arrays.hashCode(l.bias);
        }
        return h;
    }
}

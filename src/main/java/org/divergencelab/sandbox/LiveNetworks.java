package org.divergencelab.sandbox;

import java.util.SplittableRandom;

import org.divergencelab.autodiff.Tape;
import org.divergencelab.autodiff.Var;
import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.compute.CpuBackend;
import org.divergencelab.distribution.PointCloud;
import org.divergencelab.nn.Activation;
import org.divergencelab.nn.GradientPenalty;
import org.divergencelab.nn.Mlp;
import org.divergencelab.nn.Optimizer;

/**
 * The two small networks the sandbox trains in the background on the current n + n samples: a discriminator
 * (binary cross-entropy; its value V gives the JS estimate V/2 + log 2, the lecture's "the classifier's loss
 * estimates JS") and, in 1-D, a WGAN-GP critic for the Lipschitz cone. Both full-batch, Adam, seeded.
 */
public final class LiveNetworks {
    private static final double LOG2 = Math.log(2);

    private LiveNetworks() {
    }

    /**
     * Result of training the discriminator.
     *
     * @param jsEstimate V/2 + log 2 at the trained D, V = E_P log D + E_Q log(1 − D); ≤ log 2 by construction
     * @param accuracy   fraction of the 2n training samples classified correctly (D > ½ for P)
     * @param steps      training steps done
     */
    public record DiscriminatorFit(double jsEstimate, double accuracy, int steps) {
    }

    /**
     * Result of training the 1-D critic: its values on a grid, the raw dual value E_P f − E_Q f, and the largest
     * slope of f on the grid. The penalty is soft, so f is only roughly 1-Lipschitz and the raw value can exceed
     * W1; f / L is 1-Lipschitz on the grid's range, so {@link #boundW()} is a lower bound on W1 (the
     * Kantorovich–Rubinstein dual at a feasible f).
     */
    public record CriticFit(double[] xs, double[] values, double wEstimate, double lipschitz, int steps) {
        /** (E_P f − E_Q f) / max(L, 1): the dual value of a 1-Lipschitz critic, ≤ W1. */
        public double boundW() {
            return wEstimate / Math.max(lipschitz, 1);
        }

        /**
         * f / max(L, 1) on the grid: the 1-Lipschitz critic whose dual value {@link #boundW()} is, and the one the
         * sandbox plots. The trained f itself leaves its ±1 cone: the penalty λ(|f'| − 1)² is soft, so the
         * optimum of slope·W − λ(slope − 1)² lies at slope 1 + W/(2λ) (about 1.1-1.2 for S10's W1 = 2, λ = 10),
         * and it is sampled only between P's and Q's draws.
         */
        public double[] feasibleValues() {
            double s = Math.max(lipschitz, 1);
            double[] v = values.clone();
            for (int i = 0; i < v.length; i++) {
                v[i] /= s;
            }
            return v;
        }
    }

    /** Trains a 2×32 ReLU discriminator for {@code steps} full-batch Adam steps on P's and Q's samples. */
    public static DiscriminatorFit discriminator(PointCloud p, PointCloud q, int steps, long seed) {
        ComputeBackend be = CpuBackend.INSTANCE;
        int d = p.dimension();
        Mlp net = Mlp.builder(d).name("D").hidden(32, 32).activation(Activation.relu())
                .output(1, Activation.identity()).build(be, new SplittableRandom(seed));
        Optimizer opt = Optimizer.adam(net.parameters(), 1e-2, 0.9, 0.999, 1e-8);
        int np = p.size();
        int nq = q.size();
        Tape t = new Tape(be);
        double loss = Double.NaN;
        float[] scores = new float[np + nq];
        for (int s = 0; s <= steps; s++) {
            t.reset();
            Var x = input(t, be, p, q);
            Var out = net.forward(t, x);
            // BCE with logits: −log σ(l) = softplus(−l) on P, −log(1 − σ(l)) = softplus(l) on Q
            Var lossP = t.mean(t.softplus(t.neg(t.sliceRows(out, 0, np))));
            Var lossQ = t.mean(t.softplus(t.sliceRows(out, np, nq)));
            Var total = t.add(lossP, lossQ);
            loss = total.item();
            if (s == steps) {
                be.copyOut(out.value(), scores);
                break;
            }
            opt.zeroGrad();
            t.backward(total, net.parameters());
            opt.step();
        }
        int right = 0;
        for (int i = 0; i < np + nq; i++) {
            boolean saysP = scores[i] > 0;
            right += (i < np) == saysP ? 1 : 0;
        }
        // V = −(lossP + lossQ); JS estimate = V/2 + log 2 (Goodfellow et al., Theorem 1 at the optimal D)
        return new DiscriminatorFit(LOG2 - loss / 2, right / (double) (np + nq), steps);
    }

    /**
     * Trains a 1-D WGAN-GP critic (λ = 10 after a short unpenalised warm-up, 2×32 tanh; maximises E_P f − E_Q f) and evaluates it on
     * {@code gridSize} points spanning [lo, hi].
     */
    public static CriticFit critic1D(PointCloud p, PointCloud q, int steps, long seed, double lo, double hi,
            int gridSize) {
        if (p.dimension() != 1) {
            throw new IllegalArgumentException("critic1D needs 1-D samples, got " + p.dimension() + "-D");
        }
        ComputeBackend be = CpuBackend.INSTANCE;
        SplittableRandom rng = new SplittableRandom(seed);
        Mlp net = Mlp.builder(1).name("f").hidden(32, 32).activation(Activation.tanh())
                .output(1, Activation.identity()).build(be, rng.split());
        Optimizer opt = Optimizer.adam(net.parameters(), 5e-3, 0.5, 0.9, 1e-8);
        GradientPenalty gp = new GradientPenalty(10);
        int n = Math.min(p.size(), q.size());
        Tape warm = new Tape(be);
        Tape penalised = new Tape(be);
        float[] pf = floats(p, n);
        float[] qf = floats(q, n);
        // The first 1/30 of the steps run without the penalty: with it from the start, a critic whose random
        // initial slope points the wrong way is trapped (turning the slope round passes |f'| = 0, a penalty
        // barrier of λ larger than the gain 2·W for moderate W), and the "critic" ends up the worst one.
        int warmSteps = Math.max(1, steps / 30);
        for (int s = 0; s < steps; s++) {
            boolean penalty = s >= warmSteps;
            Tape t = penalty ? penalised : warm;
            t.reset();
            Var real = t.constant(n, 1);
            be.copyIn(pf, real.value());
            Var fake = t.constant(n, 1);
            be.copyIn(qf, fake.value());
            Var eps = t.constant(n, 1);
            be.fillUniform(eps.value(), 0, 1, rng);
            Var sc = net.forward(t, t.concatRows(real, fake));
            Var w = t.sub(t.mean(t.sliceRows(sc, n, n)), t.mean(t.sliceRows(sc, 0, n)));
            Var loss = penalty ? t.add(w, gp.apply(t, net, GradientPenalty.interpolate(t, real, fake, eps))) : w;
            opt.zeroGrad();
            t.backward(loss, net.parameters());
            opt.step();
        }
        double[] xs = new double[gridSize];
        float[] gx = new float[gridSize];
        for (int i = 0; i < gridSize; i++) {
            xs[i] = lo + (hi - lo) * i / (gridSize - 1);
            gx[i] = (float) xs[i];
        }
        double[] vals = evaluate(net, be, gx, gridSize);
        double[] fp = evaluate(net, be, pf, n);
        double[] fq = evaluate(net, be, qf, n);
        double w = 0;
        for (int i = 0; i < n; i++) {
            w += (fp[i] - fq[i]) / n;
        }
        double lip = 0;
        for (int i = 1; i < gridSize; i++) {
            lip = Math.max(lip, Math.abs(vals[i] - vals[i - 1]) / (xs[i] - xs[i - 1]));
        }
        return new CriticFit(xs, vals, w, lip, steps);
    }

    private static double[] evaluate(Mlp net, ComputeBackend be, float[] x, int n) {
        Tape t = new Tape(be);
        Var in = t.constant(n, 1);
        be.copyIn(x, in.value());
        Var out = net.forward(t, in);
        double[] r = new double[n];
        be.copyOut(out.value(), r);
        return r;
    }

    private static float[] floats(PointCloud c, int n) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (float) c.get(i, 0);
        }
        return f;
    }

    private static Var input(Tape t, ComputeBackend be, PointCloud p, PointCloud q) {
        int d = p.dimension();
        float[] buf = new float[(p.size() + q.size()) * d];
        double[] pc = p.coordsView();
        double[] qc = q.coordsView();
        for (int i = 0; i < pc.length; i++) {
            buf[i] = (float) pc[i];
        }
        for (int i = 0; i < qc.length; i++) {
            buf[pc.length + i] = (float) qc[i];
        }
        Var x = t.constant(p.size() + q.size(), d);
        be.copyIn(buf, x.value());
        return x;
    }
}

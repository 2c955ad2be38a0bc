package org.divergencelab.gan;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import org.divergencelab.autodiff.Parameter;
import org.divergencelab.autodiff.Tape;
import org.divergencelab.autodiff.Var;
import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.distribution.Distribution;
import org.divergencelab.nn.Mlp;
import org.divergencelab.nn.Optimizer;

/**
 * The probe of Arjovsky and Bottou, "Towards principled methods for training GANs" (Figs 2 and 3; lecture 003
 * L261, L302): freeze a generator, train a freshly initialised discriminator on it for k steps, and after each
 * recorded step measure the norm of the generator's gradient ‖∇_θ L_G‖ under both generator losses, the minimax
 * {@code E log(1 − D(G(z)))} and the non-saturating {@code −E log D(G(z))}. When P_data and P_G are disjoint the
 * discriminator becomes perfect and the minimax gradient vanishes while the −log D one does not.
 *
 * <p>The discriminator is the experiment's critic architecture, trained with the standard GAN discriminator loss
 * (softplus form) and the experiment's critic optimiser on fresh batches of the experiment's batch size. The
 * gradient is measured on one fixed batch of z (drawn once from the seed), so the curve shows D's change, not
 * batch noise. Deterministic from {@code seed}.
 *
 * <p>Where D starts is a choice ({@link DStart}): the lecture's theory re-initialises D before training it to
 * convergence (000 L425-437; 003 L261 "判别器重新随机初始化从头开始训练"), while practice continues from the D of the
 * previous iteration (000 L439-447). Continuing copies the given D's parameters into the probe's own D (the given
 * network is never changed) and starts a fresh optimiser state.
 */
public final class GeneratorGradientProbe {
    private GeneratorGradientProbe() {
    }

    /** Where the probe's discriminator starts. */
    public enum DStart {
        /** A freshly initialised D (from the seed): the theory's "re-initialise, then train to convergence". */
        REINITIALISE,
        /** A copy of the current D: practice, where D inherits its parameters from the previous iteration. */
        CONTINUE
    }

    /**
     * The recorded curve.
     *
     * @param steps          discriminator steps done before each measurement (0 = the fresh D), ascending
     * @param minimax        ‖∇_θ E log(1 − D(G(z)))‖ after each entry of {@code steps}
     * @param nonSaturating  ‖∇_θ (−E log D(G(z)))‖ after each entry of {@code steps}
     * @param meanDOnFake    mean D(G(z)) on the measuring batch (how sure D is that the fakes are fake)
     */
    public record Curve(int[] steps, double[] minimax, double[] nonSaturating, double[] meanDOnFake) {
        public Curve {
            steps = steps.clone();
            minimax = minimax.clone();
            nonSaturating = nonSaturating.clone();
            meanDOnFake = meanDOnFake.clone();
        }

        @Override
        public int[] steps() {
            return steps.clone();
        }

        @Override
        public double[] minimax() {
            return minimax.clone();
        }

        @Override
        public double[] nonSaturating() {
            return nonSaturating.clone();
        }

        @Override
        public double[] meanDOnFake() {
            return meanDOnFake.clone();
        }
    }

    /**
     * Trains a fresh discriminator on the frozen {@code generator} for {@code steps} steps, recording the two
     * gradient norms every {@code every} steps (and before the first).
     *
     * @param e         the experiment: data, latent prior, critic architecture, critic optimiser, batch size
     * @param generator the frozen generator (its parameters are read, never changed; its gradients are overwritten)
     * @param steps     discriminator steps, ≥ 1
     * @param every     record every this many steps, 1 ≤ every ≤ steps
     * @param seed      seed of D's initial weights, its batches and the measuring z batch
     */
    public static Curve run(Experiment e, Mlp generator, int steps, int every, long seed) {
        return run(e, generator, DStart.REINITIALISE, null, steps, every, seed);
    }

    /**
     * As {@link #run(Experiment, Mlp, int, int, long)}, with D starting as {@code start} says.
     *
     * @param start    {@link DStart#REINITIALISE}: a fresh D from the seed ({@code current} is ignored and may be
     *                 null); {@link DStart#CONTINUE}: a copy of {@code current}
     * @param current  the discriminator to continue from (read, never changed), with the architecture the
     *                 experiment's critic spec builds; needed for {@link DStart#CONTINUE}
     */
    public static Curve run(Experiment e, Mlp generator, DStart start, Mlp current, int steps, int every, long seed) {
        Objects.requireNonNull(e, "experiment");
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(start, "start");
        if (start == DStart.CONTINUE && current == null) {
            throw new IllegalArgumentException("start CONTINUE needs the current discriminator, got null");
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        if (every < 1 || every > steps) {
            throw new IllegalArgumentException("every must be in [1, steps=" + steps + "], got " + every);
        }
        if (generator.inputDim() != e.latent().dim() || generator.outputDim() != e.dataDimension()) {
            throw new IllegalArgumentException("generator maps " + generator.inputDim() + " -> " + generator.outputDim()
                    + " but the experiment needs " + e.latent().dim() + " -> " + e.dataDimension());
        }
        ComputeBackend be = generator.parameters().get(0).value().backend();
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom initD = root.split();
        SplittableRandom dataRng = root.split();
        SplittableRandom zRng = root.split();
        double[] probeZ = measuringBatch(e, seed);
        Mlp d = Trainer.buildCritic(e.withObjective(Objective.minimax()), be, initD);
        if (start == DStart.CONTINUE) {
            copyParameters(current, d);
        }
        Optimizer opt = Trainer.buildOptimizer(d, e.criticOptimizer());
        Distribution data = e.dataDistribution();
        Objective dLoss = Objective.minimax();

        int n = steps / every + 1;
        int[] at = new int[n];
        double[] mm = new double[n];
        double[] ns = new double[n];
        double[] df = new double[n];
        Tape t = new Tape(be);
        int k = 0;
        for (int s = 0; s <= steps; s++) {
            if (s > 0) {
                t.reset();
                int b = e.batchSize();
                int dim = e.dataDimension();
                double[] buf = new double[b * dim];
                for (int i = 0; i < b; i++) {
                    data.sampleInto(dataRng, buf, i * dim);
                }
                Var real = t.constant(b, dim);
                be.copyIn(buf, real.value());
                Var z = t.constant(b, e.latent().dim());
                be.copyIn(latent(e, b, zRng), z.value());
                Var fake = t.detach(generator.forward(t, z));
                Var loss = Losses.criticLoss(t, dLoss, d, real, fake, zRng);
                opt.zeroGrad();
                t.backward(loss, d.parameters());
                opt.step();
            }
            if (s % every == 0) {
                at[k] = s;
                mm[k] = norm(gradient(e, generator, d, Objective.minimax(), probeZ));
                ns[k] = norm(gradient(e, generator, d, Objective.nonSaturating(), probeZ));
                df[k] = meanD(e, generator, d, probeZ);
                k++;
            }
        }
        return new Curve(at, mm, ns, df);
    }

    /**
     * ∇_θ L_G of the generator loss of {@code lossKind} (minimax or non-saturating) on the latent batch {@code z}
     * (row-major, batch × latent dim), flattened over the generator's parameters in order. Leaves the gradient in
     * the generator's parameters' grad tensors too.
     */
    public static double[] gradient(Experiment e, Mlp generator, Mlp discriminator, Objective lossKind, double[] z) {
        ComputeBackend be = generator.parameters().get(0).value().backend();
        int ld = e.latent().dim();
        if (z.length == 0 || z.length % ld != 0) {
            throw new IllegalArgumentException("z must hold whole rows of the latent dimension " + ld + ", got length "
                    + z.length);
        }
        Tape t = new Tape(be);
        Var zv = t.constant(z.length / ld, ld);
        be.copyIn(z, zv.value());
        Var loss = Losses.generatorLoss(t, lossKind, discriminator.forward(t, generator.forward(t, zv)));
        List<Parameter> ps = generator.parameters();
        for (Parameter p : ps) {
            p.zeroGrad();
        }
        t.backward(loss, ps);
        int total = 0;
        for (Parameter p : ps) {
            total += p.rows() * p.cols();
        }
        double[] out = new double[total];
        int o = 0;
        for (Parameter p : ps) {
            double[] g = new double[p.rows() * p.cols()];
            be.copyOut(p.grad(), g);
            System.arraycopy(g, 0, out, o, g.length);
            o += g.length;
        }
        return out;
    }

    /** The generator loss of {@code lossKind} on the latent batch {@code z} (no gradient). */
    public static double loss(Experiment e, Mlp generator, Mlp discriminator, Objective lossKind, double[] z) {
        ComputeBackend be = generator.parameters().get(0).value().backend();
        int ld = e.latent().dim();
        Tape t = new Tape(be);
        Var zv = t.constant(z.length / ld, ld);
        be.copyIn(z, zv.value());
        return Losses.generatorLoss(t, lossKind, discriminator.forward(t, generator.forward(t, zv))).item();
    }

    private static double meanD(Experiment e, Mlp generator, Mlp d, double[] z) {
        ComputeBackend be = generator.parameters().get(0).value().backend();
        int ld = e.latent().dim();
        Tape t = new Tape(be);
        Var zv = t.constant(z.length / ld, ld);
        be.copyIn(z, zv.value());
        Var s = d.forward(t, generator.forward(t, zv));
        double[] v = new double[s.rows()];
        be.copyOut(s.value(), v);
        double sum = 0;
        for (double x : v) {
            sum += 1 / (1 + Math.exp(-x));
        }
        return sum / v.length;
    }

    /** The fixed latent batch on which {@link #run} measures the gradients for {@code seed}. */
    static double[] measuringBatch(Experiment e, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        // run() splits D's initialisation, the data and the training z off the same root first.
        root.split();
        root.split();
        root.split();
        return latent(e, e.batchSize(), root.split());
    }

    /** A batch of {@code n} latent vectors from the experiment's prior. */
    static double[] latent(Experiment e, int n, SplittableRandom rng) {
        double[] z = new double[n * e.latent().dim()];
        for (int i = 0; i < z.length; i++) {
            z[i] = e.latent().prior() == LatentSpec.Prior.NORMAL ? rng.nextGaussian() : rng.nextDouble(-1, 1);
        }
        return z;
    }

    /** Copies {@code from}'s parameter values into {@code to}; both must have the same parameter shapes. */
    private static void copyParameters(Mlp from, Mlp to) {
        List<Parameter> a = from.parameters();
        List<Parameter> b = to.parameters();
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("the current discriminator has " + a.size()
                    + " parameters but the experiment's critic spec builds " + b.size());
        }
        for (int i = 0; i < a.size(); i++) {
            Parameter p = a.get(i);
            Parameter q = b.get(i);
            if (p.rows() != q.rows() || p.cols() != q.cols()) {
                throw new IllegalArgumentException("parameter " + i + " (" + p.name() + ") of the current discriminator is "
                        + p.rows() + "x" + p.cols() + " but the experiment's critic spec builds " + q.rows() + "x"
                        + q.cols());
            }
            double[] v = new double[p.rows() * p.cols()];
            p.value().backend().copyOut(p.value(), v);
            q.value().backend().copyIn(v, q.value());
        }
    }

    private static double norm(double[] g) {
        double s = 0;
        for (double x : g) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}

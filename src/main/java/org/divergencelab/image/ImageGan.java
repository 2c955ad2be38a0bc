package org.divergencelab.image;

import java.util.SplittableRandom;

import org.divergencelab.autodiff.Tape;
import org.divergencelab.autodiff.Var;
import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.nn.Activation;
import org.divergencelab.nn.GradientPenalty;
import org.divergencelab.nn.Mlp;
import org.divergencelab.nn.Optimizer;

/**
 * GAN training on an {@link ImageDataset} with MLP generator and critic, on any compute backend. G:
 * z(zDim) → 256 → 512 → dim, ReLU, tanh output; D: dim → 512 → 256 → 1, LeakyReLU(0.2). Objectives:
 * WGAN-GP (λ = 10, exact double backprop) or the non-saturating GAN (BCE on logits). One iteration is
 * {@code nCritic} critic steps and one generator step, batch {@code batch}, Adam(1e-4, 0.5, 0.9) for both
 * (the WGAN-GP paper's settings). Data, noise and interpolation weights come from one seeded generator
 * on the host, so runs repeat exactly on the CPU backend.
 *
 * <p>The GAN objectives are written here with the autodiff tape directly because the shared {@code gan}
 * package was not on main when this was written.
 */
public final class ImageGan {

    /** The training objective. */
    public enum Objective { WGAN_GP, GAN }

    private final ComputeBackend be;
    private final ImageDataset data;
    private final Objective objective;
    private final int batch;
    private final int zDim;
    private final int nCritic;
    private final Mlp generator;
    private final Mlp critic;
    private final Optimizer optG;
    private final Optimizer optD;
    private final GradientPenalty penalty = new GradientPenalty(10);
    private final Tape criticTape;
    private final Tape generatorTape;
    private final Tape sampleTape;
    private final SplittableRandom rng;
    private final float[] realBuf;
    private double lastCriticLoss = Double.NaN;
    private double lastWasserstein = Double.NaN;
    private double lastGeneratorLoss = Double.NaN;
    private long iterations;

    public ImageGan(ComputeBackend be, ImageDataset data, Objective objective, int batch, int zDim, int nCritic, long seed) {
        if (batch < 1 || zDim < 1 || nCritic < 1) {
            throw new IllegalArgumentException("batch, zDim and nCritic must be >= 1, got " + batch + ", " + zDim + ", " + nCritic);
        }
        this.be = be;
        this.data = data;
        this.objective = objective;
        this.batch = batch;
        this.zDim = zDim;
        this.nCritic = nCritic;
        this.rng = new SplittableRandom(seed);
        SplittableRandom init = rng.split();
        this.generator = Mlp.builder(zDim).name("G").hidden(256, 512).activation(Activation.relu())
                .output(data.dim(), Activation.tanh()).build(be, init);
        this.critic = Mlp.builder(data.dim()).name("D").hidden(512, 256).activation(Activation.leakyRelu(0.2))
                .output(1, Activation.identity()).build(be, init);
        this.optG = Optimizer.adam(generator.parameters(), 1e-4, 0.5, 0.9, 1e-8);
        this.optD = Optimizer.adam(critic.parameters(), 1e-4, 0.5, 0.9, 1e-8);
        this.criticTape = new Tape(be);
        this.generatorTape = new Tape(be);
        this.sampleTape = new Tape(be);
        this.realBuf = new float[batch * data.dim()];
    }

    public ImageDataset data() {
        return data;
    }

    public int batch() {
        return batch;
    }

    public int zDim() {
        return zDim;
    }

    public long iterations() {
        return iterations;
    }

    /** The critic loss of the last critic step. */
    public double lastCriticLoss() {
        return lastCriticLoss;
    }

    /** mean D(real) − mean D(fake) of the last critic step (the W1 estimate under WGAN-GP). */
    public double lastWasserstein() {
        return lastWasserstein;
    }

    public double lastGeneratorLoss() {
        return lastGeneratorLoss;
    }

    /** One iteration: nCritic critic steps and one generator step. */
    public void iteration() {
        for (int i = 0; i < nCritic; i++) {
            criticStep();
        }
        generatorStep();
        iterations++;
    }

    private void criticStep() {
        Tape t = criticTape;
        t.reset();
        data.sampleBatch(rng, batch, realBuf);
        Var real = t.constant(batch, data.dim());
        be.copyIn(realBuf, real.value());
        Var z = t.constant(batch, zDim);
        be.fillNormal(z.value(), 0, 1, rng);
        Var fake = t.detach(generator.forward(t, z));
        Var scores = critic.forward(t, t.concatRows(real, fake));
        Var realScore = t.mean(t.sliceRows(scores, 0, batch));
        Var fakeScore = t.mean(t.sliceRows(scores, batch, batch));
        Var loss;
        if (objective == Objective.WGAN_GP) {
            Var eps = t.constant(batch, 1);
            be.fillUniform(eps.value(), 0, 1, rng);
            Var gp = penalty.apply(t, critic, GradientPenalty.interpolate(t, real, fake, eps));
            loss = t.add(t.sub(fakeScore, realScore), gp);
        } else {
            // BCE with logits: −log σ(l) = softplus(−l) for real, −log(1 − σ(l)) = softplus(l) for fake
            Var lossReal = t.mean(t.softplus(t.neg(t.sliceRows(scores, 0, batch))));
            Var lossFake = t.mean(t.softplus(t.sliceRows(scores, batch, batch)));
            loss = t.add(lossReal, lossFake);
        }
        optD.zeroGrad();
        t.backward(loss, critic.parameters());
        optD.step();
        lastCriticLoss = loss.item();
        lastWasserstein = realScore.item() - fakeScore.item();
    }

    private void generatorStep() {
        Tape t = generatorTape;
        t.reset();
        Var z = t.constant(batch, zDim);
        be.fillNormal(z.value(), 0, 1, rng);
        Var score = critic.forward(t, generator.forward(t, z));
        Var loss = objective == Objective.WGAN_GP ? t.neg(t.mean(score)) : t.mean(t.softplus(t.neg(score)));
        optG.zeroGrad();
        t.backward(loss, generator.parameters());
        optG.step();
        lastGeneratorLoss = loss.item();
    }

    /**
     * Generator images for the given latent codes (rows of {@code z}, n×zDim, row-major) into {@code out}
     * (n·dim values in [−1, 1], CHW per image). Does not touch the training random stream.
     */
    public void sample(float[] z, int n, float[] out) {
        if (z.length != n * zDim || out.length < n * data.dim()) {
            throw new IllegalArgumentException("sample: z has " + z.length + " values for " + n + "x" + zDim
                    + ", out " + out.length + " for " + n + "x" + data.dim());
        }
        Tape t = sampleTape;
        t.reset();
        Var zv = t.constant(n, zDim);
        be.copyIn(z, zv.value());
        Var x = generator.forward(t, zv);
        be.copyOut(x.value(), out);
    }
}

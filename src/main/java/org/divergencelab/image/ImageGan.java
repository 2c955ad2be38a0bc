package org.divergencelab.image;

import java.util.List;
import java.util.SplittableRandom;

import org.divergencelab.autodiff.Tape;
import org.divergencelab.autodiff.Var;
import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.compute.ConvShape;
import org.divergencelab.gan.Losses;
import org.divergencelab.nn.Activation;
import org.divergencelab.nn.BatchNorm2d;
import org.divergencelab.nn.Conv2d;
import org.divergencelab.nn.ConvTranspose2d;
import org.divergencelab.nn.Dense;
import org.divergencelab.nn.Init;
import org.divergencelab.nn.Layer;
import org.divergencelab.nn.LayerNorm;
import org.divergencelab.nn.Mlp;
import org.divergencelab.nn.Optimizer;
import org.divergencelab.nn.WeightClipping;
import org.divergencelab.nn.Sequential;

/**
 * GAN training on an {@link ImageDataset} with MLP (or DCGAN, see {@link Model}) generator and critic, on any
 * compute backend. MLP G:
 * z(zDim) → 256 → 512 → dim, ReLU, tanh output; D: dim → 512 → 256 → 1, LeakyReLU(0.2). Objectives:
 * WGAN-GP (λ = 10, exact double backprop) or the non-saturating GAN (BCE on logits). One iteration is
 * {@code nCritic} critic steps and one generator step, batch {@code batch}, Adam(1e-4, 0.5, 0.9) for both
 * (the WGAN-GP paper's settings). Data, noise and interpolation weights come from one seeded generator
 * on the host, so runs repeat exactly on the CPU backend. The losses are the GAN engine's ({@link Losses}),
 * so the toy and image modes train with one definition of each objective.
 */
public final class ImageGan {

    /** The training objective. */
    public enum Objective {
        WGAN_GP(org.divergencelab.gan.Objective.wganGp(10)),
        GAN(org.divergencelab.gan.Objective.nonSaturating()),
        /** The original minimax GAN: G minimises log(1 − D(G(z))) (saturates while D wins, lecture 000/003). */
        MINIMAX(org.divergencelab.gan.Objective.minimax()),
        /** Least-squares GAN: a linear-output D regressed to 1 / 0 (lecture 004). */
        LSGAN(org.divergencelab.gan.Objective.lsgan()),
        /**
         * The original WGAN (lecture 003): every critic weight clamped to [−c, c] after each update, c = 0.01, with
         * RMSProp at lr 5e-5 as its paper's Algorithm 1 (its authors found momentum optimisers unstable with
         * clipping).
         */
        WGAN_CLIP(org.divergencelab.gan.Objective.wganClip(0.01));

        private final org.divergencelab.gan.Objective loss;

        Objective(org.divergencelab.gan.Objective loss) {
            this.loss = loss;
        }

        /** The GAN engine's objective whose losses ({@link Losses}) this trains with. */
        public org.divergencelab.gan.Objective loss() {
            return loss;
        }

        /** True for the WGAN objectives, whose mean D(real) − mean D(fake) estimates W1 (up to the critic's K). */
        public boolean wasserstein() {
            return loss.kind().isWasserstein();
        }
    }

    /**
     * The networks. MLP: as above. DCGAN (side divisible by 4): G = Dense z→(s/4)²·64, BatchNorm, ReLU,
     * ConvT(64→32, k4 s2 p1), BatchNorm, ReLU, ConvT(32→C, k4 s2 p1), tanh; D = Conv(C→32, k4 s2 p1),
     * LeakyReLU 0.2, Conv(32→64, k4 s2 p1), LayerNorm (a GP critic must not mix samples, so no batch norm),
     * LeakyReLU 0.2, Dense →1. Images are HWC rows inside the networks (the dataset's CHW is converted).
     */
    public enum Model { MLP, DCGAN }

    private final ComputeBackend be;
    private final ImageDataset data;
    private final Objective objective;
    private final int batch;
    private final int zDim;
    private final int nCritic;
    private final Model model;
    private final boolean batchNorm;
    private final Layer generator;
    private final Layer critic;
    private final Optimizer optG;
    private final Optimizer optD;
    /** WGAN-clip's clamp, null for the other objectives. */
    private final WeightClipping clipping;
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
        this(be, data, Model.MLP, objective, batch, zDim, nCritic, seed);
    }

    public ImageGan(ComputeBackend be, ImageDataset data, Model model, Objective objective, int batch, int zDim,
                    int nCritic, long seed) {
        this(be, data, model, objective, true, batch, zDim, nCritic, seed);
    }

    /**
     * {@code batchNorm} false drops the DCGAN generator's two batch-norm layers (the lecture's DCGAN point:
     * without them the generator tends to collapse); the MLP has none either way.
     */
    public ImageGan(ComputeBackend be, ImageDataset data, Model model, Objective objective, boolean batchNorm,
                    int batch, int zDim, int nCritic, long seed) {
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
        this.model = model;
        this.batchNorm = batchNorm && model == Model.DCGAN;
        if (model == Model.MLP) {
            this.generator = Mlp.builder(zDim).name("G").hidden(256, 512).activation(Activation.relu())
                    .output(data.dim(), Activation.tanh()).build(be, init);
            this.critic = Mlp.builder(data.dim()).name("D").hidden(512, 256).activation(Activation.leakyRelu(0.2))
                    .output(1, Activation.identity()).build(be, init);
        } else {
            int side = data.width();
            if (data.height() != side || side % 4 != 0) {
                throw new IllegalArgumentException("DCGAN needs square images with a side divisible by 4, got "
                        + data.width() + "x" + data.height());
            }
            int c = data.channels();
            int q = side / 4;
            int h = side / 2;
            List<Layer> g = new java.util.ArrayList<>();
            g.add(new Dense("G.fc", be, zDim, q * q * 64, Init.HE, init));
            if (batchNorm) {
                g.add(new BatchNorm2d("G.bn1", be, 64, 1e-5));
            }
            g.add(Activation.relu());
            g.add(new ConvTranspose2d("G.up1", be, 64, new ConvShape(32, h, h, 4, 4, 2, 1), Init.HE, init));
            if (batchNorm) {
                g.add(new BatchNorm2d("G.bn2", be, 32, 1e-5));
            }
            g.add(Activation.relu());
            g.add(new ConvTranspose2d("G.up2", be, 32, new ConvShape(c, side, side, 4, 4, 2, 1), Init.XAVIER, init));
            g.add(Activation.tanh());
            this.generator = new Sequential("G", List.copyOf(g));
            this.critic = new Sequential("D", List.of(
                    new Conv2d("D.conv1", be, new ConvShape(c, side, side, 4, 4, 2, 1), 32, Init.HE, init),
                    Activation.leakyRelu(0.2),
                    new Conv2d("D.conv2", be, new ConvShape(32, h, h, 4, 4, 2, 1), 64, Init.HE, init),
                    new LayerNorm("D.ln", be, q * q * 64, 1e-5), Activation.leakyRelu(0.2),
                    new Dense("D.fc", be, q * q * 64, 1, Init.XAVIER, init)));
        }
        if (objective == Objective.WGAN_CLIP) {
            this.optG = Optimizer.rmsProp(generator.parameters(), 5e-5, 0.99, 1e-8);
            this.optD = Optimizer.rmsProp(critic.parameters(), 5e-5, 0.99, 1e-8);
            this.clipping = new WeightClipping(objective.loss().clip());
        } else {
            this.optG = Optimizer.adam(generator.parameters(), 1e-4, 0.5, 0.9, 1e-8);
            this.optD = Optimizer.adam(critic.parameters(), 1e-4, 0.5, 0.9, 1e-8);
            this.clipping = null;
        }
        this.criticTape = new Tape(be);
        this.generatorTape = new Tape(be);
        this.sampleTape = new Tape(be);
        this.realBuf = new float[batch * data.dim()];
        this.hwcBuf = new float[batch * data.dim()];
    }

    private final float[] hwcBuf;

    /** Generator parameters, then critic parameters. */
    public List<org.divergencelab.autodiff.Parameter> parameters() {
        List<org.divergencelab.autodiff.Parameter> all = new java.util.ArrayList<>(generator.parameters());
        all.addAll(critic.parameters());
        return all;
    }

    public Model model() {
        return model;
    }

    /** Whether the generator has batch-norm layers (DCGAN with batch norm on). */
    public boolean batchNorm() {
        return batchNorm;
    }

    /** CHW (dataset) rows to HWC (network) rows, n images, in place through {@code tmp}. */
    private void toHwc(float[] chw, int n, float[] tmp) {
        int c = data.channels();
        if (model == Model.MLP || c == 1) {
            return; // the MLP is layout-agnostic; one channel is the same in both layouts
        }
        int plane = data.width() * data.height();
        for (int i = 0; i < n; i++) {
            int base = i * data.dim();
            for (int ch = 0; ch < c; ch++) {
                for (int p = 0; p < plane; p++) {
                    tmp[base + p * c + ch] = chw[base + ch * plane + p];
                }
            }
        }
        System.arraycopy(tmp, 0, chw, 0, n * data.dim());
    }

    private void toChw(float[] hwc, int n) {
        int c = data.channels();
        if (model == Model.MLP || c == 1) {
            return;
        }
        int plane = data.width() * data.height();
        float[] tmp = new float[n * data.dim()];
        for (int i = 0; i < n; i++) {
            int base = i * data.dim();
            for (int ch = 0; ch < c; ch++) {
                for (int p = 0; p < plane; p++) {
                    tmp[base + ch * plane + p] = hwc[base + p * c + ch];
                }
            }
        }
        System.arraycopy(tmp, 0, hwc, 0, n * data.dim());
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

    /** The objective it trains with. */
    public Objective objective() {
        return objective;
    }

    /** mean D(real) − mean D(fake) of the last critic step (the W1 estimate under the WGAN objectives). */
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
        toHwc(realBuf, batch, hwcBuf);
        Var real = t.constant(batch, data.dim());
        be.copyIn(realBuf, real.value());
        Var z = t.constant(batch, zDim);
        be.fillNormal(z.value(), 0, 1, rng);
        Var fake = t.detach(generator.forward(t, z));
        Var scores = critic.forward(t, t.concatRows(real, fake));
        Var realScore = t.mean(t.sliceRows(scores, 0, batch));
        Var fakeScore = t.mean(t.sliceRows(scores, batch, batch));
        Var loss = Losses.criticLoss(t, objective.loss(), critic, real, fake, scores, rng);
        optD.zeroGrad();
        t.backward(loss, critic.parameters());
        optD.step();
        if (clipping != null) {
            clipping.apply(critic.parameters());
        }
        lastCriticLoss = loss.item();
        lastWasserstein = realScore.item() - fakeScore.item();
    }

    private void generatorStep() {
        Tape t = generatorTape;
        t.reset();
        Var z = t.constant(batch, zDim);
        be.fillNormal(z.value(), 0, 1, rng);
        Var score = critic.forward(t, generator.forward(t, z));
        Var loss = Losses.generatorLoss(t, objective.loss(), score);
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
        toChw(out, n);
    }
}

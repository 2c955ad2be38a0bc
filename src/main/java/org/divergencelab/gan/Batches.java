package org.divergencelab.gan;

import java.util.Map;
import java.util.SplittableRandom;

import org.divergencelab.autodiff.Tape;
import org.divergencelab.autodiff.Var;
import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.distribution.Distribution;
import org.divergencelab.nn.Mlp;

/**
 * The training batches of a run: real data, latent z, the critic's fakes (mixed with replayed old fakes when the
 * replay buffer is on) and instance noise, each from its own {@link RandomStreams} stream. Buffers are reused
 * from step to step.
 */
final class Batches {
    private final ComputeBackend be;
    private final Distribution data;
    private final int dim;
    private final SplittableRandom dataRng;
    private final SplittableRandom zRng;
    private final SplittableRandom noiseRng;
    private final SplittableRandom replayRng;
    private final SplittableRandom labelRng;
    /** The conditional GAN's labels and inputs, null without a condition. */
    private final Conditioning condition;

    private double[] replay;
    private int replayCount;
    private int replayNext;
    private Var lastLatent;
    private double[] buf = new double[0];
    private double[] fresh = new double[0];

    Batches(ComputeBackend be, Distribution data, Map<RandomStreams.Stream, SplittableRandom> streams,
            Conditioning condition) {
        this.be = be;
        this.data = data;
        this.dim = data.dimension();
        this.dataRng = streams.get(RandomStreams.Stream.DATA);
        this.zRng = streams.get(RandomStreams.Stream.LATENT);
        this.noiseRng = streams.get(RandomStreams.Stream.INSTANCE_NOISE);
        this.replayRng = streams.get(RandomStreams.Stream.REPLAY);
        this.labelRng = streams.get(RandomStreams.Stream.LABEL);
        this.condition = condition;
    }

    /** Empties the replay buffer and sizes it for {@code capacity} points (0 = replay off). */
    void resetReplay(int capacity) {
        replay = capacity > 0 ? new double[capacity * dim] : null;
        replayCount = 0;
        replayNext = 0;
    }

    private double[] buffer(int n) {
        if (buf.length != n * dim) {
            buf = new double[n * dim];
            fresh = new double[n * dim];
        }
        return buf;
    }

    /** {@code n} points of P_data, plus instance noise of σ {@code sigma} when it is positive. */
    Var real(Tape t, int n, double sigma) {
        double[] b = buffer(n);
        for (int i = 0; i < n; i++) {
            data.sampleInto(dataRng, b, i * dim);
        }
        addNoise(b, sigma);
        Var real = t.constant(n, dim);
        be.copyIn(b, real.value());
        return real;
    }

    /** The z of the last {@link #latent} call (valid while its tape is), for a {@link BatchRecorder}. */
    Var lastLatent() {
        return lastLatent;
    }

    /** {@code n} rows of z from the prior. */
    Var latent(Tape t, int n, LatentSpec latent) {
        Var z = t.constant(n, latent.dim());
        lastLatent = z;
        if (latent.prior() == LatentSpec.Prior.NORMAL) {
            be.fillNormal(z.value(), 0, 1, zRng);
        } else {
            be.fillUniform(z.value(), -1, 1, zRng);
        }
        return z;
    }

    /**
     * The critic's {@code n} fakes G(z), detached: a fraction {@code replayFraction} replaced by old fakes when
     * the replay buffer is on (the fresh ones are then remembered), instance noise added when σ is positive.
     */
    Var fakesForCritic(Tape t, int n, Mlp generator, LatentSpec latent, double replayFraction, double sigma) {
        Var fake = t.detach(generator.forward(t, latent(t, n, latent)));
        boolean replayOn = replay != null;
        if (!replayOn && sigma == 0) {
            return fake;
        }
        double[] b = buffer(n);
        be.copyOut(fake.value(), b);
        if (replayOn) {
            // replace a fraction of the fresh fakes by old ones, then remember the fresh ones
            System.arraycopy(b, 0, fresh, 0, b.length);
            int m = (int) Math.round(replayFraction * n);
            if (replayCount > 0) {
                for (int i = 0; i < m; i++) {
                    int j = replayRng.nextInt(replayCount);
                    System.arraycopy(replay, j * dim, b, i * dim, dim);
                }
            }
            int cap = replay.length / dim;
            for (int i = 0; i < n; i++) {
                System.arraycopy(fresh, i * dim, replay, replayNext * dim, dim);
                replayNext = (replayNext + 1) % cap;
                replayCount = Math.min(cap, replayCount + 1);
            }
        }
        addNoise(b, sigma);
        Var mixed = t.constant(n, dim);
        be.copyIn(b, mixed.value());
        return mixed;
    }

    /** {@code fake} plus instance noise of σ {@code sigma} (the generator step's view of D's input). */
    Var noisy(Tape t, Var fake, double sigma) {
        if (sigma <= 0) {
            return fake;
        }
        Var noise = t.constant(fake.rows(), dim);
        be.fillNormal(noise.value(), 0, sigma, noiseRng);
        return t.add(fake, noise);
    }

    /**
     * A conditional GAN's critic batch, D's inputs {real, fake}, {@code n} rows each: real pairs (x, y) of the
     * labelled data; negatives (G(z, y), y) with the real rows' labels (so the penalties' interpolates keep a
     * label), the last ⌊n/2⌋ of them replaced, when mismatched negatives are on, by the real x with a wrong label
     * y' ≠ y. Instance noise goes to x only.
     */
    Var[] conditionalCritic(Tape t, int n, Mlp generator, LatentSpec latent, double sigma) {
        double[] x = new double[n * dim];
        int[] y = condition.sample(n, dataRng, x);
        addNoise(x, sigma);
        int m = condition.mismatchNegatives() ? n / 2 : 0;
        int g = n - m;
        double[] fakeX = new double[n * dim];
        int[] fakeY = y.clone();
        if (g > 0) {
            Var z = latent(t, g, latent);
            double[] zv = new double[g * latent.dim()];
            be.copyOut(z.value(), zv);
            Var in = t.constant(g, latent.dim() + condition.classes());
            be.copyIn(condition.generatorInput(zv, latent.dim(), y, g), in.value());
            double[] generated = new double[g * dim];
            be.copyOut(generator.forward(t, in).value(), generated);
            addNoise(generated, sigma);
            System.arraycopy(generated, 0, fakeX, 0, g * dim);
        }
        for (int i = g; i < n; i++) {
            System.arraycopy(x, i * dim, fakeX, i * dim, dim);
            fakeY[i] = condition.wrongLabel(y[i], labelRng);
        }
        Var real = t.constant(n, dim + condition.classes());
        be.copyIn(condition.criticInput(x, y, n), real.value());
        Var fake = t.constant(n, dim + condition.classes());
        be.copyIn(condition.criticInput(fakeX, fakeY, n), fake.value());
        return new Var[] {real, fake};
    }

    /**
     * A conditional GAN's generator step: D's raw scores of (G(z, y), y) for {@code n} labels drawn from the
     * data's component weights, differentiable in G's parameters.
     */
    Var conditionalGeneratorScores(Tape t, int n, Mlp generator, Mlp critic, LatentSpec latent, double sigma) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = condition.drawLabel(labelRng);
        }
        Var z = latent(t, n, latent);
        double[] zv = new double[n * latent.dim()];
        be.copyOut(z.value(), zv);
        Var in = t.constant(n, latent.dim() + condition.classes());
        be.copyIn(condition.generatorInput(zv, latent.dim(), y, n), in.value());
        Var fake = noisy(t, generator.forward(t, in), sigma);
        return critic.forward(t, condition.criticInput(t, be, fake, y));
    }

    private void addNoise(double[] b, double sigma) {
        if (sigma > 0) {
            for (int i = 0; i < b.length; i++) {
                b[i] += sigma * noiseRng.nextGaussian();
            }
        }
    }
}

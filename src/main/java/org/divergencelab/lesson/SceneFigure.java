package org.divergencelab.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;

import org.divergencelab.distribution.Distribution;
import org.divergencelab.distribution.PointCloud;
import org.divergencelab.divergence.ExactW1;
import org.divergencelab.divergence.FrechetDistance;
import org.divergencelab.divergence.QualityDiversity;
import org.divergencelab.distribution.Mixture;
import org.divergencelab.distribution.SpecCache;
import org.divergencelab.gan.ConditionSpec;
import org.divergencelab.gan.Snapshot;
import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.GeneratorGradientProbe;
import org.divergencelab.gan.Objective;
import org.divergencelab.gan.Trainer;
import org.divergencelab.nn.Readouts;

/**
 * A figure a scene shows beside its caption, computed from the scene's own experiment (never from stored
 * numbers): the lecture's comparison that one training run cannot show by itself.
 */
public enum SceneFigure {
    /** No figure. */
    NONE,
    /**
     * WGAN-GP paper Fig. 1b (lecture 003 L484-490): the critic's per-layer weight-gradient norm after the scene's
     * iterations, for weight clipping with c = 0.001, 0.01, 0.1 and for the gradient penalty, log y.
     */
    LAYER_GRADIENTS,
    /**
     * Arjovsky and Bottou's probe (lecture 003 L261, L302): the generator at the scene's opening state is frozen,
     * a fresh D is trained on it, and ‖∇_θ L_G‖ is plotted against D's steps for log(1 − D) and −log D, log y.
     */
    GENERATOR_GRADIENT_PROBE,
    /**
     * The FID picture's caveats (lecture 001, evaluation), on a sandbox scene's P and Q: the Fréchet distance of
     * Gaussians fitted to n samples of each, against n, beside FD between two fresh draws of P (the sample-size
     * bias) and the exact sample W1(P, Q), each the mean over {@link #FD_REPEATS} draws, log y.
     */
    FRECHET_SAMPLE_SIZE,
    /**
     * The memory GAN (lecture 001 L1231-1253), on a sandbox scene's P: three "generators" against the training set
     * T = {@link #MEMORY_TRAIN} draws of P (the sandbox seed): a copy of T, its mirror image (x → −x) and fresh draws
     * of P (a generator that learned P). Each gives {@link #MEMORY_SAMPLES} samples; the curves are the fraction of
     * samples within distance d of their nearest training point, the legend their FD and W1 against T.
     */
    MEMORY_NEAREST,
    /**
     * Quality vs diversity (lecture 001 L1087-1175): during the scene's training, our toy Inception Score of G's
     * samples ({@link QualityDiversity}, the data mixture's components as classes) with its two parts as effective
     * numbers of classes, e^H(p_avg) (diversity) and e^mean H(p(c|x)) (1 = every sample sharp), and the data's own score.
     */
    QUALITY_DIVERSITY,
    /**
     * The conditional GAN (lecture 001 L1290-1321, 003 L669-697): two runs of the scene's conditional experiment
     * from the same seed, D(x, y) seeing the label with mismatched negatives and a label-blind D, and G's
     * label-conditional accuracy (fraction of G(z, y) whose most likely data component is y) against iteration,
     * with the chance line 1/K.
     */
    LABEL_ACCURACY,
    /**
     * Spectral normalisation (lecture 000 L423, 001 L911-915): the largest singular value σ_max of each critic
     * layer's weight as the layer uses it ({@code nn.Dense#largestSingularValue}, exact SVD) during the scene's
     * training, with spectral normalisation (the scene's experiment) and without it (the same experiment and seed,
     * the critic's flag off), with their products (the bound on D's Lipschitz constant), log y.
     */
    SPECTRAL_NORMS,
    /**
     * Training D on past fakes too (lecture 000 L425-435): the modes G covers during the scene's training with
     * the replay buffer (the scene's experiment) and without it (same experiment and seed, replay off).
     */
    REPLAY_COVERAGE,
    /**
     * S22, the eye's evolution (lecture 000 L327-349): on a sandbox scene whose Q is a translate of P, P_G in
     * stages ({@link LectureFigures#EYE_STAGES}) from Q onto P, each with its exact JS (log 2 until they overlap)
     * and W1 (the remaining shift).
     */
    EYE_EVOLUTION,
    /**
     * S24, the butterfly and the bird (lecture 001 L192-238): a 1-D run at iterations {@link #STAGES}, D_t(x) and
     * the density of G_t's samples at each.
     */
    TRAINING_STAGES,
    /**
     * S25, z interpolation (lecture 001 L396-412): G after the scene's iterations drawing a straight path in z
     * between two latent points that land on modes {@link #PATH_MODES}, over G's samples and the data's modes.
     */
    Z_INTERPOLATION,
    /**
     * S14's half (lecture 001 L1126-1146): covered modes against iteration for the scene's run, the modes lost and
     * gained between consecutive evaluations, beside S13's collapse ({@link #COLLAPSE_SCENE}).
     */
    MODES_COVERED,
    /**
     * S12's half (lecture 004 L29-36): G's per-sample push |∂ℓ_G/∂x| from the scene's sigmoid D and from a
     * least-squares D trained on the same frozen G, log y.
     */
    LSGAN_GRADIENT;

    /** Points of {@link #LABEL_ACCURACY}'s curves over the scene's iterations (one every 25 at 300). */
    public static final int LABEL_POINTS = 12;

    /** Points of {@link #SPECTRAL_NORMS}' and {@link #REPLAY_COVERAGE}'s curves over the scene's iterations. */
    public static final int RUN_POINTS = 16;
    /**
     * A mode is "used" in {@link #REPLAY_COVERAGE} when it holds at least this share of the samples (S13's count;
     * the app's "captured" needs only one high-quality sample, which a collapsed G's stragglers give).
     */
    public static final double USED_SHARE = 0.02;

    /**
     * The iterations of {@link #TRAINING_STAGES}, chosen from S24's run (data N(3, 0.5²), G starting near 0): at 50
     * D has learned "real is to the right" (D = 0.5 near x = 0, G still at 0.2); at 100 G has moved towards the
     * data and D's crossing followed it (≈ 0.4); at 200 G has reached the data (mean ≈ 3.3) and D's crossing sits
     * inside it (≈ 3.7). Later, D is ≈ 0.5 over the data and its crossings wander where neither has mass.
     */
    public static final int[] STAGES = {50, 100, 200};
    /** The two data modes S25's path joins (indices in the ring: neighbours, so the path crosses one gap). */
    public static final int[] PATH_MODES = {0, 1};
    /**
     * The x label of a figure drawn in the data plane (x₁ across, x₂ up; S22, S25): the figure view then ranges
     * both axes over all points and keeps one unit the same length on both.
     */
    public static final Text PLANE_X = Text.formula("x₁");
    /** The collapse drawn beside {@link #MODES_COVERED}. */
    public static final String COLLAPSE_SCENE = "S13";

    /** Points of {@link #QUALITY_DIVERSITY}'s curves over the scene's iterations. */
    public static final int QD_POINTS = 12;

    /** Size of {@link #MEMORY_NEAREST}'s training set. */
    public static final int MEMORY_TRAIN = 40;
    /** Samples per generator of {@link #MEMORY_NEAREST}. */
    public static final int MEMORY_SAMPLES = 1000;

    /** Samples per side of {@link #FRECHET_SAMPLE_SIZE}. */
    public static final int[] FD_SAMPLES = {25, 50, 100, 200, 400, 800, 1600};
    /** Draws averaged per sample size of {@link #FRECHET_SAMPLE_SIZE}. */
    public static final int FD_REPEATS = 50;

    /** The clipping thresholds of {@link #LAYER_GRADIENTS} (the paper's three). */
    public static final double[] CLIPS = {0.001, 0.01, 0.1};
    /** λ of the gradient-penalty curve: the toy value of the ring8-wgan-gp preset (the paper's gan_toy.py). */
    public static final double GP_LAMBDA = 0.1;
    /** Discriminator steps of {@link #GENERATOR_GRADIENT_PROBE}. */
    public static final int PROBE_STEPS = 1000;
    /** Record the probe every this many steps. */
    public static final int PROBE_EVERY = 10;
    /** Seed of the probe's fresh discriminator (fixed so the figure is the same on every opening). */
    public static final long PROBE_SEED = 20170117L;
    /**
     * Where the probe's D starts: re-initialised, as the lecture's theory asks (000 L425-437; 003 L261), not the
     * D the scene's training left behind.
     */
    public static final GeneratorGradientProbe.DStart PROBE_START = GeneratorGradientProbe.DStart.REINITIALISE;

    /**
     * One curve of a figure: its legend name, x and y, whether it is dashed, and its palette colour (−1: by its
     * place in the figure).
     */
    public record Series(Text name, double[] x, double[] y, boolean dashed, int colour) {
        /** A solid curve coloured by its place. */
        public Series(Text name, double[] x, double[] y) {
            this(name, x, y, false, -1);
        }

        /** A curve whose name is the same in every language (a formula: "W1(P, Q)", "c = 0.01"). */
        public Series(String formula, double[] x, double[] y) {
            this(Text.formula(formula), x, y, false, -1);
        }

        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("series '" + name.en() + "': x and y differ in length, " + x.length
                        + " vs " + y.length);
            }
            x = x.clone();
            y = y.clone();
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }
    }

    /**
     * A computed figure.
     *
     * @param title  chart title
     * @param xLabel x-axis label
     * @param yLabel y-axis label
     * @param logY   logarithmic y axis
     * @param series the curves
     */
    public record Data(Text title, Text xLabel, Text yLabel, boolean logY, List<Series> series) {
        public Data {
            series = List.copyOf(series);
        }
    }

    /**
     * Computes this figure for scene {@code s} (call off the FX thread: it trains networks).
     *
     * @param progress receives the fraction done in [0, 1] (from the computing thread)
     * @throws IllegalStateException for {@link #NONE} or a scene without an experiment
     */
    public Data compute(Scene s, DoubleConsumer progress) {
        if (this == NONE || (needsTraining() && s.experiment() == null) || (!needsTraining() && s.sandbox() == null)) {
            throw new IllegalStateException("scene " + s.id() + " has no computed figure (" + this + ")");
        }
        return switch (this) {
            case LAYER_GRADIENTS -> layerGradients(s, progress);
            case GENERATOR_GRADIENT_PROBE -> probe(s, progress);
            case FRECHET_SAMPLE_SIZE -> frechet(s, progress);
            case MEMORY_NEAREST -> memory(s.sandbox().distributionP(), s.sandbox().seed());
            case QUALITY_DIVERSITY -> qualityDiversity(s, progress);
            case LABEL_ACCURACY -> labelAccuracy(s, progress);
            case SPECTRAL_NORMS -> spectralNorms(s, progress);
            case REPLAY_COVERAGE -> replayCoverage(s, progress);
            case EYE_EVOLUTION -> LectureFigures.eyeEvolution(s.sandbox());
            case TRAINING_STAGES -> LectureFigures.trainingStages(s, progress);
            case Z_INTERPOLATION -> LectureFigures.zInterpolation(s, progress);
            case MODES_COVERED -> LectureFigures.modesCovered(s, progress);
            case LSGAN_GRADIENT -> LectureFigures.lsganGradient(s, progress);
            default -> throw new IllegalStateException(toString());
        };
    }

    /** True when the figure is computed from a training scene's experiment; false: from a sandbox scene's P and Q. */
    public boolean needsTraining() {
        return this == LAYER_GRADIENTS || this == GENERATOR_GRADIENT_PROBE || this == QUALITY_DIVERSITY
                || this == LABEL_ACCURACY || this == SPECTRAL_NORMS || this == REPLAY_COVERAGE
                || this == TRAINING_STAGES || this == Z_INTERPOLATION || this == MODES_COVERED || this == LSGAN_GRADIENT;
    }

    /** {@link #FRECHET_SAMPLE_SIZE}'s curves for P and Q, draws seeded from {@code seed} (one seed per n and draw). */
    public static Data frechet(Distribution p, Distribution q, long seed, DoubleConsumer progress) {
        int m = FD_SAMPLES.length;
        double[] x = new double[m];
        double[] fdPq = new double[m];
        double[] fdPp = new double[m];
        double[] w1 = new double[m];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < m; i++) {
            int n = FD_SAMPLES[i];
            x[i] = n;
            for (int r = 0; r < FD_REPEATS; r++) {
                PointCloud a = p.sample(n, rng.split());
                PointCloud b = q.sample(n, rng.split());
                PointCloud a2 = p.sample(n, rng.split());
                fdPq[i] += FrechetDistance.ofSamples(a, b) / FD_REPEATS;
                fdPp[i] += FrechetDistance.ofSamples(a, a2) / FD_REPEATS;
                w1[i] += ExactW1.distance(a, b) / FD_REPEATS;
            }
            progress.accept((i + 1.0) / m);
        }
        return new Data(new Text("FD and W1 against the sample size (mean of " + FD_REPEATS + " draws)",
                "FD 和 W1 對樣本數（" + FD_REPEATS + " 次抽樣的平均）", "FD 和 W1 对样本数（" + FD_REPEATS + " 次抽样的平均）"),
                new Text("samples per side n", "每邊的樣本數 n", "每边的样本数 n"), Text.formula("FD, W1"), true,
                List.of(new Series("FD(P, Q)", x, fdPq), new Series(new Text("FD(P, P′) (same P)", "FD(P, P′)（同一個 P）", "FD(P, P′)（同一个 P）"), x, fdPp),
                        new Series("W1(P, Q)", x, w1)));
    }

    /** The data mixture of a scene's experiment: the classes of {@link #QUALITY_DIVERSITY}. */
    public static Mixture dataMixture(Experiment e) {
        if (!(SpecCache.parse(e.data()) instanceof Mixture m)) {
            throw new IllegalStateException("quality vs diversity needs a mixture as data, got " + e.data());
        }
        return m;
    }

    private static Data qualityDiversity(Scene s, DoubleConsumer progress) {
        Experiment e = s.experiment();
        Mixture m = dataMixture(e);
        Trainer t = new Trainer(e);
        int n = Math.max(QD_POINTS, s.iterations());
        double[] x = new double[QD_POINTS + 1];
        double[] score = new double[x.length];
        double[] diversity = new double[x.length];
        double[] sharp = new double[x.length];
        double[] data = new double[x.length];
        trainVisiting(t, n, QD_POINTS, (k, done) -> {
            Snapshot snap = t.snapshot(false);
            QualityDiversity.Result g = QualityDiversity.evaluate(m, snap.fakeCloud());
            x[k] = done;
            score[k] = g.score();
            diversity[k] = Math.exp(g.averagedEntropy());
            sharp[k] = Math.exp(g.sampleEntropy());
            data[k] = QualityDiversity.evaluate(m, snap.realCloud()).score();
            progress.accept((k + 1.0) / (QD_POINTS + 1));
        });
        return new Data(new Text("Toy Inception Score during training (classes: the " + m.weights().length + " data modes)",
                "訓練中的玩具版 Inception Score（類別：資料的 " + m.weights().length + " 個模式）",
                "训练中的玩具版 Inception Score（类别：数据的 " + m.weights().length + " 个模式）"),
                new Text("iteration", "迭代", "迭代"), new Text("classes", "類別數", "类别数"), false,
                List.of(new Series(new Text("IS of G", "G 的 IS", "G 的 IS"), x, score), new Series("e^H(p_avg)", x, diversity),
                        new Series("e^H(p(c|x))", x, sharp), new Series(new Text("IS of data", "資料的 IS", "数据的 IS"), x, data)));
    }

    /**
     * The runs of {@link #LABEL_ACCURACY}: the scene's experiment with the mixture component as the label, D seeing
     * it and mismatched pairs among its negatives; then the same with a label-blind D (the lecture's failure case).
     */
    public static List<Experiment> labelExperiments(Experiment e) {
        return List.of(e.withCondition(ConditionSpec.mode()),
                e.withCondition(ConditionSpec.mode().withCriticSeesLabel(false)));
    }

    private static Data labelAccuracy(Scene s, DoubleConsumer progress) {
        List<Experiment> runs = labelExperiments(s.experiment());
        int n = Math.max(LABEL_POINTS, s.iterations());
        int classes = runs.get(0).labelCount();
        Text[] names = {new Text("D(x, y) + mismatched", "D(x, y) + 不相符的配對", "D(x, y) + 不相符的配对"),
            new Text("label-blind D", "看不到標籤的 D", "看不到标签的 D")};
        List<Series> series = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            Trainer t = new Trainer(runs.get(r));
            double[] x = new double[LABEL_POINTS + 1];
            double[] y = new double[x.length];
            int done = 0;
            for (int k = 0; k <= LABEL_POINTS; k++) {
                int target = (int) Math.round((double) n * k / LABEL_POINTS);
                while (done < target && !t.halted()) {
                    t.iteration();
                    done++;
                }
                x[k] = done;
                y[k] = t.snapshot(false).labelAccuracy();
                progress.accept((r + (k + 1.0) / (LABEL_POINTS + 1)) / runs.size());
            }
            series.add(new Series(names[r], x, y));
        }
        series.add(new Series(new Text("chance 1/" + classes, "隨機猜 1/" + classes, "随机猜 1/" + classes),
                new double[] {0, n},
                new double[] {1.0 / classes, 1.0 / classes}));
        return new Data(new Text("Label accuracy of G(z, y), " + classes + " labels",
                "G(z, y) 的標籤正確率，" + classes + " 個標籤", "G(z, y) 的标签正确率，" + classes + " 个标签"),
                new Text("iteration", "迭代", "迭代"), new Text("accuracy", "正確率", "正确率"), false, series);
    }

    /** {@link #MEMORY_NEAREST}'s training set: {@link #MEMORY_TRAIN} draws of {@code p} with {@code seed}. */
    public static PointCloud memoryTrainingSet(Distribution p, long seed) {
        return p.sample(MEMORY_TRAIN, seed);
    }

    /** The three generators of {@link #MEMORY_NEAREST}, in the order copy, mirror, fresh: their samples. */
    public static List<PointCloud> memoryGenerators(Distribution p, long seed) {
        PointCloud t = memoryTrainingSet(p, seed);
        int d = t.dimension();
        // The copy replays T in turn (each training point equally often), so its sample is T itself, repeated.
        double[] copy = new double[MEMORY_SAMPLES * d];
        double[] mirror = new double[MEMORY_SAMPLES * d];
        for (int i = 0; i < MEMORY_SAMPLES; i++) {
            int k = i % t.size();
            for (int c = 0; c < d; c++) {
                copy[i * d + c] = t.get(k, c);
                mirror[i * d + c] = -t.get(k, c);
            }
        }
        return List.of(PointCloud.of(d, copy), PointCloud.of(d, mirror), p.sample(MEMORY_SAMPLES, seed + 1));
    }

    /** Distance from each point of {@code g} to its nearest point of {@code t}, sorted ascending. */
    public static double[] nearestDistances(PointCloud g, PointCloud t) {
        double[] out = new double[g.size()];
        for (int i = 0; i < out.length; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < t.size(); j++) {
                double s2 = 0;
                for (int c = 0; c < g.dimension(); c++) {
                    double diff = g.get(i, c) - t.get(j, c);
                    s2 += diff * diff;
                }
                best = Math.min(best, s2);
            }
            out[i] = Math.sqrt(best);
        }
        java.util.Arrays.sort(out);
        return out;
    }

    private static Data memory(Distribution p, long seed) {
        PointCloud t = memoryTrainingSet(p, seed);
        Text[] names = {new Text("copy of T", "T 的複製", "T 的复制"), new Text("mirrored copy", "鏡像複製", "镜像复制"),
            new Text("fresh draws of P", "P 的新樣本", "P 的新样本")};
        List<PointCloud> gens = memoryGenerators(p, seed);
        List<Series> series = new ArrayList<>();
        for (int k = 0; k < gens.size(); k++) {
            double[] x = nearestDistances(gens.get(k), t);
            double[] y = new double[x.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = (i + 1.0) / y.length;
            }
            String numbers = String.format(java.util.Locale.ROOT, ": FD %.3f, W1 %.3f",
                    FrechetDistance.ofSamples(gens.get(k), t), ExactW1.distance(gens.get(k), t));
            series.add(new Series(new Text(names[k].en() + numbers, names[k].zhTW() + numbers,
                    names[k].zhCN() + numbers), x, y));
        }
        return new Data(new Text("Nearest training point of " + MEMORY_SAMPLES + " generated samples (" + MEMORY_TRAIN
                + " training points T)", MEMORY_SAMPLES + " 個生成樣本到最近訓練點的距離（" + MEMORY_TRAIN + " 個訓練點 T）",
                MEMORY_SAMPLES + " 个生成样本到最近训练点的距离（" + MEMORY_TRAIN + " 个训练点 T）"),
                new Text("distance d to the nearest training point", "到最近訓練點的距離 d", "到最近训练点的距离 d"),
                new Text("fraction ≤ d", "≤ d 的比例", "≤ d 的比例"), false, series);
    }

    private static Data frechet(Scene s, DoubleConsumer progress) {
        return frechet(s.sandbox().distributionP(), s.sandbox().distributionQ(), s.sandbox().seed(), progress);
    }

    /** The experiments of {@link #LAYER_GRADIENTS}: the scene's with each clip c, then with its gradient penalty. */
    public static List<Experiment> layerGradientExperiments(Experiment e) {
        List<Experiment> out = new ArrayList<>();
        for (double c : CLIPS) {
            out.add(e.withObjective(Objective.wganClip(c)));
        }
        out.add(e.withObjective(Objective.wganGp(GP_LAMBDA)));
        return out;
    }

    private static Data layerGradients(Scene s, DoubleConsumer progress) {
        List<Experiment> exps = layerGradientExperiments(s.experiment());
        List<Series> series = new ArrayList<>();
        int n = Math.max(1, s.iterations());
        for (int k = 0; k < exps.size(); k++) {
            Trainer t = new Trainer(exps.get(k));
            for (int i = 0; i < n && !t.halted(); i++) {
                t.iteration();
                progress.accept((k + (i + 1.0) / n) / exps.size());
            }
            List<Readouts.LayerReadout> layers = t.snapshot(true).criticLayers();
            double[] x = new double[layers.size()];
            double[] y = new double[layers.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = i + 1;
                y[i] = layers.get(i).weightGradNorm();
            }
            series.add(new Series(k < CLIPS.length ? "c = " + CLIPS[k] : "GP λ = " + fmt(GP_LAMBDA), x, y));
        }
        return new Data(new Text("Weight-gradient norm per critic layer after " + n + " iterations",
                "訓練 " + n + " 次迭代後判別器每層權重的梯度大小", "训练 " + n + " 次迭代后判别器每层权重的梯度大小"),
                new Text("critic layer (1 = input side)", "判別器的層（1 = 輸入端）", "判别器的层（1 = 输入端）"),
                Text.formula("‖∇W‖"), true, series);
    }

    private static Data probe(Scene s, DoubleConsumer progress) {
        Experiment e = s.experiment();
        Trainer t = new Trainer(e);
        int n = s.iterations();
        for (int i = 0; i < n && !t.halted(); i++) {
            t.iteration();
            progress.accept(0.5 * (i + 1.0) / Math.max(1, n));
        }
        GeneratorGradientProbe.Curve c = GeneratorGradientProbe.run(e, t.generator(), PROBE_START, t.critic(), PROBE_STEPS,
                PROBE_EVERY, PROBE_SEED);
        progress.accept(1);
        int[] steps = c.steps();
        double[] x = new double[steps.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = steps[i];
        }
        return new Data(new Text("G frozen at iteration " + n + ", fresh D trained on it",
                "G 固定在第 " + n + " 次迭代，重新訓練一個 D", "G 固定在第 " + n + " 次迭代，重新训练一个 D"),
                new Text("D training steps", "D 的訓練步數", "D 的训练步数"), Text.formula("‖∇θ L_G‖"), true,
                List.of(new Series("log(1 − D(G(z)))", x, c.minimax()), new Series("−log D(G(z))", x, c.nonSaturating())));
    }

    /** What a figure reads at one of its points: the point's index and the iterations trained so far. */
    private interface Visit {
        void at(int point, int iterations);
    }

    /** Trains {@code t} for {@code n} iterations (fewer if halted), visiting points 0 … {@code points} evenly. */
    private static void trainVisiting(Trainer t, int n, int points, Visit visit) {
        int done = 0;
        for (int p = 0; p <= points; p++) {
            int target = (int) Math.round((double) n * p / points);
            while (done < target && !t.halted()) {
                t.iteration();
                done++;
            }
            visit.at(p, done);
        }
    }

    /** {@link #SPECTRAL_NORMS}' two runs: the scene's experiment with the critic's spectral norm on, then off. */
    public static List<Experiment> spectralNormExperiments(Experiment e) {
        if (e.objective().kind() == Objective.Kind.WGAN_SN || e.objective().kind() == Objective.Kind.EBGAN) {
            throw new IllegalStateException("the spectral-norm figure compares a GAN critic with and without the flag; "
                    + e.objective().kind().key() + " has no such pair");
        }
        return List.of(e.withCritic(e.critic().withSpectralNorm(true)), e.withCritic(e.critic().withSpectralNorm(false)));
    }

    /** σ_max of each critic layer as the layer uses it, input side first. */
    public static double[] sigmaMax(Trainer t) {
        List<org.divergencelab.nn.Dense> layers = t.critic().denseLayers();
        double[] out = new double[layers.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = layers.get(i).largestSingularValue();
        }
        return out;
    }

    private static Data spectralNorms(Scene s, DoubleConsumer progress) {
        List<Experiment> exps = spectralNormExperiments(s.experiment());
        int n = Math.max(RUN_POINTS, s.iterations());
        List<Series> series = new ArrayList<>();
        Text[] tag = {new Text("SN", "譜正規化", "谱归一化"), new Text("no SN", "無譜正規化", "无谱归一化")};
        for (int k = 0; k < 2; k++) {
            Trainer t = new Trainer(exps.get(k));
            int layers = t.critic().denseLayers().size();
            double[] x = new double[RUN_POINTS + 1];
            double[][] y = new double[layers + 1][x.length];
            int run = k;
            trainVisiting(t, n, RUN_POINTS, (p, done) -> {
                double[] sv = sigmaMax(t);
                x[p] = done;
                y[layers][p] = 1;
                for (int l = 0; l < layers; l++) {
                    y[l][p] = sv[l];
                    y[layers][p] *= sv[l];
                }
                progress.accept((run + (p + 1.0) / (RUN_POINTS + 1)) / 2);
            });
            for (int l = 0; l <= layers; l++) {
                // colour by layer, solid with SN, dashed without
                String layer = l < layers ? " L" + (l + 1) : " ∏";
                series.add(new Series(new Text(tag[k].en() + layer, tag[k].zhTW() + layer, tag[k].zhCN() + layer), x,
                        y[l], k == 1, l));
            }
        }
        return new Data(new Text("σ_max of each critic layer during training (∏: the Lipschitz bound)",
                "訓練中判別器每一層的 σ_max（∏：Lipschitz 上界）", "训练中判别器每一层的 σ_max（∏：Lipschitz 上界）"),
                new Text("iteration", "迭代", "迭代"), Text.formula("σ_max"), true, series);
    }

    /** {@link #REPLAY_COVERAGE}'s two runs: the scene's experiment (replay on), then the same with replay off. */
    public static List<Experiment> replayExperiments(Experiment e) {
        if (e.options().replayCapacity() == 0) {
            throw new IllegalStateException("the replay figure needs a scene with the replay buffer on");
        }
        return List.of(e, e.withOptions(e.options().withReplay(0, 0)));
    }

    /** Modes holding at least {@link #USED_SHARE} of {@code fakes}, and modes captured (one high-quality sample). */
    public static int[] modesUsed(Experiment e, PointCloud fakes) {
        var r = org.divergencelab.divergence.ModeCoverage.evaluate(
                org.divergencelab.divergence.ModeCoverage.modesOf(e.dataDistribution()), fakes, 3);
        int used = 0;
        for (int c : r.counts()) {
            if (c >= USED_SHARE * fakes.size()) {
                used++;
            }
        }
        return new int[] {used, r.modesCaptured()};
    }

    private static Data replayCoverage(Scene s, DoubleConsumer progress) {
        List<Experiment> exps = replayExperiments(s.experiment());
        int n = Math.max(RUN_POINTS, s.iterations());
        List<Series> series = new ArrayList<>();
        Text[] tag = {new Text("replay", "重播", "重播"), new Text("no replay", "不重播", "不重播")};
        for (int k = 0; k < 2; k++) {
            Trainer t = new Trainer(exps.get(k));
            double[] x = new double[RUN_POINTS + 1];
            double[] used = new double[x.length];
            double[] captured = new double[x.length];
            int run = k;
            trainVisiting(t, n, RUN_POINTS, (p, done) -> {
                int[] m = modesUsed(t.experiment(), t.snapshot(false).fakeCloud());
                x[p] = done;
                used[p] = m[0];
                captured[p] = m[1];
                progress.accept((run + (p + 1.0) / (RUN_POINTS + 1)) / 2);
            });
            series.add(new Series(new Text(tag[k].en() + ": modes with ≥ 2 % of samples",
                    tag[k].zhTW() + "：占樣本 ≥ 2 % 的模式", tag[k].zhCN() + "：占样本 ≥ 2 % 的模式"), x, used, k == 1, 0));
            series.add(new Series(new Text(tag[k].en() + ": modes reached", tag[k].zhTW() + "：到達的模式",
                    tag[k].zhCN() + "：到达的模式"), x, captured, k == 1, 1));
        }
        return new Data(new Text("Modes covered by G, with and without training D on past fakes (same seed)",
                "G 涵蓋的模式數：D 用與不用過去的生成樣本訓練（同一個種子）", "G 涵盖的模式数：D 用与不用过去的生成样本训练（同一个种子）"),
                new Text("iteration", "迭代", "迭代"), new Text("modes", "模式數", "模式数"), false, series);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}

package org.divergencelab.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;

import org.divergencelab.autodiff.Parameter;
import org.divergencelab.autodiff.Tape;
import org.divergencelab.autodiff.Var;
import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.distribution.Distribution;
import org.divergencelab.distribution.PointCloud;
import org.divergencelab.distribution.SpecCache;
import org.divergencelab.distribution.Translated;
import org.divergencelab.divergence.DivergenceKind;
import org.divergencelab.divergence.Kde;
import org.divergencelab.divergence.ModeCoverage;
import org.divergencelab.divergence.TrueDivergence;
import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.LatentSpec;
import org.divergencelab.gan.Losses;
import org.divergencelab.gan.Objective;
import org.divergencelab.gan.Snapshot;
import org.divergencelab.gan.Trainer;
import org.divergencelab.gan.TrainerOptions;
import org.divergencelab.nn.Mlp;
import org.divergencelab.sandbox.SandboxState;

/**
 * The figures of S22 (the eye's evolution), S24 (the butterfly and the bird), S25 (z interpolation) and the
 * halves of S12 (LSGAN beside the sigmoid) and S14 (covered modes against iteration): the arithmetic behind
 * {@link SceneFigure#EYE_EVOLUTION}, {@link SceneFigure#TRAINING_STAGES}, {@link SceneFigure#Z_INTERPOLATION},
 * {@link SceneFigure#LSGAN_GRADIENT} and {@link SceneFigure#MODES_COVERED}. Each is computed from the scene's own
 * experiment or sandbox state; nothing is stored.
 */
public final class LectureFigures {
    private LectureFigures() {
    }

    // ---------------------------------------------------------------- S22: the eye's evolution

    /**
     * Where S22's stages of P_G stand on the way from Q (fraction 0) to P (fraction 1): three apart, one close,
     * the last overlapping.
     */
    public static final double[] EYE_STAGES = {0, 1.0 / 3, 2.0 / 3, 0.9, 1};

    /** One stage of P_G: its fraction of the way, the distribution, exact JS(P ‖ P_G) and W1(P, P_G). */
    public record EyeStage(double fraction, Distribution q, double js, double w1) {
    }

    /**
     * S22's stages: Q translated by fraction f of the shift v that carries Q onto P. Q must be a translate of P
     * (checked: JS(P ‖ Q − v) = 0 exactly). W1(P, P + u) = |u| exactly: the translation plan costs |u| and the
     * 1-Lipschitz f(x) = ⟨x, u⟩/|u| gives the lower bound E_{P+u} f − E_P f = |u|.
     */
    public static List<EyeStage> eyeStages(Distribution p, Distribution q) {
        double[] cp = centre(p);
        double[] cq = centre(q);
        double[] v = new double[cp.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = cp[k] - cq[k];
        }
        Distribution onP = Translated.of(q, v);
        double check = TrueDivergence.value(DivergenceKind.JS, p, onP);
        if (check != 0) {
            throw new IllegalArgumentException("the eye's evolution needs Q to be a translate of P; JS(P, Q moved onto P) = "
                    + check + " for P = " + p.spec() + ", Q = " + q.spec());
        }
        List<EyeStage> out = new ArrayList<>();
        for (double f : EYE_STAGES) {
            double[] u = new double[v.length];
            double gap = 0;
            for (int k = 0; k < v.length; k++) {
                u[k] = f * v[k];
                double rest = (1 - f) * v[k];
                gap += rest * rest;
            }
            Distribution s = f == 1 ? onP : Translated.of(q, u);
            out.add(new EyeStage(f, s, TrueDivergence.value(DivergenceKind.JS, p, s), Math.sqrt(gap)));
        }
        return out;
    }

    /** The centre of a distribution's bounding box (of a translate: its base's, shifted). */
    private static double[] centre(Distribution d) {
        double[] b = d.bounds();
        int dim = d.dimension();
        double[] c = new double[dim];
        for (int k = 0; k < dim; k++) {
            c[k] = 0.5 * (b[2 * k] + b[2 * k + 1]);
        }
        return c;
    }

    static SceneFigure.Data eyeEvolution(SandboxState st) {
        Distribution p = st.distributionP();
        List<EyeStage> stages = eyeStages(p, st.distributionQ());
        List<SceneFigure.Series> series = new ArrayList<>();
        series.add(new SceneFigure.Series("P_data", outlineX(p), outlineY(p)));
        for (int i = 0; i < stages.size(); i++) {
            EyeStage s = stages.get(i);
            String js = s.js() == Math.log(2) ? "log 2" : String.format(Locale.ROOT, "%.3f", s.js());
            series.add(new SceneFigure.Series(String.format(Locale.ROOT, "P_G%d: JS = %s, W1 = %.2f", i, js, s.w1()),
                    outlineX(s.q()), outlineY(s.q())));
        }
        return new SceneFigure.Data(new Text("P_G towards P_data: JS stays log 2, W1 shrinks",
                "P_G 靠近 P_data：JS 停在 log 2，W1 變小",
                "P_G 靠近 P_data：JS 停在 log 2，W1 变小"),
                SceneFigure.PLANE_X, Text.formula("x₂"), false, series);
    }

    /** A 2-D distribution drawn as its support: a segment's two ends (other shapes: the bounding box's outline). */
    private static double[] outlineX(Distribution d) {
        double[] b = d.bounds();
        return b[0] == b[1] ? new double[] {b[0], b[0]} : new double[] {b[0], b[1], b[1], b[0], b[0]};
    }

    private static double[] outlineY(Distribution d) {
        double[] b = d.bounds();
        return b[0] == b[1] ? new double[] {b[2], b[3]} : new double[] {b[2], b[2], b[3], b[3], b[2]};
    }

    // ---------------------------------------------------------------- S24: the butterfly and the bird

    /** Grid points of S24's curves. */
    public static final int STAGE_GRID = 201;

    /** One training stage: iteration, D on the grid, the KDE of G's samples on the grid, D's 0.5 crossings. */
    public record TrainingStage(int iteration, double[] grid, double[] d, double[] density, double[] boundaries) {
    }

    /**
     * The scene's 1-D training at {@code iterations} (ascending): D(x) = link(s(x)) and a Gaussian KDE of the
     * evaluation fakes (Silverman bandwidth) on one grid covering the data and the first stage's fakes.
     */
    public static List<TrainingStage> trainingStages(Experiment e, int[] iterations, DoubleConsumer progress) {
        Trainer t = new Trainer(e);
        if (t.snapshot(false).dimension() != 1) {
            throw new IllegalArgumentException("training stages need 1-D data, got " + e.data());
        }
        List<Snapshot> snaps = new ArrayList<>();
        List<double[]> ds = new ArrayList<>();
        double[] grid = null;
        int done = 0;
        int last = iterations[iterations.length - 1];
        for (int it : iterations) {
            while (done < it && !t.halted()) {
                t.iteration();
                done++;
                progress.accept(0.95 * done / Math.max(1, last));
            }
            Snapshot s = t.snapshot(false);
            if (grid == null) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (double[] a : new double[][] {s.real(), s.fake()}) {
                    for (double v : a) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
                grid = new double[STAGE_GRID];
                for (int i = 0; i < grid.length; i++) {
                    grid[i] = lo - 0.5 + (hi - lo + 1) * i / (grid.length - 1);
                }
            }
            double[] sc = forward(t.critic(), grid, grid.length);
            for (int i = 0; i < sc.length; i++) {
                sc[i] = Losses.link(e.objective(), sc[i]);
            }
            snaps.add(s);
            ds.add(sc);
        }
        List<TrainingStage> out = new ArrayList<>();
        for (int k = 0; k < iterations.length; k++) {
            double[] d = ds.get(k);
            List<Double> cross = new ArrayList<>();
            for (int i = 1; i < d.length; i++) {
                if ((d[i - 1] - 0.5) * (d[i] - 0.5) < 0) {
                    cross.add(grid[i - 1] + (grid[i] - grid[i - 1]) * (0.5 - d[i - 1]) / (d[i] - d[i - 1]));
                }
            }
            out.add(new TrainingStage((int) snaps.get(k).iteration(), grid, d, kde(snaps.get(k).fakeCloud(), grid),
                    cross.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        progress.accept(1);
        return out;
    }

    /** Gaussian kernel density of a 1-D cloud on {@code grid}, Silverman's bandwidth ({@link Kde#bandwidths}). */
    static double[] kde(PointCloud c, double[] grid) {
        double h = Kde.bandwidths(c)[0];
        double[] out = new double[grid.length];
        double norm = 1 / (c.size() * h * Math.sqrt(2 * Math.PI));
        for (int i = 0; i < grid.length; i++) {
            double s = 0;
            for (int j = 0; j < c.size(); j++) {
                double u = (grid[i] - c.get(j, 0)) / h;
                s += Math.exp(-0.5 * u * u);
            }
            out[i] = s * norm;
        }
        return out;
    }

    static SceneFigure.Data trainingStages(Scene s, DoubleConsumer progress) {
        List<TrainingStage> stages = trainingStages(s.experiment(), SceneFigure.STAGES, progress);
        List<SceneFigure.Series> series = new ArrayList<>();
        for (TrainingStage st : stages) {
            String d = "D_t, t = " + st.iteration();
            series.add(new SceneFigure.Series(new Text(d + boundaryText(st.boundaries(), " at x ="),
                    d + boundaryText(st.boundaries(), "，位置 x ="), d + boundaryText(st.boundaries(), "，位置 x =")),
                    st.grid(),
                    st.d()));
        }
        // Densities drawn as shapes (peak 1) so that they share D's [0, 1] axis: a narrow early G peaks near 4.
        for (TrainingStage st : stages) {
            series.add(new SceneFigure.Series("G_t, t = " + st.iteration(), st.grid(), peakOne(st.density())));
        }
        Distribution data = SpecCache.parse(s.experiment().data());
        double[] grid = stages.get(0).grid();
        double[] p = new double[grid.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(data.logDensity(new double[] {grid[i]}));
        }
        series.add(new SceneFigure.Series("P_data", grid, peakOne(p)));
        return new SceneFigure.Data(new Text("Three generations of D_t and G_t", "D_t 與 G_t 的三代",
                "D_t 与 G_t 的三代"), Text.formula("x"), new Text("D; density (peak 1)", "D；密度（峰值 1）", "D；密度（峰值 1）"), false, series);
    }

    private static double[] peakOne(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, x);
        }
        double[] out = v.clone();
        for (int i = 0; i < out.length && m > 0; i++) {
            out[i] /= m;
        }
        return out;
    }

    private static String boundaryText(double[] b, String at) {
        StringBuilder sb = new StringBuilder(b.length == 0 ? "" : ", D = 0.5" + at);
        for (int i = 0; i < b.length; i++) {
            sb.append(i == 0 ? " " : ", ").append(String.format(Locale.ROOT, "%.2f", b[i]));
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- S25: z interpolation

    /** Latent draws searched for the two ends of S25's path. */
    public static final int PATH_CANDIDATES = 4096;
    /** Points on S25's path, t = 0, 1/(n − 1), …, 1. */
    public static final int PATH_POINTS = 101;
    /** Generated samples drawn as crosses under S25's path. */
    public static final int PATH_SAMPLES = 256;
    /** Seed of S25's latent draws (fixed so the figure is the same on every opening). */
    public static final long PATH_SEED = 25L;

    /**
     * S25's straight path in z: z_a and z_b are the candidate draws whose G(z) lie nearest modes {@code a} and
     * {@code b}; x_t = G((1 − t) z_a + t z_b).
     *
     * @param x        the path, {@link #PATH_POINTS} rows of the data dimension
     * @param samples  G on {@link #PATH_SAMPLES} fresh draws
     * @param offMode  per path point, its distance to the nearest mode centre
     */
    public record LatentPath(double[] za, double[] zb, double[] x, double[] samples, double[] offMode,
                             List<ModeCoverage.Mode> modes) {
    }

    /** S25's path for a trained generator of {@code e} between modes {@code a} and {@code b} of its data. */
    public static LatentPath latentPath(Experiment e, Mlp generator, int a, int b) {
        List<ModeCoverage.Mode> modes = ModeCoverage.modesOf(SpecCache.parse(e.data()));
        int ld = e.latent().dim();
        int dim = generator.outputDim();
        SplittableRandom rng = new SplittableRandom(PATH_SEED);
        double[] z = latent(e.latent(), PATH_CANDIDATES, rng);
        double[] g = forward(generator, z, PATH_CANDIDATES);
        double[] za = nearestLatent(z, g, ld, dim, modes.get(a).mean());
        double[] zb = nearestLatent(z, g, ld, dim, modes.get(b).mean());
        double[] zt = new double[PATH_POINTS * ld];
        for (int i = 0; i < PATH_POINTS; i++) {
            double t = (double) i / (PATH_POINTS - 1);
            for (int k = 0; k < ld; k++) {
                zt[i * ld + k] = (1 - t) * za[k] + t * zb[k];
            }
        }
        double[] x = forward(generator, zt, PATH_POINTS);
        double[] off = new double[PATH_POINTS];
        for (int i = 0; i < PATH_POINTS; i++) {
            off[i] = Double.POSITIVE_INFINITY;
            for (ModeCoverage.Mode m : modes) {
                double s2 = 0;
                for (int k = 0; k < dim; k++) {
                    double diff = x[i * dim + k] - m.mean()[k];
                    s2 += diff * diff;
                }
                off[i] = Math.min(off[i], Math.sqrt(s2));
            }
        }
        double[] samples = forward(generator, latent(e.latent(), PATH_SAMPLES, rng), PATH_SAMPLES);
        return new LatentPath(za, zb, x, samples, off, modes);
    }

    private static double[] nearestLatent(double[] z, double[] g, int ld, int dim, double[] target) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int i = 0; i < z.length / ld; i++) {
            double s2 = 0;
            for (int k = 0; k < dim; k++) {
                double diff = g[i * dim + k] - target[k];
                s2 += diff * diff;
            }
            if (s2 < bestD) {
                bestD = s2;
                best = i;
            }
        }
        return java.util.Arrays.copyOfRange(z, best * ld, (best + 1) * ld);
    }

    /** {@code n} latent rows from the prior: N(0, I), or uniform on [−1, 1] as the trainer draws them. */
    static double[] latent(LatentSpec l, int n, SplittableRandom rng) {
        double[] z = new double[n * l.dim()];
        for (int i = 0; i < z.length; i++) {
            z[i] = l.prior() == LatentSpec.Prior.NORMAL ? rng.nextGaussian() : rng.nextDouble(-1, 1);
        }
        return z;
    }

    /** The distance from the path beyond which a point counts as off the data (S25's caption and test). */
    public static final double OFF_MANIFOLD = 0.5;

    static SceneFigure.Data zInterpolation(Scene s, DoubleConsumer progress) {
        Experiment e = s.experiment();
        Trainer t = new Trainer(e);
        int n = s.iterations();
        for (int i = 0; i < n && !t.halted(); i++) {
            t.iteration();
            progress.accept(0.95 * (i + 1.0) / Math.max(1, n));
        }
        LatentPath p = latentPath(e, t.generator(), SceneFigure.PATH_MODES[0], SceneFigure.PATH_MODES[1]);
        progress.accept(1);
        int off = 0;
        for (double d : p.offMode()) {
            off += d > OFF_MANIFOLD ? 1 : 0;
        }
        double[] px = new double[PATH_POINTS];
        double[] py = new double[PATH_POINTS];
        for (int i = 0; i < PATH_POINTS; i++) {
            px[i] = p.x()[2 * i];
            py[i] = p.x()[2 * i + 1];
        }
        // The figure zooms on the path (the map view beside shows the whole ring): modes and samples within
        // ZOOM_MARGIN of the path's bounding box. Crosses and circles are NaN-separated strokes of one series each.
        double[] box = {min(px) - ZOOM_MARGIN, max(px) + ZOOM_MARGIN, min(py) - ZOOM_MARGIN, max(py) + ZOOM_MARGIN};
        List<SceneFigure.Series> series = new ArrayList<>();
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (ModeCoverage.Mode m : p.modes()) {
            if (inside(box, m.mean()[0], m.mean()[1])) {
                circle(m.mean()[0], m.mean()[1], 3 * m.sd()[0], xs, ys);
            }
        }
        series.add(new SceneFigure.Series(new Text("data modes (3σ)", "資料的模式（3σ）", "数据的模式（3σ）"), concat(xs), concat(ys)));
        xs.clear();
        ys.clear();
        double[] smp = p.samples();
        double c = 0.03;
        for (int i = 0; i < smp.length / 2; i++) {
            double x = smp[2 * i];
            double y = smp[2 * i + 1];
            if (inside(box, x, y)) {
                xs.add(new double[] {x - c, x + c, x + c, x, x, x});
                ys.add(new double[] {y, y, Double.NaN, y - c, y + c, Double.NaN});
            }
        }
        series.add(new SceneFigure.Series(new Text("G(z), z ~ prior", "G(z)，z ~ 先驗分佈", "G(z)，z ~ 先验分布"), concat(xs), concat(ys)));
        series.add(new SceneFigure.Series(new Text(
                String.format(Locale.ROOT, "G(z_t): %d of %d points > %.1f from every mode", off, PATH_POINTS,
                        OFF_MANIFOLD),
                String.format(Locale.ROOT, "G(z_t)：%d / %d 個點離每個模式都 > %.1f", off, PATH_POINTS, OFF_MANIFOLD),
                String.format(Locale.ROOT, "G(z_t)：%d / %d 个点离每个模式都 > %.1f", off, PATH_POINTS, OFF_MANIFOLD)),
                px, py));
        xs.clear();
        ys.clear();
        circle(px[0], py[0], 0.06, xs, ys);
        circle(px[PATH_POINTS - 1], py[PATH_POINTS - 1], 0.06, xs, ys);
        series.add(new SceneFigure.Series("G(z_a), G(z_b)", concat(xs), concat(ys)));
        return new SceneFigure.Data(new Text("A straight line in z, drawn by G (" + n + " iterations)",
                "z 中的一條直線，由 G 畫出（" + n + " 次迭代）", "z 中的一条直线，由 G 画出（" + n + " 次迭代）"),
                SceneFigure.PLANE_X, Text.formula("x₂"), false, series);
    }

    /** Margin of S25's zoom around its path. */
    static final double ZOOM_MARGIN = 0.6;

    private static boolean inside(double[] box, double x, double y) {
        return x >= box[0] && x <= box[1] && y >= box[2] && y <= box[3];
    }

    /** A circle as 25 points and a NaN break. */
    private static void circle(double cx, double cy, double r, List<double[]> xs, List<double[]> ys) {
        double[] x = new double[26];
        double[] y = new double[26];
        for (int k = 0; k < 25; k++) {
            x[k] = cx + r * Math.cos(2 * Math.PI * k / 24);
            y[k] = cy + r * Math.sin(2 * Math.PI * k / 24);
        }
        x[25] = x[24];
        y[25] = Double.NaN;
        xs.add(x);
        ys.add(y);
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElseThrow();
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElseThrow();
    }

    private static double[] concat(List<double[]> parts) {
        int n = 0;
        for (double[] a : parts) {
            n += a.length;
        }
        double[] out = new double[n];
        int k = 0;
        for (double[] a : parts) {
            System.arraycopy(a, 0, out, k, a.length);
            k += a.length;
        }
        return out;
    }

    // ---------------------------------------------------------------- S14: covered modes against iteration

    /** Evaluate the covered modes every this many iterations. */
    public static final int COVER_EVERY = 10;

    /** Covered modes of one run: iterations, number covered, and per evaluation which modes (by index). */
    public record Coverage(int[] iterations, int[] covered, boolean[][] which, int modes) {
        /** Modes covered at evaluation k − 1 and not at k (0 at k = 0). */
        public int lost(int k) {
            int n = 0;
            for (int m = 0; k > 0 && m < modes; m++) {
                n += which[k - 1][m] && !which[k][m] ? 1 : 0;
            }
            return n;
        }

        /** Modes covered at k and not at k − 1 (0 at k = 0). */
        public int gained(int k) {
            int n = 0;
            for (int m = 0; k > 0 && m < modes; m++) {
                n += !which[k - 1][m] && which[k][m] ? 1 : 0;
            }
            return n;
        }
    }

    /**
     * Trains {@code e} for {@code iterations}, evaluating {@link ModeCoverage} (3 σ, VEEGAN / PacGAN) of the
     * evaluation fakes every {@link #COVER_EVERY} iterations, iteration 0 included.
     */
    public static Coverage coverage(Experiment e, int iterations, DoubleConsumer progress) {
        List<ModeCoverage.Mode> modes = ModeCoverage.modesOf(SpecCache.parse(e.data()));
        Trainer t = new Trainer(e);
        int points = iterations / COVER_EVERY + 1;
        int[] its = new int[points];
        int[] covered = new int[points];
        boolean[][] which = new boolean[points][];
        int done = 0;
        for (int k = 0; k < points; k++) {
            while (done < k * COVER_EVERY && !t.halted()) {
                t.iteration();
                done++;
            }
            ModeCoverage.Result r = ModeCoverage.evaluate(modes, t.snapshot(false).fakeCloud(), 3);
            its[k] = done;
            covered[k] = r.modesCaptured();
            which[k] = new boolean[modes.size()];
            for (int m = 0; m < modes.size(); m++) {
                which[k][m] = r.counts()[m] > 0;
            }
            progress.accept((k + 1.0) / points);
        }
        return new Coverage(its, covered, which, modes.size());
    }

    static SceneFigure.Data modesCovered(Scene s, DoubleConsumer progress) {
        Scene collapse = Scenes.get(SceneFigure.COLLAPSE_SCENE);
        Coverage own = coverage(s.experiment(), s.iterations(), f -> progress.accept(0.5 * f));
        Coverage other = coverage(collapse.experiment(), collapse.iterations(), f -> progress.accept(0.5 + 0.5 * f));
        double[] x = toDouble(own.iterations());
        double[] lost = new double[x.length];
        double[] gained = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            lost[k] = own.lost(k);
            gained[k] = own.gained(k);
        }
        return new SceneFigure.Data(new Text("Covered modes, every " + COVER_EVERY + " iterations",
                "被覆蓋的模式，每 " + COVER_EVERY + " 次迭代", "被覆盖的模式，每 " + COVER_EVERY + " 次迭代"),
                new Text("iteration t", "迭代 t", "迭代 t"), new Text("modes (a sample within 3σ)", "模式（3σ 內有樣本）", "模式（3σ 内有样本）"), false,
                List.of(new SceneFigure.Series(new Text(s.id() + ": covered of " + own.modes(),
                                s.id() + "：" + own.modes() + " 個中被覆蓋的", s.id() + "：" + own.modes() + " 个中被覆盖的"), x,
                                toDouble(own.covered())),
                        new SceneFigure.Series(new Text(s.id() + ": covered at t − " + COVER_EVERY + ", lost at t",
                                s.id() + "：t − " + COVER_EVERY + " 時覆蓋、t 時遺失",
                                s.id() + "：t − " + COVER_EVERY + " 时覆盖、t 时丢失"), x, lost),
                        new SceneFigure.Series(new Text(s.id() + ": new at t", s.id() + "：t 時新覆蓋",
                                s.id() + "：t 时新覆盖"), x, gained),
                        new SceneFigure.Series(new Text(collapse.id() + " (collapse): covered of " + other.modes(),
                                collapse.id() + "（崩潰）：" + other.modes() + " 個中被覆蓋的",
                                collapse.id() + "（崩溃）：" + other.modes() + " 个中被覆盖的"),
                                toDouble(other.iterations()), toDouble(other.covered()))));
    }

    private static double[] toDouble(int[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }

    // ---------------------------------------------------------------- S12: LSGAN beside the sigmoid

    /**
     * Steps of S12's two discriminators (the scene's critic network and optimiser) on the scene's frozen G: the
     * sigmoid D's push on the median fake falls by about 10⁷ in them, the least-squares D's stays near 0.04.
     */
    public static final int D_STEPS = 2000;
    /** Record S12's pushes every this many D steps. */
    public static final int D_EVERY = 50;

    /**
     * G's push on the fakes from two discriminators trained on the same data and the same frozen G, from the same
     * initial weights and with the same batches (same seed; only the loss differs): a sigmoid D with the scene's
     * objective and its G loss (log(1 − D) for minimax), and a least-squares D (LSGAN: linear output, regressing
     * real to 1 and fake to 0; G loss ½(s − 1)²). The push is the median over the evaluation fakes of |∂ℓ_G/∂x|,
     * the typical generated point's, recorded every {@code every} D steps.
     *
     * @param steps   D steps at each record
     * @param sigmoid the median push under the sigmoid D
     * @param lsgan   the median push under the least-squares D
     */
    public record PushCurves(double[] steps, double[] sigmoid, double[] lsgan) {
    }

    /** S12's comparison: G after {@code iterations} of the scene's training, then {@code dSteps} steps of each D. */
    public static PushCurves lsganBesideSigmoid(Experiment e, int iterations, int dSteps, int every,
                                                DoubleConsumer progress) {
        Trainer t = new Trainer(e);
        for (int i = 0; i < iterations && !t.halted(); i++) {
            t.iteration();
        }
        progress.accept(0.1);
        double[] fakes = t.snapshot(false).fake();
        Objective ls = Objective.lsgan();
        Experiment d = e.withOptions(TrainerOptions.none());
        Trainer sig = new Trainer(d);
        Trainer lsq = new Trainer(d.withObjective(ls));
        copyParameters(t.generator(), sig.generator());
        copyParameters(t.generator(), lsq.generator());
        int points = dSteps / every + 1;
        double[] x = new double[points];
        double[] ys = new double[points];
        double[] yl = new double[points];
        int done = 0;
        for (int k = 0; k < points; k++) {
            while (done < k * every && !sig.halted() && !lsq.halted()) {
                sig.stepCritic();
                lsq.stepCritic();
                done++;
            }
            x[k] = done;
            ys[k] = median(lossGradient(e.objective(), sig.critic(), fakes));
            yl[k] = median(lossGradient(ls, lsq.critic(), fakes));
            progress.accept(0.1 + 0.9 * (k + 1.0) / points);
        }
        return new PushCurves(x, ys, yl);
    }

    static SceneFigure.Data lsganGradient(Scene s, DoubleConsumer progress) {
        PushCurves g = lsganBesideSigmoid(s.experiment(), s.iterations(), D_STEPS, D_EVERY, progress);
        return new SceneFigure.Data(new Text("Push on the median fake as D trains on a frozen G",
                "G 固定、判別器訓練時，生成樣本（中位數）得到的推力",
                "G 固定、判别器训练时，生成样本（中位数）得到的推力"),
                new Text("D training steps", "D 的訓練步數", "D 的训练步数"), Text.formula("|∂ℓ_G/∂x|"), true,
                List.of(new SceneFigure.Series(new Text("sigmoid D, ℓ_G = log(1 − D)", "sigmoid 的 D，ℓ_G = log(1 − D)",
                                "sigmoid 的 D，ℓ_G = log(1 − D)"), g.steps(), g.sigmoid()),
                        new SceneFigure.Series(new Text("LSGAN D (linear output), ℓ_G = ½(D − 1)²",
                                "LSGAN 的 D（線性輸出），ℓ_G = ½(D − 1)²", "LSGAN 的 D（线性输出），ℓ_G = ½(D − 1)²"),
                                g.steps(), g.lsgan())));
    }

    /** Median of |v|. */
    static double median(double[] v) {
        double[] a = abs(v);
        java.util.Arrays.sort(a);
        int n = a.length;
        return n % 2 == 1 ? a[n / 2] : 0.5 * (a[n / 2 - 1] + a[n / 2]);
    }

    private static double[] abs(double[] v) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.abs(out[i]);
        }
        return out;
    }

    // ---------------------------------------------------------------- networks

    /** {@code net} on {@code rows} input rows (flat, row-major). */
    static double[] forward(Mlp net, double[] in, int rows) {
        ComputeBackend be = net.parameters().get(0).value().backend();
        Tape t = new Tape(be);
        Var v = t.constant(rows, net.inputDim());
        be.copyIn(in, v.value());
        Var out = net.forward(t, v);
        double[] o = new double[rows * net.outputDim()];
        be.copyOut(out.value(), o);
        return o;
    }

    /**
     * ∂ℓ_G/∂x at each 1-D point x_i, where ℓ_G is objective {@code o}'s generator loss of one sample with critic
     * {@code critic}: the gradient of the batch loss (a mean) times the number of points.
     */
    static double[] lossGradient(Objective o, Mlp critic, double[] x) {
        ComputeBackend be = critic.parameters().get(0).value().backend();
        int n = x.length / critic.inputDim();
        Tape t = new Tape(be);
        Var c = t.constant(n, critic.inputDim());
        be.copyIn(x, c.value());
        Var leaf = t.leafOf(c);
        Var g = t.grad(Losses.generatorLoss(t, o, critic.forward(t, leaf)), leaf, false);
        double[] out = new double[x.length];
        be.copyOut(g.value(), out);
        for (int i = 0; i < out.length; i++) {
            out[i] *= n;
        }
        return out;
    }

    /** Copies {@code from}'s parameters into {@code to} (same architecture). */
    static void copyParameters(Mlp from, Mlp to) {
        List<Parameter> a = from.parameters();
        List<Parameter> b = to.parameters();
        for (int i = 0; i < a.size(); i++) {
            double[] v = new double[a.get(i).rows() * a.get(i).cols()];
            a.get(i).value().backend().copyOut(a.get(i).value(), v);
            b.get(i).value().backend().copyIn(v, b.get(i).value());
        }
    }
}

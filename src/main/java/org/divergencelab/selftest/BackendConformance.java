package org.divergencelab.selftest;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.divergencelab.autodiff.Parameter;
import org.divergencelab.compute.BinaryOp;
import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.compute.ConvShape;
import org.divergencelab.compute.Tensor;
import org.divergencelab.compute.UnaryOp;
import org.divergencelab.image.ImageDataset;
import org.divergencelab.image.ImageGan;
import org.divergencelab.image.ProceduralShapes;

/**
 * Holds a candidate backend (CUDA, or another CPU one) to a reference backend (the float32 CPU one), op by
 * op and over five training steps of an image GAN (MLP and DCGAN), from host-drawn inputs uploaded to both. Used by
 * {@code selftest --backend ...} and by the JUnit suite (CPU vs CPU, float64 vs CPU).
 *
 * <p>Inputs are chosen to find device bugs: lengths that are not multiples of a block (10 007, 4 099),
 * GEMM shapes that are not tile multiples (37×29×53, 130×257×65) in all four transpose combinations,
 * in-place calls, and every output pre-filled with NaN so an op that leaves an element unwritten (or
 * reads C when β = 0) shows. Comparison: {@code |got − ref| ≤ atol + rtol·|ref|}, NaN only where the
 * reference is NaN. Tolerances (float32 both sides, different summation orders and FMA contraction):
 * <ul>
 *   <li>copies, fills, ReLU-like selects: {@link #EXACT} (2 ulp: the float64 reference rounds once more);
 *   <li>elementwise arithmetic and optimiser updates: atol 1e-6, rtol 1e-5 (a few ulp; FMA may fuse);
 *   <li>GEMM: atol 1e-5·K, rtol 1e-4 (K-term sums in another order, inputs in [−1, 1]);
 *   <li>reductions: atol 1e-5·n^½ , rtol 1e-5 (the reference sums float32 in order, a device tree-sums);
 *   <li>training: per-step losses atol 1e-4, rtol 1e-3, and parameters atol 1e-3 after 5 Adam steps of
 *       lr 1e-4. Adam moves a weight by about lr per step whatever the gradient's size, so a gradient that
 *       is zero up to rounding (a bias in front of batch norm, a channel ReLU switched off) is rounding
 *       noise whose sign differs between summation orders, and that weight can end up 2·lr·5 = 1e-3 apart
 *       (seen float64 vs float32 on the DCGAN). The per-step losses carry the sensitivity: any real bug
 *       moves them by far more than 1e-3.
 * </ul>
 */
public final class BackendConformance {

    /** One named check and its outcome. */
    public record Check(String name, boolean passed, String detail) {
    }

    /** All checks of one run. */
    public record Report(String reference, String candidate, List<Check> checks) {
        public long passed() {
            return checks.stream().filter(Check::passed).count();
        }

        public long failed() {
            return checks.size() - passed();
        }

        /** {@code "N passed, M failed"}. */
        public String summary() {
            return passed() + " passed, " + failed() + " failed";
        }
    }

    private record Tol(double atol, double rtol) {
    }

    /** Copies and selects: two float32 ulps. */
    static final Tol EXACT = new Tol(0, 2.5e-7);
    private static final Tol ELEMENTWISE = new Tol(1e-6, 1e-5);

    private final ComputeBackend ref;
    private final ComputeBackend cand;
    private final SplittableRandom rng;
    private final List<Check> checks = new ArrayList<>();

    private BackendConformance(ComputeBackend ref, ComputeBackend cand, long seed) {
        this.ref = ref;
        this.cand = cand;
        this.rng = new SplittableRandom(seed);
    }

    /** Runs every check of {@code candidate} against {@code reference} with inputs from {@code seed}. */
    public static Report run(ComputeBackend reference, ComputeBackend candidate, long seed) {
        BackendConformance c = new BackendConformance(reference, candidate, seed);
        c.all();
        return new Report(reference.name(), candidate.name(), List.copyOf(c.checks));
    }

    /** A tensor on each backend with the same contents. */
    private record Pair(Tensor r, Tensor c) {
    }

    private Pair input(int rows, int cols, double lo, double hi) {
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (lo + (hi - lo) * rng.nextDouble());
        }
        return upload(rows, cols, v);
    }

    private Pair upload(int rows, int cols, float[] v) {
        Pair p = new Pair(ref.allocate(rows, cols), cand.allocate(rows, cols));
        ref.copyIn(v, p.r);
        cand.copyIn(v, p.c);
        return p;
    }

    /** An output pre-filled with NaN on both sides (garbage the op must overwrite). */
    private Pair garbage(int rows, int cols) {
        Pair p = new Pair(ref.allocate(rows, cols), cand.allocate(rows, cols));
        ref.fill(p.r, Double.NaN);
        cand.fill(p.c, Double.NaN);
        return p;
    }

    private void run(String name, Runnable check) {
        try {
            check.run();
        } catch (RuntimeException | AssertionError e) {
            checks.add(new Check(name, false, "threw " + e));
        }
    }

    private void compare(String name, Pair p, Tol tol) {
        double[] a = new double[p.r.size()];
        double[] b = new double[p.c.size()];
        ref.copyOut(p.r, a);
        cand.copyOut(p.c, b);
        compare(name, a, b, tol);
    }

    private void compare(String name, double[] want, double[] got, Tol tol) {
        double worst = 0;
        for (int i = 0; i < want.length; i++) {
            double w = want[i];
            double g = got[i];
            boolean ok = Double.isNaN(w) ? Double.isNaN(g)
                    : (w == g || Math.abs(g - w) <= tol.atol + tol.rtol * Math.abs(w));
            if (!ok) {
                checks.add(new Check(name, false, "element " + i + ": got " + g + ", reference " + w
                        + " (atol " + tol.atol + ", rtol " + tol.rtol + ")"));
                return;
            }
            if (!Double.isNaN(w)) {
                worst = Math.max(worst, Math.abs(g - w));
            }
        }
        checks.add(new Check(name, true, want.length + " values, max |diff| " + worst));
    }

    private void all() {
        storage();
        maps();
        zips();
        broadcasts();
        reductions();
        gemms();
        convolutions();
        optimisers();
        training();
    }

    private void storage() {
        run("copyIn/copyOut round trip", () -> {
            Pair x = input(37, 29, -3, 3);
            compare("copyIn/copyOut round trip", x, EXACT);
        });
        run("copy", () -> {
            Pair x = input(1, 10_007, -1, 1);
            Pair o = garbage(1, 10_007);
            ref.copy(x.r, o.r);
            cand.copy(x.c, o.c);
            compare("copy 1x10007", o, EXACT);
        });
        run("copyRows", () -> {
            Pair x = input(23, 17, -1, 1);
            Pair o = garbage(11, 17);
            ref.copyRows(x.r, 5, o.r, 2, 7);
            cand.copyRows(x.c, 5, o.c, 2, 7);
            compare("copyRows 7 of 23x17 into 11x17 (rest stays NaN)", o, EXACT);
        });
        run("get/set", () -> {
            Pair x = input(5, 7, -1, 1);
            ref.set(x.r, 4, 6, 0.625);
            cand.set(x.c, 4, 6, 0.625);
            compare("get/set", new double[] {ref.get(x.r, 4, 6), ref.get(x.r, 2, 3)},
                    new double[] {cand.get(x.c, 4, 6), cand.get(x.c, 2, 3)}, EXACT);
        });
        run("fill", () -> {
            Pair o = garbage(3, 4_099);
            ref.fill(o.r, -0.375);
            cand.fill(o.c, -0.375);
            compare("fill 3x4099", o, EXACT);
        });
        run("allocate zeroes", () -> {
            Pair o = new Pair(ref.allocate(13, 31), cand.allocate(13, 31));
            compare("allocate zeroes", o, EXACT);
        });
        run("seeded fills", () -> {
            Pair o = garbage(19, 23);
            long seed = rng.nextLong();
            ref.fillNormal(o.r, 0.5, 2, new SplittableRandom(seed));
            cand.fillNormal(o.c, 0.5, 2, new SplittableRandom(seed));
            compare("fillNormal (host draws, same seed)", o, EXACT);
            ref.fillUniform(o.r, -2, 3, new SplittableRandom(seed));
            cand.fillUniform(o.c, -2, 3, new SplittableRandom(seed));
            compare("fillUniform (host draws, same seed)", o, EXACT);
        });
    }

    private void maps() {
        Pair x = input(1, 10_007, -4, 4);
        Pair pos = input(1, 10_007, 0.05, 4);
        for (UnaryOp op : UnaryOp.values()) {
            Pair in = switch (op) {
                case LOG, SQRT, RECIPROCAL -> pos;
                default -> x;
            };
            Tol tol = switch (op) {
                case RELU, LEAKY_RELU, CLAMP, STEP, SQUARE -> EXACT;
                default -> ELEMENTWISE;
            };
            run("map " + op, () -> {
                Pair o = garbage(1, 10_007);
                ref.map(op, in.r, 0.2, 0.7, o.r);
                cand.map(op, in.c, 0.2, 0.7, o.c);
                compare("map " + op + " 1x10007", o, tol);
            });
        }
        run("map in place", () -> {
            Pair y = input(61, 67, -2, 2);
            ref.map(UnaryOp.TANH, y.r, 0, 0, y.r);
            cand.map(UnaryOp.TANH, y.c, 0, 0, y.c);
            compare("map TANH in place 61x67", y, ELEMENTWISE);
        });
        run("affine", () -> {
            Pair o = garbage(1, 10_007);
            ref.affine(x.r, -1.5, 0.25, o.r);
            cand.affine(x.c, -1.5, 0.25, o.c);
            compare("affine 1x10007", o, ELEMENTWISE);
            Pair y = input(3, 5, -1, 1);
            ref.affine(y.r, 2, 1, y.r);
            cand.affine(y.c, 2, 1, y.c);
            compare("affine in place", y, ELEMENTWISE);
        });
    }

    private void zips() {
        Pair a = input(41, 101, -3, 3);
        Pair b = input(41, 101, 0.2, 2);
        Pair signed = input(41, 101, -2, 2);
        for (BinaryOp op : BinaryOp.values()) {
            Pair bb = switch (op) {
                case RELU_MASK, LEAKY_MASK, RANGE_MASK -> signed;
                default -> b;
            };
            Tol tol = switch (op) {
                case ADD, SUB, MUL, RELU_MASK, RANGE_MASK -> EXACT;
                default -> ELEMENTWISE;
            };
            run("zip " + op, () -> {
                Pair o = garbage(41, 101);
                ref.zip(op, a.r, bb.r, -0.5, 0.5, o.r);
                cand.zip(op, a.c, bb.c, -0.5, 0.5, o.c);
                compare("zip " + op + " 41x101", o, tol);
            });
        }
        run("zip in place", () -> {
            Pair y = input(41, 101, -1, 1);
            ref.zip(BinaryOp.MUL, y.r, b.r, 0, 0, y.r);
            cand.zip(BinaryOp.MUL, y.c, b.c, 0, 0, y.c);
            compare("zip MUL in place (out = a)", y, EXACT);
        });
        run("safe div by zero", () -> {
            Pair z = upload(1, 4, new float[] {0, 1, 0, -2});
            Pair o = garbage(1, 4);
            Pair num = upload(1, 4, new float[] {3, 3, -1, 4});
            ref.zip(BinaryOp.SAFE_DIV, num.r, z.r, 0, 0, o.r);
            cand.zip(BinaryOp.SAFE_DIV, num.c, z.c, 0, 0, o.c);
            compare("zip SAFE_DIV with zeros", o, EXACT);
        });
    }

    private void broadcasts() {
        Pair x = input(37, 53, -2, 2);
        for (int[] s : new int[][] {{1, 53}, {37, 1}, {1, 1}}) {
            Pair small = input(s[0], s[1], 0.25, 2);
            String shape = s[0] + "x" + s[1];
            for (BinaryOp op : new BinaryOp[] {BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL, BinaryOp.DIV,
                    BinaryOp.SAFE_DIV}) {
                run("broadcast " + op + " " + shape, () -> {
                    Pair o = garbage(37, 53);
                    ref.broadcast(op, x.r, small.r, o.r);
                    cand.broadcast(op, x.c, small.c, o.c);
                    compare("broadcast " + op + " " + shape + " over 37x53", o, ELEMENTWISE);
                });
            }
            run("expand " + shape, () -> {
                Pair o = garbage(37, 53);
                ref.expand(small.r, o.r);
                cand.expand(small.c, o.c);
                compare("expand " + shape + " to 37x53", o, EXACT);
            });
        }
        run("broadcast in place", () -> {
            Pair y = input(37, 53, -1, 1);
            Pair row = input(1, 53, -1, 1);
            ref.broadcast(BinaryOp.ADD, y.r, row.r, y.r);
            cand.broadcast(BinaryOp.ADD, y.c, row.c, y.c);
            compare("broadcast ADD row in place", y, ELEMENTWISE);
        });
    }

    private static Tol reductionTol(int n) {
        return new Tol(1e-5 * Math.sqrt(n), 1e-5);
    }

    private void reductions() {
        for (int[] s : new int[][] {{37, 53}, {1, 10_007}, {4_099, 3}, {1, 1}}) {
            Pair x = input(s[0], s[1], -1, 1);
            String shape = s[0] + "x" + s[1];
            run("reduceSum columns " + shape, () -> {
                Pair o = garbage(1, s[1]);
                ref.reduceSum(x.r, o.r);
                cand.reduceSum(x.c, o.c);
                compare("reduceSum " + shape + " to 1x" + s[1], o, reductionTol(s[0]));
            });
            run("reduceSum rows " + shape, () -> {
                Pair o = garbage(s[0], 1);
                ref.reduceSum(x.r, o.r);
                cand.reduceSum(x.c, o.c);
                compare("reduceSum " + shape + " to " + s[0] + "x1", o, reductionTol(s[1]));
            });
            run("reduceSum all " + shape, () -> {
                Pair o = garbage(1, 1);
                ref.reduceSum(x.r, o.r);
                cand.reduceSum(x.c, o.c);
                compare("reduceSum " + shape + " to 1x1", o, reductionTol(x.r.size()));
            });
            run("rowNorm " + shape, () -> {
                Pair o = garbage(s[0], 1);
                ref.rowNorm(x.r, o.r);
                cand.rowNorm(x.c, o.c);
                compare("rowNorm " + shape, o, reductionTol(s[1]));
            });
            run("sumOfSquares " + shape, () -> compare("sumOfSquares " + shape,
                    new double[] {ref.sumOfSquares(x.r)}, new double[] {cand.sumOfSquares(x.c)},
                    new Tol(1e-9, 1e-9))); // both accumulate in double: only the order differs
        }
        run("allFinite", () -> {
            Pair x = input(1, 10_007, -1, 1);
            boolean clean = ref.allFinite(x.r) == cand.allFinite(x.c) && cand.allFinite(x.c);
            ref.set(x.r, 0, 10_006, Double.POSITIVE_INFINITY);
            cand.set(x.c, 0, 10_006, Double.POSITIVE_INFINITY);
            boolean inf = !cand.allFinite(x.c) && !ref.allFinite(x.r);
            ref.set(x.r, 0, 10_006, 0);
            cand.set(x.c, 0, 10_006, 0);
            ref.set(x.r, 0, 5_000, Double.NaN);
            cand.set(x.c, 0, 5_000, Double.NaN);
            boolean nan = !cand.allFinite(x.c) && !ref.allFinite(x.r);
            checks.add(new Check("allFinite (clean, +inf in the last element, NaN)", clean && inf && nan,
                    "clean " + clean + ", inf seen " + inf + ", NaN seen " + nan));
        });
    }

    private void gemms() {
        int[][] shapes = {{37, 29, 53}, {130, 257, 65}, {1, 1, 1}, {16, 16, 16}, {5, 300, 1}};
        for (int[] s : shapes) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    String name = "matmul " + m + "x" + n + "x" + k + (ta ? " Aᵀ" : " A") + (tb ? " Bᵀ" : " B");
                    Tol tol = new Tol(1e-5 * k, 1e-4);
                    run(name, () -> {
                        Pair a = ta ? input(k, m, -1, 1) : input(m, k, -1, 1);
                        Pair b = tb ? input(n, k, -1, 1) : input(k, n, -1, 1);
                        Pair c = garbage(m, n); // beta = 0 must not read C (NaN·0 would poison it)
                        ref.matmul(a.r, ta, b.r, tb, 0.75, 0, c.r);
                        cand.matmul(a.c, ta, b.c, tb, 0.75, 0, c.c);
                        compare(name + " β=0 over NaN", c, tol);
                        Pair acc = input(m, n, -1, 1);
                        ref.matmul(a.r, ta, b.r, tb, -0.5, 1, acc.r);
                        cand.matmul(a.c, ta, b.c, tb, -0.5, 1, acc.c);
                        compare(name + " β=1", acc, tol);
                    });
                }
            }
        }
    }

    private void convolutions() {
        // strided, padded, odd sizes, 3 channels; a 1x1 kernel; a kernel as large as the padded input
        ConvShape[] shapes = {new ConvShape(3, 7, 5, 3, 3, 2, 1), new ConvShape(2, 9, 9, 4, 4, 2, 1),
                new ConvShape(5, 4, 6, 1, 1, 1, 0), new ConvShape(1, 3, 3, 5, 5, 1, 1)};
        for (ConvShape s : shapes) {
            int batch = 3;
            run("im2col " + s, () -> {
                Pair x = input(batch, s.inputSize(), -1, 1);
                Pair cols = garbage(s.patchRows(batch), s.patchSize());
                ref.im2col(x.r, s, cols.r);
                cand.im2col(x.c, s, cols.c);
                compare("im2col " + s, cols, EXACT);
            });
            run("col2im " + s, () -> {
                Pair cols = input(s.patchRows(batch), s.patchSize(), -1, 1);
                Pair x = garbage(batch, s.inputSize());
                ref.col2im(cols.r, s, x.r);
                cand.col2im(cols.c, s, x.c);
                compare("col2im " + s, x, reductionTol(s.kernelH() * s.kernelW()));
            });
        }
        run("reshape", () -> {
            Pair x = input(6, 35, -1, 1);
            Pair o = garbage(21, 10);
            ref.reshape(x.r, o.r);
            cand.reshape(x.c, o.c);
            compare("reshape 6x35 to 21x10", o, EXACT);
        });
    }

    private void optimisers() {
        int n = 4_099;
        run("sgdStep", () -> {
            Pair p = input(1, n, -1, 1);
            Pair g = input(1, n, -1, 1);
            ref.sgdStep(p.r, g.r, 0.01);
            cand.sgdStep(p.c, g.c, 0.01);
            compare("sgdStep", p, ELEMENTWISE);
        });
        run("momentumStep", () -> {
            Pair p = input(1, n, -1, 1);
            Pair g = input(1, n, -1, 1);
            Pair b = input(1, n, -1, 1);
            ref.momentumStep(p.r, g.r, b.r, 0.01, 0.9);
            cand.momentumStep(p.c, g.c, b.c, 0.01, 0.9);
            compare("momentumStep param", p, ELEMENTWISE);
            compare("momentumStep buffer", b, ELEMENTWISE);
        });
        run("rmsPropStep", () -> {
            Pair p = input(1, n, -1, 1);
            Pair g = input(1, n, -1, 1);
            Pair s = input(1, n, 0, 1);
            ref.rmsPropStep(p.r, g.r, s.r, 0.01, 0.99, 1e-8);
            cand.rmsPropStep(p.c, g.c, s.c, 0.01, 0.99, 1e-8);
            compare("rmsPropStep param", p, ELEMENTWISE);
            compare("rmsPropStep square average", s, ELEMENTWISE);
        });
        run("adamStep", () -> {
            Pair p = input(1, n, -1, 1);
            Pair g = input(1, n, -1, 1);
            Pair m = input(1, n, -0.1, 0.1);
            Pair v = input(1, n, 0, 0.1);
            for (long t = 1; t <= 3; t++) {
                ref.adamStep(p.r, g.r, m.r, v.r, 1e-3, 0.5, 0.9, 1e-8, t);
                cand.adamStep(p.c, g.c, m.c, v.c, 1e-3, 0.5, 0.9, 1e-8, t);
            }
            compare("adamStep x3 param", p, ELEMENTWISE);
            compare("adamStep x3 m", m, ELEMENTWISE);
            compare("adamStep x3 v", v, ELEMENTWISE);
        });
    }

    // ---- five training steps of a WGAN-GP image MLP on both backends ----

    /** Losses per step and final parameters of a short image-GAN run. */
    public record TrainingTrace(double[] criticLosses, double[] generatorLosses, List<double[]> parameters) {
    }

    /**
     * {@code steps} WGAN-GP iterations (one critic step with gradient penalty, λ = 10, through double
     * backprop, then one generator step) of {@link ImageGan} on procedural shapes, batch 16, Adam(1e-4, 0.5,
     * 0.9): the MLP on 16×16 images, the DCGAN (strided and transposed convolutions, batch norm, layer
     * norm) on 12×12. Data, noise and interpolation weights are drawn on the host from {@code seed}, so
     * every backend sees the same numbers.
     */
    public static TrainingTrace trainImageGan(ComputeBackend be, ImageGan.Model model, long seed, int steps) {
        int side = model == ImageGan.Model.MLP ? 16 : 12;
        ImageDataset data = ProceduralShapes.generate(64, side, 1, seed);
        ImageGan gan = new ImageGan(be, data, model, ImageGan.Objective.WGAN_GP, 16, 16, 1, seed);
        double[] dl = new double[steps];
        double[] gl = new double[steps];
        for (int s = 0; s < steps; s++) {
            gan.iteration();
            dl[s] = gan.lastCriticLoss();
            gl[s] = gan.lastGeneratorLoss();
        }
        List<double[]> params = new ArrayList<>();
        for (Parameter p : gan.parameters()) {
            double[] v = new double[p.value().size()];
            be.copyOut(p.value(), v);
            params.add(v);
        }
        return new TrainingTrace(dl, gl, params);
    }

    private void training() {
        for (ImageGan.Model model : ImageGan.Model.values()) {
            training(model);
        }
    }

    private void training(ImageGan.Model model) {
        String label = "image GAN (" + model + ")";
        run(label + " 5 steps", () -> {
            long seed = rng.nextLong();
            TrainingTrace want = trainImageGan(ref, model, seed, 5);
            TrainingTrace got = trainImageGan(cand, model, seed, 5);
            Tol loss = new Tol(1e-4, 1e-3);
            compare(label + " critic loss per step", want.criticLosses(), got.criticLosses(), loss);
            compare(label + " generator loss per step", want.generatorLosses(), got.generatorLosses(), loss);
            int n = 0;
            double[] a = new double[want.parameters().stream().mapToInt(v -> v.length).sum()];
            double[] b = new double[a.length];
            for (int i = 0; i < want.parameters().size(); i++) {
                double[] w = want.parameters().get(i);
                System.arraycopy(w, 0, a, n, w.length);
                System.arraycopy(got.parameters().get(i), 0, b, n, w.length);
                n += w.length;
            }
            compare(label + " parameters after 5 steps", a, b, new Tol(1e-3, 1e-3));
        });
    }
}

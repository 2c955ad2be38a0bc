package org.divergencelab.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.SplittableRandom;

import org.divergencelab.compute.Gemm;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;

/**
 * {@code gemm[-tn|-nt|-tt]-MxNxK}: C(m×n) = op(A)·op(B) with k inner, alpha 1, beta 0, one thread.
 * Prints the median GFLOP/s (2·m·n·k per call) of {@link Gemm}'s vector path (the headline figure),
 * then its scalar fallback and EJML's {@code CommonOps_FDRM.mult*} on the same matrices, in the same run.
 * The shapes are the ones the MLP training steps use (batch 256, widths 512 and 64, 2-D inputs, 1-unit
 * critic output); {@code src/bench/gemm-vs-torch.sh} times {@code torch.mm} on the same list.
 */
public final class GemmWorkload implements Workload {
    /** Floating-point work per timed repetition: long enough for a stable median, short on a busy machine. */
    private static final double FLOPS_PER_REPEAT_FAST = 1.0e9;
    private static final double FLOPS_PER_REPEAT_SLOW = 1.5e8;
    private static final double WARM_UP_SECONDS = 0.4;

    private final boolean transA;
    private final boolean transB;
    private final int m;
    private final int n;
    private final int k;

    GemmWorkload(boolean transA, boolean transB, int m, int n, int k) {
        this.transA = transA;
        this.transB = transB;
        this.m = m;
        this.n = n;
        this.k = k;
    }

    /** The benchmarked shapes (m×n×k): forward, and the two backward products of each layer kind. */
    public static List<Workload> all() {
        return List.of(
                new GemmWorkload(false, false, 256, 512, 512),
                new GemmWorkload(true, false, 512, 512, 256),
                new GemmWorkload(false, true, 256, 512, 512),
                new GemmWorkload(false, false, 256, 512, 2),
                new GemmWorkload(true, false, 2, 512, 256),
                new GemmWorkload(false, false, 256, 1, 512),
                new GemmWorkload(true, false, 512, 1, 256),
                new GemmWorkload(false, true, 256, 512, 1),
                new GemmWorkload(false, false, 256, 64, 64),
                new GemmWorkload(true, false, 64, 64, 256),
                new GemmWorkload(false, true, 256, 64, 64),
                new GemmWorkload(false, false, 256, 64, 2),
                new GemmWorkload(false, false, 1000, 1000, 1000));
    }

    @Override
    public String name() {
        String t = transA || transB ? "-" + (transA ? "t" : "n") + (transB ? "t" : "n") : "";
        return "gemm" + t + "-" + m + "x" + n + "x" + k;
    }

    @Override
    public String description() {
        return "C(" + m + "x" + n + ") = " + (transA ? "A^T" : "A") + "·" + (transB ? "B^T" : "B")
                + ", k=" + k + ": GFLOP/s of vector, scalar and EJML kernels";
    }

    @Override
    public void run(BenchOptions options, PrintStream out) throws Exception {
        SplittableRandom rng = new SplittableRandom(options.seed());
        // Stored shapes: A is k×m when transposed, B is n×k when transposed.
        int aRows = transA ? k : m;
        int aCols = transA ? m : k;
        int bRows = transB ? n : k;
        int bCols = transB ? k : n;
        float[] a = fill(aRows * aCols, rng);
        float[] b = fill(bRows * bCols, rng);
        float[] c = new float[m * n];
        double flops = 2.0 * m * n * k;
        int fastCalls = options.iterationsOr((int) Math.max(1, Math.round(FLOPS_PER_REPEAT_FAST / flops)));
        int slowCalls = options.iterationsOr((int) Math.max(1, Math.round(FLOPS_PER_REPEAT_SLOW / flops)));

        Timing vector = null;
        if (Gemm.vectorAvailable()) {
            // The Vector API is only fast once C2 has compiled the kernels: a few big calls are not enough.
            warmUp(() -> Gemm.gemm(Gemm.Path.VECTOR, transA, transB, m, n, k, 1f, a, 0, aCols, b, 0, bCols, 0f, c,
                    0, n));
            vector = Timing.measure(options.warmup(), options.repeats(), () -> {
                for (int i = 0; i < fastCalls; i++) {
                    Gemm.gemm(Gemm.Path.VECTOR, transA, transB, m, n, k, 1f, a, 0, aCols, b, 0, bCols, 0f, c, 0, n);
                }
            });
        }
        warmUp(() -> Gemm.gemm(Gemm.Path.SCALAR, transA, transB, m, n, k, 1f, a, 0, aCols, b, 0, bCols, 0f, c, 0, n));
        Timing scalar = Timing.measure(options.warmup(), options.repeats(), () -> {
            for (int i = 0; i < slowCalls; i++) {
                Gemm.gemm(Gemm.Path.SCALAR, transA, transB, m, n, k, 1f, a, 0, aCols, b, 0, bCols, 0f, c, 0, n);
            }
        });
        FMatrixRMaj ea = FMatrixRMaj.wrap(aRows, aCols, a);
        FMatrixRMaj eb = FMatrixRMaj.wrap(bRows, bCols, b);
        FMatrixRMaj ec = new FMatrixRMaj(m, n);
        Timing ejml = Timing.measure(options.warmup(), options.repeats(), () -> {
            for (int i = 0; i < slowCalls; i++) {
                if (transA && transB) {
                    CommonOps_FDRM.multTransAB(ea, eb, ec);
                } else if (transA) {
                    CommonOps_FDRM.multTransA(ea, eb, ec);
                } else if (transB) {
                    CommonOps_FDRM.multTransB(ea, eb, ec);
                } else {
                    CommonOps_FDRM.mult(ea, eb, ec);
                }
            }
        });
        double scalarG = gflops(flops * slowCalls, scalar.medianSeconds());
        double ejmlG = gflops(flops * slowCalls, ejml.medianSeconds());
        if (vector != null) {
            out.printf("%s: %.2f GFLOP/s (median of %d, min %.2f, max %.2f) [vector; scalar %.2f GFLOP/s, "
                            + "EJML %.2f GFLOP/s; %d calls/repeat, %.1f us/call]%n",
                    name(), gflops(flops * fastCalls, vector.medianSeconds()), vector.repeats(),
                    gflops(flops * fastCalls, vector.maxSeconds()), gflops(flops * fastCalls, vector.minSeconds()),
                    scalarG, ejmlG, fastCalls, vector.medianSeconds() / fastCalls * 1e6);
        } else {
            out.printf("%s: %.2f GFLOP/s (median of %d, min %.2f, max %.2f) [scalar: jdk.incubator.vector absent; "
                            + "EJML %.2f GFLOP/s; %d calls/repeat, %.1f us/call]%n",
                    name(), scalarG, scalar.repeats(), gflops(flops * slowCalls, scalar.maxSeconds()),
                    gflops(flops * slowCalls, scalar.minSeconds()), ejmlG, slowCalls,
                    scalar.medianSeconds() / slowCalls * 1e6);
        }
    }

    /** Calls body for at least WARM_UP_SECONDS and 20 calls (untimed), so the JIT has settled. */
    private static void warmUp(Runnable body) {
        long end = System.nanoTime() + (long) (WARM_UP_SECONDS * 1e9);
        for (int calls = 0; calls < 20 || System.nanoTime() < end; calls++) {
            body.run();
        }
    }

    private static double gflops(double flops, double seconds) {
        return flops / seconds * 1e-9;
    }

    private static float[] fill(int size, SplittableRandom rng) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return x;
    }
}

package org.divergencelab.bench;


import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.SplittableRandom;

import org.divergencelab.distribution.PointCloud;
import org.divergencelab.divergence.IncrementalW1;
import org.divergencelab.divergence.TransportPlan;

/**
 * {@code w1-2d-N}: exact 2-D W1 between n points from N(0, I) and n from N((1, 0.5), I): by default exactly
 * the point sets of {@code shared/bench/peer_pot_emd.py} (see {@link #points}). Each repetition is a cold solve (cost matrix
 * included, as POT's timing includes {@code ot.dist}); the result line adds the W1 value, the pivots and,
 * for comparison, a warm re-solve after a small drag of Q (the sandbox's incremental path).
 */
public final class TransportWorkload implements Workload {
    private final int n;

    /** The sizes {@code peer_pot_emd.py} is run at: the sandbox's 300 and the 1000 and 2000. */
    public static List<Workload> all() {
        return List.of(new TransportWorkload(300), new TransportWorkload(1000), new TransportWorkload(2000));
    }

    public TransportWorkload(int n) {
        this.n = n;
    }

    @Override
    public String name() {
        return "w1-2d-" + n;
    }

    @Override
    public String description() {
        return "exact 2-D W1 (network simplex), " + n + " vs " + n + " points of peer_pot_emd.py, cold solve";
    }

    /**
     * The workload's points: x ~ N(0, I), y ~ N((1, 0.5), I). With seed 1 (the default) and n = 300, 1000 or
     * 2000 they are exactly {@code peer_pot_emd.py}'s numpy points (a resource written by
     * {@code src/bench/make-pot-points.py}); otherwise drawn from {@code seed} with Java's generator.
     */
    public static PointCloud[] points(int n, long seed) {
        if (seed == 1) {
            PointCloud[] numpy = numpyPoints(n);
            if (numpy != null) {
                return numpy;
            }
        }
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[2 * n];
        double[] y = new double[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            x[i] = gauss(r);
        }
        for (int i = 0; i < n; i++) {
            y[2 * i] = gauss(r) + 1.0;
            y[2 * i + 1] = gauss(r) + 0.5;
        }
        return new PointCloud[] {PointCloud.of(2, x), PointCloud.of(2, y)};
    }

    /** {@code pot-points-N.f64}: 4n little-endian doubles, x then y, row-major; null when absent. */
    static PointCloud[] numpyPoints(int n) {
        try (InputStream in = TransportWorkload.class.getResourceAsStream("pot-points-" + n + ".f64")) {
            if (in == null) {
                return null;
            }
            byte[] bytes = in.readAllBytes();
            if (bytes.length != 32 * n) {
                throw new IllegalStateException("pot-points-" + n + ".f64 has " + bytes.length + " bytes, expected "
                        + 32 * n);
            }
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            double[] x = new double[2 * n];
            double[] y = new double[2 * n];
            b.asDoubleBuffer().get(x).get(y);
            return new PointCloud[] {PointCloud.of(2, x), PointCloud.of(2, y)};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Override
    public void run(BenchOptions options, PrintStream out) throws Exception {
        PointCloud[] pq = points(n, options.seed());
        double[] value = new double[1];
        long[] pivots = new long[1];
        // Thread CPU time as well as wall time: on a shared, loaded machine the CPU time is the steadier figure.
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] cpu = new double[options.warmup() + options.repeats()];
        int[] rep = new int[1];
        Timing cold = Timing.measure(options.warmup(), options.repeats(), () -> {
            long c0 = mx.getCurrentThreadCpuTime();
            IncrementalW1 w = new IncrementalW1();
            TransportPlan plan = w.solve(pq[0], pq[1]);
            value[0] = plan.value();
            pivots[0] = w.lastPivots();
            cpu[rep[0]++] = (mx.getCurrentThreadCpuTime() - c0) * 1e-6;
        });
        double cpuMedian = Timing.median(java.util.Arrays.copyOfRange(cpu, options.warmup(), cpu.length));
        // Incremental path: one solver, Q dragged by a small step before each timed re-solve.
        IncrementalW1 inc = new IncrementalW1();
        inc.solve(pq[0], pq[1]);
        int[] step = new int[1];
        Timing warm = Timing.measure(options.warmup(), options.repeats(), () -> {
            step[0]++;
            inc.solve(pq[0], pq[1].translate(0.01 * step[0], -0.005 * step[0]));
        });
        out.printf("%s: %.2f ms (median of %d, min %.2f, max %.2f) W1=%.9f pivots=%d cpu=%.2f ms warm-drag=%.2f ms%n",
                name(), cold.medianSeconds() * 1e3, cold.repeats(), cold.minSeconds() * 1e3,
                cold.maxSeconds() * 1e3, value[0], pivots[0], cpuMedian, warm.medianSeconds() * 1e3);
    }
}

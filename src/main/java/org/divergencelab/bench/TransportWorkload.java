package org.divergencelab.bench;

import java.io.PrintStream;
import java.util.SplittableRandom;

import org.divergencelab.distribution.PointCloud;
import org.divergencelab.divergence.IncrementalW1;
import org.divergencelab.divergence.TransportPlan;

/**
 * {@code w1-2d-N}: exact 2-D W1 between n points from N(0, I) and n from N((1, 0.5), I), the point-set
 * distribution of {@code shared/bench/peer_pot_emd.py}. Each repetition is a cold solve (cost matrix
 * included, as POT's timing includes {@code ot.dist}); the result line adds the W1 value, the pivots and,
 * for comparison, a warm re-solve after a small drag of Q (the sandbox's incremental path).
 */
public final class TransportWorkload implements Workload {
    private final int n;

    public TransportWorkload(int n) {
        this.n = n;
    }

    @Override
    public String name() {
        return "w1-2d-" + n;
    }

    @Override
    public String description() {
        return "exact 2-D W1 (network simplex), " + n + " vs " + n + " Gaussian points, cold solve";
    }

    /** The workload's points: x ~ N(0, I), y ~ N((1, 0.5), I), drawn from {@code seed}. */
    public static PointCloud[] points(int n, long seed) {
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

    private static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Override
    public void run(BenchOptions options, PrintStream out) throws Exception {
        PointCloud[] pq = points(n, options.seed());
        double[] value = new double[1];
        long[] pivots = new long[1];
        Timing cold = Timing.measure(options.warmup(), options.repeats(), () -> {
            IncrementalW1 w = new IncrementalW1();
            TransportPlan plan = w.solve(pq[0], pq[1]);
            value[0] = plan.value();
            pivots[0] = w.lastPivots();
        });
        // Incremental path: one solver, Q dragged by a small step before each timed re-solve.
        IncrementalW1 inc = new IncrementalW1();
        inc.solve(pq[0], pq[1]);
        int[] step = new int[1];
        Timing warm = Timing.measure(options.warmup(), options.repeats(), () -> {
            step[0]++;
            inc.solve(pq[0], pq[1].translate(0.01 * step[0], -0.005 * step[0]));
        });
        out.printf("%s: %.2f ms (median of %d, min %.2f, max %.2f) W1=%.9f pivots=%d warm-drag=%.2f ms%n",
                name(), cold.medianSeconds() * 1e3, cold.repeats(), cold.minSeconds() * 1e3,
                cold.maxSeconds() * 1e3, value[0], pivots[0], warm.medianSeconds() * 1e3);
    }
}

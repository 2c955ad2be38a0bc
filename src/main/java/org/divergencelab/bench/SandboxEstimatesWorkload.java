package org.divergencelab.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

import org.divergencelab.distribution.PointCloud;
import org.divergencelab.divergence.DivergenceKind;
import org.divergencelab.divergence.SampleEstimates;
import org.divergencelab.sandbox.SandboxCompute;
import org.divergencelab.sandbox.SandboxState;

/**
 * {@code sandbox-estimates-2d-N}: what the sandbox computes for its "from n samples" read-outs after a drag
 * ({@link SandboxCompute#estimates}: both KDE grids once, the five divergences, exact W1 between the samples)
 * on the ring2d preset at n samples per side. The networks' training, also redone after a drag, is left out:
 * its step count is a separate setting. The result line adds the KDE part alone and the read-out values.
 */
public final class SandboxEstimatesWorkload implements Workload {
    private final int n;

    /** The sandbox's default-ish 500 and its maximum 2000. */
    public static List<Workload> all() {
        return List.of(new SandboxEstimatesWorkload(500), new SandboxEstimatesWorkload(SandboxState.MAX_SAMPLES));
    }

    public SandboxEstimatesWorkload(int n) {
        this.n = n;
    }

    @Override
    public String name() {
        return "sandbox-estimates-2d-" + n;
    }

    @Override
    public String description() {
        return "sandbox read-outs from " + n + " samples (ring2d preset): KDE divergences + exact W1";
    }

    @Override
    public void run(BenchOptions options, PrintStream out) throws Exception {
        SandboxState s = SandboxState.defaults().withSpecs("ring(8,2,0.1)", "translate(3,0,ring(8,1,0.1))")
                .withSamples(n).withSeed(options.seed());
        PointCloud sp = s.distributionP().sample(n, s.seed());
        PointCloud sq = s.distributionQ().sample(n, s.seed() + 1);
        SandboxCompute.Readout[] last = new SandboxCompute.Readout[1];
        // thread CPU time as well as wall time: on a shared, loaded machine the CPU time is the steadier figure
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] cpu = new double[options.warmup() + options.repeats()];
        int[] rep = new int[1];
        Timing all = Timing.measure(options.warmup(), options.repeats(), () -> {
            long c0 = mx.getCurrentThreadCpuTime();
            last[0] = SandboxCompute.estimates(sp, sq);
            cpu[rep[0]++] = (mx.getCurrentThreadCpuTime() - c0) * 1e-6;
        });
        double cpuMedian = Timing.median(Arrays.copyOfRange(cpu, options.warmup(), cpu.length));
        Timing kde = Timing.measure(options.warmup(), options.repeats(), () -> {
            SampleEstimates.KdePair pair = SampleEstimates.kdePair(sp, sq);
            for (DivergenceKind k : SandboxCompute.KINDS) {
                pair.estimate(k);
            }
        });
        SandboxCompute.Readout r = last[0];
        out.printf("%s: %.1f ms (median of %d, min %.1f, max %.1f) cpu=%.1f ms kde-only=%.1f ms js=%.6f kl=%.6f kl_rev=%.6f "
                + "tv=%.6f h2=%.6f w1=%.6f%n", name(), all.medianSeconds() * 1e3, all.repeats(),
                all.minSeconds() * 1e3, all.maxSeconds() * 1e3, cpuMedian, kde.medianSeconds() * 1e3, r.js(), r.kl(),
                r.klReverse(), r.tv(), r.hellinger(), r.w1());
    }
}

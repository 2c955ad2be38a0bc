import org.divergencelab.divergence.*;
import org.divergencelab.distribution.*;
/**
 * The sandbox's 2-D estimate path as the old jar ran it (five SampleEstimates.kde calls, then exact W1) on the
 * ring2d preset, thread CPU and wall time per repetition; runs against any jar: before/after figures in
 * docs/benchmarks.md. Usage: java --add-modules jdk.incubator.vector -cp JAR src/bench/SandboxEstimatesOldPath.java N REPS [jsonly]
 */
public class SandboxEstimatesOldPath {
  public static void main(String[] a) throws Exception {
    int n = Integer.parseInt(a[0]); int reps = Integer.parseInt(a[1]);
    PointCloud sp = SpecParser.parse("ring(8,2,0.1)").sample(n, 1), sq = SpecParser.parse("translate(3,0,ring(8,1,0.1))").sample(n, 2);
    DivergenceKind[] kinds = a.length > 2 ? new DivergenceKind[] {DivergenceKind.JS} : new DivergenceKind[] {DivergenceKind.JS, DivergenceKind.KL, DivergenceKind.KL_REVERSE, DivergenceKind.TV, DivergenceKind.HELLINGER};
    var mx = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int r = 0; r < reps; r++) {
      long c0 = mx.getCurrentThreadCpuTime(), t0 = System.nanoTime();
      StringBuilder sb = new StringBuilder();
      for (DivergenceKind k : kinds) sb.append(k).append('=').append(SampleEstimates.kde(k, sp, sq)).append(' ');
      double w1 = ExactW1.distance(sp, sq);
      System.out.printf("n=%d rep %d: wall %.1f ms cpu %.1f ms %s w1=%f%n", n, r, (System.nanoTime()-t0)/1e6, (mx.getCurrentThreadCpuTime()-c0)/1e6, sb, w1);
    }
  }
}

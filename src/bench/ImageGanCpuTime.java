import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

import org.divergencelab.compute.CpuBackend;
import org.divergencelab.image.ImageDataset;
import org.divergencelab.image.ImageGan;
import org.divergencelab.image.ProceduralShapes;

/**
 * The image-GAN workloads of {@code bench --workload image-*} timed by the training thread's CPU time
 * instead of the wall clock: on a machine shared with other jobs the wall clock also counts the time the
 * thread waits for a core, CPU time only the time it runs (cache sharing still leaks in). Run from the
 * repository root after {@code mvn package}:
 * {@code java --add-modules jdk.incubator.vector -cp target/divergence-lab.jar src/bench/ImageGanCpuTime.java
 * mlp|mlp-gan|dcgan [WARMUP_ITERATIONS ITERATIONS REPEATS]}. Prints samples per CPU-second (median).
 */
public final class ImageGanCpuTime {
    public static void main(String[] args) {
        if (args.length != 1 && args.length != 4) {
            throw new IllegalArgumentException("usage: mlp|mlp-gan|dcgan [WARMUP_ITERATIONS ITERATIONS REPEATS], got "
                    + Arrays.toString(args));
        }
        String w = args[0];
        ImageGan.Model model = switch (w) {
            case "mlp", "mlp-gan" -> ImageGan.Model.MLP;
            case "dcgan" -> ImageGan.Model.DCGAN;
            default -> throw new IllegalArgumentException("workload must be mlp, mlp-gan or dcgan, got " + w);
        };
        ImageGan.Objective objective = w.equals("mlp-gan") ? ImageGan.Objective.GAN : ImageGan.Objective.WGAN_GP;
        boolean dc = model == ImageGan.Model.DCGAN;
        int warm = args.length == 4 ? Integer.parseInt(args[1]) : dc ? 30 : 150;
        int iterations = args.length == 4 ? Integer.parseInt(args[2]) : dc ? 10 : 40;
        int repeats = args.length == 4 ? Integer.parseInt(args[3]) : 5;
        ImageDataset data = ProceduralShapes.generate(2048, 28, 1, 1);
        ImageGan gan = new ImageGan(CpuBackend.INSTANCE, data, model, objective, 64, 64, 1, 1);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < warm; i++) {
            gan.iteration();
        }
        double[] rates = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long c0 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < iterations; i++) {
                gan.iteration();
            }
            rates[r] = 64.0 * iterations / ((threads.getCurrentThreadCpuTime() - c0) / 1e9);
        }
        Arrays.sort(rates);
        String name = "image-" + (dc ? "dcgan" : "mlp") + "-28" + (w.equals("mlp-gan") ? "-gan" : "");
        System.out.printf("%s: %.1f samples per CPU-second (median of %d, min %.1f, max %.1f) [%d warm-up"
                        + " iterations, %d per run, last critic loss %.5f]%n", name,
                rates[repeats / 2], repeats, rates[0], rates[repeats - 1], warm, iterations, gan.lastCriticLoss());
    }
}

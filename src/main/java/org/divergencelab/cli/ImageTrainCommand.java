package org.divergencelab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

import org.divergencelab.compute.select.Backends;
import org.divergencelab.image.IdxReader;
import org.divergencelab.image.ImageDataset;
import org.divergencelab.image.ImageFolder;
import org.divergencelab.image.ImageGan;
import org.divergencelab.image.ProceduralDigits;
import org.divergencelab.image.ProceduralFaces;
import org.divergencelab.image.ProceduralShapes;
import org.divergencelab.io.AtomicFiles;

/**
 * {@code image-train}: headless image-GAN training on a chosen backend, printing progress, the W estimate
 * and training samples/s, optionally writing a grid of generated images (PPM). With the shapes, faces or
 * IDX datasets it needs only java.base (digits use AWT fonts, folders use ImageIO: java.desktop).
 */
public final class ImageTrainCommand implements Command {

    @Override
    public String name() {
        return "image-train";
    }

    @Override
    public String summary() {
        return "train an image GAN headless (--backend cpu|cuda|auto), print samples/s";
    }

    @Override
    public String usage() {
        return """
                usage: image-train [--backend cpu|cuda|auto] [--dataset shapes|faces|digits|idx:FILE|folder:DIR]
                                   [--size 28] [--channels 1|3] [--model mlp|dcgan] [--objective wgan-gp|wgan-clip|gan|minimax|lsgan] [--iterations 200]
                                   [--batch 64] [--n-critic 1] [--every 50] [--seed 1] [--grid FILE.ppm]

                MLP G (z 64 -> 256 -> 512 -> image, tanh) and D (image -> 512 -> 256 -> 1, LeakyReLU 0.2),
                Adam(1e-4, 0.5, 0.9); or a DCGAN (strided/transposed convolutions, batch norm in G, layer norm
                in the critic; side divisible by 4). Prints the backend in use (and why not CUDA under auto), a progress line
                every --every iterations (critic loss, W estimate, samples/s) and the overall samples/s.
                shapes, faces and idx need only java.base; digits and folder need java.desktop.""";
    }

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) throws IOException {
        Backends.Choice choice = Backends.Choice.parse(args.get("backend", "auto"));
        String datasetSpec = args.get("dataset", "shapes");
        int size = args.getInt("size", 28, 4, ImageDataset.MAX_SIDE);
        int channels = args.getInt("channels", 1, 1, 3);
        String objectiveName = args.get("objective", "wgan-gp").toLowerCase(Locale.ROOT);
        String modelName = args.get("model", "mlp").toLowerCase(Locale.ROOT);
        int iterations = args.getInt("iterations", 200, 1, 10_000_000);
        int batch = args.getInt("batch", 64, 1, 65_536);
        int nCritic = args.getInt("n-critic", 1, 1, 100);
        int every = args.getInt("every", 50, 1, 10_000_000);
        long seed = args.getLong("seed", 1);
        String grid = args.get("grid", null);
        args.requireAllUsed();
        ImageGan.Objective objective = switch (objectiveName) {
            case "wgan-gp" -> ImageGan.Objective.WGAN_GP;
            case "gan" -> ImageGan.Objective.GAN;
            case "minimax" -> ImageGan.Objective.MINIMAX;
            case "lsgan" -> ImageGan.Objective.LSGAN;
            case "wgan-clip" -> ImageGan.Objective.WGAN_CLIP;
            default -> throw new UsageException("--objective must be wgan-gp, wgan-clip, gan, minimax or lsgan, got '"
                    + objectiveName + "'");
        };
        ImageGan.Model model = switch (modelName) {
            case "mlp" -> ImageGan.Model.MLP;
            case "dcgan" -> ImageGan.Model.DCGAN;
            default -> throw new UsageException("--model must be mlp or dcgan, got '" + modelName + "'");
        };
        if (channels == 2) {
            throw new UsageException("--channels must be 1 or 3, got 2");
        }
        ImageDataset data = dataset(datasetSpec, size, channels, seed);
        Backends.Selection sel;
        try {
            sel = Backends.select(choice);
        } catch (Backends.UnavailableException e) {
            err.println(e.getMessage());
            return 3;
        }
        try (sel) {
            out.println(sel.note());
            out.printf("dataset %s: %d images of %dx%dx%d; %s %s, batch %d, n_critic %d%n", data.name(), data.count(),
                    data.width(), data.height(), data.channels(), modelName, objectiveName, batch, nCritic);
            ImageGan gan = new ImageGan(sel.backend(), data, model, objective, batch, 64, nCritic, seed);
            long start = System.nanoTime();
            long last = start;
            int lastIteration = 0;
            for (int i = 1; i <= iterations; i++) {
                gan.iteration();
                if (i % every == 0 || i == iterations) {
                    long now = System.nanoTime();
                    double rate = (double) batch * nCritic * (i - lastIteration) / ((now - last) / 1e9);
                    out.printf(Locale.ROOT, "iteration %d: critic loss %.5f, " + (objective.wasserstein()
                            ? "W estimate" : "mean D(real) - mean D(fake)") + " %.5f, G loss %.5f, %.1f samples/s%n",
                            i, gan.lastCriticLoss(), gan.lastWasserstein(), gan.lastGeneratorLoss(), rate);
                    last = now;
                    lastIteration = i;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "%s: %.1f training samples/s over %d iterations (%.2f s, samples = batch x critic steps)%n",
                    sel.backend().name(), (double) batch * nCritic * iterations / seconds, iterations, seconds);
            if (grid != null) {
                writeGrid(gan, Path.of(grid), seed);
                out.println("wrote " + grid);
            }
        }
        return 0;
    }

    static ImageDataset dataset(String spec, int size, int channels, long seed) throws IOException {
        try {
            return load(spec, size, channels, seed);
        } catch (LinkageError e) {
            // a java.base-only runtime (the jlinked GPU runtime) has no java.desktop: say so, do not crash
            throw new IllegalArgumentException("dataset '" + spec + "' needs the java.desktop module (AWT fonts /"
                    + " ImageIO), which this Java runtime lacks (" + e + "); use --dataset shapes, faces or idx:FILE");
        }
    }

    private static ImageDataset load(String spec, int size, int channels, long seed) throws IOException {
        if (spec.startsWith("idx:")) {
            return IdxReader.readImages(Path.of(spec.substring(4)), 0);
        }
        if (spec.startsWith("folder:")) {
            return ImageFolder.read(Path.of(spec.substring(7)), size, channels, 0);
        }
        return switch (spec) {
            case "shapes" -> ProceduralShapes.generate(2048, size, channels, seed);
            case "faces" -> ProceduralFaces.generate(1024, Math.max(size, 8), seed);
            case "digits" -> ProceduralDigits.generate(2048, Math.max(size, 8), seed);
            default -> throw new UsageException("--dataset must be shapes, faces, digits, idx:FILE or folder:DIR, got '"
                    + spec + "'");
        };
    }

    /** An 8×8 grid of samples from fixed z (seeded) as a binary PPM (plain java.base, no ImageIO). */
    static void writeGrid(ImageGan gan, Path file, long seed) throws IOException {
        ImageDataset d = gan.data();
        int n = 64;
        float[] z = new float[n * gan.zDim()];
        SplittableRandom r = new SplittableRandom(seed ^ 0x5eedL);
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) r.nextGaussian();
        }
        float[] img = new float[n * d.dim()];
        gan.sample(z, n, img);
        int w = d.width();
        int h = d.height();
        int plane = w * h;
        byte[] px = new byte[8 * w * 8 * h * 3];
        for (int k = 0; k < n; k++) {
            int gx = (k % 8) * w;
            int gy = (k / 8) * h;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int c = 0; c < 3; c++) {
                        int ch = Math.min(c, d.channels() - 1);
                        float v = img[k * d.dim() + ch * plane + y * w + x];
                        int b = (int) Math.round(Math.max(0, Math.min(255, (v + 1) * 127.5)));
                        px[((gy + y) * 8 * w + gx + x) * 3 + c] = (byte) b;
                    }
                }
            }
        }
        AtomicFiles.write(file, o -> {
            o.write(("P6\n" + 8 * w + " " + 8 * h + "\n255\n").getBytes(StandardCharsets.US_ASCII));
            o.write(px);
        });
    }
}

package org.divergencelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code selftest} and {@code image-train} end to end through the command dispatcher. */
class ImageCommandsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Commands.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void selftestOnCpuPassesAndCounts() {
        assertEquals(0, run("selftest", "--backend", "cpu"), err.toString(StandardCharsets.UTF_8));
        assertTrue(out().matches("(?s).*cpu-f32 vs cpu-f32 \\(seed 7\\): \\d+ passed, 0 failed.*"), out());
    }

    @Test
    void selftestOnCudaEitherRunsOrSaysWhyNot() {
        int rc = run("selftest", "--backend", "cuda");
        if (rc == 3) {
            assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("CUDA is unavailable: "), err.toString(StandardCharsets.UTF_8));
            assertTrue(out().contains("0 passed, 0 failed (not run: CUDA unavailable)"), out());
        } else {
            assertTrue(out().contains("cpu-f32 vs cuda-f32"), out()); // a GPU machine: the suite ran
        }
    }

    @Test
    void badBackendIsAUsageError() {
        assertEquals(2, run("selftest", "--backend", "tpu"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--backend must be cpu, cuda or auto, got 'tpu'"));
    }

    /**
     * The GAN engine's minimax and least-squares losses train the image GAN too; their progress line names D's gap
     * for what it is (not a Wasserstein estimate), and every printed number is finite.
     */
    @Test
    void minimaxAndLsganTrainAndNameTheirNumbers() {
        for (String objective : new String[] {"minimax", "lsgan"}) {
            out.reset();
            assertEquals(0, run("image-train", "--backend", "cpu", "--dataset", "shapes", "--size", "12", "--iterations",
                    "4", "--every", "2", "--objective", objective), err.toString(StandardCharsets.UTF_8));
            assertTrue(out().contains("mean D(real) - mean D(fake)") && !out().contains("W estimate"), out());
            assertTrue(!out().contains("NaN") && !out().contains("Infinity"), out());
        }
        out.reset();
        assertEquals(0, run("image-train", "--backend", "cpu", "--dataset", "shapes", "--size", "12", "--iterations",
                "4", "--every", "2", "--objective", "wgan-clip"), err.toString(StandardCharsets.UTF_8));
        assertTrue(out().contains("W estimate") && !out().contains("NaN"), out()); // the clipped critic's K·W1
        assertEquals(2, run("image-train", "--objective", "wgan-lp", "--iterations", "1"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("wgan-gp, wgan-clip, gan, minimax or lsgan"));
    }

    @Test
    void imageTrainRunsAndWritesAGrid(@TempDir Path dir) throws IOException {
        Path grid = dir.resolve("g.ppm");
        assertEquals(0, run("image-train", "--backend", "cpu", "--dataset", "shapes", "--size", "12", "--iterations", "4",
                "--batch", "8", "--every", "2", "--grid", grid.toString()), err.toString(StandardCharsets.UTF_8));
        assertTrue(out().contains("iteration 4: critic loss"), out());
        assertTrue(out().contains("training samples/s over 4 iterations"), out());
        byte[] ppm = Files.readAllBytes(grid);
        String header = "P6\n96 96\n255\n";
        assertEquals(header, new String(ppm, 0, header.length(), StandardCharsets.US_ASCII));
        assertEquals(header.length() + 96 * 96 * 3, ppm.length);
    }

    @Test
    void imageTrainRejectsUnknownDatasetAndObjective() {
        assertEquals(2, run("image-train", "--dataset", "cats", "--backend", "cpu"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("got 'cats'"));
        assertEquals(2, run("image-train", "--objective", "f-gan", "--backend", "cpu")); // lsgan is an objective now
    }
}

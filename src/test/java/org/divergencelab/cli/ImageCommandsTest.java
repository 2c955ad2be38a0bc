package org.divergencelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code selftest} and {@code image-train} end to end through the command dispatcher. */
class ImageCommandsTest {
    private final CliRun cli = new CliRun();

    @Test
    void selftestOnCpuPassesAndCounts() {
        assertEquals(0, cli.run("selftest", "--backend", "cpu"), cli.err());
        assertTrue(cli.out().matches("(?s).*cpu-f32 vs cpu-f32 \\(seed 7\\): \\d+ passed, 0 failed.*"), cli.out());
    }

    @Test
    void selftestOnCudaEitherRunsOrSaysWhyNot() {
        int rc = cli.run("selftest", "--backend", "cuda");
        if (rc == 3) {
            assertTrue(cli.err().startsWith("CUDA is unavailable: "), cli.err());
            assertTrue(cli.out().contains("0 passed, 0 failed (not run: CUDA unavailable)"), cli.out());
        } else {
            assertTrue(cli.out().contains("cpu-f32 vs cuda-f32"), cli.out()); // a GPU machine: the suite ran
        }
    }

    @Test
    void badBackendIsAUsageError() {
        assertEquals(2, cli.run("selftest", "--backend", "tpu"));
        assertTrue(cli.err().contains("--backend must be cpu, cuda or auto, got 'tpu'"));
    }

    /**
     * The GAN engine's minimax and least-squares losses train the image GAN too; their progress line names D's gap
     * for what it is (not a Wasserstein estimate), and every printed number is finite.
     */
    @Test
    void minimaxAndLsganTrainAndNameTheirNumbers() {
        for (String objective : new String[] {"minimax", "lsgan"}) {
            assertEquals(0, cli.run("image-train", "--backend", "cpu", "--dataset", "shapes", "--size", "12", "--iterations",
                    "4", "--every", "2", "--objective", objective), cli.err());
            assertTrue(cli.out().contains("mean D(real) - mean D(fake)") && !cli.out().contains("W estimate"), cli.out());
            assertTrue(!cli.out().contains("NaN") && !cli.out().contains("Infinity"), cli.out());
        }
        assertEquals(0, cli.run("image-train", "--backend", "cpu", "--dataset", "shapes", "--size", "12", "--iterations",
                "4", "--every", "2", "--objective", "wgan-clip"), cli.err());
        assertTrue(cli.out().contains("W estimate") && !cli.out().contains("NaN"), cli.out()); // the clipped critic's K·W1
        assertEquals(2, cli.run("image-train", "--objective", "wgan-lp", "--iterations", "1"));
        assertTrue(cli.err().contains("wgan-gp, wgan-clip, gan, minimax or lsgan"));
    }

    @Test
    void imageTrainRunsAndWritesAGrid(@TempDir Path dir) throws IOException {
        Path grid = dir.resolve("g.ppm");
        assertEquals(0, cli.run("image-train", "--backend", "cpu", "--dataset", "shapes", "--size", "12", "--iterations", "4",
                "--batch", "8", "--every", "2", "--grid", grid.toString()), cli.err());
        assertTrue(cli.out().contains("iteration 4: critic loss"), cli.out());
        assertTrue(cli.out().contains("training samples/s over 4 iterations"), cli.out());
        byte[] ppm = Files.readAllBytes(grid);
        String header = "P6\n96 96\n255\n";
        assertEquals(header, new String(ppm, 0, header.length(), StandardCharsets.US_ASCII));
        assertEquals(header.length() + 96 * 96 * 3, ppm.length);
    }

    @Test
    void imageTrainRejectsUnknownDatasetAndObjective() {
        assertEquals(2, cli.run("image-train", "--dataset", "cats", "--backend", "cpu"));
        assertTrue(cli.err().contains("got 'cats'"));
        assertEquals(2, cli.run("image-train", "--objective", "f-gan", "--backend", "cpu")); // lsgan is an objective now
    }
}

package org.divergencelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.divergencelab.compute.Gemm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands a student runs work on a JVM without {@code jdk.incubator.vector} (the documented
 * {@code DIVERGENCE_LAB_NO_RELAUNCH=1} fallback). The {@code scalar-path} surefire execution runs this class with
 * the module absent and {@code -Dlab.expect.scalar=true}, so there it also checks that it really ran scalar; in
 * the ordinary run it exercises the same commands on the SIMD path.
 */
class ScalarPathTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    @Test
    void runsOnTheExpectedPath() {
        if (Boolean.getBoolean("lab.expect.scalar")) {
            assertFalse(Gemm.vectorAvailable(), "the scalar-path run must not have jdk.incubator.vector");
        }
    }

    @Test
    void exactTwoDimensionalW1() throws Exception {
        // A cloud against itself shifted by (0, 3): W1 = 3 exactly (≤ 3 by the shift, ≥ 3 = the distance of the
        // means). The solve runs the network simplex, whose pricing is the SIMD kernel on the other path.
        Path p = dir.resolve("p.csv");
        Path q = dir.resolve("q.csv");
        Files.writeString(p, "0,0\n1,0\n0,1\n1,1\n0.5,0.25\n");
        Files.writeString(q, "0,3\n1,3\n0,4\n1,4\n0.5,3.25\n");
        assertEquals(0, cli.run("measure", "--metric", "w1", "--p", p.toString(), "--q", q.toString()),
                cli.err());
        assertEquals(3.0, Double.parseDouble(cli.out().trim()), 1e-12);
    }

    @Test
    void trainsAndWritesMetrics() throws Exception {
        assertEquals(0, cli.run("train", "--preset", "ring8-wgan-gp", "--set", "critic.widths=[16,16]",
                "--set", "generator.widths=[16,16]", "--iterations", "3", "--out", dir.toString()),
                cli.err());
        assertTrue(Files.readAllLines(dir.resolve("metrics.csv")).size() >= 2);
    }
}

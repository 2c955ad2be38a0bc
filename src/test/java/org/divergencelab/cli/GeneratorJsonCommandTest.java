package org.divergencelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.divergencelab.distribution.GeneratorFile;
import org.divergencelab.distribution.GeneratorNet;
import org.divergencelab.distribution.SpecParser;
import org.divergencelab.divergence.GeneratorTruth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train writes generator.json; measure on generator(FILE) gives the numbers computed in-process. */
class GeneratorJsonCommandTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private String run(String... args) {
        assertEquals(0, cli.run(args), cli.err());
        return cli.out().trim();
    }

    @Test
    void measureOnTheWrittenGeneratorEqualsTheInProcessTruth() throws Exception {
        // a 1-D ReLU generator (piecewise affine: the exact quadrature path) trained briefly
        Path runDir = dir.resolve("run");
        run("train", "--preset", "gaussians-1d-gan", "--set", "generator.activation=relu", "--iterations", "20",
                "--out", runDir.toString());
        Path file = runDir.resolve("generator.json");
        assertTrue(Files.isRegularFile(file));
        GeneratorNet g = GeneratorFile.read(file);
        String data = "mixture(0.7*normal(-2,0.5),0.3*normal(2.5,0.5))";
        GeneratorTruth.Result r = GeneratorTruth.evaluate(SpecParser.parse(data), g, 1);
        String spec = "generator(" + file + ")";
        // same numbers to the last bit: the same code on the same doubles (the file round-trips exactly)
        assertEquals(MeasureCommand.format(r.js().value()), run("measure", "--metric", "js", "--p", data, "--q", spec));
        assertEquals(MeasureCommand.format(r.klDataGen().value()), run("measure", "--metric", "kl", "--p", data, "--q", spec));
        assertEquals(MeasureCommand.format(r.klGenData().value()),
                run("measure", "--metric", "kl-reverse", "--p", data, "--q", spec));
        assertEquals(MeasureCommand.format(r.w1().value()), run("measure", "--metric", "w1", "--p", data, "--q", spec));
        assertTrue(r.js().method().label().startsWith("exact"), r.js().method().label());
    }

    @Test
    void aTwoDGeneratorIsMeasuredByTheSameMonteCarlo() throws Exception {
        Path runDir = dir.resolve("ring");
        run("train", "--preset", "ring8-wgan-gp", "--set", "generator.widths=[16,16]", "--iterations", "2",
                "--out", runDir.toString());
        Path file = runDir.resolve("generator.json");
        GeneratorNet g = GeneratorFile.read(file);
        GeneratorTruth.Result r = GeneratorTruth.evaluate(SpecParser.parse("ring(8,2,0.05)"), g, 1);
        assertEquals(MeasureCommand.format(r.js().value()),
                run("measure", "--metric", "js", "--p", "ring(8,2,0.05)", "--q", "generator(" + file + ")"));
    }
}

package org.divergencelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `train` with a condition: the label_accuracy column filled, the summary's accuracy, refusals before any output. */
class ConditionalTrainCommandTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return Commands.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aConditionalRunWritesItsLabelAccuracyAndRefusesABatchDump() throws Exception {
        Path a = dir.resolve("a");
        assertEquals(0, run("train", "--preset", "ring8-gan", "--set", "condition.label=mode", "--set",
                "critic.widths=[16,16]", "--set", "generator.widths=16,16", "--set", "batchSize=64", "--set",
                "evaluation.batch=128", "--iterations", "4", "--every", "2", "--out", a.toString()),
                err.toString(StandardCharsets.UTF_8));
        List<String> lines = Files.readAllLines(a.resolve("metrics.csv"));
        assertTrue(lines.get(0).endsWith(",kl_method,label_accuracy"), lines.get(0));
        String last = lines.get(lines.size() - 1);
        double accuracy = Double.parseDouble(last.substring(last.lastIndexOf(',') + 1));
        // a fraction of the 128 evaluation fakes
        assertEquals(0, accuracy * 128 - Math.rint(accuracy * 128), 1e-9, last);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("label accuracy " + accuracy + " (chance 1/8)"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("generator.json not written: a conditional generator"));
        assertFalse(Files.exists(a.resolve("generator.json")));

        Path b = dir.resolve("b");
        assertEquals(2, run("train", "--preset", "ring8-gan", "--set", "condition.label=mode", "--iterations", "1",
                "--dump-batches", "1", "--out", b.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--dump-batches does not support a conditional GAN"),
                err.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(b));
        assertEquals(2, run("train", "--preset", "swissroll-wgan-gp", "--set", "condition.label=mode", "--iterations",
                "1", "--out", dir.resolve("c").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("condition.label = mode needs data that is a mixture"),
                err.toString(StandardCharsets.UTF_8));
    }
}

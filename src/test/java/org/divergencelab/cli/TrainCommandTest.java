package org.divergencelab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.Objective;
import org.divergencelab.gan.Presets;
import org.divergencelab.gan.ExperimentJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private static final String[] SMALL = {"--set", "critic.widths=[16,16]", "--set", "generator.widths=16,16",
        "--set", "batchSize=64", "--set", "evaluation.batch=128", "--iterations", "12", "--every", "4"};

    private String[] args(String first, String firstValue, Path out) {
        String[] a = new String[SMALL.length + 4];
        a[0] = first;
        a[1] = firstValue;
        System.arraycopy(SMALL, 0, a, 2, SMALL.length);
        a[SMALL.length + 2] = "--out";
        a[SMALL.length + 3] = out.toString();
        String[] full = new String[a.length + 1];
        full[0] = "train";
        System.arraycopy(a, 0, full, 1, a.length);
        return full;
    }

    @Test
    void sameSeedSameMetricsByteForByteAndExperimentJsonReloads() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Path c = dir.resolve("c");
        assertEquals(0, cli.run(args("--preset", "ring8-wgan-gp", a)), cli.err());
        assertEquals(0, cli.run(args("--preset", "ring8-wgan-gp", b)), cli.err());
        byte[] metrics = Files.readAllBytes(a.resolve("metrics.csv"));
        assertArrayEquals(metrics, Files.readAllBytes(b.resolve("metrics.csv")));
        List<String> lines = Files.readAllLines(a.resolve("metrics.csv"));
        assertEquals("iteration,d_loss,g_loss,estimate_name,estimate,true_w1,true_js,js_method,modes_captured,modes,"
                + "high_quality_fraction,lipschitz,w1_method,w1_floor,true_kl,true_kl_reverse,kl_method,d_accuracy,"
                + "label_accuracy", lines.get(0));
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(3).startsWith("12,"), lines.get(3));
        // method labels such as exact-mc(se=…,n=…) are quoted: split outside quotes
        String[] cells = lines.get(3).split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
        assertEquals(19, cells.length, lines.get(3));
        assertEquals("W1", cells[3]);
        assertTrue(Double.parseDouble(cells[5]) > 0, "true W1 " + cells[5]);
        assertEquals("8", cells[9]);
        assertEquals(129, Files.readAllLines(a.resolve("samples.csv")).size());

        Experiment ran = ExperimentJson.read(a.resolve("experiment.json"));
        assertEquals(List.of(16, 16), ran.critic().widths());
        assertEquals(64, ran.batchSize());
        // the written experiment runs again to the same bytes
        String[] again = {"train", "--config", a.resolve("experiment.json").toString(), "--iterations", "12", "--every", "4",
            "--out", c.toString()};
        assertEquals(0, cli.run(again), cli.err());
        assertArrayEquals(metrics, Files.readAllBytes(c.resolve("metrics.csv")));
        // a different seed gives different metrics
        String[] seeded = args("--preset", "ring8-wgan-gp", dir.resolve("d"));
        String[] withSeed = new String[seeded.length + 2];
        System.arraycopy(seeded, 0, withSeed, 0, seeded.length);
        withSeed[seeded.length] = "--set";
        withSeed[seeded.length + 1] = "seed=2";
        assertEquals(0, cli.run(withSeed), cli.err());
        assertTrue(!java.util.Arrays.equals(metrics, Files.readAllBytes(dir.resolve("d").resolve("metrics.csv"))));
    }

    @Test
    void badInputIsRejectedBeforeTraining() throws IOException {
        Path o = dir.resolve("o");
        assertEquals(2, cli.run("train", "--preset", "nope", "--iterations", "1", "--out", o.toString()));
        assertTrue(cli.err().contains("unknown preset 'nope'") && cli.err().contains("ring8-wgan-gp"), cli.err());
        assertEquals(2, cli.run("train", "--preset", "ring8-gan", "--set", "batchSize=0", "--iterations", "1", "--out", o.toString()));
        assertTrue(cli.err().contains("batchSize must be an integer in [1, 65536], got 0"), cli.err());
        assertEquals(2, cli.run("train", "--preset", "ring8-gan", "--set", "criticOptimizer.lr=-0.1", "--iterations", "1", "--out", o.toString()));
        assertTrue(cli.err().contains("criticOptimizer.lr"), cli.err());
        assertEquals(2, cli.run("train", "--preset", "ring8-gan", "--set", "criticSteps=0", "--set", "generatorSteps=0",
                "--iterations", "1", "--out", o.toString()));
        assertTrue(cli.err().contains("criticSteps and generatorSteps must not both be 0"), cli.err());
        assertEquals(2, cli.run("train", "--preset", "ring8-gan", "--set", "objective.lamda=3", "--iterations", "1", "--out", o.toString()));
        assertTrue(cli.err().contains("unknown key objective.lamda"), cli.err());
        assertEquals(2, cli.run("train", "--preset", "ring8-gan", "--set", "objective.lambda=-3", "--iterations", "1", "--out", o.toString()));
        assertTrue(cli.err().contains("objective.lambda"), cli.err());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\n  \"format\": \"divergence-lab/experiment\",\n  \"version\": 1,\n  \"name\" \"x\"\n}\n");
        assertEquals(2, cli.run("train", "--config", bad.toString(), "--iterations", "1", "--out", o.toString()));
        assertTrue(cli.err().contains("line 4, column 10"), cli.err());
        Path unknown = dir.resolve("unknown.json");
        Files.writeString(unknown, ExperimentJson.write(Presets.get("ring8-gan")).replace("\"seed\": 1", "\"seed\": 1, \"colour\": \"red\""));
        assertEquals(2, cli.run("train", "--config", unknown.toString(), "--iterations", "1", "--out", o.toString()));
        assertTrue(cli.err().contains("unknown key colour"), cli.err());
        assertEquals(2, cli.run("train", "--preset", "ring8-gan", "--config", unknown.toString(), "--iterations", "1", "--out", o.toString()));
        assertEquals(2, cli.run("train", "--preset", "ring8-gan", "--out", o.toString()));
        assertTrue(cli.err().contains("--iterations"), cli.err());
        assertTrue(!Files.exists(o), "no run started");
    }

    @Test
    void setChangesOnlyTheNamedKey() {
        Experiment e = Presets.get("ring8-wgan-gp");
        Experiment changed = TrainCommand.applySets(e, List.of("objective.kind=wgan-clip", "objective.clip=0.05",
                "criticOptimizer.kind=rmsprop", "options.instanceNoise=0.1"));
        assertEquals(Objective.Kind.WGAN_CLIP, changed.objective().kind());
        assertEquals(0.05, changed.objective().clip());
        assertEquals(e.critic(), changed.critic());
        assertEquals(e.data(), changed.data());
        assertEquals(0.1, changed.options().instanceNoise());
    }

    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Object> runJson(Path out) throws IOException {
        return (java.util.Map<String, Object>) org.divergencelab.io.Json.parse(Files.readString(out.resolve("run.json")));
    }

    @Test
    void aFinishedRunSaysCompleteInRunJson() throws IOException {
        Path o = dir.resolve("complete");
        assertEquals(0, cli.run(args("--preset", "ring8-wgan-gp", o)), cli.err());
        // the engine's 10x warning is printed, but a healthy start of a small-lambda WGAN-GP is not a failure
        Path full = dir.resolve("full");
        assertEquals(0, cli.run("train", "--preset", "ring8-wgan-gp", "--iterations", "20", "--out", full.toString()), cli.err());
        assertTrue(cli.err().contains("warning: iteration"), cli.err());
        assertEquals("complete", runJson(full).get("status"));
        var status = runJson(o);
        assertEquals("complete", status.get("status"));
        assertEquals(12L, ((Number) status.get("lastEvaluatedIteration")).longValue());
        assertEquals(12L, ((Number) status.get("iterations")).longValue());
    }

    @Test
    void aBlowUpWithoutNanExitsOneAndPrintsTheWarning() throws IOException {
        // No penalty and a large critic step: the W1 estimate grows past 10x the true W1 at once while every
        // number stays finite (the guard, which looks for NaN/Inf, does not stop it).
        Path o = dir.resolve("blow");
        assertEquals(TrainCommand.EXIT_DIVERGED, cli.run("train", "--preset", "ring8-wgan-gp", "--set", "critic.widths=[16,16]",
                "--set", "generator.widths=[16,16]", "--set", "objective.lambda=0", "--set", "criticOptimizer.lr=0.05",
                "--iterations", "20", "--out", o.toString()));
        assertTrue(cli.err().contains("warning: iteration 1: estimate diverging"), cli.err());
        assertTrue(cli.err().contains("error: training blew up by iteration 20"), cli.err());
        assertEquals("diverged", runJson(o).get("status"));
        List<String> rows = Files.readAllLines(o.resolve("metrics.csv"));
        for (String row : rows.subList(1, rows.size())) {
            double estimate = Double.parseDouble(row.split(",")[4]);
            assertTrue(Double.isFinite(estimate), row);
        }
    }

    /** A conditional run: the label_accuracy column and the summary filled, refusals before any output. */
    @Test
    void aConditionalRunWritesItsLabelAccuracyAndRefusesABatchDump() throws Exception {
        Path a = dir.resolve("a");
        assertEquals(0, cli.run("train", "--preset", "ring8-gan", "--set", "condition.label=mode", "--set",
                "critic.widths=[16,16]", "--set", "generator.widths=16,16", "--set", "batchSize=64", "--set",
                "evaluation.batch=128", "--iterations", "4", "--every", "2", "--out", a.toString()),
                cli.err());
        List<String> lines = Files.readAllLines(a.resolve("metrics.csv"));
        assertTrue(lines.get(0).endsWith(",kl_method,d_accuracy,label_accuracy"), lines.get(0));
        String last = lines.get(lines.size() - 1);
        double accuracy = Double.parseDouble(last.substring(last.lastIndexOf(',') + 1));
        // a fraction of the 128 evaluation fakes
        assertEquals(0, accuracy * 128 - Math.rint(accuracy * 128), 1e-9, last);
        assertTrue(cli.out().contains("label accuracy " + accuracy + " (chance 1/8)"));
        assertTrue(cli.err().contains("generator.json not written: a conditional generator"));
        assertFalse(Files.exists(a.resolve("generator.json")));

        Path b = dir.resolve("b");
        assertEquals(2, cli.run("train", "--preset", "ring8-gan", "--set", "condition.label=mode", "--iterations", "1",
                "--dump-batches", "1", "--out", b.toString()));
        assertTrue(cli.err().contains("--dump-batches does not support a conditional GAN"),
                cli.err());
        assertFalse(Files.exists(b));
        assertEquals(2, cli.run("train", "--preset", "swissroll-wgan-gp", "--set", "condition.label=mode", "--iterations",
                "1", "--out", dir.resolve("c").toString()));
        assertTrue(cli.err().contains("condition.label = mode needs data that is a mixture"),
                cli.err());
    }
}

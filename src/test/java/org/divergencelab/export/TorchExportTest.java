package org.divergencelab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.divergencelab.autodiff.Parameter;
import org.divergencelab.cli.CliRun;
import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.Objective;
import org.divergencelab.gan.Presets;
import org.divergencelab.gan.Trainer;
import org.divergencelab.io.Json;
import org.divergencelab.nn.Mlp;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorchExportTest {

    @Test
    void exportWritesTheScriptWithTheExperimentAndTheTrainersInitialWeights(@TempDir Path dir) throws IOException {
        Experiment e = Presets.get("ring8-wgan-gp");
        TorchExport.write(e, dir);
        String script = Files.readString(dir.resolve(TorchExport.SCRIPT));
        int open = script.indexOf("CONFIG = json.loads(r'''") + "CONFIG = json.loads(r'''".length();
        Map<?, ?> config = (Map<?, ?>) Json.parse(script.substring(open, script.indexOf("''')", open)));
        assertEquals("ring8-wgan-gp", config.get("name"));
        assertEquals("ring(8,2,0.05)", config.get("data"));
        assertEquals("wgan_gp", config.get("objective"));
        assertEquals(0.1, config.get("lambda"));
        assertEquals(256L, config.get("batch_size"));
        assertEquals(5L, config.get("critic_steps"));
        assertEquals(2e-4, ((Map<?, ?>) config.get("generator_optimizer")).get("lr"));
        Map<?, ?> weights = (Map<?, ?>) Json.parse(Files.readString(dir.resolve(TorchExport.WEIGHTS)));
        Trainer t = new Trainer(e);
        assertSameWeights(t.generator(), (List<?>) weights.get("G"));
        assertSameWeights(t.critic(), (List<?>) weights.get("D"));
    }

    /** Every dense layer's W (fanIn×fanOut, row-major) and b bit for bit, activations in between. */
    private static void assertSameWeights(Mlp net, List<?> layers) {
        List<Double> expected = new ArrayList<>();
        for (Parameter p : net.parameters()) {
            double[] v = new double[p.rows() * p.cols()];
            p.value().backend().copyOut(p.value(), v);
            for (double x : v) {
                expected.add(x);
            }
        }
        List<Object> written = new ArrayList<>();
        int dense = 0;
        for (Object o : layers) {
            Map<?, ?> layer = (Map<?, ?>) o;
            if (layer.get("type").equals("dense")) {
                Parameter w = net.parameters().get(2 * dense++);
                assertEquals((long) w.rows(), layer.get("in"));
                assertEquals((long) w.cols(), layer.get("out"));
                written.addAll((List<?>) layer.get("W"));
                written.addAll((List<?>) layer.get("b"));
            } else {
                assertEquals("relu", layer.get("kind"));
            }
        }
        assertEquals(net.parameters().size(), 2 * dense);
        assertEquals(expected, written);
    }

    @Test
    void unsupportedExperimentsAreRefusedWithTheReason(@TempDir Path dir) {
        Experiment e = Presets.get("ring8-wgan-gp");
        IllegalArgumentException fd = assertThrows(IllegalArgumentException.class,
                () -> TorchExport.write(e.withObjective(Objective.wganFd(1)), dir));
        assertTrue(fd.getMessage().contains("objective wgan_fd"), fd.getMessage());
        IllegalArgumentException data = assertThrows(IllegalArgumentException.class,
                () -> TorchExport.write(e.withData("translate(1,0,ring(8,2,0.05))"), dir));
        assertTrue(data.getMessage().contains("'translate' is not supported"), data.getMessage());
        // numbers with exponents are not names
        TorchExport.requireSupported(e.withData("normal2(1e-3,0,2E1,1)"));
        assertTrue(Files.notExists(dir.resolve(TorchExport.SCRIPT)));
    }

    @Test
    void dumpRecordsEveryStepsDrawsAndTheLossesOfAnUnrecordedRun() {
        Experiment e = Presets.get("ring8-wgan-gp").withBatchSize(16);
        int iterations = 3;
        Map<String, Object> dump = BatchDump.record(e, iterations);
        // written and read back exactly
        Map<?, ?> back = (Map<?, ?>) Json.parse(Json.write(dump));
        assertEquals(dump.get("steps"), back.get("steps"));
        List<?> steps = (List<?>) back.get("steps");
        assertEquals(iterations * (5 + 1), steps.size());
        Trainer plain = new Trainer(e);
        int i = 0;
        for (int it = 0; it < iterations; it++) {
            for (int k = 0; k < 5; k++) {
                Map<?, ?> s = (Map<?, ?>) steps.get(i++);
                assertTrue(plain.stepCritic());
                assertEquals("critic", s.get("kind"));
                assertEquals((long) it, s.get("iteration"));
                assertEquals(plain.lastCriticLoss(), s.get("loss"));
                assertEquals(16 * 2, ((List<?>) s.get("real")).size());
                assertEquals(16 * 2, ((List<?>) s.get("z")).size());
                List<?> eps = (List<?>) s.get("eps");
                assertEquals(16, eps.size());
                for (Object x : eps) {
                    double v = (Double) x;
                    assertTrue(v >= 0 && v <= 1 && v == (float) v, "eps " + v);
                }
            }
            Map<?, ?> s = (Map<?, ?>) steps.get(i++);
            assertTrue(plain.stepGenerator());
            assertEquals("generator", s.get("kind"));
            assertEquals(plain.lastGeneratorLoss(), s.get("loss"));
            assertEquals(16 * 2, ((List<?>) s.get("z")).size());
        }
        Map<?, ?> init = (Map<?, ?>) back.get("initial_weights");
        assertSameWeights(new Trainer(e).critic(), (List<?>) init.get("D"));
        // the states: both networks before the first step, then before every later step (and after the last)
        // the network the previous step updated, bit for bit as an unrecorded trainer has it then
        List<?> states = (List<?>) back.get("states");
        assertEquals(steps.size() + 1, states.size());
        Trainer fresh = new Trainer(e);
        Map<?, ?> first = (Map<?, ?>) states.get(0);
        assertEquals(encoded(fresh.critic().parameters()), ((Map<?, ?>) first.get("D")).get("params"));
        assertEquals(encoded(fresh.generator().parameters()), ((Map<?, ?>) first.get("G")).get("params"));
        assertEquals(0L, ((Map<?, ?>) first.get("D")).get("steps"));
        for (int j = 1; j < states.size(); j++) {
            Map<?, ?> st = (Map<?, ?>) states.get(j);
            String kind = (String) ((Map<?, ?>) steps.get(j - 1)).get("kind");
            assertEquals(List.of(kind.equals("critic") ? "D" : "G"), List.copyOf(st.keySet()), "state " + j);
        }
        Map<?, ?> lastD = (Map<?, ?>) ((Map<?, ?>) states.get(states.size() - 2)).get("D");
        Map<?, ?> lastG = (Map<?, ?>) ((Map<?, ?>) states.get(states.size() - 1)).get("G");
        assertEquals(encoded(plain.critic().parameters()), lastD.get("params"));
        assertEquals(encoded(plain.generator().parameters()), lastG.get("params"));
        assertEquals((long) iterations * 5, lastD.get("steps"));
        assertEquals((long) iterations, lastG.get("steps"));
        // Adam: every parameter's m, then every parameter's v, as the optimiser holds them
        List<Object> adam = new ArrayList<>();
        for (org.divergencelab.compute.Tensor x : plain.criticOptimizer().state()) {
            adam.add(encoded(x));
        }
        assertEquals(2 * plain.critic().parameters().size(), adam.size());
        assertEquals(adam, lastD.get("optimizer_state"));
    }

    private static List<Object> encoded(List<Parameter> params) {
        List<Object> out = new ArrayList<>();
        for (Parameter p : params) {
            out.add(encoded(p.value()));
        }
        return out;
    }

    /** Base64 of the tensor's float32 values, little-endian: what the dump's states hold. */
    private static String encoded(org.divergencelab.compute.Tensor t) {
        float[] v = new float[t.rows() * t.cols()];
        t.backend().copyOut(t, v);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * v.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return java.util.Base64.getEncoder().encodeToString(b.array());
    }

    @Test
    void trainDumpsBatchesWithoutChangingMetrics(@TempDir Path dir) throws IOException {
        Path plain = dir.resolve("plain");
        Path dumped = dir.resolve("dumped");
        assertEquals(0, cli("train", "--preset", "gaussians-1d-gan", "--iterations", "4", "--every", "2", "--out",
                plain.toString()));
        assertEquals(0, cli("train", "--preset", "gaussians-1d-gan", "--iterations", "4", "--every", "2",
                "--dump-batches", "3", "--out", dumped.toString()));
        assertEquals(Files.readString(plain.resolve("metrics.csv")), Files.readString(dumped.resolve("metrics.csv")));
        assertTrue(Files.notExists(plain.resolve(BatchDump.FILE)));
        Map<?, ?> dump = (Map<?, ?>) Json.parse(Files.readString(dumped.resolve(BatchDump.FILE)));
        assertEquals(BatchDump.FORMAT, dump.get("format"));
        assertEquals(3L, dump.get("iterations"));
        assertEquals(6, ((List<?>) dump.get("steps")).size());
        assertEquals(2, cli("export", "--preset", "gaussians-1d-gan"));
        assertEquals(0, cli("export", "--preset", "gaussians-1d-gan", "--set", "batchSize=64", "--out",
                dir.resolve("exp").toString()));
        assertTrue(Files.readString(dir.resolve("exp").resolve(TorchExport.SCRIPT)).contains("\"batch_size\": 64"));
    }

    private static int cli(String... args) {
        return CliRun.of(args).exit();
    }

    /**
     * The round trip: our engine's first 20 iterations replayed by the exported PyTorch script. The check
     * re-loads our training state before every step and redoes the step with the recorded inputs; every step's
     * loss must agree within 1e-4 relative (measured in float32: ring8-wgan-gp 5e-7, gaussians-1d-gan 2e-7; a
     * free run from the initial weights alone drifts in WGAN-GP, see docs/pytorch-export.md). The float64 dump
     * is checked too. Needs /usr/bin/python3 with torch; skipped otherwise.
     */
    @Test
    void pytorchReplaysOurLosses(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(torchAvailable(), "skipped: /usr/bin/python3 with torch is not installed "
                + "(the PyTorch round trip needs it; the Java side is tested without it)");
        for (String run : List.of("gaussians-1d-gan/float32", "ring8-wgan-gp/float32", "ring8-wgan-gp/float64")) {
            String preset = run.substring(0, run.indexOf('/'));
            String precision = run.substring(run.indexOf('/') + 1);
            Path exp = dir.resolve(preset + "-export");
            Path runDir = dir.resolve(preset + "-" + precision + "-run");
            assertEquals(0, cli("export", "--preset", preset, "--out", exp.toString()));
            assertEquals(0, cli("train", "--preset", preset, "--iterations", "20", "--dump-batches", "20",
                    "--dump-precision", precision, "--out", runDir.toString()));
            Process p = new ProcessBuilder("/usr/bin/python3", exp.resolve(TorchExport.SCRIPT).toString(), "--check",
                    runDir.toString()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(300, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), output);
            assertTrue(output.contains("recorded by the Lab in " + precision) && output.contains("mode: stepwise")
                    && output.contains(": PASS"), output);
        }
    }

    private static boolean torchAvailable() {
        if (!Files.isExecutable(Path.of("/usr/bin/python3"))) {
            return false;
        }
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import torch").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}

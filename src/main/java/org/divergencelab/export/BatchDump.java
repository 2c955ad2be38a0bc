package org.divergencelab.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Base64;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.divergencelab.autodiff.Parameter;
import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.compute.CpuBackend;
import org.divergencelab.compute.Float64Backend;
import org.divergencelab.compute.Tensor;
import org.divergencelab.gan.BatchRecorder;
import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.Trainer;
import org.divergencelab.gan.ExperimentJson;
import org.divergencelab.io.Json;
import org.divergencelab.io.AtomicFiles;
import org.divergencelab.nn.Optimizer;

/**
 * {@code train --dump-batches K}: the first K iterations of an experiment as data another implementation can
 * replay: the initial weights ({@link NetworkWeights}), then for every step in order its kind, iteration, the
 * random inputs it drew (real batch, z, the penalty's ε) and its loss before the update. Values are the
 * float32 tensors' values written exactly (JSON doubles in shortest round-trip form).
 *
 * <p>Also the training state before every step ({@code states}, one entry per step plus one after the last):
 * the first entry holds both networks, each later one the network the previous step updated (the other is
 * unchanged): its parameters and its optimiser's step count and state (Adam's m then v), as base64 of the
 * raw little-endian values (float32, or float64 for a float64 dump). A float32 replay can then redo each step
 * from exactly our state: two float32 engines that round differently drift apart within a few WGAN steps
 * (Adam turns gradients at rounding level into steps of up to lr; docs/pytorch-export.md), so only a step
 * by step comparison can hold them to 1e-4.
 */
public final class BatchDump {
    /** The file name in the run folder. */
    public static final String FILE = "batches.json";
    /** The format tag checked by the reader. */
    public static final String FORMAT = "divergence-lab/batches";

    private BatchDump() {
    }

    /** The dump of {@code iterations} iterations of {@code e} from its seed, as a JSON tree. */
    public static Map<String, Object> record(Experiment e, int iterations) {
        return record(e, iterations, CpuBackend.INSTANCE);
    }

    /**
     * As {@link #record(Experiment, int)} on {@code backend}: the float64 reference backend gives a dump in
     * which float32 rounding cannot be amplified (see docs/pytorch-export.md).
     */
    public static Map<String, Object> record(Experiment e, int iterations, ComputeBackend backend) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("version", 2L); // 2: with the training states
        root.put("experiment", ExperimentJson.toTree(e));
        root.put("iterations", (long) iterations);
        root.put("precision", backend instanceof Float64Backend ? "float64" : "float32");
        Trainer t = new Trainer(e, backend);
        root.put("initial_weights", NetworkWeights.of(t));
        List<Object> steps = new ArrayList<>();
        List<Object> states = new ArrayList<>();
        boolean wide = backend instanceof Float64Backend;
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("G", netState(t.generator().parameters(), t.generatorOptimizer(), wide));
        first.put("D", netState(t.critic().parameters(), t.criticOptimizer(), wide));
        states.add(first);
        t.setBatchRecorder(new BatchRecorder() {
            @Override
            public void criticStep(long iteration, double[] real, double[] z, double[] eps, double loss) {
                updated(t, steps, states, wide);
                Map<String, Object> s = step("critic", iteration, loss);
                s.put("real", NetworkWeights.list(real));
                s.put("z", NetworkWeights.list(z));
                s.put("eps", NetworkWeights.list(eps));
                steps.add(s);
            }

            @Override
            public void generatorStep(long iteration, double[] z, double loss) {
                updated(t, steps, states, wide);
                Map<String, Object> s = step("generator", iteration, loss);
                s.put("z", NetworkWeights.list(z));
                steps.add(s);
            }
        });
        for (int i = 0; i < iterations; i++) {
            if (!t.iteration()) {
                throw new IllegalStateException("training stopped at iteration " + t.iterationCount() + " while dumping: "
                        + t.haltReason());
            }
        }
        updated(t, steps, states, wide);
        root.put("steps", steps);
        root.put("state_encoding", wide ? "base64 little-endian float64" : "base64 little-endian float32");
        root.put("states", states);
        return root;
    }

    /**
     * Adds the state entry that precedes step {@code steps.size()}: the network the previous step updated, as it
     * is now (the recorder is called before a step's update, and once more after the last step).
     */
    private static void updated(Trainer t, List<Object> steps, List<Object> states, boolean wide) {
        if (steps.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        boolean critic = "critic".equals(((Map<String, Object>) steps.get(steps.size() - 1)).get("kind"));
        Map<String, Object> s = new LinkedHashMap<>();
        s.put(critic ? "D" : "G", critic ? netState(t.critic().parameters(), t.criticOptimizer(), wide)
                : netState(t.generator().parameters(), t.generatorOptimizer(), wide));
        states.add(s);
    }

    private static Map<String, Object> netState(List<Parameter> params, Optimizer opt, boolean wide) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("steps", opt.steps());
        List<Object> p = new ArrayList<>();
        for (Parameter x : params) {
            p.add(encode(x.value(), wide));
        }
        s.put("params", p);
        List<Object> o = new ArrayList<>();
        for (Tensor x : opt.state()) {
            o.add(encode(x, wide));
        }
        // Adam: m of every parameter, then v; RMSProp: the mean squares; momentum: the buffers; SGD: none
        s.put("optimizer_state", o);
        return s;
    }

    /** The tensor's values, row-major, as base64 of raw little-endian float32 (float64 when wide). */
    private static String encode(Tensor t, boolean wide) {
        int n = t.rows() * t.cols();
        ByteBuffer b = ByteBuffer.allocate(n * (wide ? 8 : 4)).order(ByteOrder.LITTLE_ENDIAN);
        if (wide) {
            double[] v = new double[n];
            t.backend().copyOut(t, v);
            b.asDoubleBuffer().put(v);
        } else {
            float[] v = new float[n];
            t.backend().copyOut(t, v);
            b.asFloatBuffer().put(v);
        }
        return Base64.getEncoder().encodeToString(b.array());
    }

    private static Map<String, Object> step(String kind, long iteration, double loss) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("kind", kind);
        s.put("iteration", iteration);
        s.put("loss", loss);
        return s;
    }

    /** Writes the dump of {@code iterations} iterations of {@code e} to {@code file}. */
    public static void write(Experiment e, int iterations, ComputeBackend backend, Path file) throws IOException {
        AtomicFiles.writeString(file, Json.write(record(e, iterations, backend)));
    }
}

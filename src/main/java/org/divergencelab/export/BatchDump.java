package org.divergencelab.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.compute.CpuBackend;
import org.divergencelab.compute.Float64Backend;
import org.divergencelab.gan.BatchRecorder;
import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.Trainer;
import org.divergencelab.gan.ExperimentJson;
import org.divergencelab.io.Json;
import org.divergencelab.io.AtomicFiles;

/**
 * {@code train --dump-batches K}: the first K iterations of an experiment as data another implementation can
 * replay: the initial weights ({@link NetworkWeights}), then for every step in order its kind, iteration, the
 * random inputs it drew (real batch, z, the penalty's ε) and its loss before the update. Values are the
 * float32 tensors' values written exactly (JSON doubles in shortest round-trip form).
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
        root.put("version", 1L);
        root.put("experiment", ExperimentJson.toTree(e));
        root.put("iterations", (long) iterations);
        root.put("precision", backend instanceof Float64Backend ? "float64" : "float32");
        Trainer t = new Trainer(e, backend);
        root.put("initial_weights", NetworkWeights.of(t));
        List<Object> steps = new ArrayList<>();
        t.setBatchRecorder(new BatchRecorder() {
            @Override
            public void criticStep(long iteration, double[] real, double[] z, double[] eps, double loss) {
                Map<String, Object> s = step("critic", iteration, loss);
                s.put("real", NetworkWeights.list(real));
                s.put("z", NetworkWeights.list(z));
                s.put("eps", NetworkWeights.list(eps));
                steps.add(s);
            }

            @Override
            public void generatorStep(long iteration, double[] z, double loss) {
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
        root.put("steps", steps);
        return root;
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

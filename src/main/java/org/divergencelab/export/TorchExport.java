package org.divergencelab.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.Objective;
import org.divergencelab.gan.OptimizerSpec;
import org.divergencelab.gan.TrainerOptions;
import org.divergencelab.gan.ExperimentJson;
import org.divergencelab.io.Json;
import org.divergencelab.training.MetricsCsv;
import org.divergencelab.io.AtomicFiles;

/**
 * Writes an experiment as a standalone PyTorch program: {@code train.py} (the experiment's settings, a sampler
 * for its data spec, G and D, the objective, the optimisers, the k_D/k_G schedule; CPU, CUDA, or several GPUs
 * under torchrun) and {@code init_weights.json} (G and D exactly as our Trainer initialises them, so the program
 * starts where ours does). {@code train.py --check RUN} replays a {@code train --dump-batches} run and compares
 * the losses step by step.
 */
public final class TorchExport {
    /** The script's file name. */
    public static final String SCRIPT = "train.py";
    /** The initial weights' file name. */
    public static final String WEIGHTS = "init_weights.json";

    /** The data spec words the script's sampler knows (see the template's DataSpec). */
    static final Set<String> DATA_WORDS = Set.of("normal", "uniform", "point", "normal2", "segment", "box", "ring",
            "grid", "mixture", "swissroll", "moons", "spiral", "checkerboard", "eightgaussians");

    private static final String TEMPLATE = "train_template.py";
    private static final String CONFIG_MARK = "__CONFIG_JSON__";

    private TorchExport() {
    }

    /** Writes {@code train.py} and {@code init_weights.json} for {@code e} into {@code dir} (created). */
    public static void write(Experiment e, Path dir) throws IOException {
        requireSupported(e);
        Map<String, Object> weights = NetworkWeights.initial(e);
        Files.createDirectories(dir);
        AtomicFiles.writeString(dir.resolve(SCRIPT), script(e));
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("format", "divergence-lab/initial-weights");
        w.put("experiment", e.name());
        w.putAll(weights);
        AtomicFiles.writeString(dir.resolve(WEIGHTS), Json.write(w));
    }

    /** The script for {@code e}: the template with the experiment's settings filled in. */
    static String script(Experiment e) throws IOException {
        String config = Json.write(config(e));
        if (config.contains("'''")) {
            throw new IllegalArgumentException("the experiment's text contains ''' and cannot be embedded in train.py");
        }
        return template().replace(CONFIG_MARK, config.strip());
    }

    /** The settings train.py reads (flat names; the full experiment rides along for --check's comparison). */
    static Map<String, Object> config(Experiment e) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", e.name());
        c.put("data", e.data());
        c.put("data_dim", (long) e.dataDimension());
        c.put("latent_prior", e.latent().prior().name().toLowerCase(Locale.ROOT));
        c.put("latent_dim", (long) e.latent().dim());
        c.put("objective", e.objective().kind().name().toLowerCase(Locale.ROOT));
        c.put("lambda", e.objective().lambda());
        c.put("clip", e.objective().clip());
        c.put("estimate_name", e.objective().estimated().label());
        c.put("generator_optimizer", optimizer(e.generatorOptimizer()));
        c.put("critic_optimizer", optimizer(e.criticOptimizer()));
        c.put("batch_size", (long) e.batchSize());
        c.put("critic_steps", (long) e.criticSteps());
        c.put("generator_steps", (long) e.generatorSteps());
        c.put("seed", e.seed());
        c.put("evaluation_batch", (long) e.evaluation().batch());
        c.put("evaluation_every", (long) e.evaluation().every());
        c.put("metrics_header", MetricsCsv.HEADER);
        c.put("experiment", ExperimentJson.toTree(e));
        return c;
    }

    private static Map<String, Object> optimizer(OptimizerSpec o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", o.kind().name().toLowerCase(Locale.ROOT));
        m.put("lr", o.lr());
        m.put("beta1", o.beta1());
        m.put("beta2", o.beta2());
        m.put("eps", o.eps());
        m.put("momentum", o.momentum());
        m.put("alpha", o.alpha());
        return m;
    }

    /** Throws an IllegalArgumentException naming what of {@code e} the script cannot run. */
    static void requireSupported(Experiment e) {
        switch (e.objective().kind()) {
            case MINIMAX, NON_SATURATING, LSGAN, WGAN_CLIP, WGAN_GP, LINEAR_CRITIC -> { }
            default -> throw new IllegalArgumentException("the PyTorch export does not support the objective "
                    + e.objective().kind().name().toLowerCase(Locale.ROOT)
                    + " (supported: minimax, non_saturating, lsgan, wgan_clip, wgan_gp, linear_critic)");
        }
        TrainerOptions o = e.options();
        if (o.retrainCriticMaxSteps() > 0 || o.replayCapacity() > 0 || o.instanceNoise() > 0) {
            throw new IllegalArgumentException("the PyTorch export does not support the trainer options "
                    + "(retrain the critic, replay buffer, instance noise): switch them off");
        }
        if (e.condition().conditional()) {
            throw new IllegalArgumentException("the PyTorch export does not support a conditional GAN "
                    + "(condition.label = " + e.condition().label().key() + "): set condition.label = none");
        }
        if (e.generator().layerNorm() || e.critic().layerNorm()) {
            throw new IllegalArgumentException("the PyTorch export does not support layer normalisation");
        }
        Matcher m = Pattern.compile("(?<![0-9.])[A-Za-z_][A-Za-z0-9_]*").matcher(e.data());
        while (m.find()) {
            if (!DATA_WORDS.contains(m.group())) {
                throw new IllegalArgumentException("the PyTorch export cannot sample the data spec '" + e.data()
                        + "': '" + m.group() + "' is not supported (supported: " + String.join(", ",
                        List.copyOf(new java.util.TreeSet<>(DATA_WORDS))) + ")");
            }
        }
    }

    private static String template() throws IOException {
        try (InputStream in = TorchExport.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + TEMPLATE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

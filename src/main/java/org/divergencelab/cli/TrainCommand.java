package org.divergencelab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.divergencelab.distribution.GeneratorFile;
import org.divergencelab.distribution.GeneratorNet;
import org.divergencelab.compute.CpuBackend;
import org.divergencelab.compute.Float64Backend;
import org.divergencelab.export.BatchDump;
import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.GeneratorExport;
import org.divergencelab.gan.Presets;
import org.divergencelab.gan.Snapshot;
import org.divergencelab.gan.Trainer;
import org.divergencelab.gan.ExperimentJson;
import org.divergencelab.io.Json;
import org.divergencelab.training.HistoryPoint;
import org.divergencelab.training.MetricsCsv;
import org.divergencelab.training.TrainingLoop;
import org.divergencelab.io.AtomicFiles;

/**
 * {@code train (--config FILE.json | --preset NAME) [--set key=value ...] --iterations N --out DIR [--every K]}:
 * trains a GAN headless and writes {@code metrics.csv}, {@code samples.csv} (the final fakes of the fixed
 * evaluation batch) and {@code experiment.json} (what ran, loadable with --config).
 */
public final class TrainCommand implements Command {
    /** Exit status of a run that diverged: the divergence guard stopped it, or its final estimate blew up. */
    static final int EXIT_DIVERGED = 1;

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String summary() {
        return "train a GAN (preset or JSON experiment) and write metrics.csv, samples.csv, experiment.json";
    }

    @Override
    public String usage() {
        return """
                usage: train (--config FILE.json | --preset NAME) [--set key=value ...] --iterations N --out DIR
                             [--every K] [--dump-batches K [--dump-precision float32|float64]]

                Trains one experiment for N iterations (k_D critic steps + k_G generator steps each) and writes
                  DIR/metrics.csv      every K iterations (default: the experiment's evaluation.every) and after the
                                       last: iteration,d_loss,g_loss,estimate_name,estimate,true_w1,true_js,js_method,
                                       modes_captured,modes,high_quality_fraction,lipschitz,w1_method,w1_floor,
                                       true_kl,true_kl_reverse,kl_method,label_accuracy (empty = not computed;
                                       label_accuracy: a conditional G's fraction of G(z, y) on mode y). true_* are the
                                       divergences between P_data and P_G; each *_method says what the value is:
                                       exact, exact-quadrature(err<E), singular, exact-mc(se=S,...), ot-n=N(floor=F)
                                       (a sample value; w1_floor = W1 of two n-samples of P_data), histogram(n=N)
                  DIR/samples.csv      the final fakes of the fixed evaluation batch (x or x,y)
                  DIR/experiment.json  the experiment that ran (after --set), loadable with --config
                  DIR/generator.json   the final generator's weights; generator(DIR/generator.json) is a spec of
                                       its exact distribution P_G (not written for a generator with layer norm)
                  DIR/batches.json     with --dump-batches K: the initial weights, then every random input (real
                                       batch, z, the penalty's epsilon), the loss and the training state before each
                                       step (parameters, optimiser state) of the first K iterations, values exact
                                       (about 1 MB per iteration for ring8-wgan-gp); the PyTorch export's
                                       train.py --check DIR replays it
                                       (--dump-precision float64: recorded on the float64 reference backend)
                  DIR/run.json         "status": "running" from the start, then "complete", "diverged" or
                                       "interrupted" (TERM, Ctrl-C), the last evaluated iteration and the engine's
                                       warnings (also printed), each at the first iteration it appeared
                --set changes one key by its dotted JSON path, e.g. --set objective.lambda=5
                --set criticOptimizer.lr=2e-4 --set critic.widths=[64,64] --set seed=7.
                Same experiment and options give byte-identical metrics.csv. Exit status 0; 2 for bad input;
                1 when the run diverged: the divergence guard stopped training (NaN/Inf), or it blew up without NaN:
                the last estimate is not finite or over 1000x the true W1, or P_G's W1 is over 1000x the data's
                spread (files are still written). The engine's warnings are printed either way.
                Presets:""" + " " + String.join(", ", Presets.names());
    }

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) throws Exception {
        ExperimentSource source = ExperimentSource.of(args);
        int iterations = args.getInt("iterations", -1, 0, 100_000_000);
        if (iterations < 0) {
            throw new UsageException("missing required option --iterations");
        }
        Path dir = Path.of(args.require("out"));
        String everyText = args.get("every", null);
        int dumpBatches = args.getInt("dump-batches", 0, 1, 100_000);
        String dumpPrecision = args.get("dump-precision", "float32");
        if (!dumpPrecision.equals("float32") && !dumpPrecision.equals("float64")) {
            throw new UsageException("--dump-precision expects float32 or float64, got '" + dumpPrecision + "'");
        }
        args.requireAllUsed();
        Experiment exp = source.experiment();
        if (dumpBatches > 0 && exp.condition().conditional()) {
            // refused before anything is written
            throw new UsageException("--dump-batches does not support a conditional GAN (condition.label = "
                    + exp.condition().label().key() + "): set condition.label = none");
        }
        // 0: the loop evaluates every evaluation.every iterations, the experiment's own
        int every = everyText == null ? 0 : args.getInt("every", 1, 1, 100_000_000);
        Files.createDirectories(dir);
        // Before anything else: the folder says a run is under way until the end says how it ended.
        RunRecord record = new RunRecord(dir, exp.name(), iterations);
        record.status(RunRecord.RUNNING);
        ExperimentJson.write(exp, dir.resolve("experiment.json"));
        if (dumpBatches > 0) {
            // A trainer of its own from the same seed draws exactly what the loop's trainer draws next.
            BatchDump.write(exp, dumpBatches, dumpPrecision.equals("float64") ? Float64Backend.INSTANCE
                    : CpuBackend.INSTANCE, dir.resolve(BatchDump.FILE));
        }
        Snapshot[] last = new Snapshot[1];
        Trainer[] trained = new Trainer[1];
        // TERM, Ctrl-C or a killed launcher (Main) end the JVM mid-run: the folder then says "interrupted"; the
        // rows written so far stay (each is flushed).
        Thread interrupted = new Thread(() -> {
            try {
                record.status(RunRecord.INTERRUPTED);
            } catch (IOException | RuntimeException e) {
                // nothing more can be done while the JVM stops
            }
        }, "train: mark the run interrupted");
        Runtime.getRuntime().addShutdownHook(interrupted);
        try (Writer w = Files.newBufferedWriter(dir.resolve("metrics.csv"), StandardCharsets.UTF_8)) {
            w.write(MetricsCsv.HEADER + "\n");
            w.flush(); // a run killed before its first row still has its schema
            // The view's loop, headless: no cheap points in between, every due evaluation (one row each).
            TrainingLoop loop = new TrainingLoop(ev -> {
                if (ev instanceof HistoryPoint h && h.full()) {
                    try {
                        w.write(MetricsCsv.row(h) + "\n");
                        // a long recorded run shows its progress (and keeps its rows if stopped)
                        w.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }, false);
            if (every > 0) {
                loop.setEvery(every);
            }
            loop.load(List.of(exp));
            loop.run(iterations, TrainingLoop.Pace.EXACT, s -> {
                last[0] = s.get(0);
                record.record(s.get(0));
            });
            trained[0] = loop.trainers().get(0);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Snapshot end = last[0];
        writeSamples(end, dir.resolve("samples.csv"));
        writeGenerator(trained[0], exp, dir.resolve("generator.json"), err);
        out.println("trained " + exp.name() + " for " + end.iteration() + " iterations: " + end.estimate().name() + " = "
                + end.estimate().value() + ", W1 = " + num(end.truth("W1")) + method(end, "W1") + ", JS = " + num(end.truth("JS"))
                + method(end, "JS") + (end.modes() != null
                ? ", modes " + end.modes().modesCaptured() + "/" + end.modes().modes() + ", high quality "
                + end.modes().highQualityFraction() : "") + (Double.isNaN(end.labelAccuracy()) ? ""
                : ", label accuracy " + end.labelAccuracy() + " (chance 1/" + exp.labelCount() + ")")
                + "; wrote " + dir.resolve("metrics.csv"));
        for (String warning : record.warnings()) {
            err.println("warning: " + warning);
        }
        boolean diverged = RunRecord.diverged(end);
        record.status(diverged ? RunRecord.DIVERGED : RunRecord.COMPLETE);
        try {
            Runtime.getRuntime().removeShutdownHook(interrupted);
        } catch (IllegalStateException e) {
            // the JVM is already stopping: the hook finds the final status written and leaves it
        }
        if (end.halted()) {
            err.println("error: " + end.haltReason());
            return EXIT_DIVERGED;
        }
        if (diverged) {
            err.println("error: training blew up by iteration " + end.iteration() + ": estimate " + end.estimate().value()
                    + ", W1 " + num(end.truth("W1")) + " (files are written; run.json says \"diverged\")");
            return EXIT_DIVERGED;
        }
        return 0;
    }

    /**
     * The experiment a command names with {@code --config FILE.json | --preset NAME} and {@code --set key=value}
     * changes (train, export). Read the options first, then {@link #experiment()} after
     * {@code requireAllUsed}, so that a typo in another option is reported before a config file is read.
     */
    record ExperimentSource(String config, String preset, List<String> sets) {

        static ExperimentSource of(Arguments args) {
            return new ExperimentSource(args.get("config", null), args.get("preset", null), args.all("set"));
        }

        Experiment experiment() throws IOException {
            if ((config == null) == (preset == null)) {
                throw new UsageException("give exactly one of --config FILE.json and --preset NAME");
            }
            Experiment base;
            if (config != null) {
                Path file = Path.of(config);
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException("--config: no such file " + file);
                }
                base = ExperimentJson.read(file);
            } else {
                base = Presets.get(preset);
            }
            return applySets(base, sets);
        }
    }

    /** Shortest round-trip form; empty for NaN (not computed). */
    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    /** The final generator's weights (generator.json, readable as the spec generator(FILE)), when exportable. */
    private static void writeGenerator(Trainer trainer, Experiment exp, Path file, PrintStream err) throws IOException {
        if (exp.condition().conditional()) {
            err.println("note: " + file.getFileName() + " not written: a conditional generator G(z, y) has one "
                    + "distribution per label y, which generator.json cannot hold");
            return;
        }
        GeneratorNet net;
        try {
            net = GeneratorExport.of(trainer.generator(), exp.latent());
        } catch (IllegalArgumentException e) {
            err.println("note: " + file.getFileName() + " not written: " + e.getMessage());
            return;
        }
        GeneratorFile.write(net, file);
    }

    /** " (method)" of a true value, "" when not computed. */
    private static String method(Snapshot s, String name) {
        Snapshot.TrueValue v = s.truthValue(name);
        return v == null ? "" : " (" + v.method() + ")";
    }

    private static void writeSamples(Snapshot s, Path file) throws IOException {
        double[] f = s.fake();
        int d = s.dimension();
        StringBuilder sb = new StringBuilder(d == 1 ? "x\n" : "x,y\n");
        for (int i = 0; i < f.length / d; i++) {
            sb.append(f[i * d]);
            if (d == 2) {
                sb.append(',').append(f[i * d + 1]);
            }
            sb.append('\n');
        }
        AtomicFiles.writeString(file, sb);
    }

    /**
     * Applies {@code key=value} changes to the experiment's JSON tree by dotted path and validates the result.
     * The value's type follows the key's current value: numbers, true/false, strings, or a JSON array
     * ({@code [64,64]}, or {@code 64,64}).
     */
    public static Experiment applySets(Experiment e, List<String> sets) {
        if (sets.isEmpty()) {
            return e;
        }
        Map<String, Object> tree = deepCopy(ExperimentJson.toTree(e));
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--set expects key=value, got '" + s + "'");
            }
            String key = s.substring(0, eq).trim();
            String value = s.substring(eq + 1).trim();
            String[] parts = key.split("\\.");
            Map<String, Object> node = tree;
            for (int i = 0; i < parts.length - 1; i++) {
                Object child = node.get(parts[i]);
                if (!(child instanceof Map)) {
                    throw new IllegalArgumentException("--set: unknown key " + key);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) child;
                node = m;
            }
            String leaf = parts[parts.length - 1];
            if (!node.containsKey(leaf) || node.get(leaf) instanceof Map) {
                throw new IllegalArgumentException("--set: unknown key " + key + " (allowed here: " + String.join(", ",
                        node.keySet()) + ")");
            }
            node.put(leaf, parseValue(key, node.get(leaf), value));
        }
        return ExperimentJson.fromTree(tree);
    }

    private static Object parseValue(String key, Object current, String v) {
        try {
            if (current instanceof String) {
                return v;
            }
            if (current instanceof List) {
                return Json.parse(v.startsWith("[") ? v : "[" + v + "]");
            }
            // numbers and booleans: let JSON decide the type, the experiment reader checks it with the key's name
            return Json.parse(v);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("--set " + key + ": cannot read value '" + v + "' (" + ex.getMessage() + ")");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> m) {
        Map<String, Object> c = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Map) {
                v = deepCopy((Map<String, Object>) v);
            } else if (v instanceof List<?> l) {
                v = new ArrayList<>(l);
            }
            c.put(e.getKey(), v);
        }
        return c;
    }
}

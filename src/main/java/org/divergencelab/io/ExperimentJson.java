package org.divergencelab.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.divergencelab.gan.EvaluationSpec;
import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.LatentSpec;
import org.divergencelab.gan.NetworkSpec;
import org.divergencelab.gan.Objective;
import org.divergencelab.gan.OptimizerSpec;
import org.divergencelab.gan.TrainerOptions;

/**
 * {@link Experiment} ↔ versioned JSON ({@code "format": "divergence-lab/experiment", "version": 1}). Every
 * key is written, so a file shows every setting; when reading, every key is required except {@code format}
 * and {@code version} are checked, unknown keys, wrong types and impossible values are
 * IllegalArgumentExceptions naming the key (dotted path, e.g. {@code criticOptimizer.lr}) and what is allowed.
 * Doubles round-trip exactly (shortest representation).
 */
public final class ExperimentJson {
    /** The {@code format} value. */
    public static final String FORMAT = "divergence-lab/experiment";
    /** The current {@code version}. */
    public static final long VERSION = 1;

    private ExperimentJson() {
    }

    /** The JSON text of {@code e}. */
    public static String write(Experiment e) {
        return Json.write(toTree(e));
    }

    /** Writes {@code e} to {@code file} (UTF-8). */
    public static void write(Experiment e, Path file) throws IOException {
        Files.writeString(file, write(e), StandardCharsets.UTF_8);
    }

    /** Reads an experiment file; errors name the file. */
    public static Experiment read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return read(text);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(file + ": " + ex.getMessage(), ex);
        }
    }

    /** Parses and validates an experiment. */
    public static Experiment read(String text) {
        return fromTree(Json.parse(text));
    }

    /** The experiment as a JSON tree (maps, lists, numbers, strings, booleans). */
    public static Map<String, Object> toTree(Experiment e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("version", VERSION);
        m.put("name", e.name());
        m.put("data", e.data());
        m.put("latent", obj("prior", e.latent().prior().key(), "dim", (long) e.latent().dim()));
        m.put("generator", network(e.generator()));
        m.put("critic", network(e.critic()));
        Objective o = e.objective();
        m.put("objective", obj("kind", o.kind().key(), "lambda", o.lambda(), "clip", o.clip(), "divergence", o.divergence().key()));
        m.put("generatorOptimizer", optimizer(e.generatorOptimizer()));
        m.put("criticOptimizer", optimizer(e.criticOptimizer()));
        m.put("batchSize", (long) e.batchSize());
        m.put("criticSteps", (long) e.criticSteps());
        m.put("generatorSteps", (long) e.generatorSteps());
        m.put("seed", e.seed());
        EvaluationSpec v = e.evaluation();
        m.put("evaluation", obj("batch", (long) v.batch(), "every", (long) v.every(), "gridResolution", (long) v.gridResolution(),
                "mapResolution", (long) v.mapResolution(), "histogramBins", (long) v.histogramBins(), "trueW1", v.trueW1(),
                "trueJs", v.trueJs(), "jsEstimator", v.jsEstimator().key(), "lipschitz", v.lipschitz(),
                "lipschitzGrid", (long) v.lipschitzGrid(), "modeCoverage", v.modeCoverage()));
        TrainerOptions t = e.options();
        m.put("options", obj("retrainCriticMaxSteps", (long) t.retrainCriticMaxSteps(), "retrainTolerance", t.retrainTolerance(),
                "replayCapacity", (long) t.replayCapacity(), "replayFraction", t.replayFraction(),
                "instanceNoise", t.instanceNoise(), "instanceNoiseAnneal", (long) t.instanceNoiseAnneal()));
        return m;
    }

    private static Map<String, Object> network(NetworkSpec n) {
        List<Object> w = new ArrayList<>();
        for (int x : n.widths()) {
            w.add((long) x);
        }
        return obj("widths", w, "activation", NetworkSpec.keyOf(n.activation()), "outputActivation",
                NetworkSpec.keyOf(n.outputActivation()), "layerNorm", n.layerNorm(), "spectralNorm", n.spectralNorm());
    }

    private static Map<String, Object> optimizer(OptimizerSpec o) {
        return obj("kind", o.kind().key(), "lr", o.lr(), "beta1", o.beta1(), "beta2", o.beta2(), "eps", o.eps(),
                "momentum", o.momentum(), "alpha", o.alpha());
    }

    private static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1] instanceof Double d ? d : kv[i + 1]);
        }
        return m;
    }

    /** Builds and validates an experiment from a JSON tree. */
    public static Experiment fromTree(Object tree) {
        Fields f = Fields.root(tree);
        String format = f.string("format");
        if (!format.equals(FORMAT)) {
            throw new IllegalArgumentException("format must be \"" + FORMAT + "\", got \"" + format + "\"");
        }
        long version = f.integer("version", 1, 1);
        assert version == VERSION;
        String name = f.string("name");
        String data = f.string("data");
        Fields l = f.object("latent");
        LatentSpec latent = new LatentSpec(l.parse("prior", LatentSpec.Prior::parse), (int) l.integer("dim", 1, 64));
        l.finish();
        NetworkSpec g = network(f.object("generator"));
        NetworkSpec d = network(f.object("critic"));
        Fields o = f.object("objective");
        Objective objective = new Objective(o.parse("kind", Objective.Kind::parse), o.real("lambda"), o.real("clip"),
                o.parse("divergence", Objective.FDivergence::parse));
        o.finish();
        OptimizerSpec go = optimizer(f.object("generatorOptimizer"));
        OptimizerSpec co = optimizer(f.object("criticOptimizer"));
        int batch = (int) f.integer("batchSize", 1, 65536);
        int kD = (int) f.integer("criticSteps", 0, 1000);
        int kG = (int) f.integer("generatorSteps", 0, 1000);
        long seed = f.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE);
        Fields v = f.object("evaluation");
        EvaluationSpec ev = new EvaluationSpec((int) v.integer("batch", 2, 5000), (int) v.integer("every", 1, 1_000_000_000),
                (int) v.integer("gridResolution", 2, 512), (int) v.integer("mapResolution", 2, 256),
                (int) v.integer("histogramBins", 1, 1000), v.bool("trueW1"), v.bool("trueJs"), v.bool("lipschitz"),
                (int) v.integer("lipschitzGrid", 2, 200), v.bool("modeCoverage"),
                v.parse("jsEstimator", EvaluationSpec.JsEstimator::parse));
        v.finish();
        Fields t = f.object("options");
        TrainerOptions opts = new TrainerOptions((int) t.integer("retrainCriticMaxSteps", 0, 100_000), t.real("retrainTolerance"),
                (int) t.integer("replayCapacity", 0, 1_000_000), t.real("replayFraction"), t.real("instanceNoise"),
                (int) t.integer("instanceNoiseAnneal", 0, 1_000_000_000));
        t.finish();
        f.finish();
        return new Experiment(name, data, latent, g, d, objective, go, co, batch, kD, kG, seed, ev, opts);
    }

    private static NetworkSpec network(Fields n) {
        List<Integer> widths = new ArrayList<>();
        List<Object> raw = n.array("widths");
        for (int i = 0; i < raw.size(); i++) {
            widths.add((int) Fields.asInteger(n.path("widths[" + i + "]"), raw.get(i), 1, 4096));
        }
        NetworkSpec s = new NetworkSpec(widths, n.parse("activation", NetworkSpec::parseActivation),
                n.parse("outputActivation", NetworkSpec::parseActivation), n.bool("layerNorm"), n.bool("spectralNorm"));
        n.finish();
        return s;
    }

    private static OptimizerSpec optimizer(Fields o) {
        OptimizerSpec s = new OptimizerSpec(o.parse("kind", OptimizerSpec.Kind::parse), o.real("lr"), o.real("beta1"),
                o.real("beta2"), o.real("eps"), o.real("momentum"), o.real("alpha"));
        o.finish();
        return s;
    }

    /** Typed access to one JSON object's members, with dotted key paths in every error. */
    static final class Fields {
        private final String prefix;
        private final Map<String, Object> map;
        private final Set<String> used = new LinkedHashSet<>();

        private Fields(String prefix, Map<String, Object> map) {
            this.prefix = prefix;
            this.map = map;
        }

        @SuppressWarnings("unchecked")
        static Fields root(Object tree) {
            if (!(tree instanceof Map)) {
                throw new IllegalArgumentException("an experiment must be a JSON object, got " + Json.typeName(tree));
            }
            return new Fields("", (Map<String, Object>) tree);
        }

        String path(String key) {
            return prefix.isEmpty() ? key : prefix + "." + key;
        }

        private Object get(String key) {
            used.add(key);
            if (!map.containsKey(key)) {
                throw new IllegalArgumentException("missing key " + path(key));
            }
            return map.get(key);
        }

        String string(String key) {
            Object v = get(key);
            if (!(v instanceof String s)) {
                throw new IllegalArgumentException(path(key) + " must be a string, got " + Json.typeName(v) + " " + v);
            }
            return s;
        }

        <T> T parse(String key, java.util.function.Function<String, T> parser) {
            String s = string(key);
            try {
                return parser.apply(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(path(key) + ": " + e.getMessage(), e);
            }
        }

        boolean bool(String key) {
            Object v = get(key);
            if (!(v instanceof Boolean b)) {
                throw new IllegalArgumentException(path(key) + " must be true or false, got " + Json.typeName(v) + " " + v);
            }
            return b;
        }

        double real(String key) {
            Object v = get(key);
            if (!(v instanceof Number n)) {
                throw new IllegalArgumentException(path(key) + " must be a number, got " + Json.typeName(v) + " " + v);
            }
            return n.doubleValue();
        }

        long integer(String key, long lo, long hi) {
            return asInteger(path(key), get(key), lo, hi);
        }

        static long asInteger(String path, Object v, long lo, long hi) {
            long x;
            if (v instanceof Long l) {
                x = l;
            } else if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9e15) {
                x = (long) (double) d;
            } else {
                throw new IllegalArgumentException(path + " must be an integer in [" + lo + ", " + hi + "], got "
                        + Json.typeName(v) + " " + v);
            }
            if (x < lo || x > hi) {
                throw new IllegalArgumentException(path + " must be an integer in [" + lo + ", " + hi + "], got " + x);
            }
            return x;
        }

        @SuppressWarnings("unchecked")
        Fields object(String key) {
            Object v = get(key);
            if (!(v instanceof Map)) {
                throw new IllegalArgumentException(path(key) + " must be an object, got " + Json.typeName(v));
            }
            return new Fields(path(key), (Map<String, Object>) v);
        }

        @SuppressWarnings("unchecked")
        List<Object> array(String key) {
            Object v = get(key);
            if (!(v instanceof List)) {
                throw new IllegalArgumentException(path(key) + " must be an array, got " + Json.typeName(v));
            }
            return (List<Object>) v;
        }

        /** Rejects keys nobody asked for. */
        void finish() {
            for (String k : map.keySet()) {
                if (!used.contains(k)) {
                    throw new IllegalArgumentException("unknown key " + path(k) + " (allowed keys"
                            + (prefix.isEmpty() ? "" : " in " + prefix) + ": " + String.join(", ", used) + ")");
                }
            }
        }
    }
}

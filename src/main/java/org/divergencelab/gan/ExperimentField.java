package org.divergencelab.gan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.divergencelab.nn.Activation;

/**
 * One setting of an {@link Experiment}, declared once (in the spirit of TF Playground's {@code State.PROPS}):
 * its key (the dotted JSON path, which is also the record component path and the name every error uses), its
 * kind and Java type, its allowed range, and how a choice is named. {@link #all()} lists every leaf of an
 * experiment in file order; {@code gan.ExperimentJson} writes and reads through it, {@link Experiment} validates
 * and copies through it ({@link Experiment#with(ExperimentField, Object)}), and the training controls parse and
 * show their fields through it.
 *
 * @param <T> the value type (boxed), equal to the record component's type
 */
public final class ExperimentField<T> {

    /** What a value is, in JSON and in a text field. */
    public enum Kind {
        /** A string. */
        TEXT,
        /** An integer ({@code int} or {@code long}), in a closed range. */
        INTEGER,
        /** A finite double, in a range. */
        REAL,
        /** true / false. */
        FLAG,
        /** One of an enum's values, by its key ({@code wgan-gp}, {@code leaky_relu}). */
        CHOICE,
        /** Hidden-layer widths: a list of integers in a range, at most {@link #MAX_HIDDEN_LAYERS} long. */
        WIDTHS
    }

    /** Most hidden layers a network may have. */
    public static final int MAX_HIDDEN_LAYERS = 8;

    private final String key;
    private final Kind kind;
    private final Class<T> type;
    private final boolean bounded;
    private final double lo;
    private final double hi;
    private final boolean loInclusive;
    private final boolean hiInclusive;
    private final Function<T, String> choiceKey;
    private final Function<String, T> choiceParse;
    /** The value a file written before this field existed means (null: the key is required). */
    private T whenAbsent;

    private ExperimentField(String key, Kind kind, Class<T> type, boolean bounded, double lo, double hi,
                            boolean loInclusive, boolean hiInclusive, Function<T, String> choiceKey,
                            Function<String, T> choiceParse) {
        this.key = key;
        this.kind = kind;
        this.type = type;
        this.bounded = bounded;
        this.lo = lo;
        this.hi = hi;
        this.loInclusive = loInclusive;
        this.hiInclusive = hiInclusive;
        this.choiceKey = choiceKey;
        this.choiceParse = choiceParse;
    }

    private static final List<ExperimentField<?>> ALL = new ArrayList<>();

    private static <T> ExperimentField<T> add(ExperimentField<T> f) {
        ALL.add(f);
        return f;
    }

    private static ExperimentField<String> text(String key) {
        return add(new ExperimentField<>(key, Kind.TEXT, String.class, false, 0, 0, true, true, null, null));
    }

    private static ExperimentField<Integer> integer(String key, int lo, int hi) {
        return add(new ExperimentField<>(key, Kind.INTEGER, Integer.class, true, lo, hi, true, true, null, null));
    }

    /** A real in a range; {@code bounded == false}: the owning record checks it (λ and c: {@link Objective}). */
    private static ExperimentField<Double> real(String key, boolean bounded, double lo, double hi, boolean loIn,
                                                boolean hiIn) {
        return add(new ExperimentField<>(key, Kind.REAL, Double.class, bounded, lo, hi, loIn, hiIn, null, null));
    }

    private static ExperimentField<Boolean> flag(String key) {
        return add(new ExperimentField<>(key, Kind.FLAG, Boolean.class, false, 0, 0, true, true, null, null));
    }

    private static <E> ExperimentField<E> choice(String key, Class<E> type, Function<E, String> name,
                                                 Function<String, E> parse) {
        return add(new ExperimentField<>(key, Kind.CHOICE, type, false, 0, 0, true, true, name, parse));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ExperimentField<List<Integer>> widths(String key) {
        return add(new ExperimentField<>(key, Kind.WIDTHS, (Class<List<Integer>>) (Class) List.class, true, 1, 4096,
                true, true, null, null));
    }

    // The table, in file order. Integer ranges are closed; real ranges say which ends are included.
    public static final ExperimentField<String> NAME = text("name");
    public static final ExperimentField<String> DATA = text("data");
    public static final ExperimentField<LatentSpec.Prior> LATENT_PRIOR = choice("latent.prior", LatentSpec.Prior.class,
            LatentSpec.Prior::key, LatentSpec.Prior::parse);
    public static final ExperimentField<Integer> LATENT_DIM = integer("latent.dim", 1, 64);
    public static final ExperimentField<List<Integer>> GENERATOR_WIDTHS = widths("generator.widths");
    public static final ExperimentField<Activation.Kind> GENERATOR_ACTIVATION = activation("generator.activation");
    public static final ExperimentField<Activation.Kind> GENERATOR_OUTPUT_ACTIVATION = activation("generator.outputActivation");
    public static final ExperimentField<Boolean> GENERATOR_LAYER_NORM = flag("generator.layerNorm");
    public static final ExperimentField<Boolean> GENERATOR_SPECTRAL_NORM = flag("generator.spectralNorm");
    public static final ExperimentField<List<Integer>> CRITIC_WIDTHS = widths("critic.widths");
    public static final ExperimentField<Activation.Kind> CRITIC_ACTIVATION = activation("critic.activation");
    public static final ExperimentField<Activation.Kind> CRITIC_OUTPUT_ACTIVATION = activation("critic.outputActivation");
    public static final ExperimentField<Boolean> CRITIC_LAYER_NORM = flag("critic.layerNorm");
    public static final ExperimentField<Boolean> CRITIC_SPECTRAL_NORM = flag("critic.spectralNorm");
    public static final ExperimentField<Objective.Kind> OBJECTIVE_KIND = choice("objective.kind", Objective.Kind.class,
            Objective.Kind::key, Objective.Kind::parse);
    public static final ExperimentField<Double> OBJECTIVE_LAMBDA = real("objective.lambda", false, 0, 0, true, true);
    public static final ExperimentField<Double> OBJECTIVE_CLIP = real("objective.clip", false, 0, 0, true, true);
    public static final ExperimentField<Objective.FDivergence> OBJECTIVE_DIVERGENCE = choice("objective.divergence",
            Objective.FDivergence.class, Objective.FDivergence::key, Objective.FDivergence::parse);
    /** EBGAN's margin m (checked by {@link Objective}); files from before EBGAN read as the default. */
    public static final ExperimentField<Double> OBJECTIVE_MARGIN = real("objective.margin", false, 0, 0, false, true)
            .absentMeans(Objective.DEFAULT_MARGIN);
    public static final ExperimentField<OptimizerSpec.Kind> GENERATOR_OPTIMIZER_KIND = optimizerKind("generatorOptimizer");
    public static final ExperimentField<Double> GENERATOR_LR = lr("generatorOptimizer");
    public static final ExperimentField<Double> GENERATOR_BETA1 = unitOpen("generatorOptimizer.beta1");
    public static final ExperimentField<Double> GENERATOR_BETA2 = unitOpen("generatorOptimizer.beta2");
    public static final ExperimentField<Double> GENERATOR_EPS = eps("generatorOptimizer");
    public static final ExperimentField<Double> GENERATOR_MOMENTUM = unitOpen("generatorOptimizer.momentum");
    public static final ExperimentField<Double> GENERATOR_ALPHA = unitOpen("generatorOptimizer.alpha");
    public static final ExperimentField<OptimizerSpec.Kind> CRITIC_OPTIMIZER_KIND = optimizerKind("criticOptimizer");
    public static final ExperimentField<Double> CRITIC_LR = lr("criticOptimizer");
    public static final ExperimentField<Double> CRITIC_BETA1 = unitOpen("criticOptimizer.beta1");
    public static final ExperimentField<Double> CRITIC_BETA2 = unitOpen("criticOptimizer.beta2");
    public static final ExperimentField<Double> CRITIC_EPS = eps("criticOptimizer");
    public static final ExperimentField<Double> CRITIC_MOMENTUM = unitOpen("criticOptimizer.momentum");
    public static final ExperimentField<Double> CRITIC_ALPHA = unitOpen("criticOptimizer.alpha");
    public static final ExperimentField<Integer> BATCH_SIZE = integer("batchSize", 1, 65536);
    public static final ExperimentField<Integer> CRITIC_STEPS = integer("criticSteps", 0, 1000);
    public static final ExperimentField<Integer> GENERATOR_STEPS = integer("generatorSteps", 0, 1000);
    public static final ExperimentField<Long> SEED = add(new ExperimentField<>("seed", Kind.INTEGER, Long.class, true,
            Long.MIN_VALUE, Long.MAX_VALUE, true, true, null, null));
    public static final ExperimentField<Integer> EVALUATION_BATCH = integer("evaluation.batch", 2, 5000);
    public static final ExperimentField<Integer> EVALUATION_EVERY = integer("evaluation.every", 1, 1_000_000_000);
    public static final ExperimentField<Integer> EVALUATION_GRID_RESOLUTION = integer("evaluation.gridResolution", 2, 512);
    public static final ExperimentField<Integer> EVALUATION_MAP_RESOLUTION = integer("evaluation.mapResolution", 2, 256);
    public static final ExperimentField<Integer> EVALUATION_HISTOGRAM_BINS = integer("evaluation.histogramBins", 1, 1000);
    public static final ExperimentField<Boolean> EVALUATION_TRUE_W1 = flag("evaluation.trueW1");
    public static final ExperimentField<Boolean> EVALUATION_TRUE_JS = flag("evaluation.trueJs");
    public static final ExperimentField<EvaluationSpec.JsEstimator> EVALUATION_JS_ESTIMATOR = choice(
            "evaluation.jsEstimator", EvaluationSpec.JsEstimator.class, EvaluationSpec.JsEstimator::key,
            EvaluationSpec.JsEstimator::parse);
    public static final ExperimentField<Boolean> EVALUATION_LIPSCHITZ = flag("evaluation.lipschitz");
    public static final ExperimentField<Integer> EVALUATION_LIPSCHITZ_GRID = integer("evaluation.lipschitzGrid", 2, 200);
    public static final ExperimentField<Boolean> EVALUATION_MODE_COVERAGE = flag("evaluation.modeCoverage");
    public static final ExperimentField<Integer> RETRAIN_CRITIC_MAX_STEPS = integer("options.retrainCriticMaxSteps", 0, 100_000);
    public static final ExperimentField<Double> RETRAIN_TOLERANCE = real("options.retrainTolerance", true, 0, 1, false, true);
    public static final ExperimentField<Integer> REPLAY_CAPACITY = integer("options.replayCapacity", 0, 1_000_000);
    public static final ExperimentField<Double> REPLAY_FRACTION = real("options.replayFraction", true, 0, 1, true, true);
    public static final ExperimentField<Double> INSTANCE_NOISE = real("options.instanceNoise", true, 0, 100, true, true);
    public static final ExperimentField<Integer> INSTANCE_NOISE_ANNEAL = integer("options.instanceNoiseAnneal", 0, 1_000_000_000);
    public static final ExperimentField<ConditionSpec.Label> CONDITION_LABEL = choice("condition.label",
            ConditionSpec.Label.class, ConditionSpec.Label::key, ConditionSpec.Label::parse);
    public static final ExperimentField<Boolean> CONDITION_MISMATCH_NEGATIVES = flag("condition.mismatchNegatives");
    public static final ExperimentField<Boolean> CONDITION_CRITIC_SEES_LABEL = flag("condition.criticSeesLabel");
    /** EBGAN's pre-training of its auto-encoder on real data; files from before it read as 0 (off). */
    public static final ExperimentField<Integer> CRITIC_PRETRAIN_STEPS = integer("options.criticPretrainSteps", 0, 100_000)
            .absentMeans(0);

    private static final Map<String, ExperimentField<?>> BY_KEY = new LinkedHashMap<>();

    static {
        for (ExperimentField<?> f : ALL) {
            BY_KEY.put(f.key, f);
        }
    }

    private static ExperimentField<Activation.Kind> activation(String key) {
        return choice(key, Activation.Kind.class, NetworkSpec::keyOf, NetworkSpec::parseActivation);
    }

    private static ExperimentField<OptimizerSpec.Kind> optimizerKind(String network) {
        return choice(network + ".kind", OptimizerSpec.Kind.class, OptimizerSpec.Kind::key, OptimizerSpec.Kind::parse);
    }

    private static ExperimentField<Double> lr(String network) {
        return real(network + ".lr", true, 0, 10, false, true);
    }

    private static ExperimentField<Double> eps(String network) {
        return real(network + ".eps", true, 0, 1, false, true);
    }

    /** β1, β2, momentum and RMSProp's α: in [0, 1). */
    private static ExperimentField<Double> unitOpen(String key) {
        return real(key, true, 0, 1, true, false);
    }

    /** A field added after experiment files existed: a file without its key means {@code value}. */
    private ExperimentField<T> absentMeans(T value) {
        this.whenAbsent = value;
        return this;
    }

    /** The value of this field in a file that lacks its key (written before it existed), or null when required. */
    public T absentValue() {
        return whenAbsent;
    }

    /** Every setting of an experiment, in file order. */
    public static List<ExperimentField<?>> all() {
        return List.copyOf(ALL);
    }

    /** The setting with this dotted key, or null. */
    public static ExperimentField<?> byKey(String key) {
        return BY_KEY.get(key);
    }

    /** The dotted key, e.g. {@code criticOptimizer.lr}. */
    public String key() {
        return key;
    }

    /** The key's parts: the enclosing object ({@code criticOptimizer}, empty at the top) and the member name. */
    public String group() {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? "" : key.substring(0, dot);
    }

    /** The member name inside {@link #group()}. */
    public String member() {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    public Kind kind() {
        return kind;
    }

    public Class<T> type() {
        return type;
    }

    /** Smallest allowed integer (INTEGER, and each WIDTHS entry). */
    public long minInteger() {
        return (long) lo;
    }

    /** Largest allowed integer (INTEGER, and each WIDTHS entry). */
    public long maxInteger() {
        return (long) hi;
    }

    /** The value in {@code e}. */
    public T get(Experiment e) {
        return type.cast(RecordPaths.get(e, key));
    }

    /** The key of a CHOICE value ({@code wgan-gp}). */
    public String choiceKey(T value) {
        return choiceKey.apply(value);
    }

    /** The CHOICE value of a key; unknown keys are IllegalArgumentExceptions listing the allowed ones. */
    public T parseChoice(String k) {
        return choiceParse.apply(k);
    }

    /**
     * Checks the allowed range of {@code value} (fields without a range of their own pass).
     *
     * @throws IllegalArgumentException naming the key and the range
     */
    public void check(Object value) {
        if (!bounded) {
            return;
        }
        switch (kind) {
            case INTEGER -> integerIn(key, ((Number) value).longValue());
            case REAL -> {
                double v = (Double) value;
                boolean ok = (loInclusive ? v >= lo : v > lo) && (hiInclusive ? v <= hi : v < hi);
                if (!ok) {
                    throw new IllegalArgumentException(key + " must be a number in " + (loInclusive ? "[" : "(") + lo
                            + ", " + hi + (hiInclusive ? "]" : ")") + ", got " + v);
                }
            }
            case WIDTHS -> {
                List<?> w = (List<?>) value;
                if (w.size() > MAX_HIDDEN_LAYERS) {
                    throw new IllegalArgumentException(key + " must have at most " + MAX_HIDDEN_LAYERS
                            + " hidden layers, got " + w.size());
                }
                for (int i = 0; i < w.size(); i++) {
                    integerIn(key + "[" + i + "]", ((Number) w.get(i)).longValue());
                }
            }
            default -> throw new IllegalStateException(kind + " has no range");
        }
    }

    private void integerIn(String name, long v) {
        if (v < minInteger() || v > maxInteger()) {
            throw new IllegalArgumentException(integerMessage(name) + ", got " + v);
        }
    }

    /** "{@code name} must be an integer in [lo, hi]": the range part of every integer error of this field. */
    public String integerMessage(String name) {
        return name + " must be an integer in [" + minInteger() + ", " + maxInteger() + "]";
    }

    /**
     * The value of a text field or command-line argument (trimmed): a number, an integer, true/false, a choice
     * key, widths as {@code 64,64}, or the text itself. The range is not checked here (the experiment does).
     *
     * @throws IllegalArgumentException naming the key when the text is not of the field's kind
     */
    public T parse(String text) {
        String s = text.trim();
        return type.cast(switch (kind) {
            case TEXT -> s;
            case INTEGER -> {
                try {
                    yield type == Long.class ? (Object) Long.parseLong(s) : (Object) Integer.parseInt(s);
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException(key + " must be an integer, got '" + s + "'");
                }
            }
            case REAL -> {
                double v;
                try {
                    v = Double.parseDouble(s);
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException(key + " must be a number, got '" + s + "'");
                }
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(key + " must be a finite number, got " + s);
                }
                yield v;
            }
            case FLAG -> switch (s.toLowerCase(Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException(key + " must be true or false, got '" + s + "'");
            };
            case CHOICE -> {
                try {
                    yield choiceParse.apply(s);
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException(key + ": " + ex.getMessage(), ex);
                }
            }
            case WIDTHS -> {
                List<Integer> w = new ArrayList<>();
                for (String p : s.replace("[", "").replace("]", "").split(",")) {
                    if (!p.isBlank()) {
                        try {
                            w.add(Integer.parseInt(p.trim()));
                        } catch (NumberFormatException ex) {
                            throw new IllegalArgumentException(key + " must be integers separated by commas, got '" + s + "'");
                        }
                    }
                }
                yield List.copyOf(w);
            }
        });
    }

    /** The text {@link #parse} reads back: integral reals without ".0", choices by key, widths as {@code 64,64}. */
    public String format(T value) {
        return switch (kind) {
            case REAL -> {
                double v = (Double) value;
                yield v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
            }
            case CHOICE -> choiceKey.apply(value);
            case WIDTHS -> {
                StringBuilder sb = new StringBuilder();
                for (Object w : (List<?>) value) {
                    sb.append(sb.length() > 0 ? "," : "").append(w);
                }
                yield sb.toString();
            }
            default -> String.valueOf(value);
        };
    }

    @Override
    public String toString() {
        return key;
    }
}

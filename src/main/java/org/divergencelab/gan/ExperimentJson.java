package org.divergencelab.gan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.divergencelab.io.Json;
import org.divergencelab.io.TextFiles;
import org.divergencelab.io.AtomicFiles;


/**
 * {@link Experiment} ↔ versioned JSON ({@code "format": "divergence-lab/experiment", "version": 1}), driven by
 * the field table {@link ExperimentField#all()} (key, kind, integer range, choice names). Every key is written, so a file shows every setting; when reading, every key is required except {@code format}
 * and {@code version} are checked, unknown keys, wrong types and impossible values are
 * IllegalArgumentExceptions naming the key (dotted path, e.g. {@code criticOptimizer.lr}) and what is allowed.
 * Doubles round-trip exactly (shortest representation).
 */
public final class ExperimentJson {
    /** The {@code format} value. */
    public static final String FORMAT = "divergence-lab/experiment";
    /** The current {@code version}. */
    public static final long VERSION = 1;
    /** The group a file may leave out (then it holds {@link ConditionSpec#none()}). */
    private static final String OPTIONAL_GROUP = "condition";

    private ExperimentJson() {
    }

    /** The JSON text of {@code e}. */
    public static String write(Experiment e) {
        return Json.write(toTree(e));
    }

    /** Writes {@code e} to {@code file} (UTF-8). */
    public static void write(Experiment e, Path file) throws IOException {
        AtomicFiles.writeString(file, write(e));
    }

    /** Reads an experiment file; errors name the file. */
    public static Experiment read(Path file) throws IOException {
        String text = TextFiles.readUtf8(file, "experiment file");
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

    /** The experiment as a JSON tree (maps, lists, numbers, strings, booleans): every field of the table, in order. */
    public static Map<String, Object> toTree(Experiment e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("version", VERSION);
        for (ExperimentField<?> f : ExperimentField.all()) {
            group(m, f.group()).put(f.member(), jsonValue(f, e));
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> group(Map<String, Object> root, String group) {
        return group.isEmpty() ? root : (Map<String, Object>) root.computeIfAbsent(group, g -> new LinkedHashMap<>());
    }

    private static <T> Object jsonValue(ExperimentField<T> f, Experiment e) {
        T v = f.get(e);
        return switch (f.kind()) {
            case INTEGER -> ((Number) v).longValue();
            case CHOICE -> f.choiceKey(v);
            case WIDTHS -> {
                List<Object> w = new ArrayList<>();
                for (Object x : (List<?>) v) {
                    w.add(((Number) x).longValue());
                }
                yield w;
            }
            default -> v;
        };
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
        Map<String, Fields> groups = new LinkedHashMap<>();
        Map<ExperimentField<?>, Object> values = new HashMap<>();
        for (ExperimentField<?> field : ExperimentField.all()) {
            if (field.group().equals(OPTIONAL_GROUP) && !f.has(OPTIONAL_GROUP)) {
                // files written before conditional GANs have no condition group: an ordinary GAN
                values.put(field, RecordPaths.get(ConditionSpec.none(), field.member()));
                continue;
            }
            Fields g = field.group().isEmpty() ? f : groups.computeIfAbsent(field.group(), f::object);
            values.put(field, field.absentValue() != null && !g.has(field.member()) ? field.absentValue() : read(g, field));
        }
        for (Fields g : groups.values()) {
            g.finish();
        }
        f.finish();
        return Experiment.of(values);
    }

    private static Object read(Fields g, ExperimentField<?> field) {
        String k = field.member();
        return switch (field.kind()) {
            case TEXT -> g.string(k);
            case INTEGER -> {
                long v = g.integer(k, field.minInteger(), field.maxInteger());
                yield field.type() == Integer.class ? (Object) (int) v : (Object) v;
            }
            case REAL -> g.real(k);
            case FLAG -> g.bool(k);
            case CHOICE -> g.parse(k, field::parseChoice);
            case WIDTHS -> {
                List<Integer> widths = new ArrayList<>();
                List<Object> raw = g.array(k);
                for (int i = 0; i < raw.size(); i++) {
                    widths.add((int) Fields.asInteger(g.path(k + "[" + i + "]"), raw.get(i), field.minInteger(),
                            field.maxInteger()));
                }
                yield widths;
            }
        };
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

        boolean has(String key) {
            used.add(key);
            return map.containsKey(key);
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

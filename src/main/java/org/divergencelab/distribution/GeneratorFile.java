package org.divergencelab.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.divergencelab.io.Json;
import org.divergencelab.io.TextFiles;
import org.divergencelab.io.AtomicFiles;

/**
 * The {@code generator.json} format of a {@link GeneratorNet}:
 * <pre>
 * {"format": "divergence-lab/generator", "version": 1,
 *  "latent": {"prior": "uniform"|"normal", "dim": k},
 *  "layers": [{"weights": [[…], …], "bias": […], "activation": "relu"|"leaky-relu(0.2)"|"identity"|…}, …]}
 * </pre>
 * layers applied in order, x = act(W h + b), one weight row per output unit. Doubles are written in their
 * shortest round-trip form, so write → read gives an equal net. Errors name the file and the problem; sizes
 * are checked (file ≤ 64 MiB, ≤ 64 layers, widths ≤ 4096, latent dim ≤ 64) before anything is allocated.
 */
public final class GeneratorFile {
    public static final String FORMAT = "divergence-lab/generator";
    public static final int VERSION = 1;
    static final long MAX_BYTES = 64L << 20;
    static final int MAX_LAYERS = 64;
    static final int MAX_WIDTH = 4096;
    static final int MAX_LATENT = 64;

    private GeneratorFile() {
    }

    /** The JSON text of {@code g}. */
    public static String toJson(GeneratorNet g) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        Map<String, Object> latent = new LinkedHashMap<>();
        latent.put("prior", g.prior().key());
        latent.put("dim", g.latentDim());
        root.put("latent", latent);
        List<Object> layers = new ArrayList<>();
        for (GeneratorNet.Layer l : g.layers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            List<Object> rows = new ArrayList<>();
            for (double[] r : l.weights()) {
                List<Object> row = new ArrayList<>();
                for (double v : r) {
                    row.add(v);
                }
                rows.add(row);
            }
            List<Object> bias = new ArrayList<>();
            for (double v : l.bias()) {
                bias.add(v);
            }
            m.put("weights", rows);
            m.put("bias", bias);
            m.put("activation", l.activation().key());
            layers.add(m);
        }
        root.put("layers", layers);
        return Json.write(root);
    }

    public static void write(GeneratorNet g, Path file) throws IOException {
        AtomicFiles.writeString(file, toJson(g));
    }

    /** Reads a generator file; an IllegalArgumentException naming the file and the problem when malformed. */
    public static GeneratorNet read(Path file) {
        // bounded, strict UTF-8, regular files only: the shared reader's checks and messages
        String text = TextFiles.readUtf8(file, "generator file");
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Parses the JSON text of a generator. */
    public static GeneratorNet parse(String text) {
        Object tree = Json.parse(text);
        Map<?, ?> root = object(tree, "the file");
        Object format = root.get("format");
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("\"format\" must be \"" + FORMAT + "\", got " + describe(format));
        }
        Object version = root.get("version");
        if (!(version instanceof Long v) || v != VERSION) {
            throw new IllegalArgumentException("\"version\" must be " + VERSION + ", got " + describe(version));
        }
        for (Object k : root.keySet()) {
            if (!List.of("format", "version", "latent", "layers").contains(k)) {
                throw new IllegalArgumentException("unknown key \"" + k + "\" (allowed: format, version, latent, layers)");
            }
        }
        Map<?, ?> latent = object(root.get("latent"), "\"latent\"");
        Object prior = latent.get("prior");
        GeneratorNet.Prior p;
        if ("uniform".equals(prior)) {
            p = GeneratorNet.Prior.UNIFORM;
        } else if ("normal".equals(prior)) {
            p = GeneratorNet.Prior.NORMAL;
        } else {
            throw new IllegalArgumentException("\"latent.prior\" must be \"uniform\" or \"normal\", got "
                    + describe(prior));
        }
        int dim = integer(latent.get("dim"), "\"latent.dim\"", MAX_LATENT);
        List<?> layers = list(root.get("layers"), "\"layers\"");
        if (layers.isEmpty() || layers.size() > MAX_LAYERS) {
            throw new IllegalArgumentException("\"layers\" must hold 1 to " + MAX_LAYERS + " layers, got "
                    + layers.size());
        }
        List<GeneratorNet.Layer> out = new ArrayList<>();
        int in = dim;
        for (int l = 0; l < layers.size(); l++) {
            String where = "layers[" + l + "]";
            Map<?, ?> m = object(layers.get(l), where);
            List<?> rows = list(m.get("weights"), where + ".weights");
            if (rows.isEmpty() || rows.size() > MAX_WIDTH) {
                throw new IllegalArgumentException(where + ".weights must have 1 to " + MAX_WIDTH + " rows, got "
                        + rows.size());
            }
            List<?> bias = list(m.get("bias"), where + ".bias");
            if (bias.size() != rows.size()) {
                throw new IllegalArgumentException(where + ".bias has " + bias.size() + " entries but weights has "
                        + rows.size() + " rows");
            }
            double[][] w = new double[rows.size()][];
            for (int i = 0; i < w.length; i++) {
                List<?> row = list(rows.get(i), where + ".weights[" + i + "]");
                if (row.size() != in) {
                    throw new IllegalArgumentException(where + ".weights[" + i + "] has " + row.size()
                            + " entries; expected " + in + " (the " + (l == 0 ? "latent dim" : "previous layer's width")
                            + ")");
                }
                w[i] = numbers(row, where + ".weights[" + i + "]");
            }
            double[] b = numbers(bias, where + ".bias");
            Object a = m.get("activation");
            if (!(a instanceof String s)) {
                throw new IllegalArgumentException(where + ".activation must be a string, got " + describe(a));
            }
            GeneratorNet.Act act;
            try {
                act = GeneratorNet.Act.parse(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ".activation: " + e.getMessage());
            }
            out.add(new GeneratorNet.Layer(w, b, act));
            in = rows.size();
        }
        if (in > 2) {
            throw new IllegalArgumentException("the last layer has " + in + " outputs; a generator's output must be "
                    + "1-D or 2-D");
        }
        return new GeneratorNet(p, dim, out);
    }

    private static Map<?, ?> object(Object o, String what) {
        if (!(o instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(what + " must be a JSON object, got " + describe(o));
        }
        return m;
    }

    private static List<?> list(Object o, String what) {
        if (!(o instanceof List<?> l)) {
            throw new IllegalArgumentException(what + " must be a JSON array, got " + describe(o));
        }
        return l;
    }

    private static int integer(Object o, String what, int max) {
        if (!(o instanceof Long v) || v < 1 || v > max) {
            throw new IllegalArgumentException(what + " must be an integer in [1, " + max + "], got " + describe(o));
        }
        return (int) (long) v;
    }

    private static double[] numbers(List<?> l, String what) {
        double[] v = new double[l.size()];
        for (int i = 0; i < v.length; i++) {
            if (!(l.get(i) instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                throw new IllegalArgumentException(what + "[" + i + "] must be a finite number, got "
                        + describe(l.get(i)));
            }
            v[i] = n.doubleValue();
        }
        return v;
    }

    private static String describe(Object o) {
        if (o == null) {
            return "nothing (missing)";
        }
        if (o instanceof String s) {
            return "\"" + s + "\"";
        }
        if (o instanceof Map) {
            return "an object";
        }
        if (o instanceof List) {
            return "an array";
        }
        return String.valueOf(o);
    }
}

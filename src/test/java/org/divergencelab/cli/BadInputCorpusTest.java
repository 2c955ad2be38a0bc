package org.divergencelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.divergencelab.io.Json;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad and extreme inputs found by testing, each run through the CLI in-process: it must end with exit 2 and a
 * message naming the problem (or exit 0 with the right value when the input is valid but extreme), never print
 * a stack trace, and finish — the 20 s bound is a hang guard, not a performance assertion. Small inputs live in
 * {@code src/test/resources/org/divergencelab/cli/corpus/}; large ones are generated here, and so are the
 * systematic ones: every field of an experiment file and of each state or scene file with every wrong JSON type,
 * every {@code --set} key with a bad value, malformed specs, CSVs, IDX headers cut after every byte, image
 * folders (about 960 inputs in all, about 20 s).
 */
class BadInputCorpusTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    @TempDir
    Path tmp;

    private record Case(String name, int exit, Predicate<String> check, String description, String... args) {
    }

    private static Case refused(String name, String message, String... args) {
        return new Case(name, 2, s -> s.contains(message), "'" + message + "'", args);
    }

    private static Case value(String name, double expected, double tolerance, String... args) {
        return new Case(name, 0, s -> Math.abs(Double.parseDouble(s.strip()) - expected) <= tolerance,
                expected + " ± " + tolerance, args);
    }

    private Path corpus() throws URISyntaxException {
        return Path.of(getClass().getResource("corpus/valid-experiment.json").toURI()).getParent();
    }

    private String file(String name, String text) throws IOException {
        return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private String file(String name, byte[] bytes) throws IOException {
        Path f = tmp.resolve(name);
        Files.write(f, bytes);
        return f.toString();
    }

    private List<Case> cases() throws Exception {
        Path c = corpus();
        String valid = Files.readString(c.resolve("valid-experiment.json"));
        String out = tmp.resolve("out").toString();
        List<Case> k = new ArrayList<>();
        // JSON experiment files (train --config) and --set values
        k.add(refused("json nested 8000 deep", "nested deeper than 200",
                "train", "--config", file("deep.json", "[".repeat(8000) + "]".repeat(8000)), "--iterations", "1",
                "--out", out));
        k.add(refused("json full-width digit", "non-ASCII digit",
                "train", "--config", file("wide.json", valid.replace("\"batchSize\": 256", "\"batchSize\": 2\uFF156")),
                "--iterations", "1", "--out", out));
        k.add(refused("json unknown key", "unknown key batchSise",
                "train", "--config", file("unknown.json", valid.replace("\"batchSize\": 256,",
                        "\"batchSize\": 256,\n  \"batchSise\": 3,")), "--iterations", "1", "--out", out));
        k.add(refused("json 200-digit number", "number longer than 100",
                "train", "--config", file("long.json", valid.replace("\"batchSize\": 256", "\"batchSize\": 1"
                        + "0".repeat(200))), "--iterations", "1", "--out", out));
        k.add(refused("json Latin-1", "not UTF-8", "train", "--config", file("latin1.json",
                valid.replace("ring8-gan", "caf\u00e9").getBytes(StandardCharsets.ISO_8859_1)), "--iterations", "1",
                "--out", out));
        k.add(refused("json over 16 MiB", "at most 16777216", "train", "--config",
                file("big.json", " ".repeat(17 << 20) + valid), "--iterations", "1", "--out", out));
        k.add(refused("json trailing comma", "line 1, column", "train", "--config",
                c.resolve("trailing-comma.json").toString(), "--iterations", "1", "--out", out));
        k.add(refused("json top-level array", "must be a JSON object", "train", "--config",
                c.resolve("top-level-array.json").toString(), "--iterations", "1", "--out", out));
        k.add(new Case("json with BOM trains", 0, s -> s.isEmpty(), "no error", "train", "--config",
                file("bom.json", "\uFEFF" + valid), "--iterations", "1", "--out", out));
        k.add(refused("--set full-width digit", "non-ASCII digit", "train", "--preset", "ring8-gan", "--set",
                "batchSize=1\uFF128", "--iterations", "1", "--out", out));
        k.add(refused("--set nested 8000 deep", "nested deeper than 200", "train", "--preset", "ring8-gan", "--set",
                "critic.widths=" + "[".repeat(8000) + "]".repeat(8000), "--iterations", "1", "--out", out));
        // distribution specs with absurd values
        k.add(value("kl of normals 1e20 apart (closed form)", 5e39, 1e24, "measure", "--metric", "kl", "--p",
                "normal(1e20,1)", "--q", "normal(0,1)"));
        k.add(refused("sigma 1e308", "between 1e-100 and 1e100", "measure", "--metric", "kl", "--p",
                "normal(0,1e308)", "--q", "normal(0,1)"));
        k.add(refused("subnormal sigma", "for a point mass use point(x)", "measure", "--metric", "js", "--p",
                "normal(0,1e-320)", "--q", "normal(0,1)"));
        k.add(value("mixture weights 1e308", 0, 1e-9, "measure", "--metric", "kl", "--p",
                "mixture(1e308*normal(0,1),1e308*normal(0,1))", "--q", "normal(0,1)"));
        k.add(refused("spec nested 4000 deep", "nested deeper than 64", "measure", "--metric", "js", "--p",
                "mixture(1*".repeat(4000) + "normal(0,1)" + ")".repeat(4000), "--q", "normal(0,1)"));
        k.add(refused("grid(10000,1,0.1)", "at most 10000", "measure", "--metric", "js", "--p", "grid(10000,1,0.1)",
                "--q", "ring(8,2,0.1)"));
        k.add(refused("js of ring(10000,2,0.01)", "at most 64", "measure", "--metric", "js", "--p",
                "ring(10000,2,0.01)", "--q", "ring(8,2,0.1)"));
        k.add(refused("samples(/dev/zero)", "not a regular file", "measure", "--metric", "w1", "--p",
                "samples(/dev/zero)", "--q", "normal(0,1)"));
        // CSV sample files
        k.add(value("R's quoted header, CRLF", 0, 0, "measure", "--metric", "w1", "--p",
                c.resolve("r-quoted-crlf.csv").toString(), "--q", c.resolve("r-quoted-crlf.csv").toString()));
        k.add(value("BOM, ';' and decimal commas", 0, 0, "measure", "--metric", "w1", "--p",
                c.resolve("bom-semicolon-decimal-comma.csv").toString(), "--q",
                c.resolve("bom-semicolon-decimal-comma.csv").toString()));
        k.add(value("weights 1e308 normalise", 0.5, 1e-12, "measure", "--metric", "w1", "--p",
                c.resolve("weights-1e308.csv").toString(), "--q", "point(0.5)"));
        k.add(refused("one-column decimal comma", "ambiguous", "measure", "--metric", "w1", "--p",
                c.resolve("one-column-decimal-comma.csv").toString(), "--q", "normal2(0,0,1,1,0)"));
        k.add(refused("0x1p3", "line 2 column 1: '0x1p3' is not a number", "measure", "--metric", "w1", "--p",
                c.resolve("hex-float.csv").toString(), "--q", "normal2(0,0,1,1,0)"));
        k.add(refused("1f", "line 2 column 1: '1f' is not a number", "measure", "--metric", "w1", "--p",
                c.resolve("float-suffix.csv").toString(), "--q", "normal(0,1)"));
        k.add(refused("2d", "line 2 column 1: '2d' is not a number", "measure", "--metric", "w1", "--p",
                c.resolve("double-suffix.csv").toString(), "--q", "normal(0,1)"));
        k.add(refused("full-width digit in CSV", "non-ASCII digit", "measure", "--metric", "w1", "--p",
                c.resolve("fullwidth-digit.csv").toString(), "--q", "normal(0,1)"));
        k.add(refused("Latin-1 CSV", "is not UTF-8 text", "measure", "--metric", "w1", "--p",
                c.resolve("latin1.csv").toString(), "--q", "normal(0,1)"));
        k.add(refused("four columns", "expected 1 or 2", "measure", "--metric", "w1", "--p",
                c.resolve("four-columns.csv").toString(), "--q", "normal(0,1)"));
        // IDX image files
        k.add(refused("IDX .gz that is not gzip", "not a gzip file", "image-train", "--dataset",
                "idx:" + c.resolve("images.idx.gz"), "--iterations", "1"));
        k.add(refused("IDX data cut short", "file ends after 3 of 8 data bytes", "image-train", "--dataset",
                "idx:" + c.resolve("short.idx"), "--iterations", "1"));
        k.add(refused("IDX header cut short", "file ends inside the IDX header", "image-train", "--dataset",
                "idx:" + c.resolve("header-cut.idx"), "--iterations", "1"));
        k.add(refused("IDX claiming 1,048,577 images", "1048577 images of 64x64 = 4294971392 pixels", "image-train", "--dataset",
                "idx:" + c.resolve("huge-count.idx"), "--iterations", "1"));
        k.addAll(generated(valid, out));
        return k;
    }

    // ------------------------------------------------------------------ generated corpus

    /** Values of a wrong JSON type for a leaf of {@code leaf}'s type (each must be refused naming the field). */
    private static List<Object> wrongTypes(Object leaf) {
        List<Object> w = new ArrayList<>();
        Map<String, Object> emptyObject = new LinkedHashMap<>();
        if (leaf instanceof Number) {
            w.addAll(List.of("abc", true, List.of(), emptyObject, "1"));
            w.add(Json.NULL);
        } else if (leaf instanceof Boolean) {
            w.addAll(List.of(1L, "yes", List.of(), emptyObject));
            w.add(Json.NULL);
        } else if (leaf instanceof String) {
            w.addAll(List.of(5L, true, List.of(), emptyObject));
            w.add(Json.NULL);
        } else if (leaf instanceof List) {
            w.addAll(List.of("abc", 3L, emptyObject, List.of("a"), List.of(List.of(1L))));
            w.add(Json.NULL);
        }
        return w;
    }

    /** Every leaf of a JSON tree (lists of scalars are leaves) by its dotted path. */
    @SuppressWarnings("unchecked")
    private static void leaves(Object node, String path, Map<String, Object> out) {
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                leaves(e.getValue(), path.isEmpty() ? (String) e.getKey() : path + "." + e.getKey(), out);
            }
        } else if (!path.equals("format") && !path.equals("version")) {
            out.put(path, node);
        }
    }

    /** A deep copy of {@code tree} with the leaf at {@code path} replaced by {@code value}. */
    @SuppressWarnings("unchecked")
    private static Object replaced(Object tree, String path, Object value) {
        Object copy = mutable(tree);
        String[] parts = path.split("\\.");
        Map<String, Object> node = (Map<String, Object>) copy;
        for (int i = 0; i < parts.length - 1; i++) {
            node = (Map<String, Object>) node.get(parts[i]);
        }
        node.put(parts[parts.length - 1], value);
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object mutable(Object node) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> c = new LinkedHashMap<>();
            m.forEach((key, v) -> c.put((String) key, mutable(v)));
            return c;
        }
        return node instanceof List<?> l ? new ArrayList<>(l) : node;
    }

    private static String describe(Object v) {
        return v == Json.NULL ? "null" : v instanceof Map ? "{}" : String.valueOf(v);
    }

    private List<Case> generated(String valid, String out) throws Exception {
        List<Case> k = new ArrayList<>();
        // 1. experiment JSON (train --config): every field with every wrong type, refused naming file and field
        Map<String, Object> fields = new LinkedHashMap<>();
        Object experiment = Json.parse(valid);
        leaves(experiment, "", fields);
        int n = 0;
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            for (Object bad : wrongTypes(f.getValue())) {
                String name = "gen-exp-" + (n++) + ".json";
                String file = file(name, Json.write(replaced(experiment, f.getKey(), bad)));
                k.add(new Case("experiment " + f.getKey() + " = " + describe(bad), 2,
                        s -> s.contains(name) && s.contains(f.getKey()), "the file and '" + f.getKey() + "'",
                        "train", "--config", file, "--iterations", "1", "--out", out));
            }
        }
        // 2. --set: every numeric or boolean key with a word, and every key with a malformed list
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            if (f.getKey().equals("name")) {
                continue; // any text is a name
            }
            String bad = f.getValue() instanceof List ? "[1,2" : f.getValue() instanceof String ? "" : "abc";
            if (f.getValue() instanceof String && !List.of("data").contains(f.getKey())
                    && !f.getKey().endsWith("kind") && !f.getKey().endsWith("ctivation") && !f.getKey().endsWith("prior")
                    && !f.getKey().endsWith("divergence") && !f.getKey().endsWith("Estimator")) {
                continue;
            }
            k.add(new Case("--set " + f.getKey() + "=" + bad, 2, s -> s.contains(f.getKey()), "'" + f.getKey() + "'",
                    "train", "--preset", "ring8-wgan-gp", "--set", f.getKey() + "=" + bad, "--iterations", "1",
                    "--out", out));
        }
        for (String key : List.of("nosuch", "generator.nosuch", "objective.lambda.x", "seed.x", "evaluation")) {
            k.add(refused("--set unknown " + key, "unknown key", "train", "--preset", "ring8-gan", "--set", key + "=1",
                    "--iterations", "1", "--out", out));
        }
        // 3. distribution specs: malformed, wrong arity, absurd values; the message names the spec's problem
        String[] specs = {"", "normal", "normal(", "normal(0,1", "normal(0,1))", "normal()", "normal(0)", "normal(0,1,2)",
            "normal(a,1)", "normal(0,-1)", "normal(0,0)", "normal(nan,1)", "normal(0,inf)", "normal(1e999,1)",
            "uniform(1,0)", "uniform(0,0)", "uniform(0)", "uniform(nan,1)", "point()", "point(a)", "point(1,2,3)",
            "ring(0,2,0.1)", "ring(-8,2,0.1)", "ring(8,-2,0.1)", "ring(8,2,-0.1)", "ring(8,2)", "ring(1e9,2,0.1)",
            "grid(0,1,0.1)", "grid(5,1,-0.1)", "grid(5)", "mixture()", "mixture(normal(0,1)", "mixture(-1*normal(0,1))",
            "mixture(0*normal(0,1))", "mixture(x*normal(0,1))", "mixture(1*normal(0,1),1*ring(8,2,0.1))",
            "normal2(0,0,1,1)", "normal2(0,0,-1,1,0)", "normal2(0,0,1,1,2)", "nosuch(1,2)", "samples()",
            "samples(" + tmp.resolve("none.csv") + ")", "normal(0,1) extra", "normal(0;1)", "normal(0,,1)",
            "generator(" + tmp.resolve("none.json") + ")", "swissroll(-1)", "normal(0x10,1)", "normal(1f,1)",
            "normal(\uFF11,1)"};
        for (String spec : specs) {
            k.add(new Case("spec '" + spec + "'", 2, s -> s.startsWith("error: ") && s.contains("--p"), "a message on --p",
                    "measure", "--metric", "w1", "--p", spec, "--q", "normal(0,1)"));
        }
        // 4. CSV sample files
        String[][] csvs = {{"empty", ""}, {"header only", "x\n"}, {"ragged", "x,y\n1,2\n3\n"},
            {"nan cell", "x\n1\nNaN\n"}, {"inf cell", "x\n1\nInfinity\n"}, {"word cell", "x\n1\nabc\n"},
            {"huge cell", "x\n1\n1e999\n"}, {"negative weight", "x,weight\n1,-1\n2,2\n"},
            {"zero weights", "x,weight\n1,0\n2,0\n"}, {"three columns", "x,y,z\n1,2,3\n"},
            {"unclosed quote", "\"x\n1\n"}, {"blank cell", "x,y\n1,\n"}, {"only commas", ",,\n,,\n"},
            {"NUL bytes", "x\n1\u0000\n"}};
        for (String[] c : csvs) {
            String f = file("gen-" + c[0].replace(' ', '-') + ".csv", c[1]);
            k.add(new Case("csv " + c[0], 2, s -> s.contains(f), "the file name", "measure", "--metric", "w1", "--p", f,
                    "--q", "normal(0,1)"));
        }
        // 5. IDX: the header cut after every byte, a wrong magic, a wrong type code, zero and negative sizes
        byte[] header = {0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2};
        for (int len = 0; len < header.length; len++) {
            String f = file("gen-cut-" + len + ".idx", java.util.Arrays.copyOf(header, len));
            k.add(new Case("idx header cut at " + len, 2, s -> s.contains("gen-cut-" + (f.endsWith(".idx") ? "" : ""))
                    && s.contains(f), "the file name", "image-train", "--dataset", "idx:" + f, "--iterations", "1"));
        }
        byte[][] idx = {{1, 2, 8, 3, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0}, {0, 0, 42, 3, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0},
            {0, 0, 8, 3, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1}, {0, 0, 8, 3, (byte) 0x80, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0},
            {0, 0, 8, 0}, {0, 0, 8, 9, 0, 0, 0, 1}};
        for (int i = 0; i < idx.length; i++) {
            String f = file("gen-bad-" + i + ".idx", idx[i]);
            k.add(new Case("idx bad header " + i, 2, s -> s.contains(f), "the file name", "image-train", "--dataset",
                    "idx:" + f, "--iterations", "1"));
        }
        // 6. image folders: missing, empty, a file, only non-images, a broken PNG
        Path empty = Files.createDirectories(tmp.resolve("gen-empty-folder"));
        Path text = Files.createDirectories(tmp.resolve("gen-text-folder"));
        Files.writeString(text.resolve("notes.txt"), "not an image");
        Path broken = Files.createDirectories(tmp.resolve("gen-broken-folder"));
        Files.write(broken.resolve("a.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        for (String folder : List.of(tmp.resolve("gen-missing-folder").toString(), empty.toString(), text.toString(),
                broken.toString(), file("gen-a-file.png", "x"))) {
            k.add(new Case("image folder " + Path.of(folder).getFileName(), 2, s -> s.contains(folder), "the folder",
                    "image-train", "--dataset", "folder:" + folder, "--iterations", "1"));
        }
        return k;
    }

    @TestFactory
    Stream<DynamicTest> everyInputEndsWithAClearMessageAndNoStackTrace() throws Exception {
        return cases().stream().map(k -> DynamicTest.dynamicTest(k.name(), () -> {
            CliRun run = assertTimeoutPreemptively(HANG_GUARD, () -> CliRun.of(k.args()));
            int exit = run.exit();
            String o = run.out();
            String e = run.err();
            String all = o + e;
            assertFalse(all.contains("Exception") || all.contains("at org.") || all.contains("at java."),
                    "stack trace text in: " + all);
            assertEquals(k.exit(), exit, all);
            assertTrue(k.check().test(k.exit() == 0 && !k.args()[0].equals("train") ? o : e),
                    "expected " + k.description() + " in: " + all);
        }));
    }

    /** A state or scene file loader under test: reads the file, or throws. */
    @FunctionalInterface
    private interface Loader {
        Object load(Path file) throws Exception;
    }

    /**
     * The app's own files, read in-process as the GUI reads them (sandbox state, training state, scene file): every
     * field with every wrong JSON type, and each file cut short, must be refused with a {@code StateFileException}
     * naming the file (and, for a field, the field); never another exception, never accepted.
     */
    @TestFactory
    Stream<DynamicTest> everyBrokenStateOrSceneFileIsRefusedNamingTheFileAndField() throws Exception {
        String sandbox = org.divergencelab.sandbox.StateFile.toJson(org.divergencelab.sandbox.SandboxState.defaults());
        String training = org.divergencelab.training.TrainingStateFile.toJson(new org.divergencelab.training.TrainingState(
                org.divergencelab.gan.Presets.get("ring8-wgan-gp"), "S9", "training", true, true, true, 20.0, true, 137));
        String scene;
        try (var in = org.divergencelab.lesson.SceneFiles.class.getResourceAsStream("scenes/S3.json")) {
            scene = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, Loader> loaders = new LinkedHashMap<>();
        loaders.put(sandbox, org.divergencelab.sandbox.StateFile::load);
        loaders.put(training, org.divergencelab.training.TrainingStateFile::load);
        loaders.put(scene, org.divergencelab.lesson.SceneFiles::read);
        List<DynamicTest> tests = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, Loader> kind : loaders.entrySet()) {
            Object tree = Json.parse(kind.getKey());
            Loader loader = kind.getValue();
            assertTimeoutPreemptively(HANG_GUARD, () -> loader.load(Path.of(file("valid-" + Math.abs(kind.getKey()
                    .hashCode()) + ".dlab", kind.getKey()))), "the valid file loads");
            Map<String, Object> fields = new LinkedHashMap<>();
            leaves(tree, "", fields);
            for (Map.Entry<String, Object> f : fields.entrySet()) {
                for (Object bad : wrongTypes(f.getValue())) {
                    if (bad == Json.NULL && f.getKey().equals("scene")) {
                        continue; // a training state without a scene says "scene": null
                    }
                    String name = "state-" + (n++) + ".dlab";
                    Path file = Path.of(file(name, Json.write(replaced(tree, f.getKey(), bad))));
                    String leaf = f.getKey().substring(f.getKey().lastIndexOf('.') + 1);
                    tests.add(refusal(name + " " + f.getKey() + " = " + describe(bad), loader, file, leaf));
                }
            }
            for (int cut : new int[] {0, 1, kind.getKey().length() / 2, kind.getKey().length() - 2}) {
                String name = "cut-" + (n++) + ".dlab";
                Path file = Path.of(file(name, kind.getKey().substring(0, cut)));
                tests.add(refusal(name + " cut at " + cut, loader, file, ""));
            }
        }
        return tests.stream();
    }

    private static DynamicTest refusal(String name, Loader loader, Path file, String field) {
        return DynamicTest.dynamicTest(name, () -> {
            Throwable t = assertTimeoutPreemptively(HANG_GUARD, () -> {
                try {
                    loader.load(file);
                    return null;
                } catch (Exception | StackOverflowError e) {
                    return e;
                }
            });
            assertTrue(t instanceof org.divergencelab.io.StateFileException, "accepted or the wrong failure: " + t);
            assertTrue(t.getMessage().contains(file.toString()) && t.getMessage().contains(field),
                    "names the file and '" + field + "': " + t.getMessage());
        });
    }
}

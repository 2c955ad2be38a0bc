package org.divergencelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad and extreme inputs found by testing, each run through the CLI in-process: it must end with exit 2 and a
 * message naming the problem (or exit 0 with the right value when the input is valid but extreme), never print
 * a stack trace, and finish — the 20 s bound is a hang guard, not a performance assertion. Small inputs live in
 * {@code src/test/resources/org/divergencelab/cli/corpus/}; large ones are generated here.
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
        return k;
    }

    @TestFactory
    Stream<DynamicTest> everyInputEndsWithAClearMessageAndNoStackTrace() throws Exception {
        return cases().stream().map(k -> DynamicTest.dynamicTest(k.name(), () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = assertTimeoutPreemptively(HANG_GUARD, () -> Commands.run(k.args(),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
            String o = out.toString(StandardCharsets.UTF_8);
            String e = err.toString(StandardCharsets.UTF_8);
            String all = o + e;
            assertFalse(all.contains("Exception") || all.contains("at org.") || all.contains("at java."),
                    "stack trace text in: " + all);
            assertEquals(k.exit(), exit, all);
            assertTrue(k.check().test(k.exit() == 0 && !k.args()[0].equals("train") ? o : e),
                    "expected " + k.description() + " in: " + all);
        }));
    }
}

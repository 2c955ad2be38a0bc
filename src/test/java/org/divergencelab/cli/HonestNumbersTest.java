package org.divergencelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.divergencelab.training.MetricsCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lecture's two lines, as {@code train} writes them: the value beside the estimate is the true JS of the
 * generator's line against the data's line, log 2 exactly while they are apart and labelled {@code exact}; with D
 * trained to its optimum before each G step (the preset's setting) the estimate V/2 + log 2 sits at log 2.
 */
class HonestNumbersTest {
    @TempDir
    Path dir;

    @Test
    void twoLinesReadLog2ExactlyAndTheEstimateReachesIt() throws Exception {
        CliRun train = CliRun.of("train", "--preset", "two-lines-gan", "--iterations", "40", "--every", "5", "--out",
                dir.toString());
        assertEquals(0, train.exit(), train.err());
        List<String> lines = Files.readAllLines(dir.resolve("metrics.csv"));
        List<String> header = Arrays.asList(lines.get(0).split(","));
        assertEquals(MetricsCsv.HEADER, lines.get(0));
        int estimate = header.indexOf("estimate");
        int js = header.indexOf("true_js");
        int jsMethod = header.indexOf("js_method");
        int w1Method = header.indexOf("w1_method");
        int floor = header.indexOf("w1_floor");
        assertEquals(9, lines.size(), "a row every 5 iterations");
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            // exact: the two segments are mutually singular, JS = log 2 to the last bit, not a sample estimate
            assertEquals(Math.log(2), Double.parseDouble(c[js]), 0.0, line);
            assertEquals("exact", c[jsMethod], line);
            // W1 in 2-D is a sample value and says so, with the W1 of two data samples as its floor
            assertTrue(c[w1Method].startsWith("ot-n="), line);
            assertTrue(Double.parseDouble(c[floor]) > 0, line);
            // the estimate is V/2 + log 2 at a D trained to convergence (relative tolerance 1e-4): within 0.02
            // of log 2 from the first row on (measured 0.6775–0.6927 over 100 iterations)
            double e = Double.parseDouble(c[estimate]);
            assertTrue(Math.abs(e - Math.log(2)) < 0.02, "estimate " + e + " in " + line);
        }
    }

    /**
     * The lecture's 1-D picture with its tanh generator: every row's true JS, KL both ways and W1 are the exact
     * values of the generator's distribution (quadrature over its latent, labelled with the error bound reached),
     * and the last row equals what {@code measure} computes from the written generator.json (within those bounds).
     */
    @Test
    void smoothOneDGeneratorGetsTheExactTruthOnEveryRow() throws Exception {
        CliRun train = CliRun.of("train", "--preset", "gaussians-1d-gan", "--iterations", "6", "--out", dir.toString());
        assertEquals(0, train.exit(), train.err());
        List<String> lines = Files.readAllLines(dir.resolve("metrics.csv"));
        List<String> header = Arrays.asList(lines.get(0).split(","));
        assertEquals(7, lines.size(), "a row every iteration");
        String[] last = null;
        for (String line : lines.subList(1, lines.size())) {
            List<String> c = org.apache.commons.csv.CSVFormat.DEFAULT.parse(new java.io.StringReader(line))
                    .getRecords().get(0).toList();
            for (String method : new String[] {"js_method", "w1_method", "kl_method"}) {
                String m = c.get(header.indexOf(method));
                // KL(P_data||P_G) is infinite in closed form here: the data's tails reach past tanh's bounded image
                assertTrue(m.startsWith("exact-quadrature(err<") || m.equals("exact"), method + " " + m);
            }
            assertTrue(c.get(header.indexOf("js_method")).startsWith("exact-quadrature(err<"), line);
            last = c.toArray(String[]::new);
        }
        String data = "mixture(0.7*normal(-2,0.5),0.3*normal(2.5,0.5))";
        String spec = "generator(" + dir.resolve("generator.json") + ")";
        for (String[] metric : new String[][] {{"js", "true_js"}, {"w1", "true_w1"}, {"kl", "true_kl"},
            {"kl-reverse", "true_kl_reverse"}}) {
            CliRun measure = CliRun.of("measure", "--metric", metric[0], "--p", data, "--q", spec);
            assertEquals(0, measure.exit(), measure.err());
            double row = Double.parseDouble(last[header.indexOf(metric[1])]);
            // the same quadratures on the same doubles, except W1, which `measure` integrates in x at its own
            // tolerance: both within the labels' bounds (err < ~1e-9 each)
            String printed = measure.out().trim();
            if (Double.isInfinite(row)) {
                assertEquals(MeasureCommand.format(row), printed, metric[0]);
            } else {
                assertEquals(row, Double.parseDouble(printed), 2e-9, metric[0]);
            }
        }
    }
}

package org.divergencelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeasureCommandTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private double value(String... args) {
        assertEquals(0, cli.run(args), cli.err());
        String[] lines = cli.out().split("\n");
        assertEquals(1, lines.length, "one line: " + cli.out());
        return lines[0].equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(lines[0]);
    }

    @Test
    void printsTheValueAloneInNats() {
        assertEquals(Math.log(2), value("measure", "--metric", "js", "--p", "uniform(0,1)", "--q", "uniform(2,3)"),
                1e-15);
        assertEquals(0, cli.run("measure", "--metric", "kl", "--p", "uniform(0,1)", "--q", "uniform(2,3)"));
        assertEquals("inf\n", cli.out());
        // KL(N(0,1) || N(1,2)) = log 2 + 2/8 - 1/2.
        assertEquals(Math.log(2) + 0.25 - 0.5, value("measure", "--metric", "kl", "--p", "normal(0,1)", "--q",
                "normal(1,2)"), 1e-9);
        assertEquals(3.0, value("measure", "--metric", "w1", "--p", "normal(0,1)", "--q", "normal(3,1)"), 1e-9);
        // 2-D specs are sampled with common random numbers: a translated copy is exactly the shift away.
        assertEquals(0.5, value("measure", "--metric", "w1", "--p", "segment(0,0,0,1)", "--q",
                "translate(0.5,0,segment(0,0,0,1))", "--samples", "300"), 1e-12);
        assertEquals(Math.log(2), value("measure", "--metric", "js", "--p", "segment(0,0,0,1)", "--q",
                "translate(0.5,0,segment(0,0,0,1))"), 1e-15);
    }

    @Test
    void w1OnCsvFilesIsExactOtAndWritesThePlan() throws IOException {
        Path p = dir.resolve("p.csv");
        Path q = dir.resolve("q.csv");
        Files.writeString(p, "x,y\n0,0\n1,0\n");
        Files.writeString(q, "0,1\n1,1\n");
        Path plan = dir.resolve("plan.csv");
        assertEquals(1.0, value("measure", "--metric", "w1", "--p", p.toString(), "--q", q.toString(), "--plan",
                plan.toString()), 1e-15);
        List<String> lines = Files.readAllLines(plan);
        assertEquals("source,target,mass", lines.get(0));
        assertEquals(3, lines.size());
        assertTrue(lines.contains("0,0,0.5") && lines.contains("1,1,0.5"), lines.toString());
    }

    @Test
    void sinkhornSlicedAndEstimatorsRun() {
        double w1 = value("measure", "--metric", "w1", "--p", "normal2(0,0,1,1)", "--q", "normal2(1,0,1,1)",
                "--samples", "200");
        double s = value("measure", "--metric", "sinkhorn", "--p", "normal2(0,0,1,1)", "--q", "normal2(1,0,1,1)",
                "--samples", "200", "--epsilon", "0.05");
        double sliced = value("measure", "--metric", "sliced", "--p", "normal2(0,0,1,1)", "--q", "normal2(1,0,1,1)",
                "--samples", "200");
        // Entropic transport cost exceeds the exact optimum; sliced W1 is a lower bound on the same samples.
        assertTrue(s > w1 && sliced < w1, s + " " + w1 + " " + sliced);
        double hist = value("measure", "--metric", "js", "--p", "normal(0,1)", "--q", "normal(0,1)", "--estimator",
                "histogram", "--bins", "sturges", "--samples", "500");
        assertTrue(hist >= 0 && hist < 0.1, "histogram JS of equal distributions is small but biased up: " + hist);
    }

    @Test
    void badInputIsAClearErrorWithStatus2() throws IOException {
        assertEquals(2, cli.run("measure", "--metric", "js", "--p", "normal(0,1)", "--q", "normal2(0,0,1,1)"));
        assertTrue(cli.err().contains("1-D but --q normal2(0,0,1,1) is 2-D"), cli.err());
        assertEquals(2, cli.run("measure", "--metric", "js", "--p", "normal(0,1", "--q", "normal(0,1)"));
        assertTrue(cli.err().contains("--p: bad distribution spec at column 11"), cli.err());
        assertEquals(2, cli.run("measure", "--metric", "nope", "--p", "normal(0,1)", "--q", "normal(0,1)"));
        assertTrue(cli.err().contains("unknown --metric 'nope'"), cli.err());
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "1\n2\nx\n");
        assertEquals(2, cli.run("measure", "--metric", "w1", "--p", bad.toString(), "--q", "normal(0,1)"));
        assertTrue(cli.err().contains("bad.csv line 3 column 1: 'x' is not a number"), cli.err());
        assertEquals(2, cli.run("measure", "--metric", "js", "--p", "mixture(0*normal(0,1))", "--q", "normal(0,1)"));
        assertTrue(cli.err().contains("weights sum to 0"), cli.err());
    }

    @Test
    void aSinkhornEpsilonTooSmallToConvergeIsRefusedAfterItsIterationCap() {
        // 40 x 40 points: the cap is 125e6 / 1600 = 78125 iterations, far fewer than epsilon = 1e-6 needs.
        assertEquals(MeasureCommand.sinkhornIterations(40, 40), 78_125);
        assertEquals(2, cli.run("measure", "--metric", "sinkhorn", "--p", "normal(0,1)", "--q", "normal(1,1)",
                "--samples", "40", "--epsilon", "1e-6"));
        assertTrue(cli.err().contains("sinkhorn did not converge in 78125 iterations at epsilon 1.0E-6"), cli.err());
        assertTrue(cli.err().contains("Use a larger --epsilon"), cli.err());
        assertEquals("", cli.out());
        // a usual epsilon still converges well inside the cap
        assertTrue(value("measure", "--metric", "sinkhorn", "--p", "normal(0,1)", "--q", "normal(1,1)", "--samples",
                "40", "--epsilon", "0.05") > 0.9);
    }
}

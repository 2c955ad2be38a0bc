package org.divergencelab.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecParserTest {

    @TempDir
    Path dir;

    @Test
    void everySpecRoundTripsThroughItsText() {
        String[] specs = {"normal(0,1)", "uniform(-1,2.5)", "point(3)", "point(1,2)", "normal2(0,1,2,3,0.5)",
            "segment(0,0,0,1)", "ring(8,2,0.05)", "grid(5,2,0.05)", "swissroll(0.1)", "moons(0.05)",
            "spiral(2,0.02)", "checkerboard(4)", "translate(1,2,ring(8,2,0.05))", "translate(-1,normal(0,1))",
            "drawn(0.02,0,0,0.1,0.2)", "mixture(0.25*normal(0,1),0.75*uniform(2,3))", "eightgaussians",
            "box(0,0,1,2)"};
        for (String s : specs) {
            Distribution d = SpecParser.parse(s);
            assertEquals(s, d.spec(), "spec text");
            assertEquals(d.spec(), SpecParser.parse(d.spec()).spec());
        }
    }

    @Test
    void mixtureWeightsAreNormalisedAndBareComponentsWeighOne() {
        Mixture m = (Mixture) SpecParser.parse(" mixture( 2*normal(0,1) , 6*normal(5,1) ) ");
        assertEquals(0.25, m.weights()[0], 0);
        assertEquals(0.75, m.weights()[1], 0);
        Mixture bare = (Mixture) SpecParser.parse("mixture(normal(0,1),point(2))");
        assertEquals(0.5, bare.weights()[1], 0);
        assertFalse(bare.hasDensity());
    }

    @Test
    void errorsPointAtTheOffendingCharacter() {
        SpecException e = assertThrows(SpecException.class,
                () -> SpecParser.parse("mixture(0.5*normal(0,1) 0.5*normal(3,1))"));
        assertEquals(25, e.column());
        assertTrue(e.getMessage().contains("expected ',' or ')'"), e.getMessage());
        assertTrue(e.getMessage().contains("\n  " + " ".repeat(24) + "^"), e.getMessage());

        e = assertThrows(SpecException.class, () -> SpecParser.parse("normal(0,1"));
        assertTrue(e.getMessage().contains("unexpected end"), e.getMessage());
        assertEquals(11, e.column());

        e = assertThrows(SpecException.class, () -> SpecParser.parse("norml(0,1)"));
        assertTrue(e.getMessage().contains("unknown distribution 'norml'"), e.getMessage());
        assertEquals(1, e.column());

        e = assertThrows(SpecException.class, () -> SpecParser.parse("normal(0,-1)"));
        assertTrue(e.getMessage().contains("sigma must be finite and > 0"), e.getMessage());

        e = assertThrows(SpecException.class, () -> SpecParser.parse("normal(0,1,2)"));
        assertTrue(e.getMessage().contains("takes 2 numbers, got 3"), e.getMessage());
        assertEquals(12, e.column());

        e = assertThrows(SpecException.class, () -> SpecParser.parse("normal(0,x)"));
        assertTrue(e.getMessage().contains("expected '(' after 'x'"), e.getMessage());

        e = assertThrows(SpecException.class, () -> SpecParser.parse("normal(0,1) extra"));
        assertTrue(e.getMessage().contains("after the end of the spec"), e.getMessage());
        assertEquals(13, e.column());

        e = assertThrows(SpecException.class, () -> SpecParser.parse("ring(2.5,1,0.1)"));
        assertTrue(e.getMessage().contains("ring k must be an integer"), e.getMessage());
        assertEquals(6, e.column());
    }

    @Test
    void badMixturesAreClearErrors() {
        SpecException e = assertThrows(SpecException.class,
                () -> SpecParser.parse("mixture(-0.5*normal(0,1),1*normal(3,1))"));
        assertTrue(e.getMessage().contains("weight must be >= 0"), e.getMessage());
        assertEquals(9, e.column());
        e = assertThrows(SpecException.class, () -> SpecParser.parse("mixture(0*normal(0,1),0*normal(3,1))"));
        assertTrue(e.getMessage().contains("weights sum to 0"), e.getMessage());
        e = assertThrows(SpecException.class, () -> SpecParser.parse("mixture(1*normal(0,1),1*normal2(0,0,1,1))"));
        assertTrue(e.getMessage().contains("2-D but the first component is 1-D"), e.getMessage());
        assertEquals(23, e.column());
        e = assertThrows(SpecException.class, () -> SpecParser.parse("translate(1,normal2(0,0,1,1))"));
        assertTrue(e.getMessage().contains("needs a 1-D distribution"), e.getMessage());
    }

    @Test
    void samplingIsSeededAndHasTheRightMoments() {
        Distribution d = SpecParser.parse("normal2(1,-2,0.5,2,0.6)");
        PointCloud a = d.sample(20000, 42);
        PointCloud b = d.sample(20000, 42);
        assertEquals(a.get(123, 1), b.get(123, 1), 0, "same seed, same draws");
        double mx = 0;
        double my = 0;
        double cxy = 0;
        for (int i = 0; i < a.size(); i++) {
            mx += a.get(i, 0);
            my += a.get(i, 1);
        }
        mx /= a.size();
        my /= a.size();
        for (int i = 0; i < a.size(); i++) {
            cxy += (a.get(i, 0) - mx) * (a.get(i, 1) - my);
        }
        cxy /= a.size();
        // Standard errors at n = 20000: mean x 0.0035, mean y 0.014, covariance ~0.009; 5 σ margins.
        assertEquals(1, mx, 0.02);
        assertEquals(-2, my, 0.07);
        assertEquals(0.6 * 0.5 * 2, cxy, 0.05);
    }

    @Test
    void densitiesIntegrateToOne() {
        // Midpoint rule on fine grids; the densities are smooth or piecewise constant with grid-aligned edges.
        Distribution ring = SpecParser.parse("ring(8,2,0.2)");
        double s = 0;
        double h = 0.01;
        double[] x = new double[2];
        for (double u = -3.5 + h / 2; u < 3.5; u += h) {
            for (double v = -3.5 + h / 2; v < 3.5; v += h) {
                x[0] = u;
                x[1] = v;
                s += ring.density(x) * h * h;
            }
        }
        assertEquals(1, s, 1e-6);
        Distribution mix = SpecParser.parse("translate(2,mixture(1*normal(0,0.3),3*uniform(-1,1)))");
        double t = 0;
        for (double u = -3 + 0.0005; u < 7; u += 0.001) {
            t += mix.density(new double[] {u}) * 0.001;
        }
        assertEquals(1, t, 1e-6);
        assertEquals(0.0, mix.density(new double[] {3.5}) > 0 ? 0.0 : 1.0, "uniform part reaches 3 only");
    }

    @Test
    void sampleOnlyToysStayInTheirBoundsAndCheckerboardHasMassOnBlackSquares() {
        for (String spec : new String[] {"swissroll(0)", "moons(0)", "spiral(2,0)"}) {
            Distribution d = SpecParser.parse(spec);
            double[] b = d.bounds();
            PointCloud c = d.sample(2000, 8);
            for (int i = 0; i < c.size(); i++) {
                assertTrue(c.get(i, 0) >= b[0] && c.get(i, 0) <= b[1] && c.get(i, 1) >= b[2] && c.get(i, 1) <= b[3],
                        spec + " point " + i);
            }
            assertFalse(d.hasDensity());
        }
        // Moons without noise lie on their two unit half circles.
        PointCloud m = SpecParser.parse("moons(0)").sample(500, 2);
        for (int i = 0; i < m.size(); i++) {
            double r1 = Math.hypot(m.get(i, 0), m.get(i, 1));
            double r2 = Math.hypot(m.get(i, 0) - 1, m.get(i, 1) - 0.5);
            assertTrue(Math.abs(r1 - 1) < 1e-12 || Math.abs(r2 - 1) < 1e-12);
        }
        Distribution board = SpecParser.parse("checkerboard(4)");
        PointCloud c = board.sample(4000, 3);
        for (int i = 0; i < c.size(); i++) {
            int ix = (int) Math.floor(c.get(i, 0) + 2);
            int iy = (int) Math.floor(c.get(i, 1) + 2);
            assertEquals(0, (ix + iy) % 2, "black squares only");
        }
        // Density 1/8 on the 8 black unit squares of [-2, 2]^2.
        assertEquals(1.0 / 8, board.density(new double[] {-1.5, -1.5}), 1e-15);
        assertEquals(0.0, board.density(new double[] {-0.5, -1.5}), 0);
    }

    @Test
    void samplesFromCsvWithHeaderAndWeights() throws IOException {
        Path f = dir.resolve("pts.csv");
        Files.writeString(f, "x,y,weight\n0,0,1\n1,0,3\n");
        Distribution d = SpecParser.parse("samples(pts.csv)", dir);
        assertInstanceOf(Empirical.class, d);
        PointCloud c = ((Empirical) d).points();
        assertEquals(2, c.dimension());
        assertEquals(0.75, c.weight(1), 0);
        assertEquals(2, SpecParser.parseSpecOrFile(f.toString()).dimension());
    }

    @Test
    void badCsvFilesNameFileLineAndProblem() throws IOException {
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");
        assertMessage(empty, "has no data lines");
        Path headerOnly = dir.resolve("header.csv");
        Files.writeString(headerOnly, "x,y\n");
        assertMessage(headerOnly, "empty apart from its header");
        Path text = dir.resolve("text.csv");
        Files.writeString(text, "1,2\n3,abc\n");
        assertMessage(text, "line 2 column 2: 'abc' is not a number");
        Path nan = dir.resolve("nan.csv");
        Files.writeString(nan, "1\nNaN\n");
        assertMessage(nan, "line 2 column 1: NaN is not a finite number");
        Path cols = dir.resolve("cols.csv");
        Files.writeString(cols, "1,2\n3,4\n5,6,7\n");
        assertMessage(cols, "line 3: 3 columns, expected 2");
        Path three = dir.resolve("three.csv");
        Files.writeString(three, "1,2,3\n");
        assertMessage(three, "line 1: 3 columns; expected 1 or 2");
        Path neg = dir.resolve("neg.csv");
        Files.writeString(neg, "x,w\n1,1\n2,-1\n");
        assertMessage(neg, "line 3: negative weight -1");
        assertMessage(dir.resolve("missing.csv"), "does not exist");
    }

    private static void assertMessage(Path file, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CsvSamples.load(file));
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
    }

    @Test
    void mixtureComponentsCanBeDraggedOneByOne() {
        Mixture m = (Mixture) SpecParser.parse("ring(4,1,0.1)");
        assertEquals(4, m.components().size());
        Mixture moved = m.withComponent(0, m.components().get(0).translate(1, 0));
        assertEquals("translate(1,0,normal2(1,0,0.1,0.1))", moved.components().get(0).spec());
        assertEquals(m.components().get(1).spec(), moved.components().get(1).spec());
    }
}

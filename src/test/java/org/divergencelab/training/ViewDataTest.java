package org.divergencelab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.divergencelab.distribution.Distribution;
import org.divergencelab.distribution.SpecParser;
import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.Presets;
import org.divergencelab.gan.Snapshot;
import org.divergencelab.gan.Trainer;
import org.junit.jupiter.api.Test;

/** The worker-side view data against closed forms and quadrature. */
class ViewDataTest {

    private static double trapezoid(double[] xs, double[] ys) {
        double s = 0;
        for (int i = 1; i < xs.length; i++) {
            s += 0.5 * (ys[i] + ys[i - 1]) * (xs[i] - xs[i - 1]);
        }
        return s;
    }

    @Test
    void kdeIsADensityAndMatchesTheNormalItWasDrawnFrom() {
        Distribution n = SpecParser.parse("normal(0,1)");
        double[] pts = n.sample(4000, 11).coordsView().clone();
        double[] xs = new double[801];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = -8 + 16.0 * i / 800;
        }
        double[] k = ViewData.kde1(pts, xs);
        // Integral 1 up to quadrature error (h/grid ≈ 15 points per bandwidth: trapezoid error < 1e-4).
        assertEquals(1, trapezoid(xs, k), 1e-3);
        // At 0: φ(0) = 0.3989; KDE with n = 4000 has sd ≈ 0.01 and smoothing bias ≈ −h²/2·φ(0) ≈ −0.01.
        assertEquals(1 / Math.sqrt(2 * Math.PI), ViewData.interpolate(k, -8, 8, 0), 0.04);
    }

    @Test
    void histogramIntegratesToTheFractionInside() {
        double[] edges = {0, 1, 2, 3, 4};
        double[] h = ViewData.histogram(new double[] {0.5, 1.5, 1.6, 3.99, 4.0, 7}, edges);
        // 5 of 6 points inside (4.0 is in the last closed bin, 7 is outside): area 5/6.
        assertEquals(5.0 / 6, h[0] + h[1] + h[2] + h[3], 1e-12);
        assertEquals(2.0 / 6, h[1], 1e-12);
        assertEquals(2.0 / 6, h[3], 1e-12);
    }

    @Test
    void optimalDiscriminatorIsPdataOverTheSumAndTrueDensityIsTheSpec() {
        Experiment e = Presets.get("gaussians-1d-gan");
        Snapshot s = new Trainer(e).snapshot(true);
        Distribution data = e.dataDistribution();
        ViewData d = ViewData.of(s, data, e.seed());
        assertNotNull(d.optimalD());
        for (int i = 0; i < d.xs().length; i += 17) {
            double p = data.density(new double[] {d.xs()[i]});
            assertEquals(p, d.dataPdf()[i], 1e-15);
            double expected = p / (p + d.fakePdf()[i]);
            if (p + d.fakePdf()[i] > 1e-300) {
                assertEquals(expected, d.optimalD()[i], 1e-12);
            }
        }
        // The x grid is the critic field's box.
        assertEquals(s.criticField().lo()[0], d.xs()[0], 1e-12);
        assertEquals(s.criticField().hi()[0], d.xs()[d.xs().length - 1], 1e-12);
        // Both histograms hold every evaluation sample inside the box (the box covers them).
        assertEquals(1, sum(d.realHist()) * (d.edges()[1] - d.edges()[0]), 1e-9);
        assertEquals(1, sum(d.fakeHist()) * (d.edges()[1] - d.edges()[0]), 1e-9);
    }

    @Test
    void twoDimensionalDataGivesALogDensityGridOverTheCriticBox() {
        Experiment e = Presets.get("ring8-wgan-gp");
        Snapshot s = new Trainer(e).snapshot(true);
        ViewData d = ViewData.of(s, e.dataDistribution(), e.seed());
        assertTrue(Double.isNaN(d.dataMean()), "no regression line in 2-D");
        assertNull(d.xs());
        assertEquals(ViewData.GRID * ViewData.GRID, d.dataPdf().length);
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double v : d.dataPdf()) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        assertEquals(12, max - min, 1e-9, "floored 12 nats below the peak");
        // Lines have no density: nothing to contour.
        Experiment lines = Presets.get("two-lines-gan");
        assertNull(ViewData.of(new Trainer(lines).snapshot(true), lines.dataDistribution(), lines.seed()).dataPdf());
    }

    @Test
    void dataMeanIsTheMseAnswerWithinFourStandardErrors() {
        // S17's two right answers: mean 0, sd sqrt(4 + 0.01); 20 000 draws give a standard error of 0.0142.
        Distribution turns = SpecParser.parse("mixture(0.5*normal(-2,0.1),0.5*normal(2,0.1))");
        double se = Math.sqrt(4.01 / ViewData.MEAN_DRAWS);
        assertEquals(0, ViewData.dataMean(turns, 7), 4 * se);
        // Skewed weights: mean 0.25·(−1) + 0.75·3 = 2; variance 0.5² + 0.25·0.75·4² = 3.25.
        Distribution skewed = SpecParser.parse("mixture(0.25*normal(-1,0.5),0.75*normal(3,0.5))");
        assertEquals(2, ViewData.dataMean(skewed, 7), 4 * Math.sqrt(3.25 / ViewData.MEAN_DRAWS));
        // Same seed, same draws: the line does not move between frames.
        assertEquals(ViewData.dataMean(turns, 7), ViewData.dataMean(turns, 7), 0);
        // The map's line comes with every 1-D frame.
        Experiment e = Presets.get("gaussians-1d-gan");
        ViewData d = ViewData.of(new Trainer(e).snapshot(true), e.dataDistribution(), e.seed());
        assertEquals(ViewData.dataMean(e.dataDistribution(), e.seed()), d.dataMean(), 0);
    }

    @Test
    void interpolationIsLinearAndClamped() {
        double[] v = {0, 10, 20};
        assertEquals(5, ViewData.interpolate(v, 0, 2, 0.5), 1e-12);
        assertEquals(0, ViewData.interpolate(v, 0, 2, -3), 0);
        assertEquals(20, ViewData.interpolate(v, 0, 2, 9), 0);
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }
}

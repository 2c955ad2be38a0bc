package org.divergencelab.divergence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.divergencelab.distribution.Distribution;
import org.divergencelab.distribution.PointCloud;
import org.divergencelab.distribution.SpecParser;
import org.junit.jupiter.api.Test;

class EstimatesTest {

    @Test
    void modeCoverageOfTheFullMixtureAndOfACollapsedOne() {
        Distribution ring = SpecParser.parse("ring(8,2,0.05)");
        List<ModeCoverage.Mode> modes = ModeCoverage.modesOf(ring);
        assertEquals(8, modes.size());
        // Real samples: all 8 modes, and P(|z| < 3) for a 2-D standard normal = 1 − e^(−4.5) = 0.98889.
        ModeCoverage.Result real = ModeCoverage.evaluate(modes, ring.sample(20000, 3), 3);
        assertEquals(8, real.modesCaptured());
        // Binomial standard error at n = 20000 is 0.00074; 5 σ.
        assertEquals(1 - Math.exp(-4.5), real.highQualityFraction(), 0.004);
        // A generator collapsed onto 2 modes, plus off-mode junk at the origin.
        Distribution collapsed = SpecParser.parse("mixture(1*normal2(2,0,0.05,0.05),1*normal2(-2,0,0.05,0.05),"
                + "2*point(0,0))");
        ModeCoverage.Result fake = ModeCoverage.evaluate(modes, collapsed.sample(4000, 4), 3);
        assertEquals(2, fake.modesCaptured());
        assertEquals(0.5 * (1 - Math.exp(-4.5)), fake.highQualityFraction(), 0.03);
        assertEquals(0, fake.counts()[2]);
    }

    @Test
    void lipschitzOfKnownFunctions() {
        // f(x, y) = 3x − 4y has |∇f| = 5 everywhere and every difference quotient along (3, −4) is 5.
        LipschitzEstimate.Result g = LipschitzEstimate.gridGradient(x -> 3 * x[0] - 4 * x[1], new double[] {-1, -1},
                new double[] {1, 1}, 11);
        assertEquals(5, g.value(), 1e-6);
        // f = sin(2x): max |f'| = 2 at x = 0 (a grid point).
        assertEquals(2, LipschitzEstimate.gridGradient(x -> Math.sin(2 * x[0]), new double[] {-1}, new double[] {1},
                21).value(), 1e-6);
        PointCloud line = PointCloud.of(2, new double[] {0, 0, 3, -4, 6, -8});
        LipschitzEstimate.Result p = LipschitzEstimate.overPairs(x -> 3 * x[0] - 4 * x[1], line, 100, 1);
        assertEquals(5, p.value(), 1e-12);
        // |x| on random pairs: quotient ≤ 1, and 1 for pairs on one side of 0.
        PointCloud pts = SpecParser.parse("normal(0,1)").sample(300, 5);
        double q = LipschitzEstimate.overPairs(x -> Math.abs(x[0]), pts, 1000, 9).value();
        assertTrue(q <= 1 + 1e-12 && q > 0.999999, "q = " + q);
    }

    @Test
    void histogramAndKdeShowTheirBias() {
        Distribution p = SpecParser.parse("normal(0,1)");
        Distribution q = SpecParser.parse("normal(1,1)");
        double truth = TrueDivergence.value(DivergenceKind.JS, p, q);
        PointCloud a = p.sample(5000, 1);
        PointCloud b = q.sample(5000, 2);
        double hist = SampleEstimates.histogram(DivergenceKind.JS, a, b, SampleEstimates.BinRule.FD);
        double kde = SampleEstimates.kde(DivergenceKind.JS, a, b);
        // At n = 5000 both plug-ins are within a few 1e-2 of the truth (0.1155...).
        assertEquals(truth, hist, 0.03);
        assertEquals(truth, kde, 0.03);
        // Separated supports: truth is log 2; KDE smoothing stays strictly below it.
        PointCloud u = SpecParser.parse("uniform(0,1)").sample(200, 3);
        PointCloud v = SpecParser.parse("uniform(1.05,2)").sample(200, 4);
        assertTrue(SampleEstimates.kde(DivergenceKind.JS, u, v) < Math.log(2) - 1e-3);
        // Histogram KL with an empty Q bin is infinite.
        assertEquals(Double.POSITIVE_INFINITY, SampleEstimates.histogram(DivergenceKind.KL, u, v,
                SampleEstimates.BinRule.STURGES));
    }

    @Test
    void kdeOfDisjointSamplesGivesInfiniteKlNeverZero() {
        // Two parallel segments 3 apart: the x bandwidth is the 1e-6 floor, far below a grid cell, so the
        // estimates sit on disjoint nodes; the support test makes KL, reverse KL and χ² infinite (the truth).
        PointCloud p = SpecParser.parse("segment(0,0,0,1)").sample(256, 1);
        PointCloud q = SpecParser.parse("segment(3,0,3,1)").sample(256, 2);
        SampleEstimates.KdePair pair = SampleEstimates.kdePair(p, q);
        assertFalse(pair.supportsOverlap());
        for (DivergenceKind k : new DivergenceKind[] {DivergenceKind.KL, DivergenceKind.KL_REVERSE,
            DivergenceKind.CHI2}) {
            assertEquals(Double.POSITIVE_INFINITY, pair.estimate(k), k.name());
        }
        assertEquals(Math.log(2), pair.estimate(DivergenceKind.JS), 0);
        assertEquals(1, pair.estimate(DivergenceKind.TV), 0);
        // Overlapping samples with a much narrower Q kernel: q̂ underflows in P's far tails, yet KL stays finite.
        PointCloud wide = SpecParser.parse("ring(8,2,0.05)").sample(500, 1);
        PointCloud narrow = SpecParser.parse("translate(1,0,moons(0.05))").sample(500, 2);
        SampleEstimates.KdePair tails = SampleEstimates.kdePair(wide, narrow);
        assertTrue(tails.supportsOverlap());
        assertTrue(Double.isFinite(tails.estimate(DivergenceKind.KL)));
    }

    @Test
    void binnedKdeEstimatesAreCloseToTheExactKde() {
        // The exact KDE (log-sum-exp at every cell midpoint, as before binning) against the binned one on the
        // same grid: binning changes each node by ≤ (1/512)·peak per axis (KdeTest), the estimates by ~1e-4.
        PointCloud a = SpecParser.parse("normal(0,1)").sample(500, 1);
        PointCloud b = SpecParser.parse("normal(1,1)").sample(500, 2);
        double[] ha = Kde.bandwidths(a);
        double[] hb = Kde.bandwidths(b);
        double lo = Math.min(min(a), min(b)) - 8 * Math.max(ha[0], hb[0]);
        double hi = Math.max(max(a), max(b)) + 8 * Math.max(ha[0], hb[0]);
        int n = (int) Math.ceil((hi - lo) / (Math.min(ha[0], hb[0]) / 8));
        double step = (hi - lo) / n;
        for (DivergenceKind k : new DivergenceKind[] {DivergenceKind.JS, DivergenceKind.KL, DivergenceKind.TV,
            DivergenceKind.HELLINGER}) {
            double v = 0;
            for (int i = 0; i < n; i++) {
                double[] x = {lo + (i + 0.5) * step};
                v += k.integrand(Kde.logDensity(a, ha, x), Kde.logDensity(b, hb, x));
            }
            double exact = k.finish(v * step);
            assertEquals(exact, SampleEstimates.kde(k, a, b), 5e-4 * exact, k.name());
        }
    }

    private static double min(PointCloud c) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i < c.size(); i++) {
            m = Math.min(m, c.get(i, 0));
        }
        return m;
    }

    private static double max(PointCloud c) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < c.size(); i++) {
            m = Math.max(m, c.get(i, 0));
        }
        return m;
    }

    @Test
    void sinkhornConvergesToW1AndDebiasedIsZeroOnItself() {
        PointCloud p = ExactW1Test.gaussianCloud(60, 0, 0, 1);
        PointCloud q = ExactW1Test.gaussianCloud(50, 1, 0, 2);
        double w1 = ExactW1.distance(p, q);
        Sinkhorn.Result r = new Sinkhorn(0.01, 1e-10, 100000).solve(p, q);
        // Entropic cost ≥ W1, and the gap is O(ε log n) for small ε.
        assertTrue(r.transportCost() >= w1 - 1e-12 && r.transportCost() - w1 < 0.05, r.transportCost() + " vs " + w1);
        double[] rows = new double[60];
        for (int k = 0; k < r.plan().length; k++) {
            rows[k / 50] += r.plan()[k];
        }
        for (double x : rows) {
            assertEquals(1.0 / 60, x, 1e-10);
        }
        assertEquals(0, new Sinkhorn(0.1, 1e-10, 10000).divergence(p, p), 1e-9);
        assertTrue(new Sinkhorn(0.1, 1e-10, 10000).divergence(p, q) > 0);
        // Sliced W1 is below W1 on the same samples, and equals W1 in 1-D.
        assertTrue(SlicedW1.distance(p, q, 100, 1) < w1);
        PointCloud x = PointCloud.of(1, new double[] {0, 1, 2});
        PointCloud y = PointCloud.of(1, new double[] {5, 1});
        assertEquals(ExactW1.distance(x, y), SlicedW1.distance(x, y, 10, 1), 0);
    }

    @Test
    void w1BetweenOneDimensionalDistributionsIsTheCdfIntegral() {
        // Translation: W1 = shift; uniform vs its midpoint atom: ∫|F−G| = 2·(1/2·1/2·1/2) = 1/4 on U(0,1).
        assertEquals(2.5, DistributionW1.oneD(SpecParser.parse("normal(0,1)"),
                SpecParser.parse("translate(2.5,normal(0,1))")).orElseThrow(), 1e-10);
        assertEquals(0.25, DistributionW1.oneD(SpecParser.parse("uniform(0,1)"), SpecParser.parse("point(0.5)"))
                .orElseThrow(), 1e-12);
        assertEquals(3, DistributionW1.oneD(SpecParser.parse("point(1)"), SpecParser.parse("point(4)"))
                .orElseThrow(), 0);
        double exact = DistributionW1.oneD(SpecParser.parse("normal(0,1)"), SpecParser.parse("normal(0,2)"))
                .orElseThrow();
        // Quantile coupling: W1 = E|Z|·|σ1 − σ2| = sqrt(2/π).
        assertEquals(Math.sqrt(2 / Math.PI), exact, 1e-10);
    }
}

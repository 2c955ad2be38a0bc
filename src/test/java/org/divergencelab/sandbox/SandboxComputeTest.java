package org.divergencelab.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.divergencelab.distribution.Distribution;
import org.divergencelab.distribution.SpecParser;
import org.divergencelab.divergence.DivergenceKind;
import org.junit.jupiter.api.Test;

class SandboxComputeTest {
    private static final double LOG2 = Math.log(2);

    private static SandboxState state(String p, String q, int n) {
        return new SandboxState(p, q, n, 7, BulldozerExample.Plan.OPTIMAL, false, Set.of());
    }

    @Test
    void sampleEstimatesOfDisjointSegmentsShowInfiniteKlLikeTheTruth() {
        // The read-outs' "from n samples" column: disjoint KDE supports give KL = ∞ (the truth), never 0.
        SandboxState s = SandboxState.defaults().withSpecs("segment(0,0,0,1)", "segment(3,0,3,1)").withSamples(256);
        SandboxCompute.Readout e = SandboxCompute.estimates(s.distributionP().sample(256, s.seed()),
                s.distributionQ().sample(256, s.seed() + 1));
        assertEquals(Double.POSITIVE_INFINITY, e.kl());
        assertEquals(Double.POSITIVE_INFINITY, e.klReverse());
        assertEquals(Math.log(2), e.js(), 0);
        assertEquals(1, e.tv(), 0);
        assertEquals(1, e.hellinger(), 0);
        SandboxCompute.Readout truth = new SandboxCompute().frame(s).truth();
        assertEquals(truth.kl(), e.kl());
    }

    @Test
    void disjointUniformsGiveLog2AndTheGapAsW1() {
        SandboxCompute c = new SandboxCompute();
        for (double a : new double[] {1.5, 3, 6}) {
            SandboxCompute.Frame f = c.frame(state("uniform(0,1)", "uniform(" + a + "," + (a + 1) + ")", 128));
            // closed forms: disjoint supports give JS = log 2, TV = H² = 1, KL = ∞; W1 of a shift = the shift
            assertEquals(LOG2, f.truth().js(), 1e-12);
            assertEquals(1, f.truth().tv(), 1e-12);
            assertEquals(1, f.truth().hellinger(), 1e-12);
            assertEquals(Double.POSITIVE_INFINITY, f.truth().kl());
            assertEquals(a, f.truth().w1(), 1e-9);
            // binned plan: cost within one bin width of W1 (centres are at most half a bin off on each side)
            double bin = (f.binCenters()[1] - f.binCenters()[0]);
            assertEquals(a, f.planCost(), bin);
            assertEquals(a, f.offset(), 0.05); // sample means of 4000 draws with common random numbers
            double[] rows = new double[f.bins()];
            double total = 0;
            for (int i = 0; i < f.bins(); i++) {
                for (int j = 0; j < f.bins(); j++) {
                    rows[i] += f.gamma()[i * f.bins() + j];
                    total += f.gamma()[i * f.bins() + j];
                }
            }
            assertEquals(1, total, 1e-12);
        }
    }

    @Test
    void twoDimensionalFrameHasPlanLinesWhoseCostIsW1() {
        SandboxCompute c = new SandboxCompute();
        SandboxCompute.Frame f = c.frame(state("normal2(0,0,0.3,0.3)", "normal2(3,1,0.3,0.3)", 64));
        assertNull(f.gamma());
        double cost = 0;
        double mass = 0;
        for (int e = 0; e < f.lines()[0].length; e++) {
            cost += f.lines()[4][e] * Math.hypot(f.lines()[2][e] - f.lines()[0][e], f.lines()[3][e] - f.lines()[1][e]);
            mass += f.lines()[4][e];
        }
        assertEquals(1, mass, 1e-9);
        assertEquals(f.truth().w1(), cost, 1e-9);
        // Q is P translated by (3, 1) and the draws share their random numbers, so the plan is the shift
        assertEquals(Math.hypot(3, 1), f.truth().w1(), 1e-9);
    }

    @Test
    void sweepShowsJsStepAndContinuousW() {
        SandboxCompute c = new SandboxCompute();
        SandboxCompute.Sweep s = c.sweep(state("point(0)", "point(2)", 64), 41);
        double[] js = s.values().get(DivergenceKind.JS);
        for (int i = 0; i < s.offsets().length; i++) {
            double t = s.offsets()[i];
            // point masses: JS = log 2 unless they coincide, W1 = |θ| (WGAN paper, Example 1)
            assertEquals(Math.abs(t), s.w1()[i], 1e-9, "W1 at " + t);
            if (Math.abs(t) > 1e-9) {
                assertEquals(LOG2, js[i], 1e-12, "JS at " + t);
            } else {
                assertEquals(0, js[i], 1e-12);
            }
        }
        assertEquals(2, s.current(), 1e-12);
    }

    @Test
    void parallelSegmentsSweepHasExactZeroAndAVerticalJsStep() {
        // The WGAN paper's Example 1 (scene S8): P on x = 0, Q on x = 1, both y in [0, 1].
        SandboxCompute c = new SandboxCompute();
        SandboxCompute.Sweep s = c.sweep(state("segment(0,0,0,1)", "segment(1,0,1,1)", 64), 21);
        double[] t = s.offsets();
        double[] js = s.values().get(DivergenceKind.JS);
        assertEquals(23, t.length, "21 grid points and the two beside 0");
        int zero = -1;
        for (int i = 0; i < t.length; i++) {
            assertTrue(i == 0 || t[i] > t[i - 1], "ascending");
            if (t[i] == 0.0) {
                zero = i;
            }
        }
        assertTrue(zero > 0, "offset 0 exactly");
        double step = t[zero + 2] - t[zero];
        assertEquals(step / 1000, t[zero + 1], step * 1e-12);
        assertEquals(-step / 1000, t[zero - 1], step * 1e-12);
        // JS = 0 at θ = 0 and log 2 at every other θ, even a thousandth of a step away: the step is vertical.
        assertEquals(0, js[zero], 1e-9);
        assertEquals(LOG2, js[zero - 1], 1e-9);
        assertEquals(LOG2, js[zero + 1], 1e-9);
        assertTrue(Double.isInfinite(s.values().get(DivergenceKind.KL)[zero + 1]));
        // W = |θ| (empirical OT between the shared draws of the two segments: exact for a shift along x)
        for (int i = 0; i < t.length; i++) {
            assertEquals(Math.abs(t[i]), s.w1()[i], 1e-9, "W1 at " + t[i]);
        }
    }

    @Test
    void smoothSweepsGetNoExtraPoints() {
        SandboxCompute c = new SandboxCompute();
        SandboxCompute.Sweep s = c.sweep(state("normal(0,1)", "normal(1,1)", 64), 21);
        assertEquals(21, s.offsets().length, "JS of two Gaussians is smooth at 0: no refinement");
        assertEquals(0.0, s.offsets()[10], 0);
        assertThrows(IllegalArgumentException.class, () -> SandboxCompute.sweepOffsets(1, 2));
        assertThrows(IllegalArgumentException.class, () -> SandboxCompute.sweepOffsets(0, 21));
    }

    @Test
    void discriminatorSeparatesDisjointSamplesCompletely() {
        Distribution p = SpecParser.parse("normal(0,0.5)");
        Distribution q = SpecParser.parse("normal(4,0.5)");
        LiveNetworks.DiscriminatorFit d = LiveNetworks.discriminator(p.sample(256, 1), q.sample(256, 2), 300, 3);
        assertEquals(1.0, d.accuracy(), 0.0, "the lecture's 100 % on 256 + 256 separated samples");
        // the estimate is ≤ log 2 by construction and approaches it as the classifier becomes confident
        assertTrue(d.jsEstimate() <= LOG2 + 1e-12 && d.jsEstimate() > 0.6, "JS estimate " + d.jsEstimate());
        LiveNetworks.DiscriminatorFit same = LiveNetworks.discriminator(p.sample(256, 1), p.sample(256, 2), 300, 3);
        assertTrue(same.accuracy() < 0.8, "overlapping samples cannot be separated well: " + same.accuracy());
    }

    @Test
    void criticEstimatesW1WithTheRightSignForEverySeed() {
        Distribution p = SpecParser.parse("normal(0,0.3)");
        Distribution q = SpecParser.parse("normal(2,0.3)");
        for (long seed = 1; seed <= 3; seed++) {
            LiveNetworks.CriticFit c = LiveNetworks.critic1D(p.sample(256, seed), q.sample(256, seed + 10), 300, seed,
                    -2, 4, 121);
            // W1 = 2 for the shift. The penalty is soft, so the raw dual value overshoots (measured 1.98 to 2.40
            // over seeds 1-6; before the unpenalised warm-up seed 1 gave -1.73, a trapped critic)
            assertEquals(2, c.wEstimate(), 0.5, "raw dual value, seed " + seed);
            // f / L is 1-Lipschitz on the range (L from a 0.05-wide grid: the slope between grid points of a
            // smooth tanh net), so its dual value is a lower bound on W1 = 2, and a trained critic gets close
            assertTrue(c.boundW() <= 2 + 1e-6 && c.boundW() > 1.6, "bound " + c.boundW() + ", seed " + seed);
            double maxSlope = 0;
            for (int i = 1; i < c.xs().length; i++) {
                maxSlope = Math.max(maxSlope, Math.abs(c.values()[i] - c.values()[i - 1]) / (c.xs()[i] - c.xs()[i - 1]));
            }
            assertEquals(c.lipschitz(), maxSlope, 1e-12);
            assertTrue(maxSlope < 2, "GP keeps the slope near 1, max " + maxSlope + ", seed " + seed);
        }
    }

    @Test
    void bulldozerPlansHaveTheRightMarginalsAndOrderedCosts() {
        BulldozerExample.Matrix opt = BulldozerExample.plan(BulldozerExample.Plan.OPTIMAL);
        BulldozerExample.Matrix near = BulldozerExample.plan(BulldozerExample.Plan.NEAR);
        BulldozerExample.Matrix far = BulldozerExample.plan(BulldozerExample.Plan.FAR);
        // independent truth: in 1-D, W1 = Σ |F_P − F_Q| over unit gaps = (2+2+0+3+1)/6
        assertEquals(8.0 / 6, opt.cost(), 1e-12);
        // hand-computed greedy plans: near moves 1·0 + 2·1 + 1·1 + 1·4 + 1·5 blocks·units
        assertEquals(12.0 / 6, near.cost(), 1e-12);
        assertTrue(far.cost() > near.cost(), "far " + far.cost());
        for (BulldozerExample.Matrix m : List.of(opt, near, far)) {
            for (int i = 0; i < m.size(); i++) {
                double row = 0;
                double col = 0;
                for (int j = 0; j < m.size(); j++) {
                    row += m.gamma()[i * m.size() + j];
                    col += m.gamma()[j * m.size() + i];
                }
                assertEquals(BulldozerExample.P_BLOCKS[i] / 6.0, row, 1e-12, m.plan() + " row " + i);
                assertEquals(BulldozerExample.Q_BLOCKS[i] / 6.0, col, 1e-12, m.plan() + " col " + i);
            }
        }
    }

    @Test
    void editsMoveComponentsAndScale() {
        Distribution m = SpecParser.parse("mixture(0.5*normal(0,1),0.5*normal(5,1))");
        Edits.Handle h = Edits.nearest(m, 4.8, 0, 1);
        assertEquals(1, h.index());
        Distribution moved = Edits.move(m, 1, 2, 0);
        assertEquals(7, Edits.handles(moved).get(1).x(), 1e-12);
        assertEquals(0, Edits.handles(moved).get(0).x(), 1e-12);
        Distribution wide = Edits.scale(SpecParser.parse("translate(1,normal(0,1))"), -1, 2);
        assertEquals(SpecParser.parse("translate(1,normal(0,2))").spec(), wide.spec());
        assertThrows(UnsupportedOperationException.class, () -> Edits.scale(SpecParser.parse("point(1)"), -1, 2));
        String brush = Edits.brushSpec(2, 0.1, new double[] {0, 1}, new double[] {2, 3});
        assertEquals(2, SpecParser.parse(brush).dimension());
        assertEquals(1, SpecParser.parse(Edits.brushSpec(1, 0.1, new double[] {0, 1}, new double[2])).dimension());
    }

    @Test
    void latestWorkerComputesOnlyTheNewestWhileBusy() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        List<Integer> seen = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        try (LatestWorker<Integer, Integer> w = new LatestWorker<>("test", i -> {
            if (i == 0) {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return i;
        }, i -> {
            synchronized (seen) {
                seen.add(i);
            }
            if (i == 100) {
                done.countDown();
            }
        }, e -> { })) {
            w.submit(0);
            Thread.sleep(50);
            for (int i = 1; i <= 100; i++) {
                w.submit(i);
            }
            gate.countDown();
            assertTrue(done.await(5, TimeUnit.SECONDS));
            assertEquals(List.of(0, 100), seen, "drag positions between are skipped");
            assertEquals(2, w.computedCount());
        }
    }

    /** A closed sandbox's field may still commit as the window goes: no work and no RejectedExecutionException. */
    @Test
    void aClosedLatestWorkerIgnoresRequests() {
        List<Integer> seen = new ArrayList<>();
        LatestWorker<Integer, Integer> w = new LatestWorker<>("test", i -> i, seen::add, e -> { });
        w.close();
        w.submit(1);
        assertEquals(0, w.computedCount());
        assertTrue(seen.isEmpty());
    }
}

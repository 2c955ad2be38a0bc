package org.divergencelab.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

import org.divergencelab.distribution.Distribution;
import org.divergencelab.distribution.SpecParser;
import org.divergencelab.divergence.DivergenceKind;
import org.divergencelab.divergence.TrueDivergence;
import org.junit.jupiter.api.Test;

/**
 * Each objective's estimate, evaluated with the optimal critic in closed form on many samples, equals the true
 * divergence from the ground-truth package: this pins down the formulas (links, conjugates, the /2 of JS and
 * Hellinger, V/2 + log 2), which gradient checks cannot. P = data = N(0, 1), Q = model = N(1, 1.5²); the
 * density ratio u = p/q is known, and the optimal scores are s* = log u (GAN, reverse KL, JS), 1 + log u (KL),
 * 2(u − 1) (Pearson), ½ log u (Hellinger), p/(p + q) (LSGAN), −x for W1 of a translation.
 *
 * <p>Tolerance: Monte Carlo with 400 000 samples per side; the summands have O(1) standard deviation (Pearson's
 * 2(u − 1) a few), so the standard error is ≤ ~5e-3; we allow 0.015 (three standard errors). A wrong constant
 * (log 2, a factor 2) is off by ≥ 0.1.
 */
class EstimateTest {
    private static final Distribution P = SpecParser.parse("normal(0,1)");
    private static final Distribution Q = SpecParser.parse("normal(1,1.5)");
    private static final int N = 400_000;

    private static double[] sample(Distribution d, long seed) {
        return d.sample(N, new SplittableRandom(seed)).coordsView();
    }

    private static double logRatio(double x) {
        return P.logDensity(new double[] {x}) - Q.logDensity(new double[] {x});
    }

    private static double estimateWith(Objective o, DoubleUnaryOperator score) {
        double[] r = sample(P, 1);
        double[] g = sample(Q, 2);
        double[] sr = new double[N];
        double[] sg = new double[N];
        for (int i = 0; i < N; i++) {
            sr[i] = score.applyAsDouble(r[i]);
            sg[i] = score.applyAsDouble(g[i]);
        }
        return Losses.estimate(o, sr, sg);
    }

    @Test
    void optimalCriticsGiveTheTrueDivergences() {
        double js = TrueDivergence.value(DivergenceKind.JS, P, Q);
        assertEquals(js, estimateWith(Objective.nonSaturating(), EstimateTest::logRatio), 0.015, "GAN V/2 + log 2 vs JS");
        assertEquals(js, estimateWith(Objective.minimax(), EstimateTest::logRatio), 0.015, "minimax vs JS");
        assertEquals(js, estimateWith(Objective.fgan(Objective.FDivergence.JS), EstimateTest::logRatio), 0.015, "f-GAN JS");
        assertEquals(TrueDivergence.value(DivergenceKind.KL, P, Q),
                estimateWith(Objective.fgan(Objective.FDivergence.KL), x -> 1 + logRatio(x)), 0.015, "f-GAN KL");
        assertEquals(TrueDivergence.value(DivergenceKind.KL_REVERSE, P, Q),
                estimateWith(Objective.fgan(Objective.FDivergence.REVERSE_KL), EstimateTest::logRatio), 0.015, "f-GAN reverse KL");
        assertEquals(TrueDivergence.value(DivergenceKind.CHI2, P, Q),
                estimateWith(Objective.fgan(Objective.FDivergence.PEARSON), x -> 2 * (Math.exp(logRatio(x)) - 1)), 0.015,
                "f-GAN Pearson");
        assertEquals(TrueDivergence.value(DivergenceKind.HELLINGER, P, Q),
                estimateWith(Objective.fgan(Objective.FDivergence.HELLINGER), x -> 0.5 * logRatio(x)), 0.015, "f-GAN Hellinger");
        assertEquals(triangular(), estimateWith(Objective.lsgan(), x -> 1 / (1 + Math.exp(-logRatio(x)))), 0.015, "LSGAN");
    }

    @Test
    void wassersteinEstimateOfATranslationWithTheOptimalCritic() {
        // W1(N(0,1), N(2,1)) = 2; f(x) = −x is 1-Lipschitz and optimal
        Distribution shifted = SpecParser.parse("normal(2,1)");
        double[] r = sample(P, 3);
        double[] g = shifted.sample(N, new SplittableRandom(4)).coordsView();
        double[] sr = new double[N];
        double[] sg = new double[N];
        for (int i = 0; i < N; i++) {
            sr[i] = -r[i];
            sg[i] = -g[i];
        }
        for (Objective o : new Objective[] {Objective.wganGp(10), Objective.wganClip(0.01), Objective.wganFd(10),
                Objective.wganSn(), Objective.linearCritic()}) {
            assertEquals(2, Losses.estimate(o, sr, sg), 0.015, o.describe());
        }
    }

    /** ∫(p − q)²/(p + q) by the trapezoidal rule on [−15, 15] (step 1e-3; the integrand is smooth, error ≪ 1e-6). */
    private static double triangular() {
        double s = 0;
        double h = 1e-3;
        for (double x = -15; x <= 15; x += h) {
            double p = P.density(new double[] {x});
            double q = Q.density(new double[] {x});
            s += (p - q) * (p - q) / (p + q) * h;
        }
        return s;
    }
}

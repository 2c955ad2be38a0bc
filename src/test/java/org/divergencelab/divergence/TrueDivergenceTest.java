package org.divergencelab.divergence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.divergencelab.distribution.SpecParser;
import org.junit.jupiter.api.Test;

class TrueDivergenceTest {
    private static final double LOG2 = Math.log(2);
    /** Adaptive Gauss–Kronrod at 1e-13 per panel on smooth integrands: 1e-9 leaves ample margin. */
    private static final double QUAD_TOL = 1e-9;

    static double d(DivergenceKind k, String p, String q) {
        return TrueDivergence.value(k, SpecParser.parse(p), SpecParser.parse(q));
    }

    static double klGauss(double m1, double s1, double m2, double s2) {
        return Math.log(s2 / s1) + (s1 * s1 + (m1 - m2) * (m1 - m2)) / (2 * s2 * s2) - 0.5;
    }

    @Test
    void klOfTwoGaussiansMatchesClosedForm() {
        assertEquals(klGauss(0, 1, 1, 2), d(DivergenceKind.KL, "normal(0,1)", "normal(1,2)"), QUAD_TOL);
        assertEquals(klGauss(1, 2, 0, 1), d(DivergenceKind.KL, "normal(1,2)", "normal(0,1)"), QUAD_TOL);
        assertEquals(klGauss(1, 2, 0, 1), d(DivergenceKind.KL_REVERSE, "normal(0,1)", "normal(1,2)"), QUAD_TOL);
        assertEquals(klGauss(0, 0.01, 3, 5), d(DivergenceKind.KL, "normal(0,0.01)", "normal(3,5)"), QUAD_TOL);
    }

    @Test
    void hellingerAndChi2OfGaussiansMatchClosedForms() {
        double m1 = 0.3;
        double s1 = 1.2;
        double m2 = -0.5;
        double s2 = 1.5;
        double h2 = 1 - Math.sqrt(2 * s1 * s2 / (s1 * s1 + s2 * s2))
                * Math.exp(-(m1 - m2) * (m1 - m2) / (4 * (s1 * s1 + s2 * s2)));
        assertEquals(h2, d(DivergenceKind.HELLINGER, "normal(0.3,1.2)", "normal(-0.5,1.5)"), QUAD_TOL);
        double k = 2 * s2 * s2 - s1 * s1;
        double chi2 = s2 * s2 / (s1 * Math.sqrt(k)) * Math.exp((m1 - m2) * (m1 - m2) / k) - 1;
        assertEquals(chi2, d(DivergenceKind.CHI2, "normal(0.3,1.2)", "normal(-0.5,1.5)"), QUAD_TOL);
        // Q's tail too light for P's: ∫ p²/q diverges.
        assertEquals(Double.POSITIVE_INFINITY, d(DivergenceKind.CHI2, "normal(0,2)", "normal(0,1)"));
    }

    @Test
    void disjointUniformsSaturate() {
        // Exact, not within rounding: the saturation the lecture is about must print as log 2 itself.
        assertEquals(LOG2, d(DivergenceKind.JS, "uniform(0,1)", "uniform(2,3)"), 0);
        assertEquals(Double.POSITIVE_INFINITY, d(DivergenceKind.KL, "uniform(0,1)", "uniform(2,3)"));
        assertEquals(1.0, d(DivergenceKind.TV, "uniform(0,1)", "uniform(2,3)"), 0);
        assertEquals(1.0, d(DivergenceKind.HELLINGER, "uniform(0,1)", "uniform(2,3)"), 0);
        assertEquals(LOG2, d(DivergenceKind.JS, "normal2(0,0,0.1,0.1)", "segment(5,0,5,1)"), 0);
    }

    @Test
    void halfOverlappingUniforms() {
        assertEquals(LOG2 / 2, d(DivergenceKind.JS, "uniform(0,2)", "uniform(1,3)"), 1e-12);
        assertEquals(0.5, d(DivergenceKind.TV, "uniform(0,2)", "uniform(1,3)"), 1e-12);
        assertEquals(0.5, d(DivergenceKind.HELLINGER, "uniform(0,2)", "uniform(1,3)"), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, d(DivergenceKind.KL, "uniform(0,2)", "uniform(1,3)"));
        // Nested supports: KL(U(0,1) || U(0,2)) = log 2, reverse is infinite.
        assertEquals(LOG2, d(DivergenceKind.KL, "uniform(0,1)", "uniform(0,2)"), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, d(DivergenceKind.KL_REVERSE, "uniform(0,1)", "uniform(0,2)"));
        // χ²(U(0,1) || U(0,2)) = ∫_0^1 (1 − ½)²/½ + ∫_1^2 ½ = ½ + ½ = 1.
        assertEquals(1.0, d(DivergenceKind.CHI2, "uniform(0,1)", "uniform(0,2)"), 1e-12);
    }

    @Test
    void narrowPeakIsNotMissed() {
        // Half the mass in a spike of width 0.001 far from Q's bulk: TV is 0.5 up to the overlap
        // 0.5 * φ(5) * O(width), below 1e-6.
        assertEquals(0.5, d(DivergenceKind.TV, "mixture(0.5*normal(0,1),0.5*normal(5,0.001))", "normal(0,1)"), 1e-6);
    }

    @Test
    void pointMassesAreExact() {
        assertEquals(LOG2, d(DivergenceKind.JS, "point(0)", "point(1)"), 0);
        assertEquals(0.0, d(DivergenceKind.JS, "point(1)", "point(1)"), 0);
        assertEquals(Double.POSITIVE_INFINITY, d(DivergenceKind.KL, "point(0)", "point(1)"));
        assertEquals(LOG2, d(DivergenceKind.JS, "point(0)", "normal(0,1)"), 1e-15);
        assertEquals(LOG2, d(DivergenceKind.JS, "point(0,0)", "normal2(0,0,1,1)"), 1e-15);
        // Half an atom on top of a Gaussian: atoms give ½·½·log 2, the densities (½φ vs φ) the rest.
        double expect = 0.25 * LOG2 + 0.5 * (0.5 * Math.log(2.0 / 3) + Math.log(4.0 / 3));
        assertEquals(expect, d(DivergenceKind.JS, "mixture(0.5*point(0),0.5*normal(0,1))", "normal(0,1)"), QUAD_TOL);
    }

    @Test
    void twoLinesOfTheLecture() {
        // P = line x = 0, Q = line x = θ: JS = log 2 for every θ ≠ 0, 0 at θ = 0.
        for (double theta : new double[] {1e-6, 0.1, 2}) {
            assertEquals(LOG2, d(DivergenceKind.JS, "segment(0,0,0,1)", "translate(" + theta + ",0,segment(0,0,0,1))"),
                    1e-15);
            assertEquals(Double.POSITIVE_INFINITY,
                    d(DivergenceKind.KL, "segment(0,0,0,1)", "segment(" + theta + ",0," + theta + ",1)"));
        }
        assertEquals(0.0, d(DivergenceKind.JS, "segment(0,0,0,1)", "segment(0,1,0,0)"), 1e-15);
        // Collinear, half overlapping.
        assertEquals(LOG2 / 2, d(DivergenceKind.JS, "segment(0,0,0,2)", "segment(0,1,0,3)"), 1e-15);
    }

    @Test
    void twoDimensionalGaussiansOnTheGrid() {
        // KL of 2-D Gaussians with correlation, closed form: ½[tr(Σ2⁻¹Σ1) + Δᵀ Σ2⁻¹ Δ − 2 + ln(det Σ2/det Σ1)].
        double[][] s1 = {{1, 0.3 * 1 * 0.8}, {0.3 * 0.8, 0.64}};
        double[][] s2 = {{1.44, 0}, {0, 1}};
        double det1 = s1[0][0] * s1[1][1] - s1[0][1] * s1[1][0];
        double det2 = 1.44;
        double tr = s1[0][0] / 1.44 + s1[1][1];
        double dx = 0.5;
        double dy = -0.2;
        double maha = dx * dx / 1.44 + dy * dy;
        double kl = 0.5 * (tr + maha - 2 + Math.log(det2 / det1));
        TrueDivergence.Result r = TrueDivergence.compute(DivergenceKind.KL, SpecParser.parse("normal2(0,0,1,0.8,0.3)"),
                SpecParser.parse("normal2(0.5,-0.2,1.2,1)"));
        assertEquals(kl, r.value(), 1e-6);
        assertTrue(r.errorBound() < 1e-6, "error bound " + r.errorBound());
        // Disjoint boxes: JS = log 2 from the grid itself (no closed-form shortcut).
        assertEquals(LOG2, d(DivergenceKind.JS, "box(0,0,1,1)", "box(2,0,3,1)"), 1e-12);
    }

    @Test
    void mismatchedDimensionsAndSampleOnlyToysAreClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> d(DivergenceKind.JS, "normal(0,1)", "normal2(0,0,1,1)"));
        assertTrue(e.getMessage().contains("1-D but Q"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> d(DivergenceKind.JS, "moons(0.1)", "normal2(0,0,1,1)"));
        assertTrue(e.getMessage().contains("no closed-form density"), e.getMessage());
    }

    @Test
    void quadratureIntegratesKnownFunctions() {
        Quadrature q = new Quadrature();
        assertEquals(Math.E - 1, q.integrate(Math::exp, 0, 1, 1e-14), 1e-14);
        assertEquals(2.0, q.integrate(Math::sin, 0, Math.PI, 1e-14), 1e-14);
        assertEquals(Math.PI / 4, q.integrate(x -> Math.sqrt(1 - x * x), 0, 1, 1e-12), 1e-10);
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void w1OfVeryDifferentScalesReturnsTheClosedForm() {
        // Same-mean normals: W1 = |σ1 − σ2|·E|Z| = 999·√(2/π). This used to bisect towards 2^40 panels.
        double w1 = DistributionW1.oneD(SpecParser.parse("normal(0,1000)"), SpecParser.parse("normal(0,1)")).orElseThrow();
        assertEquals(999 * Math.sqrt(2 / Math.PI), w1, 1e-9 * w1);
    }
}

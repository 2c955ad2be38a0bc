package org.divergencelab.divergence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The globally adaptive Gauss–Kronrod rule against closed forms, at and beyond its comfortable cases. */
class QuadratureTest {
    @Test
    void smoothIntegrandsToRounding() {
        Quadrature q = new Quadrature();
        assertEquals(Math.E - 1, q.integrate(Math::exp, 0, 1, 1e-14), 4e-16);
        assertEquals(2.0, q.integrate(Math::sin, 0, Math.PI, 1e-14), 1e-15);
        // Gaussian over ±8.5σ (what the 1-D truths integrate): 1 − erfc(8.5/√2) = 1 − 1.9e-17
        assertEquals(1.0, q.integrate(x -> Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI), -8.5, 8.5, 1e-14),
                2e-15);
        assertTrue(q.lastPanels() < 50, "a Gaussian should take a few dozen panels, took " + q.lastPanels());
    }

    /** A fold's end-point singularities: ∫_0^1 log x = −1, ∫_0^1 x^(−1/2) = 2, with honest error estimates. */
    @Test
    void endPointSingularitiesConvergeWithinTheBudget() {
        Quadrature q = new Quadrature();
        double log = q.integrate(Math::log, 0, 1, 1e-10);
        assertEquals(-1, log, 1e-10);
        assertTrue(q.lastError() <= 1e-10, "error estimate " + q.lastError());
        assertTrue(q.lastPanels() < 400, "log end point took " + q.lastPanels() + " panels");
        double inv = q.integrate(x -> 1 / Math.sqrt(x), 0, 1, 1e-8);
        assertEquals(2, inv, 1e-8);
        assertTrue(q.lastPanels() < 2000, "1/sqrt end point took " + q.lastPanels() + " panels");
        // both ends and an interior panel edge, as a fold between two pieces gives: ∫_{-1}^{1} log|x| = −2
        double both = q.integrate(x -> Math.log(Math.abs(x)), -1, 0, 1e-10) + q.integrate(x -> Math.log(x), 0, 1,
                1e-10);
        assertEquals(-2, both, 2e-10);
    }

    /**
     * Values carrying relative noise of 1e-13 (Newton-polished pre-images do): the result stays within the
     * tolerance and the rule does not spend its budget chasing the noise (a local scheme that halves each child's
     * tolerance bisected such integrands to 20 000 panels).
     */
    @Test
    void noisyIntegrandDoesNotExhaustTheBudget() {
        SplittableRandom r = new SplittableRandom(7);
        Quadrature q = new Quadrature();
        double v = q.integrate(x -> Math.log(x) * (1 + 1e-13 * (r.nextDouble() - 0.5)), 0, 1, 1e-10);
        assertEquals(-1, v, 1e-10);
        assertTrue(q.lastPanels() < 1000, "noisy log took " + q.lastPanels() + " panels");
    }

    /** Past the budget the answer comes back with its (large) error estimate instead of never returning. */
    @Test
    void budgetExhaustionIsReportedNotHidden() {
        Quadrature q = new Quadrature();
        // pure noise has no converging rule: the budget stops it and the error estimate says so
        SplittableRandom r = new SplittableRandom(11);
        double v = q.integrate(x -> r.nextDouble(), 0, 1, 1e-12);
        assertTrue(q.lastPanels() <= Quadrature.MAX_PANELS + 1, "panels " + q.lastPanels());
        assertTrue(Math.abs(v - 0.5) < 0.01 && q.lastError() > 1e-6, "value " + v + ", error " + q.lastError());
    }

    @Test
    void infiniteValuesPropagate() {
        Quadrature q = new Quadrature();
        assertEquals(Double.POSITIVE_INFINITY, q.integrate(x -> x == 0.5 ? Double.POSITIVE_INFINITY : 1, 0, 1, 1e-12));
    }
}

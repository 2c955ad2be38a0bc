package org.divergencelab.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.divergencelab.distribution.Distribution;
import org.divergencelab.distribution.SpecParser;
import org.divergencelab.divergence.DivergenceKind;
import org.divergencelab.divergence.ExactW1;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 in the sandbox: every number says what it is. Exact where it is (closed forms, quadrature, transport
 * between two discrete laws), a sample value with its n and sampling floor where it is not; and the plotted
 * critic is the 1-Lipschitz one.
 */
class SandboxHonestyTest {

    private static SandboxState state(String p, String q, int n) {
        return new SandboxState(p, q, n, 7, BulldozerExample.Plan.OPTIMAL, false, Set.of());
    }

    @Test
    void twoDimensionalNormalsShowASampleW1WithItsFloor() {
        SandboxState s = state("normal2(0,0,0.5,0.5)", "normal2(3,1,0.7,0.4)", 256);
        SandboxCompute c = new SandboxCompute();
        SandboxCompute.Frame f = c.frame(s);
        ValueMethod m = f.w1Method();
        assertEquals(ValueMethod.Kind.SAMPLE_OT, m.kind());
        assertFalse(m.exact(), "300 + 300 draws are not the population W1");
        assertEquals(SandboxCompute.PLAN_DRAWS_2D, m.n());
        assertTrue(m.label().startsWith("ot-n=300(floor="), m.label());
        // the floor is a sampling floor: as large as the W1 between two other independent 300-draws of P (the
        // spread of that statistic over seeds is well inside a factor 2 at n = 300), and far below this W1
        Distribution p = s.distributionP();
        double other = ExactW1.distance(p.sample(300, 1234), p.sample(300, 98765));
        assertTrue(m.bound() > other / 2 && m.bound() < other * 2, "floor " + m.bound() + " vs " + other);
        assertTrue(m.bound() < f.truth().w1() / 5, "floor " + m.bound() + " vs W1 " + f.truth().w1());
        // the plan cost is the same sample value
        assertEquals(m, f.planMethod());
        // the f-divergences between two normals are exact (2-D quadrature with its error bound)
        for (DivergenceKind k : SandboxCompute.KINDS) {
            assertTrue(f.method(k).exact(), k + ": " + f.method(k).label());
        }
        // the sweep's W1 curve is labelled the same way
        SandboxCompute.Sweep sw = c.sweep(s, 5);
        assertEquals(ValueMethod.Kind.SAMPLE_OT, sw.w1Method().kind());
        assertEquals(m.bound(), sw.w1Method().bound(), 0, "one floor for the same draws of P");
    }

    @Test
    void twoPointMassMixturesShowExactTransport() {
        // P = ½δ(0,0) + ½δ(2,0), Q = ¼δ(0,1) + ¾δ(2,1): every unit of mass rises by 1 and a quarter must also
        // cross from x = 0 to x = 2, at least √5 for it, so W1 = ¾·1 + ¼·√5 (attained: (0,0)→(0,1) ¼,
        // (0,0)→(2,1) ¼, (2,0)→(2,1) ½)
        SandboxState s = state("mixture(0.5*point(0,0),0.5*point(2,0))", "mixture(0.25*point(0,1),0.75*point(2,1))",
                64);
        SandboxCompute c = new SandboxCompute();
        SandboxCompute.Frame f = c.frame(s);
        double exact = 0.75 + 0.25 * Math.sqrt(5);
        assertEquals(exact, f.truth().w1(), 1e-12);
        assertEquals(ValueMethod.DISCRETE_OT, f.w1Method());
        assertTrue(f.w1Method().exact());
        assertEquals("exact-ot(discrete)", f.w1Method().label());
        assertEquals(exact, f.planCost(), 1e-12);
        double mass = 0;
        for (double w : f.lines()[4]) {
            mass += w;
        }
        assertEquals(1, mass, 1e-12);
        // disjoint atoms: JS = log 2 in closed form
        assertEquals(Math.log(2), f.truth().js(), 1e-15);
        assertEquals(ValueMethod.Kind.EXACT, f.method(DivergenceKind.JS).kind());
        // the sweep moves Q along x: at offset 0 (Q as given) its W1 is the same exact value
        SandboxCompute.Sweep sw = c.sweep(s, 5);
        assertEquals(ValueMethod.DISCRETE_OT, sw.w1Method());
        // at offset 0 (Q moved by −0.5 so the means agree) the optimal plan sends (0,0) a quarter to each of
        // (−0.5,1) and (1.5,1) and (2,0) its half to (1.5,1): W1 = ¾·√1.25 + ¼·√3.25
        int zero = java.util.Arrays.binarySearch(sw.offsets(), 0.0);
        assertEquals(0.75 * Math.sqrt(1.25) + 0.25 * Math.sqrt(3.25), sw.w1()[zero], 1e-12);
    }

    @Test
    void oneDimensionalW1IsQuadratureAndTheEstimateIsASampleValue() {
        SandboxState s = state("normal(0,0.5)", "normal(4,0.5)", 128);
        SandboxCompute c = new SandboxCompute();
        SandboxCompute.Frame f = c.frame(s);
        assertTrue(f.w1Method().exact(), f.w1Method().label());
        assertEquals(4, f.truth().w1(), 1e-9); // W1 of a shift is the shift
        assertEquals(ValueMethod.Kind.BINNED, f.planMethod().kind());
        SandboxCompute.Learned l = c.learned(s, 3);
        assertEquals(ValueMethod.Kind.SAMPLE_OT, l.w1Method().kind());
        assertEquals(128, l.w1Method().n());
        // independent check of the floor: exact 1-D transport between two other 128-draws of P, same magnitude
        Distribution p = s.distributionP();
        double other = ExactW1.oneD(p.sample(128, 555), p.sample(128, 556)).value();
        assertTrue(l.w1Method().bound() > other / 3 && l.w1Method().bound() < other * 3,
                "floor " + l.w1Method().bound() + " vs " + other);
    }

    @Test
    void atomsOfADensityAreNotDiscrete() {
        assertEquals(null, SandboxCompute.atoms(SpecParser.parse("mixture(0.5*point(0),0.5*normal(1,1))")));
        assertEquals(2, SandboxCompute.atoms(SpecParser.parse("mixture(0.5*point(0),0.5*point(1))")).size());
    }

    @Test
    void thePlottedCriticStaysInsideItsCone() {
        // S10: P = uniform(0,1), Q = uniform(1.5,2.5), n = 256, seed 1
        SandboxState s = new SandboxState("uniform(0,1)", "uniform(1.5,2.5)", 256, 1, BulldozerExample.Plan.OPTIMAL,
                false, Set.of());
        LiveNetworks.CriticFit c = new SandboxCompute().learned(s, SandboxSession.TRAIN_STEPS).critic();
        // the cause: the soft penalty lets the trained f's slope exceed 1 (optimum 1 + W/(2λ) = 1.1 for W1 = 2)
        assertTrue(c.lipschitz() > 1, "raw slope " + c.lipschitz());
        double[] x = c.xs();
        double[] f = c.feasibleValues();
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                assertTrue(Math.abs(f[i] - f[j]) <= Math.abs(x[i] - x[j]) * (1 + 1e-9),
                        "|f(x)−f(y)| > |x−y| at x = " + x[i] + ", y = " + x[j]);
            }
        }
        // and the read-out is this critic's dual value: ≤ W1 = 2 (Kantorovich–Rubinstein at a feasible f)
        assertTrue(c.boundW() <= 2 + 1e-9 && c.boundW() > 1.2, "bound " + c.boundW());
    }

    @Test
    void aDragFrameSkipsSlowTwoDimensionalTruthsButNotW1() {
        SandboxState s = state("ring(8,2,0.1)", "translate(3,0,ring(8,1,0.1))", 64);
        SandboxCompute c = new SandboxCompute(0);
        SandboxCompute.Frame full = c.frame(s);
        assertTrue(full.complete());
        SandboxCompute.Frame drag = c.frame(s, true);
        assertFalse(drag.complete(), "truths slower than the threshold are skipped while dragging");
        assertTrue(Double.isNaN(drag.truth().js()));
        assertEquals(ValueMethod.UNDEFINED, drag.method(DivergenceKind.JS));
        // the plot's part is all there: the same plan and W1 as the full frame (same draws, exact solver)
        assertEquals(full.truth().w1(), drag.truth().w1(), 1e-12);
        assertEquals(full.planCost(), drag.planCost(), 1e-12);
        assertEquals(full.w1Method(), drag.w1Method());
        // a release's frame computes them; 1-D truths (1-3 ms) always follow the mouse
        assertTrue(c.frame(s).complete());
        SandboxCompute.Frame oneD = c.frame(state("uniform(0,1)", "uniform(2,3)", 64), true);
        assertTrue(oneD.complete());
        assertEquals(Math.log(2), oneD.truth().js(), 1e-12);
    }
}

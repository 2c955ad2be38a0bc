package org.divergencelab.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.divergencelab.autodiff.Parameter;
import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.compute.Float64Backend;
import org.divergencelab.nn.Activation;
import org.divergencelab.nn.Mlp;
import org.junit.jupiter.api.Test;

/**
 * {@link GeneratorGradientProbe}: the gradient it reports against central finite differences of the loss (float64),
 * the vanishing minimax gradient on disjoint lines (Arjovsky and Bottou's Fig. 2), determinism and bad input.
 */
class GeneratorGradientProbeTest {

    /** The lecture's two lines, 2 apart so the data and G's initial line are disjoint (as in scene S20). */
    private static Experiment disjointLines() {
        return Presets.get("two-lines-gan").withData("segment(2,0,2,1)").withObjective(Objective.minimax());
    }

    @Test
    void reportedGradientMatchesFiniteDifferencesOfTheLoss() {
        // float64 so the finite differences are accurate: h = 1e-6, truncation ~h²·|f'''| ≈ 1e-12, rounding
        // ~ε·|f|/h ≈ 1e-10 for these O(1) losses; 1e-6·(1 + |g|) leaves four orders of margin against a wrong rule.
        ComputeBackend be = Float64Backend.INSTANCE;
        NetworkSpec net = new NetworkSpec(List.of(5, 4), Activation.Kind.TANH, Activation.Kind.IDENTITY, false, false);
        Experiment e = disjointLines().withGenerator(net).withCritic(net).withBatchSize(16);
        Mlp g = Trainer.buildGenerator(e, be, new SplittableRandom(1));
        Mlp d = Trainer.buildCritic(e, be, new SplittableRandom(2));
        double[] z = GeneratorGradientProbe.latent(e, 16, new SplittableRandom(3));
        for (Objective kind : List.of(Objective.minimax(), Objective.nonSaturating())) {
            double[] grad = GeneratorGradientProbe.gradient(e, g, d, kind, z);
            int o = 0;
            int checked = 0;
            for (Parameter p : g.parameters()) {
                int size = p.rows() * p.cols();
                double[] v = new double[size];
                be.copyOut(p.value(), v);
                for (int i = 0; i < size; i += Math.max(1, size / 4)) {
                    double keep = v[i];
                    v[i] = keep + 1e-6;
                    be.copyIn(v, p.value());
                    double up = GeneratorGradientProbe.loss(e, g, d, kind, z);
                    v[i] = keep - 1e-6;
                    be.copyIn(v, p.value());
                    double down = GeneratorGradientProbe.loss(e, g, d, kind, z);
                    v[i] = keep;
                    be.copyIn(v, p.value());
                    double numeric = (up - down) / 2e-6;
                    assertEquals(numeric, grad[o + i], 1e-6 * (1 + Math.abs(numeric)),
                            kind.kind() + " " + p.name() + "[" + i + "]");
                    checked++;
                }
                o += size;
            }
            assertEquals(grad.length, o, "the gradient covers every generator parameter");
            assertTrue(checked >= 8, "checked " + checked + " entries");
        }
    }

    @Test
    void minimaxGradientVanishesAsDLearnsToSeparateDisjointLines() {
        Experiment e = disjointLines();
        Mlp g = new Trainer(e).generator();
        GeneratorGradientProbe.Curve c = GeneratorGradientProbe.run(e, g, 600, 200, 7);
        assertArrayEquals(new int[] {0, 200, 400, 600}, c.steps());
        double[] mm = c.minimax();
        double[] ns = c.nonSaturating();
        // Theorem 2.4 of the paper: ‖∇ minimax‖ → 0 as D → D*. On this disjoint pair it falls on every recorded
        // step and by more than a decade (measured: 0.14 → 0.0067), while the −log D gradient does not vanish.
        for (int i = 1; i < mm.length; i++) {
            assertTrue(mm[i] < mm[i - 1], "minimax norm decreases: " + java.util.Arrays.toString(mm));
        }
        assertTrue(mm[mm.length - 1] < mm[0] / 10, java.util.Arrays.toString(mm));
        assertTrue(ns[ns.length - 1] > ns[0], "−log D norm grows: " + java.util.Arrays.toString(ns));
        assertTrue(ns[ns.length - 1] > 100 * mm[mm.length - 1]);
        // D becomes sure the fakes are fake.
        assertTrue(c.meanDOnFake()[mm.length - 1] < 0.01, "mean D(G(z)) = " + c.meanDOnFake()[mm.length - 1]);
    }

    @Test
    void sameSeedSameCurveAndTheGeneratorIsNotChanged() {
        Experiment e = disjointLines();
        Mlp g = new Trainer(e).generator();
        double[] before = new double[g.parameters().get(0).rows() * g.parameters().get(0).cols()];
        g.parameters().get(0).value().backend().copyOut(g.parameters().get(0).value(), before);
        GeneratorGradientProbe.Curve a = GeneratorGradientProbe.run(e, g, 40, 10, 5);
        GeneratorGradientProbe.Curve b = GeneratorGradientProbe.run(e, g, 40, 10, 5);
        assertArrayEquals(a.minimax(), b.minimax());
        assertArrayEquals(a.nonSaturating(), b.nonSaturating());
        double[] after = new double[before.length];
        g.parameters().get(0).value().backend().copyOut(g.parameters().get(0).value(), after);
        assertArrayEquals(before, after, "the generator is frozen");
    }

    @Test
    void badInputNamesTheParameter() {
        Experiment e = disjointLines();
        Mlp g = new Trainer(e).generator();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GeneratorGradientProbe.run(e, g, 0, 1, 1))
                .getMessage().contains("steps must be >= 1, got 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GeneratorGradientProbe.run(e, g, 10, 20, 1))
                .getMessage().contains("every must be in [1, steps=10], got 20"));
        Experiment twoD = Presets.get("ring8-gan");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GeneratorGradientProbe.run(twoD, g, 10, 1, 1))
                .getMessage().contains("generator maps 1 -> 2"));
    }
    private static double[] values(Mlp m) {
        List<Parameter> ps = m.parameters();
        int n = ps.stream().mapToInt(p -> p.rows() * p.cols()).sum();
        double[] out = new double[n];
        int o = 0;
        for (Parameter p : ps) {
            double[] v = new double[p.rows() * p.cols()];
            p.value().backend().copyOut(p.value(), v);
            System.arraycopy(v, 0, out, o, v.length);
            o += v.length;
        }
        return out;
    }

    private static double norm(double[] g) {
        double s = 0;
        for (double x : g) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    @Test
    void continueStartsFromTheGivenDiscriminatorAndLeavesItUnchanged() {
        // The scene's practice: D trained to convergence before every G step, from its previous weights (S20's
        // options), for 3 iterations. Its D already separates the lines.
        Experiment e = disjointLines().withOptions(TrainerOptions.none().withRetrainCritic(500, 1e-3));
        Trainer t = new Trainer(e);
        for (int i = 0; i < 3; i++) {
            assertTrue(t.iteration(), t.haltReason());
        }
        Mlp g = t.generator();
        Mlp current = t.critic();
        double[] before = values(current);
        long seed = 5;
        GeneratorGradientProbe.Curve cont = GeneratorGradientProbe.run(e, g, GeneratorGradientProbe.DStart.CONTINUE,
                current, 20, 10, seed);
        GeneratorGradientProbe.Curve fresh = GeneratorGradientProbe.run(e, g,
                GeneratorGradientProbe.DStart.REINITIALISE, current, 20, 10, seed);
        assertArrayEquals(before, values(current), "the given D is read, never trained");
        // Step 0 of CONTINUE measures the given D itself: the same gradient as computing it directly on the probe's
        // measuring batch (same operations in the same order, so equal to rounding: 1e-12 relative).
        double[] z = GeneratorGradientProbe.measuringBatch(e, seed);
        double direct = norm(GeneratorGradientProbe.gradient(e, g, current, Objective.minimax(), z));
        assertEquals(direct, cont.minimax()[0], 1e-12 * direct);
        double directNs = norm(GeneratorGradientProbe.gradient(e, g, current, Objective.nonSaturating(), z));
        assertEquals(directNs, cont.nonSaturating()[0], 1e-12 * directNs);
        // REINITIALISE ignores it: its fresh D is still unsure (mean D(G(z)) near ½) where the trained D is sure
        // the fakes are fake; measured 0.5 vs < 0.01, checked with wide margins.
        assertTrue(fresh.meanDOnFake()[0] > 0.2, "fresh D: " + fresh.meanDOnFake()[0]);
        assertTrue(cont.meanDOnFake()[0] < 0.05, "continued D: " + cont.meanDOnFake()[0]);
        // The default is the lecture's theory: re-initialise.
        assertArrayEquals(fresh.minimax(), GeneratorGradientProbe.run(e, g, 20, 10, seed).minimax());
    }

    @Test
    void continueNeedsAMatchingDiscriminator() {
        Experiment e = disjointLines();
        Mlp g = new Trainer(e).generator();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GeneratorGradientProbe.run(e, g,
                GeneratorGradientProbe.DStart.CONTINUE, null, 10, 1, 1)).getMessage()
                .contains("start CONTINUE needs the current discriminator, got null"));
        Mlp other = new Trainer(e.withCritic(NetworkSpec.relu(8))).critic();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GeneratorGradientProbe.run(e, g,
                GeneratorGradientProbe.DStart.CONTINUE, other, 10, 1, 1)).getMessage()
                .contains("the experiment's critic spec builds"));
    }
}

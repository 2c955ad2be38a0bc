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
}

package org.divergencelab.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.divergencelab.autodiff.Tape;
import org.divergencelab.autodiff.Var;
import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.compute.Float64Backend;
import org.divergencelab.distribution.Mixture;
import org.divergencelab.distribution.SpecCache;
import org.divergencelab.nn.Activation;
import org.divergencelab.nn.Mlp;
import org.junit.jupiter.api.Test;

/**
 * The conditional GAN's engine side: labelled draws, label draws, the one-hot inputs, the critic's gradient
 * through its input placement, the settings. Training results (G follows y only when D sees it) are asserted by
 * {@code lesson.LabelAccuracySceneTest} on S26's figure.
 */
class ConditionalGanTest {
    private static final ComputeBackend F64 = Float64Backend.INSTANCE;

    private static Experiment ring() {
        return Presets.get("ring8-gan").withCondition(ConditionSpec.mode());
    }

    @Test
    void labelledDrawsAreTheUnlabelledDrawsAndTheirComponent() {
        Mixture m = (Mixture) SpecCache.parse("ring(8,2,0.02)");
        SplittableRandom a = new SplittableRandom(5);
        SplittableRandom b = new SplittableRandom(5);
        double[] x = new double[2];
        double[] y = new double[2];
        int n = 20_000;
        int[] counts = new int[8];
        int posteriorAgrees = 0;
        for (int i = 0; i < n; i++) {
            int k = m.sampleLabelledInto(a, x, 0);
            m.sampleInto(b, y, 0);
            assertArrayEquals(y, x, 0.0, "draw " + i);
            counts[k]++;
            posteriorAgrees += m.mostLikelyComponent(x, 0) == k ? 1 : 0;
        }
        // modes 2 apart with σ = 0.02: the drawing component is the most likely one for every point
        assertEquals(n, posteriorAgrees);
        // each count ~ Binomial(n, 1/8): within 4 SE
        double se = Math.sqrt(n * 0.125 * 0.875);
        for (int c : counts) {
            assertEquals(n / 8.0, c, 4 * se);
        }
    }

    @Test
    void labelsFollowTheComponentWeightsAndWrongLabelsAreUniformOverTheOthers() {
        Experiment e = Presets.get("gaussians-1d-gan").withCondition(ConditionSpec.mode());
        Conditioning c = Conditioning.of(e);
        assertEquals(2, c.classes());
        SplittableRandom r = new SplittableRandom(9);
        int n = 100_000;
        int ones = 0;
        for (int i = 0; i < n; i++) {
            ones += c.drawLabel(r);
        }
        // P(y = 1) = 0.3: within 4 SE = 4·sqrt(0.21/n)
        assertEquals(0.3, (double) ones / n, 4 * Math.sqrt(0.21 / n));
        Conditioning ring = Conditioning.of(ring());
        int[][] wrong = new int[8][8];
        for (int i = 0; i < 80_000; i++) {
            int y = i % 8;
            wrong[y][ring.wrongLabel(y, r)]++;
        }
        double se = Math.sqrt(10_000 / 7.0 * 6 / 7);
        for (int y = 0; y < 8; y++) {
            assertEquals(0, wrong[y][y], "y' = y for y = " + y);
            for (int k = 0; k < 8; k++) {
                if (k != y) {
                    assertEquals(10_000 / 7.0, wrong[y][k], 4 * se, y + " -> " + k);
                }
            }
        }
    }

    @Test
    void inputsCarryTheOneHotLabelOrZerosForALabelBlindCritic() {
        Conditioning c = Conditioning.of(ring());
        double[] g = c.generatorInput(new double[] {0.5, -1, 2, 3}, 2, new int[] {3, 0}, 2);
        assertArrayEquals(new double[] {0.5, -1, 0, 0, 0, 1, 0, 0, 0, 0, 2, 3, 1, 0, 0, 0, 0, 0, 0, 0}, g);
        double[] d = c.criticInput(new double[] {1, 2}, new int[] {7}, 1);
        assertArrayEquals(new double[] {1, 2, 0, 0, 0, 0, 0, 0, 0, 1}, d);
        Conditioning blind = Conditioning.of(ring().withCondition(ConditionSpec.mode().withCriticSeesLabel(false)));
        assertArrayEquals(new double[] {1, 2, 0, 0, 0, 0, 0, 0, 0, 0}, blind.criticInput(new double[] {1, 2},
                new int[] {7}, 1));
        assertEquals(10, Trainer.buildGenerator(ring(), F64, new SplittableRandom(1)).inputDim());
        assertEquals(10, Trainer.buildCritic(ring(), F64, new SplittableRandom(1)).inputDim());
    }

    /**
     * D(x, y) on the tape ([x, onehot(y)] placed by a product with [I 0]) against central differences of the
     * same critic on the directly built rows, per input coordinate, and its generator loss's gradient in G's
     * parameters through that placement. Float64, tanh, h = 1e-6: truncation and rounding ~1e-10, tolerance
     * 1e-7·(1 + |numeric|).
     */
    @Test
    void conditionalCriticGradientsMatchFiniteDifferences() {
        NetworkSpec net = new NetworkSpec(List.of(6, 5), Activation.Kind.TANH, Activation.Kind.IDENTITY, false, false);
        Experiment e = ring().withCritic(net).withGenerator(net);
        Conditioning c = Conditioning.of(e);
        Mlp d = Trainer.buildCritic(e, F64, new SplittableRandom(2));
        int n = 5;
        int[] y = {0, 3, 7, 3, 5};
        double[] x = new double[n * 2];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < x.length; i++) {
            x[i] = 2 * r.nextGaussian();
        }
        Tape t = new Tape(F64);
        Var xv = t.constant(n, 2);
        F64.copyIn(x, xv.value());
        Var leaf = t.leafOf(xv);
        Var grad = t.grad(t.sum(d.forward(t, c.criticInput(t, F64, leaf, y))), leaf, false);
        double[] analytic = new double[n * 2];
        F64.copyOut(grad.value(), analytic);
        double h = 1e-6;
        for (int i = 0; i < x.length; i++) {
            double keep = x[i];
            x[i] = keep + h;
            double up = sumScores(d, c.criticInput(x, y, n), n);
            x[i] = keep - h;
            double down = sumScores(d, c.criticInput(x, y, n), n);
            x[i] = keep;
            double numeric = (up - down) / (2 * h);
            assertEquals(numeric, analytic[i], 1e-7 * (1 + Math.abs(numeric)), "dD/dx[" + i + "]");
        }
        // the tape's placement gives the same scores as the rows built directly
        Tape t2 = new Tape(F64);
        Var xv2 = t2.constant(n, 2);
        F64.copyIn(x, xv2.value());
        assertEquals(sumScores(d, c.criticInput(x, y, n), n), t2.sum(d.forward(t2, c.criticInput(t2, F64, xv2, y))).item(),
                1e-12);
    }

    private static double sumScores(Mlp d, double[] rows, int n) {
        Tape t = new Tape(F64);
        Var v = t.constant(n, rows.length / n);
        F64.copyIn(rows, v.value());
        return t.sum(d.forward(t, v)).item();
    }

    @Test
    void settingsValidateRoundTripAndOldFilesReadAsUnconditional() {
        Experiment e = ring().withCondition(ConditionSpec.mode().withMismatchNegatives(false));
        assertEquals(e, ExperimentJson.read(ExperimentJson.write(e)));
        assertEquals(8, e.labelCount());
        assertEquals(0, Presets.get("ring8-gan").labelCount());
        // a file without the condition group (every file written before) is an ordinary GAN
        String old = ExperimentJson.write(Presets.get("ring8-gan")).replaceAll(",\\s*\"condition\"\\s*:\\s*\\{[^}]*\\}", "");
        assertTrue(!old.contains("condition"), old);
        assertEquals(Presets.get("ring8-gan"), ExperimentJson.read(old));
        assertEquals(ConditionSpec.Label.MODE, ExperimentField.CONDITION_LABEL.parse("mode"));
        IllegalArgumentException notMixture = assertThrows(IllegalArgumentException.class,
                () -> Presets.get("swissroll-wgan-gp").withCondition(ConditionSpec.mode()));
        assertTrue(notMixture.getMessage().contains("condition.label = mode needs data that is a mixture"),
                notMixture.getMessage());
        IllegalArgumentException replay = assertThrows(IllegalArgumentException.class,
                () -> ring().withOptions(TrainerOptions.none().withReplay(100, 0.5)));
        assertTrue(replay.getMessage().contains("options.replayCapacity"), replay.getMessage());
        // switching the condition needs a new model (the networks' input widths change)
        Trainer t = new Trainer(Presets.get("ring8-gan"));
        assertEquals(Trainer.Change.NEW_MODEL, t.classify(ring()));
        assertThrows(IllegalArgumentException.class, () -> new Trainer(ring()).setBatchRecorder(
                new BatchRecorder() {
                    @Override
                    public void criticStep(long iteration, double[] real, double[] z, double[] eps, double loss) {
                    }

                    @Override
                    public void generatorStep(long iteration, double[] z, double loss) {
                    }
                }));
    }

    @Test
    void snapshotsOfAConditionalRunCarryLabelsAndAccuracyAndAnUnconditionalOneNeither() {
        Trainer t = new Trainer(ring());
        t.iteration();
        Snapshot s = t.snapshot(true);
        int[] labels = s.labels();
        assertEquals(s.real().length / 2, labels.length);
        // the evaluation's real points are labelled by the component that drew them (σ = 0.05, modes 1.5 apart)
        Conditioning c = Conditioning.of(ring());
        for (int i = 0; i < labels.length; i++) {
            assertEquals(labels[i], c.posteriorLabel(s.real(), i), "point " + i);
        }
        assertEquals(c.accuracy(s.fake(), labels), s.labelAccuracy(), 0.0);
        assertTrue(s.criticField() != null && s.criticGradients().length == s.fake().length);
        assertTrue(Double.isFinite(s.lipschitz()));
        // the real evaluation points are the unconditional run's: labelling draws nothing extra
        assertArrayEquals(new Trainer(Presets.get("ring8-gan")).snapshot(false).real(), s.real(), 0.0);
        Snapshot plain = new Trainer(Presets.get("ring8-gan")).snapshot(false);
        assertNull(plain.labels());
        assertTrue(Double.isNaN(plain.labelAccuracy()));
        assertNotEquals(0, labels.length);
    }
}

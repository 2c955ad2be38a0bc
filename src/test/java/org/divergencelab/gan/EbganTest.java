package org.divergencelab.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.divergencelab.autodiff.Tape;
import org.divergencelab.autodiff.Var;
import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.compute.CpuBackend;
import org.divergencelab.compute.Float64Backend;
import org.divergencelab.compute.Tensor;
import org.divergencelab.distribution.PointCloud;
import org.divergencelab.nn.Activation;
import org.divergencelab.nn.Layer;
import org.divergencelab.nn.Mlp;
import org.junit.jupiter.api.Test;

/**
 * EBGAN (Zhao et al. 2016; lecture 004): the auto-encoder's energy, both losses' gradients through it against
 * central differences, the total-variation estimate with the optimal energy, pre-training on data alone, and the
 * trained preset's energy surface (low on the data, high away from it).
 */
class EbganTest {
    private static final ComputeBackend F64 = Float64Backend.INSTANCE;

    private static Experiment experiment(Activation.Kind act, double margin) {
        NetworkSpec g = new NetworkSpec(List.of(6, 5), act, Activation.Kind.IDENTITY, false, false);
        NetworkSpec ae = new NetworkSpec(List.of(5, 2, 5), act, Activation.Kind.IDENTITY, false, false);
        return Presets.wganGp("fd", "ring(8,2,0.3)").withGenerator(g).withCritic(ae)
                .withObjective(Objective.ebgan(margin));
    }

    /** The energy is the mean squared reconstruction error of the auto-encoder's layers, row by row. */
    @Test
    void energyIsTheMeanSquaredReconstructionError() {
        Mlp d = Trainer.buildCritic(experiment(Activation.Kind.TANH, 1), F64, new SplittableRandom(2));
        assertTrue(d.isEnergy());
        assertEquals(1, d.outputDim());
        assertEquals(2, d.denseLayers().get(d.denseLayers().size() - 1).fanOut());
        int n = 9;
        Tensor x = F64.allocate(n, 2);
        F64.fillNormal(x, 0, 2, new SplittableRandom(5));
        Tape t = new Tape(F64);
        double[] energy = new double[n];
        F64.copyOut(d.forward(t, t.constant(x)).value(), energy);
        Var h = t.constant(x);
        for (Layer l : d.layers()) {
            h = l.forward(t, h);
        }
        double[] rec = new double[2 * n];
        double[] in = new double[2 * n];
        F64.copyOut(h.value(), rec);
        F64.copyOut(x, in);
        for (int i = 0; i < n; i++) {
            double e = (sq(in[2 * i] - rec[2 * i]) + sq(in[2 * i + 1] - rec[2 * i + 1])) / 2;
            assertEquals(e, energy[i], 1e-12 * (1 + e), "row " + i);
        }
    }

    @Test
    void bothLossesGradientsThroughTheAutoEncoderMatchCentralDifferences() {
        check(Activation.Kind.TANH);
        check(Activation.Kind.LEAKY_RELU);   // the preset's: piecewise linear, random inputs avoid kinks within h
    }

    private static void check(Activation.Kind act) {
        Experiment e0 = experiment(act, 1);
        Mlp g = Trainer.buildGenerator(e0, F64, new SplittableRandom(1));
        Mlp d = Trainer.buildCritic(e0, F64, new SplittableRandom(2));
        int n = 8;
        Tensor real = F64.allocate(n, 2);
        Tensor z = F64.allocate(n, 2);
        SplittableRandom r = new SplittableRandom(3);
        F64.fillNormal(real, 0, 1, r);
        F64.fillNormal(z, 0, 1, r);
        // the margin between two fake energies: half the fakes inside the hinge, half outside, none at its kink
        Tape t0 = new Tape(F64);
        double[] ef = new double[n];
        F64.copyOut(d.forward(t0, g.forward(t0, t0.constant(z))).value(), ef);
        double[] sorted = ef.clone();
        Arrays.sort(sorted);
        double m = (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        assertTrue(sorted[n / 2] - sorted[n / 2 - 1] > 1e-4, "fake energies too close: " + Arrays.toString(sorted));
        Objective o = Objective.ebgan(m);
        String name = "ebgan(m=" + m + ") " + act;
        FiniteDifferences.compare(name + " critic loss", d.parameters(), 51, t -> {
            Var fake = t.detach(g.forward(t, t.constant(z)));
            return Losses.criticLoss(t, o, d, t.constant(real), fake, new SplittableRandom(4));
        });
        FiniteDifferences.compare(name + " generator loss", g.parameters(), 51,
                t -> Losses.generatorLoss(t, o, d.forward(t, g.forward(t, t.constant(z)))));
        FiniteDifferences.compare(name + " pre-training loss", d.parameters(), 51,
                t -> Losses.reconstructionLoss(t, d, t.constant(real)));
        // and the loss value itself: E_r D + E_g max(0, m − D) from the energies
        Tape t = new Tape(F64);
        double[] er = new double[n];
        F64.copyOut(d.forward(t, t.constant(real)).value(), er);
        double want = 0;
        for (int i = 0; i < n; i++) {
            want += (er[i] + Math.max(0, m - ef[i])) / n;
        }
        Tape t2 = new Tape(F64);
        double got = Losses.criticLoss(t2, o, d, t2.constant(real), t2.detach(g.forward(t2, t2.constant(z))),
                new SplittableRandom(4)).item();
        assertEquals(want, got, 1e-12);
    }

    /**
     * With the optimal energy (0 where p &gt; q, m where q &gt; p: Zhao et al.'s Lemma 1) the estimate 1 − L_D/m is
     * TV(P, Q); any other energy gives less. P = N(0, 1), Q = N(1, 1): TV = 2Φ(½) − 1 = 0.382925 (Φ(½) =
     * 0.6914625). 400 000 samples per side: standard error of the estimate ≈ 0.001, tolerance 0.005.
     */
    @Test
    void theEstimateWithTheOptimalEnergyIsTheTotalVariation() {
        double m = 2;
        Objective o = Objective.ebgan(m);
        int n = 400_000;
        SplittableRandom r = new SplittableRandom(11);
        double[] sr = new double[n];
        double[] sf = new double[n];
        double[] srBad = new double[n];
        double[] sfBad = new double[n];
        for (int i = 0; i < n; i++) {
            double x = r.nextGaussian();
            double y = 1 + r.nextGaussian();
            sr[i] = x < 0.5 ? 0 : m;     // p > q left of the midpoint ½
            sf[i] = y < 0.5 ? 0 : m;
            srBad[i] = x < 0 ? 0 : m;    // a boundary in the wrong place
            sfBad[i] = y < 0 ? 0 : m;
        }
        double tv = 2 * 0.6914624612740131 - 1;
        assertEquals(tv, Losses.estimate(o, sr, sf), 0.005);
        assertTrue(Losses.estimate(o, srBad, sfBad) < tv - 0.02, "a worse energy must give a lower bound");
        assertEquals(Objective.Estimated.TV, o.estimated());
    }

    /** Pre-training alone (no critic step ever sees a fake) already makes the energy low on the data. */
    @Test
    void preTrainingOnDataAloneLowersTheEnergyOnTheData() {
        Experiment e = Presets.get("ring8-ebgan").withSteps(0, 1);
        Trainer fresh = new Trainer(e);
        double[] before = energyRatio(fresh);
        Trainer t = new Trainer(e);
        t.iteration();
        assertEquals(e.options().criticPretrainSteps(), t.criticStepCount());
        double[] after = energyRatio(t);
        // data energy falls by more than 10x; points off the ring stay well above it
        assertTrue(after[0] < before[0] / 10, "data energy " + before[0] + " -> " + after[0]);
        assertTrue(after[1] > 20 * after[0], "off-ring energy " + after[1] + " vs data " + after[0]);
    }

    /** After training, the energy on the data is far below the energy away from it (the scene's heatmap). */
    @Test
    void afterTrainingTheEnergyIsLowOnTheDataAndHighAway() {
        Trainer t = new Trainer(Presets.get("ring8-ebgan"));
        for (int i = 0; i < 300; i++) {
            assertTrue(t.iteration());
        }
        double[] e = energyRatio(t);
        assertTrue(e[0] < 0.2, "median data energy " + e[0]);
        assertTrue(e[1] > 20 * e[0], "median far energy " + e[1] + " vs data " + e[0]);
        assertTrue(e[1] > t.experiment().objective().margin(), "far points sit above the margin: " + e[1]);
    }

    /** Median energy on 512 data points and on 512 far points (the centre disc r < 1 and the annulus 3.5 < r < 5). */
    private static double[] energyRatio(Trainer t) {
        Experiment e = t.experiment();
        PointCloud data = e.dataDistribution().sample(512, new SplittableRandom(21));
        SplittableRandom r = new SplittableRandom(22);
        double[] far = new double[2 * 512];
        for (int i = 0; i < 512; i++) {
            double a = r.nextDouble(0, 2 * Math.PI);
            double rad = i % 2 == 0 ? r.nextDouble(0, 1) : r.nextDouble(3.5, 5);
            far[2 * i] = rad * Math.cos(a);
            far[2 * i + 1] = rad * Math.sin(a);
        }
        return new double[] {median(energies(t.critic(), data.coordsView(), 512)), median(energies(t.critic(), far, 512))};
    }

    static double[] energies(Mlp critic, double[] xy, int n) {
        ComputeBackend be = CpuBackend.INSTANCE;
        Tape t = new Tape(be);
        Var x = t.constant(n, 2);
        be.copyIn(xy, x.value());
        double[] out = new double[n];
        be.copyOut(critic.forward(t, x).value(), out);
        return out;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double sq(double v) {
        return v * v;
    }

    @Test
    void marginAndPretrainAreSettingsWithDefaultsForOlderFiles() {
        Experiment e = Presets.get("ring8-ebgan").with(Map.of(ExperimentField.OBJECTIVE_MARGIN, 0.5,
                ExperimentField.CRITIC_PRETRAIN_STEPS, 7));
        assertEquals(0.5, e.objective().margin());
        assertEquals(7, e.options().criticPretrainSteps());
        assertEquals(e, ExperimentJson.read(ExperimentJson.write(e)));
        assertEquals(0.25, ExperimentField.OBJECTIVE_MARGIN.parse("0.25"));
        // a file written before EBGAN: no margin, no pre-training key
        String old = ExperimentJson.write(Presets.get("ring8-gan")).replaceAll(",\\s*\"margin\"\\s*:\\s*1\\.0", "")
                .replaceAll(",\\s*\"criticPretrainSteps\"\\s*:\\s*0", "");
        assertTrue(!old.contains("margin") && !old.contains("criticPretrainSteps"), old);
        assertEquals(Presets.get("ring8-gan"), ExperimentJson.read(old));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> Presets.get("ring8-ebgan").with(ExperimentField.OBJECTIVE_MARGIN, 0.0));
        assertTrue(bad.getMessage().contains("objective.margin"), bad.getMessage());
        // the auto-encoder is another critic network: switching to or from EBGAN needs a new model
        Trainer t = new Trainer(Presets.get("ring8-gan"));
        assertEquals(Trainer.Change.NEW_MODEL, t.classify(Presets.get("ring8-gan").withObjective(Objective.ebgan(1))));
    }
}

package org.divergencelab.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.divergencelab.autodiff.Tape;
import org.divergencelab.autodiff.Var;
import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.compute.CpuBackend;
import org.divergencelab.distribution.GeneratorNet;
import org.divergencelab.nn.Activation;
import org.divergencelab.nn.Mlp;
import org.junit.jupiter.api.Test;

/** The exported plain net computes what the engine's float32 generator computes. */
class GeneratorExportTest {

    /** Max |G_double(z) − G_engine(z)| / (1 + |G|) over seeded z. */
    private static double maxDiff(Mlp m, LatentSpec latent) {
        // evaluation mode, as the trainer evaluates: spectral norm uses its current u, v without iterating
        for (org.divergencelab.nn.Dense d : m.denseLayers()) {
            if (d.spectralNorm() != null) {
                d.spectralNorm().setTraining(false);
            }
        }
        GeneratorNet net = GeneratorExport.of(m, latent);
        ComputeBackend be = CpuBackend.INSTANCE;
        int n = 256;
        int k = latent.dim();
        double[] z = new double[n * k];
        SplittableRandom r = new SplittableRandom(4);
        for (int i = 0; i < z.length; i++) {
            z[i] = r.nextGaussian() * 1.5;
        }
        Tape t = new Tape(be);
        Var zv = t.constant(n, k);
        be.copyIn(z, zv.value());
        Var x = m.forward(t, zv);
        double[] out = new double[n * m.outputDim()];
        be.copyOut(x.value(), out);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double[] g = net.forward(java.util.Arrays.copyOfRange(z, i * k, i * k + k));
            for (int j = 0; j < g.length; j++) {
                worst = Math.max(worst, Math.abs(g[j] - out[i * m.outputDim() + j]) / (1 + Math.abs(g[j])));
            }
        }
        return worst;
    }

    @Test
    void exportedNetsMatchTheEngineToFloat32Rounding() {
        // float32 engine vs double: each layer rounds to ~6e-8 relative; through 3-4 layers of width 64 the sums
        // accumulate ~√64 · 6e-8 per layer, so 1e-5 relative leaves a wide margin and still catches any wrong
        // weight, transposition or activation (those differ at O(1))
        for (Experiment e : List.of(Presets.get("ring8-wgan-gp"), Presets.get("gaussians-1d-gan"),
                Presets.get("two-lines-gan"),
                Presets.get("ring8-wgan-gp").withGenerator(NetworkSpec.relu(32, 32).withActivation(
                        Activation.Kind.LEAKY_RELU)),
                Presets.get("ring8-wgan-gp").withGenerator(NetworkSpec.relu(16).withSpectralNorm(true)
                        .withOutputActivation(Activation.Kind.SIGMOID)))) {
            Mlp g = Trainer.buildGenerator(e, CpuBackend.INSTANCE, new SplittableRandom(7));
            double d = maxDiff(g, e.latent());
            assertTrue(d < 1e-5, e.name() + " " + e.generator() + ": " + d);
        }
    }

    @Test
    void aTrainedGeneratorExportsToo() {
        Trainer t = new Trainer(Presets.get("gaussians-1d-gan"));
        for (int i = 0; i < 50; i++) {
            t.iteration();
        }
        assertTrue(maxDiff(t.generator(), t.experiment().latent()) < 1e-5);
        GeneratorNet net = GeneratorExport.of(t.generator(), t.experiment().latent());
        assertEquals(GeneratorNet.Prior.NORMAL, net.prior());
        assertEquals("normal(1) → 32 tanh → 32 tanh → 1 identity", net.describe());
    }

    @Test
    void layerNormIsRefusedClearly() {
        Experiment e = Presets.get("ring8-wgan-gp").withGenerator(NetworkSpec.relu(8).withLayerNorm(true));
        Mlp g = Trainer.buildGenerator(e, CpuBackend.INSTANCE, new SplittableRandom(7));
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> GeneratorExport.of(g, e.latent()));
        assertTrue(ex.getMessage().contains("layer norm") && ex.getMessage().contains("cannot be exported exactly"),
                ex.getMessage());
    }
}

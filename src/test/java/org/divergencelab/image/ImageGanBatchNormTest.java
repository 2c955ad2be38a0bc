package org.divergencelab.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.divergencelab.autodiff.Parameter;
import org.divergencelab.compute.CpuBackend;
import org.junit.jupiter.api.Test;

/**
 * The batch-norm switch of the DCGAN generator (image mode's "batch norm in G"): on is the old network bit
 * for bit, off drops exactly the two BatchNorm2d layers (their γ and β: 2·(64 + 32) values), and both train
 * on the 32×32 procedural faces to finite losses and varied, non-blank samples.
 */
class ImageGanBatchNormTest {
    private static final ImageDataset FACES = ProceduralFaces.generate(64, 32, 7);

    private static float[] samples(ImageGan gan, int n) {
        float[] z = new float[n * gan.zDim()];
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) r.nextGaussian();
        }
        float[] out = new float[n * FACES.dim()];
        gan.sample(z, n, out);
        return out;
    }

    private static long values(List<Parameter> ps) {
        return ps.stream().mapToLong(p -> (long) p.rows() * p.cols()).sum();
    }

    @Test
    void batchNormOnIsTheOldGeneratorAndOffDropsOnlyItsLayers() {
        ImageGan old = new ImageGan(CpuBackend.INSTANCE, FACES, ImageGan.Model.DCGAN, ImageGan.Objective.WGAN_GP, 8, 16, 1, 3);
        ImageGan on = new ImageGan(CpuBackend.INSTANCE, FACES, ImageGan.Model.DCGAN, ImageGan.Objective.WGAN_GP, true, 8, 16, 1, 3);
        ImageGan off = new ImageGan(CpuBackend.INSTANCE, FACES, ImageGan.Model.DCGAN, ImageGan.Objective.WGAN_GP, false, 8, 16, 1, 3);
        assertTrue(on.batchNorm());
        assertFalse(off.batchNorm());
        assertFalse(new ImageGan(CpuBackend.INSTANCE, FACES, ImageGan.Model.MLP, ImageGan.Objective.GAN, true, 8, 16, 1, 3)
                .batchNorm(), "the MLP has no batch norm whatever the switch says");
        assertEquals(2L * (64 + 32), values(on.parameters()) - values(off.parameters()));
        assertTrue(off.parameters().stream().noneMatch(p -> p.name().contains("bn")), off.parameters().toString());
        for (int i = 0; i < 2; i++) {
            old.iteration();
            on.iteration();
        }
        assertArrayEquals(samples(old, 4), samples(on, 4), "batch norm on = the generator before the switch existed");
    }

    @Test
    void dcganOnFaces32TrainsWithAndWithoutBatchNorm() {
        for (boolean bn : new boolean[] {true, false}) {
            ImageGan gan = new ImageGan(CpuBackend.INSTANCE, FACES, ImageGan.Model.DCGAN, ImageGan.Objective.WGAN_GP, bn, 16,
                    16, 1, 5);
            for (int i = 0; i < 3; i++) {
                gan.iteration();
            }
            assertTrue(Double.isFinite(gan.lastCriticLoss()) && Double.isFinite(gan.lastGeneratorLoss()),
                    "bn " + bn + ": losses " + gan.lastCriticLoss() + ", " + gan.lastGeneratorLoss());
            float[] s = samples(gan, 4);
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            double diff = 0;
            for (int i = 0; i < s.length; i++) {
                assertTrue(Float.isFinite(s[i]));
                min = Math.min(min, s[i]);
                max = Math.max(max, s[i]);
            }
            for (int j = 0; j < FACES.dim(); j++) {
                diff += Math.abs(s[j] - s[FACES.dim() + j]);
            }
            System.out.printf("bn %s: samples %.3f..%.3f, mean |x0 - x1| %.4f%n", bn, min, max, diff / FACES.dim());
            // a blank (constant) image has range 0; tanh outputs of a freshly trained net spread over tenths
            assertTrue(max - min > 0.2, "bn " + bn + ": sample range " + min + ".." + max);
            assertTrue(diff / FACES.dim() > 1e-3, "bn " + bn + ": two z give different images");
        }
    }
}

package org.divergencelab.image;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.divergencelab.autodiff.Parameter;
import org.divergencelab.compute.CpuBackend;
import org.junit.jupiter.api.Test;

/**
 * Image mode's original WGAN: after every critic update each critic weight lies in [−c, c] (c = 0.01), the
 * generator is never clamped, and the W estimate stays finite. He-initialised weights with fan-in 144 have
 * σ ≈ 0.12, so a clamp that did nothing would leave most of them outside the box.
 */
class ImageGanClipTest {
    private static double maxAbs(List<Parameter> ps) {
        double m = 0;
        for (Parameter p : ps) {
            float[] v = new float[p.rows() * p.cols()];
            CpuBackend.INSTANCE.copyOut(p.value(), v);
            for (float x : v) {
                m = Math.max(m, Math.abs(x));
            }
        }
        return m;
    }

    @Test
    void everyCriticWeightStaysInsideTheClipBoxAndTheGeneratorIsFree() {
        ImageDataset shapes = ProceduralShapes.generate(64, 12, 1, 5);
        for (ImageGan.Model model : ImageGan.Model.values()) {
            ImageGan gan = new ImageGan(CpuBackend.INSTANCE, shapes, model, ImageGan.Objective.WGAN_CLIP, true, 16, 8, 5, 3);
            List<Parameter> all = gan.parameters(); // generator's, then critic's
            int generatorCount = (int) all.stream().filter(p -> p.name().startsWith("G")).count();
            assertTrue(maxAbs(all.subList(generatorCount, all.size())) > 0.05, "the initial critic is outside the box");
            for (int i = 0; i < 3; i++) {
                gan.iteration();
                double critic = maxAbs(all.subList(generatorCount, all.size()));
                assertTrue(critic <= 0.01f, model + " iteration " + i + ": max |w| of the critic " + critic);
            }
            assertTrue(maxAbs(all.subList(0, generatorCount)) > 0.05, model + ": the generator is not clamped");
            assertTrue(Double.isFinite(gan.lastWasserstein()) && Double.isFinite(gan.lastGeneratorLoss()));
            assertTrue(ImageGan.Objective.WGAN_CLIP.wasserstein() && !ImageGan.Objective.LSGAN.wasserstein());
        }
    }
}

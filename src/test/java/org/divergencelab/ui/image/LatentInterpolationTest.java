package org.divergencelab.ui.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.divergencelab.compute.CpuBackend;
import org.divergencelab.image.ImageDataset;
import org.divergencelab.image.ImageGan;
import org.divergencelab.image.ProceduralShapes;
import org.divergencelab.ui.FxTestSupport;
import org.divergencelab.ui.i18n.I18n;
import org.junit.jupiter.api.Test;

/**
 * S25's image half: the strip is G(z_t) along the straight path z_t = (1−t)·z_a + t·z_b between two latent
 * draws fixed by the seed, and "new pair" draws the next pair from the same seed's stream.
 */
class LatentInterpolationTest {
    private static final int Z = 8;

    private static ImageModeView view(long seed) throws Exception {
        return FxTestSupport.onFx(() -> new ImageModeView(new I18n(I18n.ENGLISH), null, 12, 12, 1, Z, seed));
    }

    @Test
    void theStripIsTheGeneratorAlongTheStraightPathBetweenTheSeedsPair() throws Exception {
        ImageModeView v = view(5);
        // the pair comes after the 24 grid codes in the seed's stream (the layout the view always had)
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < ImageModeView.SAMPLES * Z; i++) {
            r.nextGaussian();
        }
        float[] za = new float[Z];
        float[] zb = new float[Z];
        for (int j = 0; j < Z; j++) {
            za[j] = (float) r.nextGaussian();
        }
        for (int j = 0; j < Z; j++) {
            zb[j] = (float) r.nextGaussian();
        }
        float[][] pair = v.latentPair();
        assertArrayEquals(za, pair[0]);
        assertArrayEquals(zb, pair[1]);
        float[] codes = v.interpolationCodes();
        int n = ImageModeView.STEPS;
        assertArrayEquals(za, Arrays.copyOfRange(codes, 0, Z), "t = 0 is z_a exactly");
        assertArrayEquals(zb, Arrays.copyOfRange(codes, (n - 1) * Z, n * Z), "t = 1 is z_b exactly");
        for (int s = 0; s < n; s++) {
            double t = s / (double) (n - 1);
            for (int j = 0; j < Z; j++) {
                double want = za[j] + t * (zb[j] - za[j]); // the same line written the other way
                // one float rounding of a value below 10 in magnitude: 2^-23 · 10 < 1.2e-6
                assertEquals(want, codes[s * Z + j], 1.2e-6, "step " + s + ", coordinate " + j);
            }
        }
        // the strip shows G at exactly these codes
        ImageDataset shapes = ProceduralShapes.generate(32, 12, 1, 3);
        ImageGan gan = new ImageGan(CpuBackend.INSTANCE, shapes, ImageGan.Model.MLP, ImageGan.Objective.GAN, 8, Z, 1, 3);
        gan.iteration();
        ImageModeView.Frame f = v.capture(gan, 1, 1);
        float[] direct = new float[n * shapes.dim()];
        gan.sample(codes, n, direct);
        assertArrayEquals(direct, f.interpolation());
        // and its picture: image s's top-left pixel of the strip is G(z_t)'s first pixel at 8 bits
        int level = (int) Math.round(Math.max(0, Math.min(255, (direct[3 * shapes.dim()] + 1) * 127.5)));
        assertEquals(level, f.strip().argb()[3 * (12 + 4)] & 0xFF);
    }

    @Test
    void aNewPairComesFromTheSeedAndMovesTheWholePath() throws Exception {
        ImageModeView a = view(9);
        ImageModeView b = view(9);
        float[][] first = a.latentPair();
        FxTestSupport.onFx(() -> {
            a.drawNewPair();
            b.drawNewPair();
            return null;
        });
        float[][] second = a.latentPair();
        assertArrayEquals(second[0], b.latentPair()[0], "the same seed gives the same second pair");
        assertArrayEquals(second[1], b.latentPair()[1]);
        assertFalse(Arrays.equals(first[0], second[0]));
        assertFalse(Arrays.equals(first[1], second[1]));
        float[] codes = a.interpolationCodes();
        assertArrayEquals(second[0], Arrays.copyOfRange(codes, 0, Z));
        assertTrue(!a.workerAlive(), "without a generator no render thread starts");
    }
}

package org.divergencelab.image;

import java.util.SplittableRandom;

/**
 * Simple cartoon faces in colour, in plain Java (no java.desktop): a skin-toned oval, a hair cap, two eyes
 * with random spacing and colour, and a mouth whose curvature (smile or frown) is random; position, size
 * and tilt jittered. 4×4 supersampled. A toy stand-in for the lecture's anime faces.
 */
public final class ProceduralFaces {
    private static final int SS = 4;

    private ProceduralFaces() {
    }

    /** {@code count} colour faces of side {@code size} (8..64) from {@code seed}. */
    public static ImageDataset generate(int count, int size, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("faces: count must be >= 1, got " + count);
        }
        if (size < 8 || size > ImageDataset.MAX_SIDE) {
            throw new IllegalArgumentException("faces: size must be 8.." + ImageDataset.MAX_SIDE + ", got " + size);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int plane = size * size;
        float[] px = new float[count * 3 * plane];
        double[] rgb = new double[3];
        for (int i = 0; i < count; i++) {
            double s = size * (0.34 + 0.06 * rng.nextDouble()); // face half-width
            double cx = size / 2.0 + (rng.nextDouble() - 0.5) * size * 0.12;
            double cy = size / 2.0 + (rng.nextDouble() - 0.5) * size * 0.12;
            double tilt = (rng.nextDouble() - 0.5) * 0.4;
            double[] skin = {0.75 + 0.2 * rng.nextDouble(), 0.55 + 0.2 * rng.nextDouble(), 0.4 + 0.2 * rng.nextDouble()};
            double[] hair = {0.1 + 0.6 * rng.nextDouble(), 0.05 + 0.4 * rng.nextDouble(), 0.05 + 0.5 * rng.nextDouble()};
            double[] eye = {0.1 * rng.nextDouble(), 0.2 + 0.5 * rng.nextDouble(), 0.3 + 0.6 * rng.nextDouble()};
            double eyeGap = 0.3 + 0.15 * rng.nextDouble();
            double smile = (rng.nextDouble() - 0.3) * 0.5; // mostly smiles
            double[] bg = {0.9, 0.9, 0.95};
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    rgb[0] = rgb[1] = rgb[2] = 0;
                    for (int sy = 0; sy < SS; sy++) {
                        for (int sx = 0; sx < SS; sx++) {
                            double dx = x + (sx + 0.5) / SS - cx;
                            double dy = y + (sy + 0.5) / SS - cy;
                            double u = (Math.cos(tilt) * dx + Math.sin(tilt) * dy) / s; // face frame, unit half-width
                            double v = (-Math.sin(tilt) * dx + Math.cos(tilt) * dy) / s;
                            double[] c = colourAt(u, v, skin, hair, eye, eyeGap, smile, bg);
                            rgb[0] += c[0];
                            rgb[1] += c[1];
                            rgb[2] += c[2];
                        }
                    }
                    for (int ch = 0; ch < 3; ch++) {
                        px[(i * 3 + ch) * plane + y * size + x] = (float) Math.max(-1, Math.min(1, 2 * rgb[ch] / (SS * SS) - 1));
                    }
                }
            }
        }
        return new ImageDataset("faces-" + size, size, size, 3, px);
    }

    private static double[] colourAt(double u, double v, double[] skin, double[] hair, double[] eye, double eyeGap,
                                     double smile, double[] bg) {
        boolean inFace = u * u + (v / 1.2) * (v / 1.2) <= 1;
        boolean inHead = u * u * 1.1 + ((v + 0.25) / 1.25) * ((v + 0.25) / 1.25) <= 1.1;
        if (!inHead) {
            return bg;
        }
        if (!inFace || v < -0.75 + 0.15 * Math.abs(u)) {
            return hair; // hair cap above the forehead and around the face
        }
        for (int side = -1; side <= 1; side += 2) {
            double ex = u - side * eyeGap;
            double ey = v + 0.15;
            if (ex * ex / 0.02 + ey * ey / 0.012 <= 1) {
                return eye;
            }
        }
        // mouth: a parabola v = 0.45 + smile·(1 − (u/0.35)²) band, |u| < 0.35
        if (Math.abs(u) < 0.35) {
            double mv = 0.45 + smile * (1 - (u / 0.35) * (u / 0.35));
            if (Math.abs(v - mv) < 0.05) {
                return new double[] {0.6, 0.1, 0.15};
            }
        }
        return skin;
    }
}

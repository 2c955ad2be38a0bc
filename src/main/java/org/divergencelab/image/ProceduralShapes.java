package org.divergencelab.image;

import java.util.SplittableRandom;

/**
 * Simple shapes (filled discs, squares and triangles at random position, size and rotation) rasterised in
 * plain Java with 4×4 supersampling for anti-aliased edges. Needs nothing beyond java.base, so it is the
 * dataset for headless and GPU runs on a minimal runtime.
 */
public final class ProceduralShapes {
    private static final int SS = 4;

    private ProceduralShapes() {
    }

    /**
     * {@code count} images of side {@code size}, grey (1 channel: white shape on black) or colour (3: a
     * random saturated colour on black), from {@code seed}.
     */
    public static ImageDataset generate(int count, int size, int channels, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("shapes: count must be >= 1, got " + count);
        }
        if (size < 4 || size > ImageDataset.MAX_SIDE) {
            throw new IllegalArgumentException("shapes: size must be 4.." + ImageDataset.MAX_SIDE + ", got " + size);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("shapes: channels must be 1 or 3, got " + channels);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int plane = size * size;
        float[] px = new float[count * channels * plane];
        float[] cover = new float[plane];
        for (int i = 0; i < count; i++) {
            int kind = rng.nextInt(3);
            double r = size * (0.18 + 0.14 * rng.nextDouble());
            double cx = size / 2.0 + (rng.nextDouble() - 0.5) * (size - 2 * r);
            double cy = size / 2.0 + (rng.nextDouble() - 0.5) * (size - 2 * r);
            double angle = rng.nextDouble() * 2 * Math.PI;
            rasterise(kind, cx, cy, r, angle, size, cover);
            double[] colour = channels == 1 ? new double[] {1} : hue(rng.nextDouble());
            for (int c = 0; c < channels; c++) {
                int base = (i * channels + c) * plane;
                for (int p = 0; p < plane; p++) {
                    px[base + p] = (float) (2 * cover[p] * colour[c] - 1);
                }
            }
        }
        return new ImageDataset("shapes-" + size + (channels == 3 ? "-rgb" : ""), size, size, channels, px);
    }

    private static double[] hue(double h) {
        double[] c = new double[3];
        for (int k = 0; k < 3; k++) {
            double t = (h + k / 3.0) % 1.0;
            c[k] = Math.max(0, Math.min(1, Math.abs(t * 6 - 3) - 1)); // HSV hue wheel at full saturation
        }
        return c;
    }

    /** Fraction of each pixel covered by the shape, by SS×SS point sampling. */
    static void rasterise(int kind, double cx, double cy, double r, double angle, int size, float[] cover) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int hits = 0;
                for (int sy = 0; sy < SS; sy++) {
                    for (int sx = 0; sx < SS; sx++) {
                        double px = x + (sx + 0.5) / SS - cx;
                        double py = y + (sy + 0.5) / SS - cy;
                        double u = cos * px + sin * py; // shape frame
                        double v = -sin * px + cos * py;
                        if (inside(kind, u, v, r)) {
                            hits++;
                        }
                    }
                }
                cover[y * size + x] = hits / (float) (SS * SS);
            }
        }
    }

    private static boolean inside(int kind, double u, double v, double r) {
        return switch (kind) {
            case 0 -> u * u + v * v <= r * r;
            case 1 -> Math.abs(u) <= r * 0.8 && Math.abs(v) <= r * 0.8;
            default -> {
                // equilateral triangle with circumradius r: inside all three half-planes
                boolean in = true;
                for (int k = 0; k < 3; k++) {
                    double a = Math.PI / 2 + k * 2 * Math.PI / 3;
                    if (u * Math.cos(a) + v * Math.sin(a) > r / 2) {
                        in = false;
                    }
                }
                yield in;
            }
        };
    }
}

package org.divergencelab.compute;

import java.util.SplittableRandom;

/**
 * Run by {@link GemmFallbackTest} in a JVM without {@code jdk.incubator.vector}: prints the path
 * {@link Gemm#gemm} chose and the largest error, relative to the float64 sum of |a||b|, over every
 * transpose of a 70×45×33 product through the public entry point.
 */
public final class GemmFallbackProbe {
    private GemmFallbackProbe() {
    }

    public static void main(String[] args) {
        SplittableRandom rng = new SplittableRandom(3);
        int m = 70;
        int n = 45;
        int k = 33;
        double worst = 0;
        for (int t = 0; t < 4; t++) {
            boolean ta = t >= 2;
            boolean tb = (t & 1) == 1;
            float[] a = new float[m * k];
            float[] b = new float[k * n];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) (rng.nextDouble() * 2 - 1);
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) (rng.nextDouble() * 2 - 1);
            }
            float[] c = new float[m * n];
            java.util.Arrays.fill(c, Float.NaN);
            Gemm.gemm(ta, tb, m, n, k, 1f, a, 0, ta ? m : k, b, 0, tb ? k : n, 0f, c, 0, n);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double exact = 0;
                    double mag = 0;
                    for (int p = 0; p < k; p++) {
                        double x = ta ? a[p * m + i] : a[i * k + p];
                        double y = tb ? b[j * k + p] : b[p * n + j];
                        exact += x * y;
                        mag += Math.abs(x * y);
                    }
                    double err = Math.abs(c[i * n + j] - exact) / mag;
                    worst = Double.isNaN(err) ? Double.POSITIVE_INFINITY : Math.max(worst, err);
                }
            }
        }
        System.out.println("path=" + Gemm.defaultPath() + " worstRelativeError=" + worst);
    }
}

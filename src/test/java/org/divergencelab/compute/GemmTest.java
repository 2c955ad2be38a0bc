package org.divergencelab.compute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link Gemm} on every path against a float64 reference.
 *
 * <p>Tolerance per element: {@code 2·(k+3)·u·(|α|·Σ_p|a_ip·b_pj| + |β·c_ij|)} with u = 2⁻²⁴. A float32
 * sum of k products (fused or not) in any order is within γ_k·Σ|a||b| ≈ k·u·Σ|a||b| of the exact value
 * (Higham, Accuracy and Stability, §3.1); scaling by α, by β and the final add cost at most three more
 * roundings; the factor 2 leaves room for the products rounded separately in the non-fused paths. The
 * float64 reference itself is within k·2⁻⁵³·Σ|a||b|, negligible here. A wrong index, a skipped p or a
 * missed β term is off by the size of a whole term, far beyond this bound.
 */
class GemmTest {
    private static final double U = Math.ulp(1.0f) / 2;
    /** Written outside C's m×n window: must survive every call untouched. */
    private static final float SENTINEL = -7777.25f;

    /** Sizes around the kernel's tile (6 rows × 32 columns with AVX-512) and lane boundaries (blocks: see below). */
    private static final int[] SIZES = {1, 2, 3, 5, 6, 7, 8, 13, 15, 16, 17, 31, 32, 33, 47, 48, 49, 63, 64, 65,
        95, 96, 97, 127, 128, 129, 191, 193, 255, 256, 257, 263, 300};

    @Test
    void vectorPathIsAvailableUnderTheTestJvmFlags() {
        // The pom adds --add-modules jdk.incubator.vector; without it the vector tests below would test nothing new.
        assertTrue(Gemm.vectorAvailable());
        assertEquals(Gemm.Path.VECTOR, Gemm.defaultPath());
    }

    @Test
    void vectorPathMatchesFloat64ReferenceOnRandomShapes() {
        randomShapes(Gemm.Path.VECTOR, 11, 260);
    }

    @Test
    void scalarPathMatchesFloat64ReferenceOnRandomShapes() {
        randomShapes(Gemm.Path.SCALAR, 12, 120);
    }

    @Test
    void referencePathMatchesFloat64Reference() {
        randomShapes(Gemm.Path.REFERENCE, 13, 40);
    }

    /** The MLP's shapes, plus k above the 512-deep block, n above the 1024-wide block, m above 384 rows. */
    @Test
    void mlpShapesOnEveryTransposeAndPath() {
        int[][] shapes = {{256, 512, 512}, {512, 512, 256}, {256, 512, 2}, {2, 512, 256}, {256, 1, 512},
            {512, 1, 256}, {256, 512, 1}, {256, 64, 64}, {64, 64, 256}, {256, 2, 64}, {64, 2, 256}, {256, 4, 5},
            {256, 5, 33}, {7, 1100, 20}, {20, 40, 600}, {400, 40, 30}, {13, 37, 1030}};
        SplittableRandom rng = new SplittableRandom(21);
        for (Gemm.Path path : new Gemm.Path[] {Gemm.Path.VECTOR, Gemm.Path.SCALAR}) {
            for (int[] s : shapes) {
                for (int t = 0; t < 4; t++) {
                    check(path, new Case(t >= 2, (t & 1) == 1, s[0], s[1], s[2], 1f, 0f, 0, 0, 0, 0, 0, 0), rng);
                    check(path, new Case(t >= 2, (t & 1) == 1, s[0], s[1], s[2], -0.75f, 1f, 3, 1, 2, 5, 0, 4), rng);
                }
            }
        }
    }

    /**
     * The convolution layers' shapes, scaled down but keeping what selects each code path: a packed op(B)
     * small enough for the rows-outer tile order (k ≤ 64 with n = 515, 301 rows: both edges ragged), one
     * too large for it (k = 200), exactly one vector of columns (n = 16, the half-width tile stored
     * straight into C), fewer (n = 13) and a ragged second panel (n = 47, 15 columns past the first), and
     * the long-k weight gradients (m·n small, k in the thousands, several k blocks).
     */
    @Test
    void convShapesOnEveryTranspose() {
        int[][] shapes = {{301, 515, 64}, {301, 515, 200}, {390, 16, 32}, {389, 16, 17}, {199, 13, 33},
            {97, 47, 19}, {37, 16, 1300}, {64, 70, 1100}, {16, 32, 2051}};
        SplittableRandom rng = new SplittableRandom(31);
        for (int[] s : shapes) {
            for (int t = 0; t < 4; t++) {
                check(Gemm.Path.VECTOR, new Case(t >= 2, (t & 1) == 1, s[0], s[1], s[2], 1f, 0f, 0, 0, 0, 0, 0, 0), rng);
                check(Gemm.Path.VECTOR, new Case(t >= 2, (t & 1) == 1, s[0], s[1], s[2], 1f, 1f, 0, 0, 0, 1, 2, 0), rng);
                check(Gemm.Path.VECTOR, new Case(t >= 2, (t & 1) == 1, s[0], s[1], s[2], -0.75f, -1.5f, 3, 1, 2, 0, 0, 4), rng);
            }
        }
    }

    @Test
    void sameInputsGiveTheSameBitsEveryCall() {
        SplittableRandom rng = new SplittableRandom(5);
        for (Gemm.Path path : new Gemm.Path[] {Gemm.Path.VECTOR, Gemm.Path.SCALAR}) {
            for (int[] s : new int[][] {{257, 300, 263}, {256, 1, 512}, {512, 3, 256}, {97, 64, 2}, {301, 515, 64}, {390, 16, 32}}) {
                for (int t = 0; t < 4; t++) {
                    boolean ta = t >= 2;
                    boolean tb = (t & 1) == 1;
                    int m = s[0];
                    int n = s[1];
                    int k = s[2];
                    float[] a = random(m * k, rng);
                    float[] b = random(k * n, rng);
                    float[] c1 = new float[m * n];
                    float[] c2 = new float[m * n];
                    Gemm.gemm(path, ta, tb, m, n, k, 1f, a, 0, ta ? m : k, b, 0, tb ? k : n, 0f, c1, 0, n);
                    // A different garbage-free C and a warmed-up JIT must not change a bit.
                    for (int rep = 0; rep < 3; rep++) {
                        Gemm.gemm(path, ta, tb, m, n, k, 1f, a, 0, ta ? m : k, b, 0, tb ? k : n, 0f, c2, 0, n);
                    }
                    assertArrayEquals(c1, c2, path + " " + m + "x" + n + "x" + k + " t" + t);
                }
            }
        }
    }

    @Test
    void alphaZeroOrEmptyKOnlyScalesC() {
        float[] a = {Float.NaN, Float.POSITIVE_INFINITY, 1, 2};
        float[] b = {Float.NaN, 3, 4, 5};
        for (Gemm.Path path : Gemm.Path.values()) {
            float[] c = {1, 2, 3, 4};
            Gemm.gemm(path, false, false, 2, 2, 0, 1f, a, 0, 1, b, 0, 2, 0.5f, c, 0, 2);
            assertArrayEquals(new float[] {0.5f, 1, 1.5f, 2}, c, path.toString());
            float[] nan = {Float.NaN, Float.NaN, Float.NaN, Float.NaN};
            Gemm.gemm(path, false, false, 2, 2, 0, 1f, a, 0, 1, b, 0, 2, 0f, nan, 0, 2);
            assertArrayEquals(new float[4], nan, path + ": beta 0 must clear NaN");
        }
        for (Gemm.Path path : new Gemm.Path[] {Gemm.Path.VECTOR, Gemm.Path.SCALAR}) {
            float[] c = {1, 2, 3, 4};
            Gemm.gemm(path, false, false, 2, 2, 2, 0f, a, 0, 2, b, 0, 2, 2f, c, 0, 2);
            assertArrayEquals(new float[] {2, 4, 6, 8}, c, path + ": alpha 0 must not read A and B");
        }
    }

    @Test
    void badArgumentsNameTheArgument() {
        float[] x = new float[12];
        assertMessage("negative shape", () -> Gemm.gemm(false, false, -1, 2, 2, 1f, x, 0, 2, x, 0, 2, 0f, x, 0, 2));
        assertMessage("k=-3", () -> Gemm.gemm(false, false, 1, 2, -3, 1f, x, 0, 2, x, 0, 2, 0f, x, 0, 2));
        assertMessage("lda=1", () -> Gemm.gemm(false, false, 2, 2, 2, 1f, x, 0, 1, x, 0, 2, 0f, x, 0, 2));
        // A transposed is stored k×m: lda must cover m.
        assertMessage("lda=2", () -> Gemm.gemm(true, false, 3, 2, 2, 1f, x, 0, 2, x, 0, 2, 0f, x, 0, 2));
        assertMessage("ldb=2", () -> Gemm.gemm(false, true, 2, 2, 3, 1f, x, 0, 3, x, 0, 2, 0f, x, 0, 2));
        assertMessage("ldc=1", () -> Gemm.gemm(false, false, 2, 2, 2, 1f, x, 0, 2, x, 0, 2, 0f, x, 0, 1));
        assertMessage("gemm: B of 4x3", () -> Gemm.gemm(false, false, 2, 3, 4, 1f, x, 0, 4, x, 1, 3, 0f, x, 0, 3));
        assertMessage("gemm: C of 3x4", () -> Gemm.gemm(false, false, 3, 4, 1, 1f, x, 0, 1, x, 0, 4, 0f, x, 1, 4));
        assertMessage("gemm: A of 2x2 at offset -1",
                () -> Gemm.gemm(false, false, 2, 2, 2, 1f, x, -1, 2, x, 0, 2, 0f, x, 0, 2));
    }

    private static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' lacks '" + expected + "'");
    }

    /** One call's parameters: shape, scalars, offsets and extra stride beyond the stored column count. */
    private record Case(boolean transA, boolean transB, int m, int n, int k, float alpha, float beta,
                        int aOff, int bOff, int cOff, int aPad, int bPad, int cPad) {
    }

    private static void randomShapes(Gemm.Path path, long seed, int count) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] alphas = {1f, -0.5f, 2.5f};
        float[] betas = {0f, 1f, -1.5f, 0.3f};
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cases.add(new Case(rng.nextBoolean(), rng.nextBoolean(),
                    SIZES[rng.nextInt(SIZES.length)], SIZES[rng.nextInt(SIZES.length)],
                    SIZES[rng.nextInt(SIZES.length)], alphas[rng.nextInt(alphas.length)],
                    betas[rng.nextInt(betas.length)], rng.nextInt(6), rng.nextInt(6), rng.nextInt(6),
                    rng.nextInt(4), rng.nextInt(4), rng.nextInt(4)));
        }
        for (Case c : cases) {
            check(path, c, rng);
        }
    }

    private static void check(Gemm.Path path, Case t, SplittableRandom rng) {
        int aRows = t.transA ? t.k : t.m;
        int aCols = t.transA ? t.m : t.k;
        int bRows = t.transB ? t.n : t.k;
        int bCols = t.transB ? t.k : t.n;
        int lda = aCols + t.aPad;
        int ldb = bCols + t.bPad;
        int ldc = t.n + t.cPad;
        float[] a = random(t.aOff + aRows * lda + 3, rng);
        float[] b = random(t.bOff + bRows * ldb + 3, rng);
        float[] c = new float[t.cOff + t.m * ldc + 3];
        java.util.Arrays.fill(c, SENTINEL);
        float[] c0 = new float[t.m * t.n];
        for (int i = 0; i < t.m; i++) {
            for (int j = 0; j < t.n; j++) {
                // beta 0 must ignore C's prior contents, so give it NaN there.
                float v = t.beta == 0f ? Float.NaN : (float) (rng.nextDouble() * 2 - 1);
                c[t.cOff + i * ldc + j] = v;
                c0[i * t.n + j] = v;
            }
        }
        Gemm.gemm(path, t.transA, t.transB, t.m, t.n, t.k, t.alpha, a, t.aOff, lda, b, t.bOff, ldb,
                t.beta, c, t.cOff, ldc);
        for (int i = 0; i < t.m; i++) {
            for (int j = 0; j < t.n; j++) {
                double exact = 0;
                double magnitude = 0;
                for (int p = 0; p < t.k; p++) {
                    double x = t.transA ? a[t.aOff + p * lda + i] : a[t.aOff + i * lda + p];
                    double y = t.transB ? b[t.bOff + j * ldb + p] : b[t.bOff + p * ldb + j];
                    exact += x * y;
                    magnitude += Math.abs(x * y);
                }
                double prior = t.beta == 0f ? 0 : (double) t.beta * c0[i * t.n + j];
                double want = t.alpha * exact + prior;
                double tol = 2 * (t.k + 3) * U * (Math.abs(t.alpha) * magnitude + Math.abs(prior)) + 1e-30;
                float got = c[t.cOff + i * ldc + j];
                if (!(Math.abs(got - want) <= tol)) {
                    fail(path + " " + t + ": C[" + i + "][" + j + "] = " + got + ", float64 reference " + want
                            + ", tolerance " + tol);
                }
            }
        }
        // Nothing outside the m×n window (offset, row padding, tail) may change.
        for (int idx = 0; idx < c.length; idx++) {
            int rel = idx - t.cOff;
            boolean inside = rel >= 0 && rel / ldc < t.m && rel % ldc < t.n;
            if (!inside && c[idx] != SENTINEL) {
                fail(path + " " + t + ": wrote outside C at index " + idx);
            }
        }
    }

    private static float[] random(int size, SplittableRandom rng) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return x;
    }
}

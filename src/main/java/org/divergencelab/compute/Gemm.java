package org.divergencelab.compute;

import java.util.Arrays;

/**
 * Single-precision general matrix multiply on row-major arrays:
 * {@code C = alpha · op(A) · op(B) + beta · C}, where {@code op(X)} is {@code X} or its transpose.
 *
 * <p>Shapes: {@code op(A)} is m×k, {@code op(B)} is k×n, {@code C} is m×n. {@code lda}, {@code ldb},
 * {@code ldc} are the row strides of the arrays as stored (so a transposed A is stored k×m with
 * {@code lda ≥ m}). With {@code beta == 0} the prior contents of C are ignored (NaN included).
 * {@code alpha == 0} or {@code k == 0} leaves A and B unread (BLAS convention): C becomes {@code beta · C}.
 *
 * <p>Implementation: a packed, register-blocked SIMD kernel ({@code VectorGemm}, {@code jdk.incubator.vector})
 * when that module is in the boot layer, else a cache-blocked scalar kernel ({@code ScalarGemm}).
 * Single-threaded and deterministic: for a given shape every element is summed in a fixed order, so the
 * same inputs give the same bits on every run (the two paths differ from each other in the last bits).
 */
public final class Gemm {
    /** Which implementation a call runs; public so tests and the benchmark workload can compare them. */
    public enum Path {
        /** The SIMD kernel (needs {@code jdk.incubator.vector}). */
        VECTOR,
        /** The cache-blocked scalar fallback. */
        SCALAR,
        /** The plain reference loops. */
        REFERENCE
    }

    /** Whether {@code jdk.incubator.vector} is present (the launcher adds it; a bare {@code java} may not). */
    static final boolean VECTOR_AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private static final Path DEFAULT_PATH = VECTOR_AVAILABLE ? Path.VECTOR : Path.SCALAR;

    private Gemm() {
    }

    /**
     * {@code C = alpha · op(A) · op(B) + beta · C} on row-major float arrays.
     *
     * @param transA use Aᵀ (A is stored k×m)
     * @param transB use Bᵀ (B is stored n×k)
     * @param m      rows of op(A) and of C
     * @param n      columns of op(B) and of C
     * @param k      columns of op(A), rows of op(B)
     * @param alpha  scale of the product
     * @param a      A's array; element (r, s) as stored is {@code a[aOff + r·lda + s]}
     * @param aOff   offset of A's first element
     * @param lda    row stride of A as stored (at least its column count)
     * @param b      B's array, addressed likewise
     * @param bOff   offset of B's first element
     * @param ldb    row stride of B as stored
     * @param beta   scale of C's prior contents; 0 ignores them (NaN included)
     * @param c      C's array (m×n)
     * @param cOff   offset of C's first element
     * @param ldc    row stride of C (at least n)
     * @throws IllegalArgumentException naming the argument when a shape is negative, a stride is too small
     *                                  or an operand does not fit in its array
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                            float beta, float[] c, int cOff, int ldc) {
        gemm(DEFAULT_PATH, transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    /** Whether the SIMD path can run on this JVM. */
    public static boolean vectorAvailable() {
        return VECTOR_AVAILABLE;
    }

    /** The path {@link #gemm} takes on this JVM. */
    public static Path defaultPath() {
        return DEFAULT_PATH;
    }

    /**
     * {@link #gemm} on a chosen path (tests and the benchmark compare them).
     *
     * @throws IllegalStateException for {@link Path#VECTOR} when {@code jdk.incubator.vector} is absent
     */
    public static void gemm(Path path, boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        checkArguments(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        if (path == Path.REFERENCE) {
            referenceUnchecked(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || alpha == 0f) {
            scale(m, n, beta, c, cOff, ldc);
            return;
        }
        if (path == Path.VECTOR) {
            if (!VECTOR_AVAILABLE) {
                throw new IllegalStateException("gemm: module jdk.incubator.vector is not present");
            }
            VectorGemm.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        } else {
            ScalarGemm.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        }
    }

    /** C = beta · C; beta == 0 writes zeros, so NaN in C does not survive. */
    static void scale(int m, int n, float beta, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            if (beta == 0f) {
                Arrays.fill(c, ci, ci + n, 0f);
            } else if (beta != 1f) {
                for (int j = 0; j < n; j++) {
                    c[ci + j] *= beta;
                }
            }
        }
    }

    /** The plain-loop reference implementation (i-k-j order), kept for tests and benchmarks. */
    static void reference(boolean transA, boolean transB, int m, int n, int k, float alpha,
                          float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                          float beta, float[] c, int cOff, int ldc) {
        gemm(Path.REFERENCE, transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    private static void referenceUnchecked(boolean transA, boolean transB, int m, int n, int k, float alpha,
                                           float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                           float beta, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            if (beta == 0f) {
                Arrays.fill(c, ci, ci + n, 0f);
            } else if (beta != 1f) {
                for (int j = 0; j < n; j++) {
                    c[ci + j] *= beta;
                }
            }
            for (int p = 0; p < k; p++) {
                float aip = alpha * (transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p]);
                if (transB) {
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += aip * b[bOff + j * ldb + p];
                    }
                } else {
                    int bp = bOff + p * ldb;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += aip * b[bp + j];
                    }
                }
            }
        }
    }

    /** Throws {@link IllegalArgumentException} naming the first argument that does not fit. */
    static void checkArguments(boolean transA, boolean transB, int m, int n, int k,
                               float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                               float[] c, int cOff, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("gemm: negative shape m=" + m + " n=" + n + " k=" + k);
        }
        int aRows = transA ? k : m;
        int aCols = transA ? m : k;
        int bRows = transB ? n : k;
        int bCols = transB ? k : n;
        checkOperand("A", a, aOff, lda, aRows, aCols);
        checkOperand("B", b, bOff, ldb, bRows, bCols);
        checkOperand("C", c, cOff, ldc, m, n);
    }

    private static void checkOperand(String name, float[] x, int off, int ld, int rows, int cols) {
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException("gemm: ld" + name.toLowerCase() + "=" + ld + " < columns " + cols);
        }
        if (rows > 0 && cols > 0 && (off < 0 || (long) off + (long) (rows - 1) * ld + cols > x.length)) {
            throw new IllegalArgumentException("gemm: " + name + " of " + rows + "x" + cols + " at offset " + off
                    + " with stride " + ld + " does not fit in an array of " + x.length);
        }
    }
}

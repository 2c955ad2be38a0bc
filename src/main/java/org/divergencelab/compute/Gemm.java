package org.divergencelab.compute;

/**
 * Single-precision general matrix multiply on row-major arrays:
 * {@code C = alpha · op(A) · op(B) + beta · C}, where {@code op(X)} is {@code X} or its transpose.
 *
 * <p>Shapes: {@code op(A)} is m×k, {@code op(B)} is k×n, {@code C} is m×n. {@code lda}, {@code ldb},
 * {@code ldc} are the row strides of the arrays as stored (so a transposed A is stored k×m with
 * {@code lda ≥ m}). With {@code beta == 0} the prior contents of C are ignored (NaN included).
 *
 * <p>This is the reference implementation: plain loops in the cache-friendly i-k-j order.
 */
public final class Gemm {
    private Gemm() {
    }

    public static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                            float beta, float[] c, int cOff, int ldc) {
        checkArguments(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            if (beta == 0f) {
                java.util.Arrays.fill(c, ci, ci + n, 0f);
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

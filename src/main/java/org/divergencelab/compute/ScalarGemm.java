package org.divergencelab.compute;

/**
 * The fallback SGEMM when {@code jdk.incubator.vector} is absent: plain Java the JIT can auto-vectorise.
 * op(B) is packed row-contiguous one {@code KC}-deep block at a time (a transpose copy when B is stored
 * transposed, a plain copy otherwise so the block stays dense in cache), and four rows of C are updated
 * per pass over a B row so each B element loaded feeds four multiply-adds.
 *
 * <p>Deterministic: C is first scaled by beta, then each element receives alpha·a·b terms in ascending p.
 */
final class ScalarGemm {
    private static final int KC = 128;

    private static final ThreadLocal<float[][]> BUFFER = ThreadLocal.withInitial(() -> new float[1][0]);

    private ScalarGemm() {
    }

    /** {@code m, n, k ≥ 1}, {@code alpha != 0}; arguments already checked by {@link Gemm}. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        Gemm.scale(m, n, beta, c, cOff, ldc);
        float[][] holder = BUFFER.get();
        int need = Math.min(KC, k) * n;
        if (holder[0].length < need) {
            holder[0] = new float[need];
        }
        float[] bb = holder[0];
        int ars = transA ? 1 : lda;
        int acs = transA ? lda : 1;
        for (int pc = 0; pc < k; pc += KC) {
            int kc = Math.min(KC, k - pc);
            // bb[p·n + j] = op(B)[pc + p][j]
            if (transB) {
                for (int j = 0; j < n; j++) {
                    int s = bOff + j * ldb + pc;
                    for (int p = 0; p < kc; p++) {
                        bb[p * n + j] = b[s + p];
                    }
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(b, bOff + (pc + p) * ldb, bb, p * n, n);
                }
            }
            int i = 0;
            for (; i + 4 <= m; i += 4) {
                int c0 = cOff + i * ldc;
                int c1 = c0 + ldc;
                int c2 = c1 + ldc;
                int c3 = c2 + ldc;
                int ai = aOff + i * ars + pc * acs;
                for (int p = 0; p < kc; p++) {
                    float a0 = alpha * a[ai];
                    float a1 = alpha * a[ai + ars];
                    float a2 = alpha * a[ai + 2 * ars];
                    float a3 = alpha * a[ai + 3 * ars];
                    int bp = p * n;
                    for (int j = 0; j < n; j++) {
                        float bj = bb[bp + j];
                        c[c0 + j] += a0 * bj;
                        c[c1 + j] += a1 * bj;
                        c[c2 + j] += a2 * bj;
                        c[c3 + j] += a3 * bj;
                    }
                    ai += acs;
                }
            }
            for (; i < m; i++) {
                int c0 = cOff + i * ldc;
                int ai = aOff + i * ars + pc * acs;
                for (int p = 0; p < kc; p++) {
                    float a0 = alpha * a[ai];
                    int bp = p * n;
                    for (int j = 0; j < n; j++) {
                        c[c0 + j] += a0 * bb[bp + j];
                    }
                    ai += acs;
                }
            }
        }
    }
}

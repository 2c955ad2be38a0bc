package org.divergencelab.compute;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD SGEMM behind {@link Gemm} (every reference to {@code jdk.incubator.vector} lives here, so
 * {@link Gemm} can run without the module). GotoBLAS structure: B is packed into {@code kc × NR} slivers
 * (or read in place when it already is row-contiguous), A is read in place or packed into
 * {@code MR × kc} slivers, and a register-blocked micro-kernel accumulates an {@code MR × NR} tile of C
 * with fused multiply-adds over the whole {@code kc} block before touching C once.
 *
 * <p>Determinism: every element of C is the FMA chain over p = 0..k-1 in ascending order, restarted at
 * each {@code kc} block boundary (a fixed function of k), whichever path (packed or in place, full tile
 * or edge) computes it, so the same shape gives the same bits on every run. No lane reductions are
 * used (their order is unspecified by the Vector API).
 */
final class VectorGemm {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Floats per vector: 16 with AVX-512, 8 with AVX2. */
    static final int L = S.length();
    /** Micro-tile shape: MR rows × NV vectors (NR = NV·L columns). */
    static final int MR;
    static final int NV;
    static final int NR;
    /** Depth of one packed block: the B sliver (kc × NR) should stay in L1, the A block in L2. */
    static final int KC;
    /** Rows of A per block (multiple of MR). */
    static final int MC;
    /** Columns of B per packed block (multiple of NR). */
    static final int NC;
    /** Up to this many columns of C, a dot-product / axpy path beats a padded NR-wide tile. */
    static final int SMALL_N = 4;

    static {
        String shape = System.getProperty("divergencelab.gemm.tile", L >= 16 ? "6x2" : "6x2");
        String[] mn = shape.split("x");
        MR = Integer.parseInt(mn[0]);
        NV = Integer.parseInt(mn[1]);
        NR = NV * L;
        KC = Integer.getInteger("divergencelab.gemm.kc", 256);
        int mc = Integer.getInteger("divergencelab.gemm.mc", 96);
        MC = Math.max(MR, mc / MR * MR);
        int nc = Integer.getInteger("divergencelab.gemm.nc", 1024);
        NC = Math.max(NR, nc / NR * NR);
    }

    static final boolean PACK_A_DEFAULT = Boolean.parseBoolean(System.getProperty("divergencelab.gemm.packA", "true"));
    static final boolean PACK_B_DEFAULT = Boolean.parseBoolean(System.getProperty("divergencelab.gemm.packB", "true"));

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    /** Packing buffers, one set per thread, grown on demand and then reused (no per-call garbage). */
    private static final class Buffers {
        float[] a = new float[0];
        float[] b = new float[0];
        final float[] tile = new float[MR * NR];
        final float[] lanes = new float[L];

        float[] a(int size) {
            if (a.length < size) {
                a = new float[size];
            }
            return a;
        }

        float[] b(int size) {
            if (b.length < size) {
                b = new float[size];
            }
            return b;
        }
    }

    private VectorGemm() {
    }

    /** {@code m, n, k ≥ 1}, {@code alpha != 0}; arguments already checked by {@link Gemm}. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        Buffers buf = BUFFERS.get();
        if (n <= SMALL_N) {
            smallN(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, buf);
            return;
        }
        // Strides of op(A)[i][p] and op(B)[p][j] in the arrays as stored.
        int ars = transA ? 1 : lda;
        int acs = transA ? lda : 1;
        int brs = transB ? 1 : ldb;
        int bcs = transB ? ldb : 1;
        // Packing A pays when each A block is reused across many NR-wide panels.
        boolean packA = PACK_A_DEFAULT && n > 2 * NR;
        // B is read in place when it is row-contiguous (not transposed) and the panel is full.
        boolean packB = PACK_B_DEFAULT || transB;
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                float betaBlock = pc == 0 ? beta : 1f;
                int fullPanels = nc / NR;
                int panels = (nc + NR - 1) / NR;
                float[] bp = null;
                if (packB) {
                    bp = buf.b(panels * kc * NR);
                    packB(b, bOff + pc * brs + jc * bcs, brs, bcs, kc, nc, bp, 0, panels);
                } else if (panels > fullPanels) {
                    bp = buf.b(kc * NR);
                    packB(b, bOff + pc * brs + (jc + fullPanels * NR) * bcs, brs, bcs, kc, nc - fullPanels * NR, bp, 0, 1);
                }
                for (int ic = 0; ic < m; ic += MC) {
                    int mc = Math.min(MC, m - ic);
                    float[] aSrc;
                    int aBase;
                    int aRs;
                    int aCs;
                    int aSliver; // distance between MR-row slivers
                    if (packA) {
                        aSrc = buf.a(((mc + MR - 1) / MR) * MR * kc);
                        packA(a, aOff + ic * ars + pc * acs, ars, acs, mc, kc, aSrc);
                        aBase = 0;
                        aRs = 1;
                        aCs = MR;
                        aSliver = MR * kc;
                    } else {
                        aSrc = a;
                        aBase = aOff + ic * ars + pc * acs;
                        aRs = ars;
                        aCs = acs;
                        aSliver = MR * ars;
                    }
                    for (int jr = 0; jr < panels; jr++) {
                        int j0 = jc + jr * NR;
                        int nr = Math.min(NR, n - j0);
                        float[] bSrc;
                        int bIdx;
                        int bStride;
                        if (packB) {
                            bSrc = bp;
                            bIdx = jr * kc * NR;
                            bStride = NR;
                        } else if (jr < fullPanels) {
                            bSrc = b;
                            bIdx = bOff + pc * ldb + j0;
                            bStride = ldb;
                        } else {
                            bSrc = bp;
                            bIdx = 0;
                            bStride = NR;
                        }
                        int cCol = cOff + j0;
                        for (int ir = 0; ir < mc; ir += MR) {
                            int mr = Math.min(MR, mc - ir);
                            int aIdx = aBase + (ir / MR) * aSliver;
                            int cIdx = cCol + (ic + ir) * ldc;
                            if (nr == NR) {
                                if (mr == MR) {
                                    tile(kc, aSrc, aIdx, aRs, aCs, bSrc, bIdx, bStride, alpha, betaBlock, c, cIdx, ldc);
                                } else {
                                    for (int r = 0; r < mr; r++) {
                                        row(kc, aSrc, aIdx + r * aRs, aCs, bSrc, bIdx, bStride, alpha, betaBlock, c, cIdx + r * ldc);
                                    }
                                }
                            } else {
                                // Right edge: full-width tile into a scratch tile, then merge nr columns.
                                float[] t = buf.tile;
                                if (mr == MR) {
                                    tile(kc, aSrc, aIdx, aRs, aCs, bSrc, bIdx, bStride, 1f, 0f, t, 0, NR);
                                } else {
                                    for (int r = 0; r < mr; r++) {
                                        row(kc, aSrc, aIdx + r * aRs, aCs, bSrc, bIdx, bStride, 1f, 0f, t, r * NR);
                                    }
                                }
                                for (int r = 0; r < mr; r++) {
                                    int cr = cIdx + r * ldc;
                                    for (int j = 0; j < nr; j++) {
                                        c[cr + j] = merge(t[r * NR + j], alpha, betaBlock, c[cr + j]);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** The scalar twin of {@link #store}: one rounding for alpha·acc + (beta·old). */
    private static float merge(float acc, float alpha, float beta, float old) {
        if (beta == 0f) {
            return alpha == 1f ? acc : acc * alpha;
        }
        return Math.fma(acc, alpha, beta == 1f ? old : old * beta);
    }

    /** C[idx..idx+L) = alpha·acc + beta·C (C not read when beta is 0). */
    private static void store(FloatVector acc, FloatVector va, float alpha, float beta, float[] c, int idx) {
        if (beta == 0f) {
            (alpha == 1f ? acc : acc.mul(va)).intoArray(c, idx);
        } else {
            FloatVector old = FloatVector.fromArray(S, c, idx);
            if (beta != 1f) {
                old = old.mul(beta);
            }
            acc.fma(va, old).intoArray(c, idx);
        }
    }

    /** Packs op(A)[0..mc)[0..kc) (element (i,p) at src[off + i·rs + p·cs]) into MR-row slivers, zero-padded. */
    private static void packA(float[] src, int off, int rs, int cs, int mc, int kc, float[] dst) {
        int d = 0;
        for (int i0 = 0; i0 < mc; i0 += MR) {
            int mr = Math.min(MR, mc - i0);
            if (rs == 1) {
                // op(A) rows are contiguous in memory for fixed p (A stored transposed).
                for (int p = 0; p < kc; p++) {
                    int s = off + i0 + p * cs;
                    System.arraycopy(src, s, dst, d, mr);
                    for (int r = mr; r < MR; r++) {
                        dst[d + r] = 0f;
                    }
                    d += MR;
                }
            } else {
                for (int r = 0; r < MR; r++) {
                    if (r < mr) {
                        int s = off + (i0 + r) * rs;
                        for (int p = 0; p < kc; p++) {
                            dst[d + p * MR + r] = src[s + p * cs];
                        }
                    } else {
                        for (int p = 0; p < kc; p++) {
                            dst[d + p * MR + r] = 0f;
                        }
                    }
                }
                d += MR * kc;
            }
        }
    }

    /** Packs op(B)[0..kc)[0..nc) (element (p,j) at src[off + p·rs + j·cs]) into NR-column slivers, zero-padded. */
    private static void packB(float[] src, int off, int rs, int cs, int kc, int nc, float[] dst, int d, int panels) {
        for (int jp = 0; jp < panels; jp++) {
            int j0 = jp * NR;
            int nr = Math.min(NR, nc - j0);
            if (cs == 1) {
                for (int p = 0; p < kc; p++) {
                    int s = off + p * rs + j0;
                    System.arraycopy(src, s, dst, d, nr);
                    for (int j = nr; j < NR; j++) {
                        dst[d + j] = 0f;
                    }
                    d += NR;
                }
            } else {
                // B stored transposed: column j of op(B) is contiguous; write it down the sliver.
                for (int j = 0; j < NR; j++) {
                    if (j < nr) {
                        int s = off + (j0 + j) * cs;
                        for (int p = 0; p < kc; p++) {
                            dst[d + p * NR + j] = src[s + p * rs];
                        }
                    } else {
                        for (int p = 0; p < kc; p++) {
                            dst[d + p * NR + j] = 0f;
                        }
                    }
                }
                d += NR * kc;
            }
        }
    }

    /**
     * n ≤ SMALL_N (e.g. the critic's 1-unit output layer): a padded NR-wide tile would waste most lanes,
     * so vectorise along k (dot products) or along m (A transposed) instead.
     */
    private static void smallN(boolean transA, boolean transB, int m, int n, int k, float alpha,
                               float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                               float beta, float[] c, int cOff, int ldc, Buffers buf) {
        float[] col = buf.b(k);
        float[] lanes = buf.lanes;
        for (int j = 0; j < n; j++) {
            // Column j of op(B), contiguous.
            for (int p = 0; p < k; p++) {
                col[p] = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
            }
            if (!transA) {
                int kv = k - k % L;
                for (int i = 0; i < m; i++) {
                    int ai = aOff + i * lda;
                    FloatVector acc = FloatVector.zero(S);
                    for (int p = 0; p < kv; p += L) {
                        acc = FloatVector.fromArray(S, a, ai + p).fma(FloatVector.fromArray(S, col, p), acc);
                    }
                    acc.intoArray(lanes, 0);
                    float s = 0f;
                    for (int l = 0; l < L; l++) {
                        s += lanes[l];
                    }
                    for (int p = kv; p < k; p++) {
                        s = Math.fma(a[ai + p], col[p], s);
                    }
                    int ci = cOff + i * ldc + j;
                    c[ci] = merge(s, alpha, beta, c[ci]);
                }
            } else {
                // op(A)[i][p] = a[p·lda + i]: rows of the stored A are contiguous in i.
                int mv = m - m % L;
                int i = 0;
                for (; i + 4 * L <= mv; i += 4 * L) {
                    FloatVector s0 = FloatVector.zero(S);
                    FloatVector s1 = FloatVector.zero(S);
                    FloatVector s2 = FloatVector.zero(S);
                    FloatVector s3 = FloatVector.zero(S);
                    int ai = aOff + i;
                    for (int p = 0; p < k; p++) {
                        FloatVector x = FloatVector.broadcast(S, col[p]);
                        s0 = FloatVector.fromArray(S, a, ai).fma(x, s0);
                        s1 = FloatVector.fromArray(S, a, ai + L).fma(x, s1);
                        s2 = FloatVector.fromArray(S, a, ai + 2 * L).fma(x, s2);
                        s3 = FloatVector.fromArray(S, a, ai + 3 * L).fma(x, s3);
                        ai += lda;
                    }
                    scatterColumn(s0, alpha, beta, c, cOff + i * ldc + j, ldc, lanes);
                    scatterColumn(s1, alpha, beta, c, cOff + (i + L) * ldc + j, ldc, lanes);
                    scatterColumn(s2, alpha, beta, c, cOff + (i + 2 * L) * ldc + j, ldc, lanes);
                    scatterColumn(s3, alpha, beta, c, cOff + (i + 3 * L) * ldc + j, ldc, lanes);
                }
                for (; i < mv; i += L) {
                    FloatVector s0 = FloatVector.zero(S);
                    int ai = aOff + i;
                    for (int p = 0; p < k; p++) {
                        s0 = FloatVector.fromArray(S, a, ai).fma(FloatVector.broadcast(S, col[p]), s0);
                        ai += lda;
                    }
                    scatterColumn(s0, alpha, beta, c, cOff + i * ldc + j, ldc, lanes);
                }
                for (; i < m; i++) {
                    float s = 0f;
                    for (int p = 0; p < k; p++) {
                        s = Math.fma(a[aOff + p * lda + i], col[p], s);
                    }
                    int ci = cOff + i * ldc + j;
                    c[ci] = merge(s, alpha, beta, c[ci]);
                }
            }
        }
    }

    /** Writes the L sums of acc down one column of C (rows idx, idx+ldc, ...). */
    private static void scatterColumn(FloatVector acc, float alpha, float beta, float[] c, int idx, int ldc,
                                      float[] lanes) {
        acc.intoArray(lanes, 0);
        for (int l = 0; l < L; l++) {
            int ci = idx + l * ldc;
            c[ci] = merge(lanes[l], alpha, beta, c[ci]);
        }
    }

    /** Full MR-row tile with the configured kernel. */
    private static void tile(int kc, float[] a, int ai, int ars, int acs, float[] b, int bi, int bcs,
                             float alpha, float beta, float[] c, int ci, int ldc) {
        switch (MR * 10 + NV) {
            case 62 -> k6x2(kc, a, ai, ars, acs, b, bi, bcs, alpha, beta, c, ci, ldc);
            case 82 -> k8x2(kc, a, ai, ars, acs, b, bi, bcs, alpha, beta, c, ci, ldc);
            case 122 -> k12x2(kc, a, ai, ars, acs, b, bi, bcs, alpha, beta, c, ci, ldc);
            case 142 -> k14x2(kc, a, ai, ars, acs, b, bi, bcs, alpha, beta, c, ci, ldc);
            case 43 -> k4x3(kc, a, ai, ars, acs, b, bi, bcs, alpha, beta, c, ci, ldc);
            case 83 -> k8x3(kc, a, ai, ars, acs, b, bi, bcs, alpha, beta, c, ci, ldc);
            case 44 -> k4x4(kc, a, ai, ars, acs, b, bi, bcs, alpha, beta, c, ci, ldc);
            case 64 -> k6x4(kc, a, ai, ars, acs, b, bi, bcs, alpha, beta, c, ci, ldc);
            case 121 -> k12x1(kc, a, ai, ars, acs, b, bi, bcs, alpha, beta, c, ci, ldc);
            default -> throw new IllegalStateException("no micro-kernel " + MR + "x" + NV);
        }
    }

    /** One row of an edge tile (mr < MR), NR columns. */
    private static void row(int kc, float[] a, int ai, int acs, float[] b, int bi, int bcs,
                            float alpha, float beta, float[] c, int ci) {
        switch (NV) {
            case 1 -> k1x1(kc, a, ai, 0, acs, b, bi, bcs, alpha, beta, c, ci, 0);
            case 2 -> k1x2(kc, a, ai, 0, acs, b, bi, bcs, alpha, beta, c, ci, 0);
            case 3 -> k1x3(kc, a, ai, 0, acs, b, bi, bcs, alpha, beta, c, ci, 0);
            case 4 -> k1x4(kc, a, ai, 0, acs, b, bi, bcs, alpha, beta, c, ci, 0);
            default -> throw new IllegalStateException("no row kernel for " + NV + " vectors");
        }
    }

    /** Micro-kernel: a 6-row by 2-vector tile of C, k-loop fully in registers. */
    static void k6x2(int kc, float[] a, int ai, int ars, int acs, float[] b, int bi, int bcs,
                       float alpha, float beta, float[] c, int ci, int ldc) {
        FloatVector c00 = FloatVector.zero(S); FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S); FloatVector c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S); FloatVector c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S); FloatVector c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S); FloatVector c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S); FloatVector c51 = FloatVector.zero(S);
        int o1 = 1 * ars;
        int o2 = 2 * ars;
        int o3 = 3 * ars;
        int o4 = 4 * ars;
        int o5 = 5 * ars;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + 1 * L);
            FloatVector x0 = FloatVector.broadcast(S, a[ai]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            FloatVector x1 = FloatVector.broadcast(S, a[ai + o1]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            FloatVector x2 = FloatVector.broadcast(S, a[ai + o2]);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            FloatVector x3 = FloatVector.broadcast(S, a[ai + o3]);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
            FloatVector x4 = FloatVector.broadcast(S, a[ai + o4]);
            c40 = x4.fma(b0, c40);
            c41 = x4.fma(b1, c41);
            FloatVector x5 = FloatVector.broadcast(S, a[ai + o5]);
            c50 = x5.fma(b0, c50);
            c51 = x5.fma(b1, c51);
            ai += acs;
            bi += bcs;
        }
        FloatVector va = FloatVector.broadcast(S, alpha);
        store(c00, va, alpha, beta, c, ci);
        store(c01, va, alpha, beta, c, ci + 1 * L);
        store(c10, va, alpha, beta, c, ci + 1 * ldc);
        store(c11, va, alpha, beta, c, ci + 1 * ldc + 1 * L);
        store(c20, va, alpha, beta, c, ci + 2 * ldc);
        store(c21, va, alpha, beta, c, ci + 2 * ldc + 1 * L);
        store(c30, va, alpha, beta, c, ci + 3 * ldc);
        store(c31, va, alpha, beta, c, ci + 3 * ldc + 1 * L);
        store(c40, va, alpha, beta, c, ci + 4 * ldc);
        store(c41, va, alpha, beta, c, ci + 4 * ldc + 1 * L);
        store(c50, va, alpha, beta, c, ci + 5 * ldc);
        store(c51, va, alpha, beta, c, ci + 5 * ldc + 1 * L);
    }

    /** Micro-kernel: a 8-row by 2-vector tile of C, k-loop fully in registers. */
    static void k8x2(int kc, float[] a, int ai, int ars, int acs, float[] b, int bi, int bcs,
                       float alpha, float beta, float[] c, int ci, int ldc) {
        FloatVector c00 = FloatVector.zero(S); FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S); FloatVector c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S); FloatVector c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S); FloatVector c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S); FloatVector c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S); FloatVector c51 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S); FloatVector c61 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S); FloatVector c71 = FloatVector.zero(S);
        int o1 = 1 * ars;
        int o2 = 2 * ars;
        int o3 = 3 * ars;
        int o4 = 4 * ars;
        int o5 = 5 * ars;
        int o6 = 6 * ars;
        int o7 = 7 * ars;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + 1 * L);
            FloatVector x0 = FloatVector.broadcast(S, a[ai]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            FloatVector x1 = FloatVector.broadcast(S, a[ai + o1]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            FloatVector x2 = FloatVector.broadcast(S, a[ai + o2]);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            FloatVector x3 = FloatVector.broadcast(S, a[ai + o3]);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
            FloatVector x4 = FloatVector.broadcast(S, a[ai + o4]);
            c40 = x4.fma(b0, c40);
            c41 = x4.fma(b1, c41);
            FloatVector x5 = FloatVector.broadcast(S, a[ai + o5]);
            c50 = x5.fma(b0, c50);
            c51 = x5.fma(b1, c51);
            FloatVector x6 = FloatVector.broadcast(S, a[ai + o6]);
            c60 = x6.fma(b0, c60);
            c61 = x6.fma(b1, c61);
            FloatVector x7 = FloatVector.broadcast(S, a[ai + o7]);
            c70 = x7.fma(b0, c70);
            c71 = x7.fma(b1, c71);
            ai += acs;
            bi += bcs;
        }
        FloatVector va = FloatVector.broadcast(S, alpha);
        store(c00, va, alpha, beta, c, ci);
        store(c01, va, alpha, beta, c, ci + 1 * L);
        store(c10, va, alpha, beta, c, ci + 1 * ldc);
        store(c11, va, alpha, beta, c, ci + 1 * ldc + 1 * L);
        store(c20, va, alpha, beta, c, ci + 2 * ldc);
        store(c21, va, alpha, beta, c, ci + 2 * ldc + 1 * L);
        store(c30, va, alpha, beta, c, ci + 3 * ldc);
        store(c31, va, alpha, beta, c, ci + 3 * ldc + 1 * L);
        store(c40, va, alpha, beta, c, ci + 4 * ldc);
        store(c41, va, alpha, beta, c, ci + 4 * ldc + 1 * L);
        store(c50, va, alpha, beta, c, ci + 5 * ldc);
        store(c51, va, alpha, beta, c, ci + 5 * ldc + 1 * L);
        store(c60, va, alpha, beta, c, ci + 6 * ldc);
        store(c61, va, alpha, beta, c, ci + 6 * ldc + 1 * L);
        store(c70, va, alpha, beta, c, ci + 7 * ldc);
        store(c71, va, alpha, beta, c, ci + 7 * ldc + 1 * L);
    }

    /** Micro-kernel: a 12-row by 2-vector tile of C, k-loop fully in registers. */
    static void k12x2(int kc, float[] a, int ai, int ars, int acs, float[] b, int bi, int bcs,
                       float alpha, float beta, float[] c, int ci, int ldc) {
        FloatVector c00 = FloatVector.zero(S); FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S); FloatVector c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S); FloatVector c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S); FloatVector c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S); FloatVector c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S); FloatVector c51 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S); FloatVector c61 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S); FloatVector c71 = FloatVector.zero(S);
        FloatVector c80 = FloatVector.zero(S); FloatVector c81 = FloatVector.zero(S);
        FloatVector c90 = FloatVector.zero(S); FloatVector c91 = FloatVector.zero(S);
        FloatVector c100 = FloatVector.zero(S); FloatVector c101 = FloatVector.zero(S);
        FloatVector c110 = FloatVector.zero(S); FloatVector c111 = FloatVector.zero(S);
        int o1 = 1 * ars;
        int o2 = 2 * ars;
        int o3 = 3 * ars;
        int o4 = 4 * ars;
        int o5 = 5 * ars;
        int o6 = 6 * ars;
        int o7 = 7 * ars;
        int o8 = 8 * ars;
        int o9 = 9 * ars;
        int o10 = 10 * ars;
        int o11 = 11 * ars;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + 1 * L);
            FloatVector x0 = FloatVector.broadcast(S, a[ai]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            FloatVector x1 = FloatVector.broadcast(S, a[ai + o1]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            FloatVector x2 = FloatVector.broadcast(S, a[ai + o2]);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            FloatVector x3 = FloatVector.broadcast(S, a[ai + o3]);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
            FloatVector x4 = FloatVector.broadcast(S, a[ai + o4]);
            c40 = x4.fma(b0, c40);
            c41 = x4.fma(b1, c41);
            FloatVector x5 = FloatVector.broadcast(S, a[ai + o5]);
            c50 = x5.fma(b0, c50);
            c51 = x5.fma(b1, c51);
            FloatVector x6 = FloatVector.broadcast(S, a[ai + o6]);
            c60 = x6.fma(b0, c60);
            c61 = x6.fma(b1, c61);
            FloatVector x7 = FloatVector.broadcast(S, a[ai + o7]);
            c70 = x7.fma(b0, c70);
            c71 = x7.fma(b1, c71);
            FloatVector x8 = FloatVector.broadcast(S, a[ai + o8]);
            c80 = x8.fma(b0, c80);
            c81 = x8.fma(b1, c81);
            FloatVector x9 = FloatVector.broadcast(S, a[ai + o9]);
            c90 = x9.fma(b0, c90);
            c91 = x9.fma(b1, c91);
            FloatVector x10 = FloatVector.broadcast(S, a[ai + o10]);
            c100 = x10.fma(b0, c100);
            c101 = x10.fma(b1, c101);
            FloatVector x11 = FloatVector.broadcast(S, a[ai + o11]);
            c110 = x11.fma(b0, c110);
            c111 = x11.fma(b1, c111);
            ai += acs;
            bi += bcs;
        }
        FloatVector va = FloatVector.broadcast(S, alpha);
        store(c00, va, alpha, beta, c, ci);
        store(c01, va, alpha, beta, c, ci + 1 * L);
        store(c10, va, alpha, beta, c, ci + 1 * ldc);
        store(c11, va, alpha, beta, c, ci + 1 * ldc + 1 * L);
        store(c20, va, alpha, beta, c, ci + 2 * ldc);
        store(c21, va, alpha, beta, c, ci + 2 * ldc + 1 * L);
        store(c30, va, alpha, beta, c, ci + 3 * ldc);
        store(c31, va, alpha, beta, c, ci + 3 * ldc + 1 * L);
        store(c40, va, alpha, beta, c, ci + 4 * ldc);
        store(c41, va, alpha, beta, c, ci + 4 * ldc + 1 * L);
        store(c50, va, alpha, beta, c, ci + 5 * ldc);
        store(c51, va, alpha, beta, c, ci + 5 * ldc + 1 * L);
        store(c60, va, alpha, beta, c, ci + 6 * ldc);
        store(c61, va, alpha, beta, c, ci + 6 * ldc + 1 * L);
        store(c70, va, alpha, beta, c, ci + 7 * ldc);
        store(c71, va, alpha, beta, c, ci + 7 * ldc + 1 * L);
        store(c80, va, alpha, beta, c, ci + 8 * ldc);
        store(c81, va, alpha, beta, c, ci + 8 * ldc + 1 * L);
        store(c90, va, alpha, beta, c, ci + 9 * ldc);
        store(c91, va, alpha, beta, c, ci + 9 * ldc + 1 * L);
        store(c100, va, alpha, beta, c, ci + 10 * ldc);
        store(c101, va, alpha, beta, c, ci + 10 * ldc + 1 * L);
        store(c110, va, alpha, beta, c, ci + 11 * ldc);
        store(c111, va, alpha, beta, c, ci + 11 * ldc + 1 * L);
    }

    /** Micro-kernel: a 14-row by 2-vector tile of C, k-loop fully in registers. */
    static void k14x2(int kc, float[] a, int ai, int ars, int acs, float[] b, int bi, int bcs,
                       float alpha, float beta, float[] c, int ci, int ldc) {
        FloatVector c00 = FloatVector.zero(S); FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S); FloatVector c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S); FloatVector c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S); FloatVector c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S); FloatVector c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S); FloatVector c51 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S); FloatVector c61 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S); FloatVector c71 = FloatVector.zero(S);
        FloatVector c80 = FloatVector.zero(S); FloatVector c81 = FloatVector.zero(S);
        FloatVector c90 = FloatVector.zero(S); FloatVector c91 = FloatVector.zero(S);
        FloatVector c100 = FloatVector.zero(S); FloatVector c101 = FloatVector.zero(S);
        FloatVector c110 = FloatVector.zero(S); FloatVector c111 = FloatVector.zero(S);
        FloatVector c120 = FloatVector.zero(S); FloatVector c121 = FloatVector.zero(S);
        FloatVector c130 = FloatVector.zero(S); FloatVector c131 = FloatVector.zero(S);
        int o1 = 1 * ars;
        int o2 = 2 * ars;
        int o3 = 3 * ars;
        int o4 = 4 * ars;
        int o5 = 5 * ars;
        int o6 = 6 * ars;
        int o7 = 7 * ars;
        int o8 = 8 * ars;
        int o9 = 9 * ars;
        int o10 = 10 * ars;
        int o11 = 11 * ars;
        int o12 = 12 * ars;
        int o13 = 13 * ars;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + 1 * L);
            FloatVector x0 = FloatVector.broadcast(S, a[ai]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            FloatVector x1 = FloatVector.broadcast(S, a[ai + o1]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            FloatVector x2 = FloatVector.broadcast(S, a[ai + o2]);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            FloatVector x3 = FloatVector.broadcast(S, a[ai + o3]);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
            FloatVector x4 = FloatVector.broadcast(S, a[ai + o4]);
            c40 = x4.fma(b0, c40);
            c41 = x4.fma(b1, c41);
            FloatVector x5 = FloatVector.broadcast(S, a[ai + o5]);
            c50 = x5.fma(b0, c50);
            c51 = x5.fma(b1, c51);
            FloatVector x6 = FloatVector.broadcast(S, a[ai + o6]);
            c60 = x6.fma(b0, c60);
            c61 = x6.fma(b1, c61);
            FloatVector x7 = FloatVector.broadcast(S, a[ai + o7]);
            c70 = x7.fma(b0, c70);
            c71 = x7.fma(b1, c71);
            FloatVector x8 = FloatVector.broadcast(S, a[ai + o8]);
            c80 = x8.fma(b0, c80);
            c81 = x8.fma(b1, c81);
            FloatVector x9 = FloatVector.broadcast(S, a[ai + o9]);
            c90 = x9.fma(b0, c90);
            c91 = x9.fma(b1, c91);
            FloatVector x10 = FloatVector.broadcast(S, a[ai + o10]);
            c100 = x10.fma(b0, c100);
            c101 = x10.fma(b1, c101);
            FloatVector x11 = FloatVector.broadcast(S, a[ai + o11]);
            c110 = x11.fma(b0, c110);
            c111 = x11.fma(b1, c111);
            FloatVector x12 = FloatVector.broadcast(S, a[ai + o12]);
            c120 = x12.fma(b0, c120);
            c121 = x12.fma(b1, c121);
            FloatVector x13 = FloatVector.broadcast(S, a[ai + o13]);
            c130 = x13.fma(b0, c130);
            c131 = x13.fma(b1, c131);
            ai += acs;
            bi += bcs;
        }
        FloatVector va = FloatVector.broadcast(S, alpha);
        store(c00, va, alpha, beta, c, ci);
        store(c01, va, alpha, beta, c, ci + 1 * L);
        store(c10, va, alpha, beta, c, ci + 1 * ldc);
        store(c11, va, alpha, beta, c, ci + 1 * ldc + 1 * L);
        store(c20, va, alpha, beta, c, ci + 2 * ldc);
        store(c21, va, alpha, beta, c, ci + 2 * ldc + 1 * L);
        store(c30, va, alpha, beta, c, ci + 3 * ldc);
        store(c31, va, alpha, beta, c, ci + 3 * ldc + 1 * L);
        store(c40, va, alpha, beta, c, ci + 4 * ldc);
        store(c41, va, alpha, beta, c, ci + 4 * ldc + 1 * L);
        store(c50, va, alpha, beta, c, ci + 5 * ldc);
        store(c51, va, alpha, beta, c, ci + 5 * ldc + 1 * L);
        store(c60, va, alpha, beta, c, ci + 6 * ldc);
        store(c61, va, alpha, beta, c, ci + 6 * ldc + 1 * L);
        store(c70, va, alpha, beta, c, ci + 7 * ldc);
        store(c71, va, alpha, beta, c, ci + 7 * ldc + 1 * L);
        store(c80, va, alpha, beta, c, ci + 8 * ldc);
        store(c81, va, alpha, beta, c, ci + 8 * ldc + 1 * L);
        store(c90, va, alpha, beta, c, ci + 9 * ldc);
        store(c91, va, alpha, beta, c, ci + 9 * ldc + 1 * L);
        store(c100, va, alpha, beta, c, ci + 10 * ldc);
        store(c101, va, alpha, beta, c, ci + 10 * ldc + 1 * L);
        store(c110, va, alpha, beta, c, ci + 11 * ldc);
        store(c111, va, alpha, beta, c, ci + 11 * ldc + 1 * L);
        store(c120, va, alpha, beta, c, ci + 12 * ldc);
        store(c121, va, alpha, beta, c, ci + 12 * ldc + 1 * L);
        store(c130, va, alpha, beta, c, ci + 13 * ldc);
        store(c131, va, alpha, beta, c, ci + 13 * ldc + 1 * L);
    }

    /** Micro-kernel: a 4-row by 3-vector tile of C, k-loop fully in registers. */
    static void k4x3(int kc, float[] a, int ai, int ars, int acs, float[] b, int bi, int bcs,
                       float alpha, float beta, float[] c, int ci, int ldc) {
        FloatVector c00 = FloatVector.zero(S); FloatVector c01 = FloatVector.zero(S); FloatVector c02 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S); FloatVector c11 = FloatVector.zero(S); FloatVector c12 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S); FloatVector c21 = FloatVector.zero(S); FloatVector c22 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S); FloatVector c31 = FloatVector.zero(S); FloatVector c32 = FloatVector.zero(S);
        int o1 = 1 * ars;
        int o2 = 2 * ars;
        int o3 = 3 * ars;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + 1 * L);
            FloatVector b2 = FloatVector.fromArray(S, b, bi + 2 * L);
            FloatVector x0 = FloatVector.broadcast(S, a[ai]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            c02 = x0.fma(b2, c02);
            FloatVector x1 = FloatVector.broadcast(S, a[ai + o1]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            c12 = x1.fma(b2, c12);
            FloatVector x2 = FloatVector.broadcast(S, a[ai + o2]);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            c22 = x2.fma(b2, c22);
            FloatVector x3 = FloatVector.broadcast(S, a[ai + o3]);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
            c32 = x3.fma(b2, c32);
            ai += acs;
            bi += bcs;
        }
        FloatVector va = FloatVector.broadcast(S, alpha);
        store(c00, va, alpha, beta, c, ci);
        store(c01, va, alpha, beta, c, ci + 1 * L);
        store(c02, va, alpha, beta, c, ci + 2 * L);
        store(c10, va, alpha, beta, c, ci + 1 * ldc);
        store(c11, va, alpha, beta, c, ci + 1 * ldc + 1 * L);
        store(c12, va, alpha, beta, c, ci + 1 * ldc + 2 * L);
        store(c20, va, alpha, beta, c, ci + 2 * ldc);
        store(c21, va, alpha, beta, c, ci + 2 * ldc + 1 * L);
        store(c22, va, alpha, beta, c, ci + 2 * ldc + 2 * L);
        store(c30, va, alpha, beta, c, ci + 3 * ldc);
        store(c31, va, alpha, beta, c, ci + 3 * ldc + 1 * L);
        store(c32, va, alpha, beta, c, ci + 3 * ldc + 2 * L);
    }

    /** Micro-kernel: a 8-row by 3-vector tile of C, k-loop fully in registers. */
    static void k8x3(int kc, float[] a, int ai, int ars, int acs, float[] b, int bi, int bcs,
                       float alpha, float beta, float[] c, int ci, int ldc) {
        FloatVector c00 = FloatVector.zero(S); FloatVector c01 = FloatVector.zero(S); FloatVector c02 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S); FloatVector c11 = FloatVector.zero(S); FloatVector c12 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S); FloatVector c21 = FloatVector.zero(S); FloatVector c22 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S); FloatVector c31 = FloatVector.zero(S); FloatVector c32 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S); FloatVector c41 = FloatVector.zero(S); FloatVector c42 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S); FloatVector c51 = FloatVector.zero(S); FloatVector c52 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S); FloatVector c61 = FloatVector.zero(S); FloatVector c62 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S); FloatVector c71 = FloatVector.zero(S); FloatVector c72 = FloatVector.zero(S);
        int o1 = 1 * ars;
        int o2 = 2 * ars;
        int o3 = 3 * ars;
        int o4 = 4 * ars;
        int o5 = 5 * ars;
        int o6 = 6 * ars;
        int o7 = 7 * ars;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + 1 * L);
            FloatVector b2 = FloatVector.fromArray(S, b, bi + 2 * L);
            FloatVector x0 = FloatVector.broadcast(S, a[ai]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            c02 = x0.fma(b2, c02);
            FloatVector x1 = FloatVector.broadcast(S, a[ai + o1]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            c12 = x1.fma(b2, c12);
            FloatVector x2 = FloatVector.broadcast(S, a[ai + o2]);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            c22 = x2.fma(b2, c22);
            FloatVector x3 = FloatVector.broadcast(S, a[ai + o3]);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
            c32 = x3.fma(b2, c32);
            FloatVector x4 = FloatVector.broadcast(S, a[ai + o4]);
            c40 = x4.fma(b0, c40);
            c41 = x4.fma(b1, c41);
            c42 = x4.fma(b2, c42);
            FloatVector x5 = FloatVector.broadcast(S, a[ai + o5]);
            c50 = x5.fma(b0, c50);
            c51 = x5.fma(b1, c51);
            c52 = x5.fma(b2, c52);
            FloatVector x6 = FloatVector.broadcast(S, a[ai + o6]);
            c60 = x6.fma(b0, c60);
            c61 = x6.fma(b1, c61);
            c62 = x6.fma(b2, c62);
            FloatVector x7 = FloatVector.broadcast(S, a[ai + o7]);
            c70 = x7.fma(b0, c70);
            c71 = x7.fma(b1, c71);
            c72 = x7.fma(b2, c72);
            ai += acs;
            bi += bcs;
        }
        FloatVector va = FloatVector.broadcast(S, alpha);
        store(c00, va, alpha, beta, c, ci);
        store(c01, va, alpha, beta, c, ci + 1 * L);
        store(c02, va, alpha, beta, c, ci + 2 * L);
        store(c10, va, alpha, beta, c, ci + 1 * ldc);
        store(c11, va, alpha, beta, c, ci + 1 * ldc + 1 * L);
        store(c12, va, alpha, beta, c, ci + 1 * ldc + 2 * L);
        store(c20, va, alpha, beta, c, ci + 2 * ldc);
        store(c21, va, alpha, beta, c, ci + 2 * ldc + 1 * L);
        store(c22, va, alpha, beta, c, ci + 2 * ldc + 2 * L);
        store(c30, va, alpha, beta, c, ci + 3 * ldc);
        store(c31, va, alpha, beta, c, ci + 3 * ldc + 1 * L);
        store(c32, va, alpha, beta, c, ci + 3 * ldc + 2 * L);
        store(c40, va, alpha, beta, c, ci + 4 * ldc);
        store(c41, va, alpha, beta, c, ci + 4 * ldc + 1 * L);
        store(c42, va, alpha, beta, c, ci + 4 * ldc + 2 * L);
        store(c50, va, alpha, beta, c, ci + 5 * ldc);
        store(c51, va, alpha, beta, c, ci + 5 * ldc + 1 * L);
        store(c52, va, alpha, beta, c, ci + 5 * ldc + 2 * L);
        store(c60, va, alpha, beta, c, ci + 6 * ldc);
        store(c61, va, alpha, beta, c, ci + 6 * ldc + 1 * L);
        store(c62, va, alpha, beta, c, ci + 6 * ldc + 2 * L);
        store(c70, va, alpha, beta, c, ci + 7 * ldc);
        store(c71, va, alpha, beta, c, ci + 7 * ldc + 1 * L);
        store(c72, va, alpha, beta, c, ci + 7 * ldc + 2 * L);
    }

    /** Micro-kernel: a 4-row by 4-vector tile of C, k-loop fully in registers. */
    static void k4x4(int kc, float[] a, int ai, int ars, int acs, float[] b, int bi, int bcs,
                       float alpha, float beta, float[] c, int ci, int ldc) {
        FloatVector c00 = FloatVector.zero(S); FloatVector c01 = FloatVector.zero(S); FloatVector c02 = FloatVector.zero(S); FloatVector c03 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S); FloatVector c11 = FloatVector.zero(S); FloatVector c12 = FloatVector.zero(S); FloatVector c13 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S); FloatVector c21 = FloatVector.zero(S); FloatVector c22 = FloatVector.zero(S); FloatVector c23 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S); FloatVector c31 = FloatVector.zero(S); FloatVector c32 = FloatVector.zero(S); FloatVector c33 = FloatVector.zero(S);
        int o1 = 1 * ars;
        int o2 = 2 * ars;
        int o3 = 3 * ars;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + 1 * L);
            FloatVector b2 = FloatVector.fromArray(S, b, bi + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bi + 3 * L);
            FloatVector x0 = FloatVector.broadcast(S, a[ai]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            c02 = x0.fma(b2, c02);
            c03 = x0.fma(b3, c03);
            FloatVector x1 = FloatVector.broadcast(S, a[ai + o1]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            c12 = x1.fma(b2, c12);
            c13 = x1.fma(b3, c13);
            FloatVector x2 = FloatVector.broadcast(S, a[ai + o2]);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            c22 = x2.fma(b2, c22);
            c23 = x2.fma(b3, c23);
            FloatVector x3 = FloatVector.broadcast(S, a[ai + o3]);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
            c32 = x3.fma(b2, c32);
            c33 = x3.fma(b3, c33);
            ai += acs;
            bi += bcs;
        }
        FloatVector va = FloatVector.broadcast(S, alpha);
        store(c00, va, alpha, beta, c, ci);
        store(c01, va, alpha, beta, c, ci + 1 * L);
        store(c02, va, alpha, beta, c, ci + 2 * L);
        store(c03, va, alpha, beta, c, ci + 3 * L);
        store(c10, va, alpha, beta, c, ci + 1 * ldc);
        store(c11, va, alpha, beta, c, ci + 1 * ldc + 1 * L);
        store(c12, va, alpha, beta, c, ci + 1 * ldc + 2 * L);
        store(c13, va, alpha, beta, c, ci + 1 * ldc + 3 * L);
        store(c20, va, alpha, beta, c, ci + 2 * ldc);
        store(c21, va, alpha, beta, c, ci + 2 * ldc + 1 * L);
        store(c22, va, alpha, beta, c, ci + 2 * ldc + 2 * L);
        store(c23, va, alpha, beta, c, ci + 2 * ldc + 3 * L);
        store(c30, va, alpha, beta, c, ci + 3 * ldc);
        store(c31, va, alpha, beta, c, ci + 3 * ldc + 1 * L);
        store(c32, va, alpha, beta, c, ci + 3 * ldc + 2 * L);
        store(c33, va, alpha, beta, c, ci + 3 * ldc + 3 * L);
    }

    /** Micro-kernel: a 6-row by 4-vector tile of C, k-loop fully in registers. */
    static void k6x4(int kc, float[] a, int ai, int ars, int acs, float[] b, int bi, int bcs,
                       float alpha, float beta, float[] c, int ci, int ldc) {
        FloatVector c00 = FloatVector.zero(S); FloatVector c01 = FloatVector.zero(S); FloatVector c02 = FloatVector.zero(S); FloatVector c03 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S); FloatVector c11 = FloatVector.zero(S); FloatVector c12 = FloatVector.zero(S); FloatVector c13 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S); FloatVector c21 = FloatVector.zero(S); FloatVector c22 = FloatVector.zero(S); FloatVector c23 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S); FloatVector c31 = FloatVector.zero(S); FloatVector c32 = FloatVector.zero(S); FloatVector c33 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S); FloatVector c41 = FloatVector.zero(S); FloatVector c42 = FloatVector.zero(S); FloatVector c43 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S); FloatVector c51 = FloatVector.zero(S); FloatVector c52 = FloatVector.zero(S); FloatVector c53 = FloatVector.zero(S);
        int o1 = 1 * ars;
        int o2 = 2 * ars;
        int o3 = 3 * ars;
        int o4 = 4 * ars;
        int o5 = 5 * ars;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + 1 * L);
            FloatVector b2 = FloatVector.fromArray(S, b, bi + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bi + 3 * L);
            FloatVector x0 = FloatVector.broadcast(S, a[ai]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            c02 = x0.fma(b2, c02);
            c03 = x0.fma(b3, c03);
            FloatVector x1 = FloatVector.broadcast(S, a[ai + o1]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            c12 = x1.fma(b2, c12);
            c13 = x1.fma(b3, c13);
            FloatVector x2 = FloatVector.broadcast(S, a[ai + o2]);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            c22 = x2.fma(b2, c22);
            c23 = x2.fma(b3, c23);
            FloatVector x3 = FloatVector.broadcast(S, a[ai + o3]);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
            c32 = x3.fma(b2, c32);
            c33 = x3.fma(b3, c33);
            FloatVector x4 = FloatVector.broadcast(S, a[ai + o4]);
            c40 = x4.fma(b0, c40);
            c41 = x4.fma(b1, c41);
            c42 = x4.fma(b2, c42);
            c43 = x4.fma(b3, c43);
            FloatVector x5 = FloatVector.broadcast(S, a[ai + o5]);
            c50 = x5.fma(b0, c50);
            c51 = x5.fma(b1, c51);
            c52 = x5.fma(b2, c52);
            c53 = x5.fma(b3, c53);
            ai += acs;
            bi += bcs;
        }
        FloatVector va = FloatVector.broadcast(S, alpha);
        store(c00, va, alpha, beta, c, ci);
        store(c01, va, alpha, beta, c, ci + 1 * L);
        store(c02, va, alpha, beta, c, ci + 2 * L);
        store(c03, va, alpha, beta, c, ci + 3 * L);
        store(c10, va, alpha, beta, c, ci + 1 * ldc);
        store(c11, va, alpha, beta, c, ci + 1 * ldc + 1 * L);
        store(c12, va, alpha, beta, c, ci + 1 * ldc + 2 * L);
        store(c13, va, alpha, beta, c, ci + 1 * ldc + 3 * L);
        store(c20, va, alpha, beta, c, ci + 2 * ldc);
        store(c21, va, alpha, beta, c, ci + 2 * ldc + 1 * L);
        store(c22, va, alpha, beta, c, ci + 2 * ldc + 2 * L);
        store(c23, va, alpha, beta, c, ci + 2 * ldc + 3 * L);
        store(c30, va, alpha, beta, c, ci + 3 * ldc);
        store(c31, va, alpha, beta, c, ci + 3 * ldc + 1 * L);
        store(c32, va, alpha, beta, c, ci + 3 * ldc + 2 * L);
        store(c33, va, alpha, beta, c, ci + 3 * ldc + 3 * L);
        store(c40, va, alpha, beta, c, ci + 4 * ldc);
        store(c41, va, alpha, beta, c, ci + 4 * ldc + 1 * L);
        store(c42, va, alpha, beta, c, ci + 4 * ldc + 2 * L);
        store(c43, va, alpha, beta, c, ci + 4 * ldc + 3 * L);
        store(c50, va, alpha, beta, c, ci + 5 * ldc);
        store(c51, va, alpha, beta, c, ci + 5 * ldc + 1 * L);
        store(c52, va, alpha, beta, c, ci + 5 * ldc + 2 * L);
        store(c53, va, alpha, beta, c, ci + 5 * ldc + 3 * L);
    }

    /** Micro-kernel: a 12-row by 1-vector tile of C, k-loop fully in registers. */
    static void k12x1(int kc, float[] a, int ai, int ars, int acs, float[] b, int bi, int bcs,
                       float alpha, float beta, float[] c, int ci, int ldc) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S);
        FloatVector c80 = FloatVector.zero(S);
        FloatVector c90 = FloatVector.zero(S);
        FloatVector c100 = FloatVector.zero(S);
        FloatVector c110 = FloatVector.zero(S);
        int o1 = 1 * ars;
        int o2 = 2 * ars;
        int o3 = 3 * ars;
        int o4 = 4 * ars;
        int o5 = 5 * ars;
        int o6 = 6 * ars;
        int o7 = 7 * ars;
        int o8 = 8 * ars;
        int o9 = 9 * ars;
        int o10 = 10 * ars;
        int o11 = 11 * ars;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector x0 = FloatVector.broadcast(S, a[ai]);
            c00 = x0.fma(b0, c00);
            FloatVector x1 = FloatVector.broadcast(S, a[ai + o1]);
            c10 = x1.fma(b0, c10);
            FloatVector x2 = FloatVector.broadcast(S, a[ai + o2]);
            c20 = x2.fma(b0, c20);
            FloatVector x3 = FloatVector.broadcast(S, a[ai + o3]);
            c30 = x3.fma(b0, c30);
            FloatVector x4 = FloatVector.broadcast(S, a[ai + o4]);
            c40 = x4.fma(b0, c40);
            FloatVector x5 = FloatVector.broadcast(S, a[ai + o5]);
            c50 = x5.fma(b0, c50);
            FloatVector x6 = FloatVector.broadcast(S, a[ai + o6]);
            c60 = x6.fma(b0, c60);
            FloatVector x7 = FloatVector.broadcast(S, a[ai + o7]);
            c70 = x7.fma(b0, c70);
            FloatVector x8 = FloatVector.broadcast(S, a[ai + o8]);
            c80 = x8.fma(b0, c80);
            FloatVector x9 = FloatVector.broadcast(S, a[ai + o9]);
            c90 = x9.fma(b0, c90);
            FloatVector x10 = FloatVector.broadcast(S, a[ai + o10]);
            c100 = x10.fma(b0, c100);
            FloatVector x11 = FloatVector.broadcast(S, a[ai + o11]);
            c110 = x11.fma(b0, c110);
            ai += acs;
            bi += bcs;
        }
        FloatVector va = FloatVector.broadcast(S, alpha);
        store(c00, va, alpha, beta, c, ci);
        store(c10, va, alpha, beta, c, ci + 1 * ldc);
        store(c20, va, alpha, beta, c, ci + 2 * ldc);
        store(c30, va, alpha, beta, c, ci + 3 * ldc);
        store(c40, va, alpha, beta, c, ci + 4 * ldc);
        store(c50, va, alpha, beta, c, ci + 5 * ldc);
        store(c60, va, alpha, beta, c, ci + 6 * ldc);
        store(c70, va, alpha, beta, c, ci + 7 * ldc);
        store(c80, va, alpha, beta, c, ci + 8 * ldc);
        store(c90, va, alpha, beta, c, ci + 9 * ldc);
        store(c100, va, alpha, beta, c, ci + 10 * ldc);
        store(c110, va, alpha, beta, c, ci + 11 * ldc);
    }

    /** Micro-kernel: a 1-row by 1-vector tile of C, k-loop fully in registers. */
    static void k1x1(int kc, float[] a, int ai, int ars, int acs, float[] b, int bi, int bcs,
                       float alpha, float beta, float[] c, int ci, int ldc) {
        FloatVector c00 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector x0 = FloatVector.broadcast(S, a[ai]);
            c00 = x0.fma(b0, c00);
            ai += acs;
            bi += bcs;
        }
        FloatVector va = FloatVector.broadcast(S, alpha);
        store(c00, va, alpha, beta, c, ci);
    }

    /** Micro-kernel: a 1-row by 2-vector tile of C, k-loop fully in registers. */
    static void k1x2(int kc, float[] a, int ai, int ars, int acs, float[] b, int bi, int bcs,
                       float alpha, float beta, float[] c, int ci, int ldc) {
        FloatVector c00 = FloatVector.zero(S); FloatVector c01 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + 1 * L);
            FloatVector x0 = FloatVector.broadcast(S, a[ai]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            ai += acs;
            bi += bcs;
        }
        FloatVector va = FloatVector.broadcast(S, alpha);
        store(c00, va, alpha, beta, c, ci);
        store(c01, va, alpha, beta, c, ci + 1 * L);
    }

    /** Micro-kernel: a 1-row by 3-vector tile of C, k-loop fully in registers. */
    static void k1x3(int kc, float[] a, int ai, int ars, int acs, float[] b, int bi, int bcs,
                       float alpha, float beta, float[] c, int ci, int ldc) {
        FloatVector c00 = FloatVector.zero(S); FloatVector c01 = FloatVector.zero(S); FloatVector c02 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + 1 * L);
            FloatVector b2 = FloatVector.fromArray(S, b, bi + 2 * L);
            FloatVector x0 = FloatVector.broadcast(S, a[ai]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            c02 = x0.fma(b2, c02);
            ai += acs;
            bi += bcs;
        }
        FloatVector va = FloatVector.broadcast(S, alpha);
        store(c00, va, alpha, beta, c, ci);
        store(c01, va, alpha, beta, c, ci + 1 * L);
        store(c02, va, alpha, beta, c, ci + 2 * L);
    }

    /** Micro-kernel: a 1-row by 4-vector tile of C, k-loop fully in registers. */
    static void k1x4(int kc, float[] a, int ai, int ars, int acs, float[] b, int bi, int bcs,
                       float alpha, float beta, float[] c, int ci, int ldc) {
        FloatVector c00 = FloatVector.zero(S); FloatVector c01 = FloatVector.zero(S); FloatVector c02 = FloatVector.zero(S); FloatVector c03 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + 1 * L);
            FloatVector b2 = FloatVector.fromArray(S, b, bi + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bi + 3 * L);
            FloatVector x0 = FloatVector.broadcast(S, a[ai]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            c02 = x0.fma(b2, c02);
            c03 = x0.fma(b3, c03);
            ai += acs;
            bi += bcs;
        }
        FloatVector va = FloatVector.broadcast(S, alpha);
        store(c00, va, alpha, beta, c, ci);
        store(c01, va, alpha, beta, c, ci + 1 * L);
        store(c02, va, alpha, beta, c, ci + 2 * L);
        store(c03, va, alpha, beta, c, ci + 3 * L);
    }
}

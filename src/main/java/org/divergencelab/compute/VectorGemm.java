package org.divergencelab.compute;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD SGEMM behind {@link Gemm} (every reference to {@code jdk.incubator.vector} lives here, so
 * {@link Gemm} can run without the module). GotoBLAS structure: op(B) is packed into {@code kc × NR}
 * slivers (zero-padded at the right edge, so edge tiles need no masks), A is read in place through its
 * two strides (one kernel serves A and Aᵀ), and a register-blocked micro-kernel accumulates an
 * {@code MR × NR} tile of C with fused multiply-adds over the whole {@code kc} block before touching C once.
 *
 * <p>Determinism: every element of C is the FMA chain over p = 0..k-1 in ascending order, restarted at
 * each {@code kc} block boundary (a fixed function of k), whether a full tile or an edge
 * computes it; for n ≤ {@link #SMALL_N} it is a dot product split over the L lanes by p mod L, lanes
 * then summed in lane order. Either way the order is a function of the shape only, so the same inputs give
 * the same bits on every run. No Vector API lane reductions are used (their order is unspecified).
 */
final class VectorGemm {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Floats per vector: 16 with AVX-512, 8 with AVX2. */
    static final int L = S.length();
    /**
     * Micro-tile: MR rows × NV vectors (NR = NV·L columns of C): 12 accumulators, 2 B vectors and 1
     * broadcast live, so it fits AVX2's 16 registers too. With AVX-512 on the benchmark machine 4×4, 5×4,
     * 6×3, 6×4 and 8×3 were no faster (within noise, some slower); see docs/benchmarks.md.
     */
    static final int MR = 6;
    static final int NV = 2;
    static final int NR = NV * L;
    /** Depth of one block: 512 covers the MLP's k in one pass, so C is read and written once. */
    static final int KC = 512;
    /** Rows of A per block (a multiple of MR): A's rows stay in L2 while the B panels sweep past. */
    static final int MC = 64 * MR;
    /** Columns of B per packed block (a multiple of NR): kc × nc floats = 2 MiB at most. */
    static final int NC = 1024 / NR * NR;
    /** Up to this many columns of C, a dot-product / axpy path beats a padded NR-wide tile. */
    static final int SMALL_N = 4;
    /** Up to this many rows of C, a row-contiguous B is read in place instead of packed. */
    static final int IN_PLACE_MAX_M = 16 * MR;
    /** Packed op(B) blocks up to this many floats (256 KiB) are swept once per row sliver (see gemm). */
    static final int ROWS_OUTER_MAX_B = 64 * 1024;

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
        if (k <= 2) {
            tinyK(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, buf);
            return;
        }
        // Strides of op(A)[i][p] and op(B)[p][j] in the arrays as stored. Row-major A is read in place
        // (packing it into MR-row slivers measured 10-30 % slower on the MLP shapes); Aᵀ is packed only for
        // the full tiles of the packed-B path, where the copy is a cheap MR-float block per p.
        int ars = transA ? 1 : lda;
        int acs = transA ? lda : 1;
        int brs = transB ? 1 : ldb;
        int bcs = transB ? ldb : 1;
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            int panels = (nc + NR - 1) / NR;
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                float betaBlock = pc == 0 ? beta : 1f;
                // Packing op(B) costs k·n copies; it pays back over m/MR row tiles, not for a few rows, where
                // a row-contiguous B is read in place (only the zero-padded right-edge panel is packed).
                boolean inPlace = !transB && m <= IN_PLACE_MAX_M;
                int fullPanels = nc / NR;
                float[] bp;
                if (inPlace) {
                    bp = buf.b(kc * NR);
                    if (fullPanels < panels) {
                        packB(b, bOff + pc * brs + (jc + fullPanels * NR) * bcs, brs, bcs, kc, nc - fullPanels * NR,
                                bp, 1);
                    }
                } else {
                    bp = buf.b(panels * kc * NR);
                    packB(b, bOff + pc * brs + jc * bcs, brs, bcs, kc, nc, bp, panels);
                }
                for (int ic = 0; ic < m; ic += MC) {
                    int mc = Math.min(MC, m - ic);
                    int aBase = aOff + ic * ars + pc * acs;
                    // Full tiles with packed B run kernels whose indices are linear in p with constant
                    // strides, so C2 hoists their range checks: A's rows in place when A is row-major,
                    // else (Aᵀ, stride lda along p) A's full MR-row slivers packed first.
                    float[] ap = null;
                    if (!inPlace && transA) {
                        ap = buf.a((mc / MR) * MR * kc);
                        packA(a, aBase, lda, mc / MR, kc, ap);
                    }
                    // Tile order: with a packed op(B) small enough to stay in L2, row slivers outer and panels
                    // inner, so C is written row after row (prefetch-friendly) while A's MR rows stay in L1;
                    // otherwise panels outer (one kc×NR panel in L1, A's block in L2). Only the order of
                    // whole tiles changes, never the order of the sums inside one element of C.
                    int tilesM = (mc + MR - 1) / MR;
                    boolean rowsOuter = !inPlace && (long) panels * kc * NR <= ROWS_OUTER_MAX_B;
                    int tileCount = tilesM * panels;
                    for (int q = 0; q < tileCount; q++) {
                        int jr = rowsOuter ? q % panels : q / tilesM;
                        int ir = (rowsOuter ? q / panels : q % tilesM) * MR;
                        int j0 = jc + jr * NR;
                        int nr = Math.min(NR, n - j0);
                        float[] bSrc = bp;
                        int bIdx = inPlace ? 0 : jr * kc * NR;
                        int bStride = NR;
                        if (inPlace && jr < fullPanels) {
                            bSrc = b;
                            bIdx = bOff + pc * ldb + j0;
                            bStride = ldb;
                        }
                        int cCol = cOff + j0;
                        {
                            int mr = Math.min(MR, mc - ir);
                            int aIdx = aBase + ir * ars;
                            int cIdx = cCol + (ic + ir) * ldc;
                            if (nr == NR) {
                                if (mr == MR && !inPlace) {
                                    if (transA) {
                                        pTile(kc, ap, (ir / MR) * MR * kc, bSrc, bIdx, alpha, betaBlock, c, cIdx, ldc);
                                    } else {
                                        rTile(kc, a, aIdx, ars, bSrc, bIdx, alpha, betaBlock, c, cIdx, ldc);
                                    }
                                } else if (mr == MR) {
                                    kTile(kc, a, aIdx, ars, acs, bSrc, bIdx, bStride, alpha, betaBlock, c, cIdx, ldc);
                                } else {
                                    edge(mr, kc, a, aIdx, ars, acs, bSrc, bIdx, bStride, alpha, betaBlock, c, cIdx, ldc);
                                }
                            } else {
                                // Right edge: a full-width tile into scratch (B's padding is zero), then merge
                                // the nr real columns with the same rounding as store().
                                float[] t = buf.tile;
                                if (mr == MR && nr == L) {
                                    // exactly one vector wide (e.g. 16 output channels): half the FMAs of a
                                    // padded tile and stored straight into C
                                    kTileHalf(kc, a, aIdx, ars, acs, bSrc, bIdx, bStride, alpha, betaBlock, c, cIdx, ldc);
                                    continue;
                                }
                                if (mr == MR && nr < L) {
                                    kTileHalf(kc, a, aIdx, ars, acs, bSrc, bIdx, bStride, 1f, 0f, t, 0, NR);
                                } else if (mr == MR) {
                                    kTile(kc, a, aIdx, ars, acs, bSrc, bIdx, bStride, 1f, 0f, t, 0, NR);
                                } else {
                                    edge(mr, kc, a, aIdx, ars, acs, bSrc, bIdx, bStride, 1f, 0f, t, 0, NR);
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

    /**
     * k ≤ 2 (the 2-D input layer, rank-1 updates): writing C is the whole cost, and a tile kernel call per
     * 6×32 block costs more than its two FMAs. Row by row instead, with op(B)'s k rows packed contiguous.
     */
    private static void tinyK(boolean transA, boolean transB, int m, int n, int k, float alpha,
                              float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                              float beta, float[] c, int cOff, int ldc, Buffers buf) {
        float[] bp = buf.b(k * n);
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                bp[p * n + j] = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
            }
        }
        FloatVector va = FloatVector.broadcast(S, alpha);
        int nv = n - n % L;
        for (int i = 0; i < m; i++) {
            float a0 = transA ? a[aOff + i] : a[aOff + i * lda];
            float a1 = k < 2 ? 0f : transA ? a[aOff + lda + i] : a[aOff + i * lda + 1];
            FloatVector x0 = FloatVector.broadcast(S, a0);
            FloatVector x1 = FloatVector.broadcast(S, a1);
            int ci = cOff + i * ldc;
            if (k == 1) {
                for (int j = 0; j < nv; j += L) {
                    store(x0.mul(FloatVector.fromArray(S, bp, j)), va, alpha, beta, c, ci + j);
                }
                for (int j = nv; j < n; j++) {
                    c[ci + j] = merge(a0 * bp[j], alpha, beta, c[ci + j]);
                }
            } else {
                for (int j = 0; j < nv; j += L) {
                    FloatVector acc = x0.mul(FloatVector.fromArray(S, bp, j));
                    store(x1.fma(FloatVector.fromArray(S, bp, n + j), acc), va, alpha, beta, c, ci + j);
                }
                for (int j = nv; j < n; j++) {
                    c[ci + j] = merge(Math.fma(a1, bp[n + j], a0 * bp[j]), alpha, beta, c[ci + j]);
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

    /**
     * Packs {@code slivers} MR-row slivers of op(A) = Aᵀ (element (i,p) at src[off + p·lda + i]) as
     * dst[s·MR·kc + p·MR + r]: MR contiguous floats per p, copied in order.
     */
    private static void packA(float[] src, int off, int lda, int slivers, int kc, float[] dst) {
        int d = 0;
        for (int s = 0; s < slivers; s++) {
            int base = off + s * MR;
            for (int p = 0; p < kc; p++) {
                int q = base + p * lda;
                for (int r = 0; r < MR; r++) {
                    dst[d + r] = src[q + r];
                }
                d += MR;
            }
        }
    }

    /** Packs op(B)[0..kc)[0..nc) (element (p,j) at src[off + p·rs + j·cs]) into NR-column slivers, zero-padded. */
    private static void packB(float[] src, int off, int rs, int cs, int kc, int nc, float[] dst, int panels) {
        int d = 0;
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
                // Four rows at a time: four independent FMA chains hide the FMA latency and share col loads.
                int kv = k - k % L;
                int i = 0;
                for (; i + 4 <= m; i += 4) {
                    int a0 = aOff + i * lda;
                    int a1 = a0 + lda;
                    int a2 = a1 + lda;
                    int a3 = a2 + lda;
                    FloatVector s0 = FloatVector.zero(S);
                    FloatVector s1 = FloatVector.zero(S);
                    FloatVector s2 = FloatVector.zero(S);
                    FloatVector s3 = FloatVector.zero(S);
                    for (int p = 0; p < kv; p += L) {
                        FloatVector x = FloatVector.fromArray(S, col, p);
                        s0 = FloatVector.fromArray(S, a, a0 + p).fma(x, s0);
                        s1 = FloatVector.fromArray(S, a, a1 + p).fma(x, s1);
                        s2 = FloatVector.fromArray(S, a, a2 + p).fma(x, s2);
                        s3 = FloatVector.fromArray(S, a, a3 + p).fma(x, s3);
                    }
                    dotFinish(s0, a, a0, col, kv, k, alpha, beta, c, cOff + i * ldc + j, lanes);
                    dotFinish(s1, a, a1, col, kv, k, alpha, beta, c, cOff + (i + 1) * ldc + j, lanes);
                    dotFinish(s2, a, a2, col, kv, k, alpha, beta, c, cOff + (i + 2) * ldc + j, lanes);
                    dotFinish(s3, a, a3, col, kv, k, alpha, beta, c, cOff + (i + 3) * ldc + j, lanes);
                }
                for (; i < m; i++) {
                    int a0 = aOff + i * lda;
                    FloatVector s0 = FloatVector.zero(S);
                    for (int p = 0; p < kv; p += L) {
                        s0 = FloatVector.fromArray(S, a, a0 + p).fma(FloatVector.fromArray(S, col, p), s0);
                    }
                    dotFinish(s0, a, a0, col, kv, k, alpha, beta, c, cOff + i * ldc + j, lanes);
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

    /**
     * Finishes one dot product: the lanes of acc summed in lane order (not reduceLanes, whose order the
     * Vector API leaves open; a pairwise tree through slice() measured no faster), then the scalar tail
     * p in [kv, k), then alpha and beta.
     */
    private static void dotFinish(FloatVector acc, float[] a, int ai, float[] col, int kv, int k,
                                  float alpha, float beta, float[] c, int ci, float[] lanes) {
        acc.intoArray(lanes, 0);
        float s = 0f;
        for (int l = 0; l < L; l++) {
            s += lanes[l];
        }
        for (int p = kv; p < k; p++) {
            s = Math.fma(a[ai + p], col[p], s);
        }
        c[ci] = merge(s, alpha, beta, c[ci]);
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

    // ---- Micro-kernels for the 6×2-vector tile, generated (one accumulator variable per register). ----

    /** Bottom edge: the mr < MR remaining rows with the kernel of exactly that height. */
    private static void edge(int mr, int kc, float[] a, int ai, int ars, int acs, float[] b, int bi, int bcs,
                             float alpha, float beta, float[] c, int ci, int ldc) {
        switch (mr) {
            case 1 -> kEdge1(kc, a, ai, ars, acs, b, bi, bcs, alpha, beta, c, ci, ldc);
            case 2 -> kEdge2(kc, a, ai, ars, acs, b, bi, bcs, alpha, beta, c, ci, ldc);
            case 3 -> kEdge3(kc, a, ai, ars, acs, b, bi, bcs, alpha, beta, c, ci, ldc);
            case 4 -> kEdge4(kc, a, ai, ars, acs, b, bi, bcs, alpha, beta, c, ci, ldc);
            case 5 -> kEdge5(kc, a, ai, ars, acs, b, bi, bcs, alpha, beta, c, ci, ldc);
            default -> throw new IllegalArgumentException("edge rows " + mr);
        }
    }

    /** 6×2-vector tile, any strides (A and Aᵀ in place, B packed or in place). */
    static void kTile(int kc, float[] a, int ai, int ars, int acs, float[] b, int bi, int bcs,
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

    /**
     * 6×1-vector tile for a right-edge panel at most one vector wide (B's sliver is zero-padded past nr):
     * the first L columns of {@link #kTile}'s tile, each element the same FMA chain.
     */
    static void kTileHalf(int kc, float[] a, int ai, int ars, int acs, float[] b, int bi, int bcs,
            float alpha, float beta, float[] c, int ci, int ldc) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S);
        int o1 = 1 * ars;
        int o2 = 2 * ars;
        int o3 = 3 * ars;
        int o4 = 4 * ars;
        int o5 = 5 * ars;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            c00 = FloatVector.broadcast(S, a[ai]).fma(b0, c00);
            c10 = FloatVector.broadcast(S, a[ai + o1]).fma(b0, c10);
            c20 = FloatVector.broadcast(S, a[ai + o2]).fma(b0, c20);
            c30 = FloatVector.broadcast(S, a[ai + o3]).fma(b0, c30);
            c40 = FloatVector.broadcast(S, a[ai + o4]).fma(b0, c40);
            c50 = FloatVector.broadcast(S, a[ai + o5]).fma(b0, c50);
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
    }

    /** 6×2-vector tile, row-major A in place, B packed: indices linear in p (range checks hoisted). */
    static void rTile(int kc, float[] a, int ai, int ars, float[] b, int bi,
            float alpha, float beta, float[] c, int ci, int ldc) {
        FloatVector c00 = FloatVector.zero(S); FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S); FloatVector c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S); FloatVector c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S); FloatVector c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S); FloatVector c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S); FloatVector c51 = FloatVector.zero(S);
        int a0 = ai + 0 * ars;
        int a1 = ai + 1 * ars;
        int a2 = ai + 2 * ars;
        int a3 = ai + 3 * ars;
        int a4 = ai + 4 * ars;
        int a5 = ai + 5 * ars;
        for (int p = 0; p < kc; p++) {
            int bp = bi + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + 1 * L);
            FloatVector x0 = FloatVector.broadcast(S, a[a0 + p]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            FloatVector x1 = FloatVector.broadcast(S, a[a1 + p]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            FloatVector x2 = FloatVector.broadcast(S, a[a2 + p]);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            FloatVector x3 = FloatVector.broadcast(S, a[a3 + p]);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
            FloatVector x4 = FloatVector.broadcast(S, a[a4 + p]);
            c40 = x4.fma(b0, c40);
            c41 = x4.fma(b1, c41);
            FloatVector x5 = FloatVector.broadcast(S, a[a5 + p]);
            c50 = x5.fma(b0, c50);
            c51 = x5.fma(b1, c51);
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

    /** 6×2-vector tile, A packed in MR-row slivers, B packed: indices linear in p. */
    static void pTile(int kc, float[] a, int ai, float[] b, int bi,
            float alpha, float beta, float[] c, int ci, int ldc) {
        FloatVector c00 = FloatVector.zero(S); FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S); FloatVector c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S); FloatVector c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S); FloatVector c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S); FloatVector c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S); FloatVector c51 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int bp = bi + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + 1 * L);
            int ap = ai + p * MR;
            FloatVector x0 = FloatVector.broadcast(S, a[ap]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            FloatVector x1 = FloatVector.broadcast(S, a[ap + 1]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            FloatVector x2 = FloatVector.broadcast(S, a[ap + 2]);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            FloatVector x3 = FloatVector.broadcast(S, a[ap + 3]);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
            FloatVector x4 = FloatVector.broadcast(S, a[ap + 4]);
            c40 = x4.fma(b0, c40);
            c41 = x4.fma(b1, c41);
            FloatVector x5 = FloatVector.broadcast(S, a[ap + 5]);
            c50 = x5.fma(b0, c50);
            c51 = x5.fma(b1, c51);
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

    /** 1×2-vector tile, any strides (A and Aᵀ in place, B packed or in place). */
    static void kEdge1(int kc, float[] a, int ai, int ars, int acs, float[] b, int bi, int bcs,
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

    /** 2×2-vector tile, any strides (A and Aᵀ in place, B packed or in place). */
    static void kEdge2(int kc, float[] a, int ai, int ars, int acs, float[] b, int bi, int bcs,
            float alpha, float beta, float[] c, int ci, int ldc) {
        FloatVector c00 = FloatVector.zero(S); FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S); FloatVector c11 = FloatVector.zero(S);
        int o1 = 1 * ars;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + 1 * L);
            FloatVector x0 = FloatVector.broadcast(S, a[ai]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            FloatVector x1 = FloatVector.broadcast(S, a[ai + o1]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            ai += acs;
            bi += bcs;
        }
        FloatVector va = FloatVector.broadcast(S, alpha);
        store(c00, va, alpha, beta, c, ci);
        store(c01, va, alpha, beta, c, ci + 1 * L);
        store(c10, va, alpha, beta, c, ci + 1 * ldc);
        store(c11, va, alpha, beta, c, ci + 1 * ldc + 1 * L);
    }

    /** 3×2-vector tile, any strides (A and Aᵀ in place, B packed or in place). */
    static void kEdge3(int kc, float[] a, int ai, int ars, int acs, float[] b, int bi, int bcs,
            float alpha, float beta, float[] c, int ci, int ldc) {
        FloatVector c00 = FloatVector.zero(S); FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S); FloatVector c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S); FloatVector c21 = FloatVector.zero(S);
        int o1 = 1 * ars;
        int o2 = 2 * ars;
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
    }

    /** 4×2-vector tile, any strides (A and Aᵀ in place, B packed or in place). */
    static void kEdge4(int kc, float[] a, int ai, int ars, int acs, float[] b, int bi, int bcs,
            float alpha, float beta, float[] c, int ci, int ldc) {
        FloatVector c00 = FloatVector.zero(S); FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S); FloatVector c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S); FloatVector c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S); FloatVector c31 = FloatVector.zero(S);
        int o1 = 1 * ars;
        int o2 = 2 * ars;
        int o3 = 3 * ars;
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
    }

    /** 5×2-vector tile, any strides (A and Aᵀ in place, B packed or in place). */
    static void kEdge5(int kc, float[] a, int ai, int ars, int acs, float[] b, int bi, int bcs,
            float alpha, float beta, float[] c, int ci, int ldc) {
        FloatVector c00 = FloatVector.zero(S); FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S); FloatVector c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S); FloatVector c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S); FloatVector c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S); FloatVector c41 = FloatVector.zero(S);
        int o1 = 1 * ars;
        int o2 = 2 * ars;
        int o3 = 3 * ars;
        int o4 = 4 * ars;
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
    }

}

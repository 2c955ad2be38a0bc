package org.divergencelab.compute;

/**
 * Small array kernels the CPU backend runs on short runs (a pixel's channels, a window row), where the
 * JIT's auto-vectoriser does not help: it cannot rule out that the two arrays are one, so a plain
 * {@code out[d + i] += in[s + i]} stays scalar. With {@code jdk.incubator.vector} in the boot layer they
 * run through {@link VectorKernels}; otherwise through the scalar loops here. Both compute every element
 * with the same single float operation, so the two paths give identical bits.
 */
final class Kernels {
    private Kernels() {
    }

    /** {@code out[dst..dst+len) += in[src..src+len)}. */
    static void addInto(float[] in, int src, float[] out, int dst, int len) {
        if (Gemm.VECTOR_AVAILABLE && len >= VectorKernels.L) {
            VectorKernels.addInto(in, src, out, dst, len);
            return;
        }
        for (int i = 0; i < len; i++) {
            out[dst + i] += in[src + i];
        }
    }

    /**
     * {@code out[dst..dst+len) = 0 + in[src..src+len)}: a copy, except that −0 becomes +0 exactly as
     * when the value is added onto a zeroed output.
     */
    static void copyPlusZero(float[] in, int src, float[] out, int dst, int len) {
        if (Gemm.VECTOR_AVAILABLE && len >= VectorKernels.L) {
            VectorKernels.copyPlusZero(in, src, out, dst, len);
            return;
        }
        for (int i = 0; i < len; i++) {
            out[dst + i] = 0f + in[src + i];
        }
    }

    /**
     * {@code o = s op v} with the 1×n row v repeated down m rows, for ADD, SUB, MUL, DIV on the SIMD path
     * (same single IEEE operation per element as the scalar loops); false when the caller must run its
     * own loops (no vector module, SAFE_DIV, or rows narrower than one vector).
     */
    static boolean rowVector(BinaryOp op, float[] s, float[] v, float[] o, int m, int n) {
        if (!Gemm.VECTOR_AVAILABLE || n < VectorKernels.L
                || !(op == BinaryOp.ADD || op == BinaryOp.SUB || op == BinaryOp.MUL || op == BinaryOp.DIV)) {
            return false;
        }
        VectorKernels.rowVector(op, s, v, o, m, n);
        return true;
    }

    /** True when no element of s is NaN or ±∞ (see {@link VectorKernels#allFinite}). */
    static boolean allFinite(float[] s) {
        if (Gemm.VECTOR_AVAILABLE) {
            return VectorKernels.allFinite(s);
        }
        // NaN and ±∞ are exactly the floats whose exponent bits are all ones
        int max = 0;
        for (float v : s) {
            max = Math.max(max, Float.floatToRawIntBits(v) & 0x7f800000);
        }
        return max != 0x7f800000;
    }
}

package org.divergencelab.compute;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** The SIMD bodies of {@link Kernels} (loaded only when {@code jdk.incubator.vector} is present). */
final class VectorKernels {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();

    private VectorKernels() {
    }

    static void addInto(float[] in, int src, float[] out, int dst, int len) {
        int i = 0;
        for (int end = len - L; i <= end; i += L) {
            FloatVector.fromArray(S, out, dst + i).add(FloatVector.fromArray(S, in, src + i)).intoArray(out, dst + i);
        }
        for (; i < len; i++) {
            out[dst + i] += in[src + i];
        }
    }

    static void copyPlusZero(float[] in, int src, float[] out, int dst, int len) {
        FloatVector zero = FloatVector.zero(S);
        int i = 0;
        for (int end = len - L; i <= end; i += L) {
            zero.add(FloatVector.fromArray(S, in, src + i)).intoArray(out, dst + i);
        }
        for (; i < len; i++) {
            out[dst + i] = 0f + in[src + i];
        }
    }

    /**
     * {@code o[i·n + j] = s[i·n + j] op v[j]} for op ADD, SUB, MUL or DIV over m rows of n ≥ L columns:
     * the op is chosen once, not per row (batch-norm rows are only C = 32 or 64 wide).
     */
    static void rowVector(BinaryOp op, float[] s, float[] v, float[] o, int m, int n) {
        int nv = n - n % L;
        switch (op) {
            case ADD -> {
                for (int base = 0, end = m * n; base < end; base += n) {
                    for (int j = 0; j < nv; j += L) {
                        FloatVector.fromArray(S, s, base + j).add(FloatVector.fromArray(S, v, j)).intoArray(o, base + j);
                    }
                    for (int j = nv; j < n; j++) {
                        o[base + j] = s[base + j] + v[j];
                    }
                }
            }
            case SUB -> {
                for (int base = 0, end = m * n; base < end; base += n) {
                    for (int j = 0; j < nv; j += L) {
                        FloatVector.fromArray(S, s, base + j).sub(FloatVector.fromArray(S, v, j)).intoArray(o, base + j);
                    }
                    for (int j = nv; j < n; j++) {
                        o[base + j] = s[base + j] - v[j];
                    }
                }
            }
            case MUL -> {
                for (int base = 0, end = m * n; base < end; base += n) {
                    for (int j = 0; j < nv; j += L) {
                        FloatVector.fromArray(S, s, base + j).mul(FloatVector.fromArray(S, v, j)).intoArray(o, base + j);
                    }
                    for (int j = nv; j < n; j++) {
                        o[base + j] = s[base + j] * v[j];
                    }
                }
            }
            case DIV -> {
                for (int base = 0, end = m * n; base < end; base += n) {
                    for (int j = 0; j < nv; j += L) {
                        FloatVector.fromArray(S, s, base + j).div(FloatVector.fromArray(S, v, j)).intoArray(o, base + j);
                    }
                    for (int j = nv; j < n; j++) {
                        o[base + j] = s[base + j] / v[j];
                    }
                }
            }
            default -> throw new IllegalArgumentException("rowVector: unsupported op " + op);
        }
    }

    /**
     * True when no element is NaN or ±∞: x·0 is 0 for every finite x and NaN otherwise, and a NaN
     * survives any sum, so one lane-wise multiply-add pass decides it exactly (the scalar max-of-exponent
     * loop does not vectorise and took ~0.6 ns per element).
     */
    static boolean allFinite(float[] s) {
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (int end = s.length - L; i <= end; i += L) {
            acc = acc.add(FloatVector.fromArray(S, s, i).mul(0f));
        }
        float tail = 0f;
        for (; i < s.length; i++) {
            tail += s[i] * 0f;
        }
        return !acc.test(jdk.incubator.vector.VectorOperators.IS_NAN).anyTrue() && !Float.isNaN(tail);
    }
}

package org.divergencelab.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The CPU backend's convolution, broadcast, reduction and activation kernels that were rewritten for
 * speed, each against the plain loop it replaced (bit for bit where the float operations per element are
 * the same) or against a float64 sum with a stated bound where the summation order changed.
 */
class CpuKernelsTest {
    private static final CpuBackend CPU = CpuBackend.INSTANCE;
    private static final double U = Math.ulp(1.0f) / 2;

    /** Channels around the vector width (16 floats with AVX-512, 8 with AVX2), strides, pads, odd kernels. */
    private static final ConvShape[] SHAPES = {
        new ConvShape(1, 28, 28, 4, 4, 2, 1), new ConvShape(32, 14, 14, 4, 4, 2, 1),
        new ConvShape(1, 7, 9, 3, 2, 1, 0), new ConvShape(3, 9, 7, 3, 3, 2, 2), new ConvShape(16, 5, 6, 2, 3, 3, 1),
        new ConvShape(17, 6, 5, 4, 4, 2, 1), new ConvShape(33, 4, 4, 3, 3, 1, 1), new ConvShape(8, 8, 8, 5, 1, 2, 2),
        new ConvShape(2, 3, 3, 1, 1, 1, 0), new ConvShape(64, 3, 3, 3, 3, 3, 1)};

    @Test
    void col2imIsTheScatterLoopBitForBit() {
        SplittableRandom rng = new SplittableRandom(3);
        for (ConvShape s : SHAPES) {
            int batch = 3;
            Tensor cols = CPU.allocate(s.patchRows(batch), s.patchSize());
            float[] in = new float[cols.size()];
            for (int i = 0; i < in.length; i++) {
                // exact zeros of both signs and cancelling values exercise the 0 + v start of each sum
                int pick = rng.nextInt(10);
                in[i] = pick == 0 ? -0f : pick == 1 ? 0f : (float) rng.nextGaussian();
            }
            CPU.copyIn(in, cols);
            float[] expected = new float[batch * s.inputSize()];
            s.forEachPatchElement(batch, (ci, xi) -> {
                if (xi >= 0) {
                    expected[xi] += in[ci];
                }
            });
            Tensor x = CPU.allocate(batch, s.inputSize());
            CPU.fill(x, Float.NaN); // every element must be written
            CPU.col2im(cols, s, x);
            float[] got = new float[x.size()];
            CPU.copyOut(x, got);
            for (int i = 0; i < got.length; i++) {
                if (Float.floatToRawIntBits(got[i]) != Float.floatToRawIntBits(expected[i])) {
                    fail(s + " element " + i + ": " + got[i] + " vs scatter " + expected[i]);
                }
            }
        }
    }

    @Test
    void vectorAddAndCopyMatchScalarLoopsOnEveryLengthAndOffset() {
        SplittableRandom rng = new SplittableRandom(4);
        for (int len = 0; len <= 3 * VectorKernels.L + 1; len++) {
            for (int off = 0; off < 3; off++) {
                float[] in = random(len + 5, rng);
                float[] out = random(len + 5, rng);
                float[] want = out.clone();
                for (int i = 0; i < len; i++) {
                    want[off + 1 + i] += in[off + i];
                }
                float[] got = out.clone();
                VectorKernels.addInto(in, off, got, off + 1, len);
                assertBits(want, got, "addInto len " + len);
                got = out.clone();
                Kernels.addInto(in, off, got, off + 1, len);
                assertBits(want, got, "Kernels.addInto len " + len);
                in[off] = -0f;
                want = out.clone();
                for (int i = 0; i < len; i++) {
                    want[off + 2 + i] = 0f + in[off + i];
                }
                got = out.clone();
                VectorKernels.copyPlusZero(in, off, got, off + 2, len);
                assertBits(want, got, "copyPlusZero len " + len);
                got = out.clone();
                Kernels.copyPlusZero(in, off, got, off + 2, len);
                assertBits(want, got, "Kernels.copyPlusZero len " + len);
            }
        }
    }

    @Test
    void rowBroadcastMatchesPerElementOpsInPlaceOrNot() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int n : new int[] {5, 15, 16, 17, 32, 33, 64, 100}) {
            int m = 7;
            for (BinaryOp op : new BinaryOp[] {BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL, BinaryOp.DIV, BinaryOp.SAFE_DIV}) {
                float[] xs = random(m * n, rng);
                float[] vs = random(n, rng);
                vs[0] = 0f; // division by zero: ±∞/NaN for DIV, 0 for SAFE_DIV
                float[] want = new float[m * n];
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        float a = xs[i * n + j];
                        float b = vs[j];
                        want[i * n + j] = switch (op) {
                            case ADD -> a + b;
                            case SUB -> a - b;
                            case MUL -> a * b;
                            case DIV -> a / b;
                            default -> b == 0f ? 0f : a / b;
                        };
                    }
                }
                Tensor x = CPU.allocate(m, n);
                Tensor v = CPU.allocate(1, n);
                Tensor out = CPU.allocate(m, n);
                CPU.copyIn(xs, x);
                CPU.copyIn(vs, v);
                CPU.broadcast(op, x, v, out);
                assertBits(want, read(out), op + " n=" + n);
                CPU.broadcast(op, x, v, x); // in place
                assertBits(want, read(x), op + " in place n=" + n);
            }
        }
    }

    /**
     * Row sums now run as x·ones (lanes split by column index). Bound: a float32 sum of n terms in any
     * order is within (n−1)·u·Σ|x| of the exact sum (Higham §4.2); the float64 reference adds nothing
     * visible at these sizes. A dropped or doubled column is off by a whole term, far above it.
     */
    @Test
    void rowSumsAgreeWithFloat64WithinTheSummationBoundAndRepeat() {
        SplittableRandom rng = new SplittableRandom(6);
        for (int n : new int[] {1, 2, 15, 16, 17, 255, 3136, 3137}) {
            int m = 5;
            float[] xs = random(m * n, rng);
            Tensor x = CPU.allocate(m, n);
            CPU.copyIn(xs, x);
            Tensor out = CPU.allocate(m, 1);
            CPU.fill(out, Float.NaN);
            CPU.reduceSum(x, out);
            float[] got = read(out);
            for (int i = 0; i < m; i++) {
                double exact = 0;
                double abs = 0;
                for (int j = 0; j < n; j++) {
                    exact += xs[i * n + j];
                    abs += Math.abs(xs[i * n + j]);
                }
                double tol = Math.max(n - 1, 1) * U * abs;
                assertTrue(Math.abs(got[i] - exact) <= tol, "n=" + n + " row " + i + ": " + got[i] + " vs " + exact);
            }
            Tensor again = CPU.allocate(m, 1);
            CPU.reduceSum(x, again);
            assertBits(got, read(again), "row sums repeat, n=" + n);
        }
    }

    /** max(v,0) + α·min(v,0) equals the select v > 0 ? v : α·v in value for every class of float. */
    @Test
    void leakyReluEqualsTheSelectOnSpecialValues() {
        float[] xs = {-0f, 0f, 1f, -1f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE,
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 3.5e-39f, -3.5e-39f, 0.3f, -7.25f,
            1e30f, -1e30f, 2f, -2f, 5f, -5f};
        for (float alpha : new float[] {0.2f, 0f, 0.01f}) {
            Tensor x = CPU.allocate(1, xs.length);
            CPU.copyIn(xs, x);
            Tensor out = CPU.allocate(1, xs.length);
            CPU.map(UnaryOp.LEAKY_RELU, x, alpha, 0, out);
            float[] got = read(out);
            for (int i = 0; i < xs.length; i++) {
                float want = xs[i] > 0f ? xs[i] : alpha * xs[i];
                boolean same = Float.isNaN(want) ? Float.isNaN(got[i]) : got[i] == want;
                assertTrue(same, "leaky(" + xs[i] + ", " + alpha + ") = " + got[i] + ", want " + want);
            }
        }
    }

    /** Every length around the vector width, one bad value at every position (and none): both paths agree. */
    @Test
    void allFiniteFindsEveryNanAndInfinityAtEveryPosition() {
        float[] bad = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.intBitsToFloat(0x7fc00123)};
        for (int n = 1; n <= 2 * VectorKernels.L + 3; n++) {
            float[] xs = new float[n];
            for (int i = 0; i < n; i++) {
                xs[i] = i % 3 == 0 ? Float.MAX_VALUE : i % 3 == 1 ? -Float.MIN_VALUE : -0f;
            }
            assertTrue(VectorKernels.allFinite(xs), "finite n=" + n);
            assertTrue(Kernels.allFinite(xs), "finite n=" + n);
            Tensor t = CPU.allocate(1, n);
            CPU.copyIn(xs, t);
            assertTrue(CPU.allFinite(t));
            for (int pos = 0; pos < n; pos++) {
                for (float b : bad) {
                    float[] ys = xs.clone();
                    ys[pos] = b;
                    assertTrue(!VectorKernels.allFinite(ys), b + " at " + pos + " of " + n);
                    CPU.copyIn(ys, t);
                    assertTrue(!CPU.allFinite(t), b + " at " + pos + " of " + n);
                }
            }
        }
    }

    @Test
    void viewsShareStorageAndCheckTheirSize() {
        for (ComputeBackend be : new ComputeBackend[] {CPU, Float64Backend.INSTANCE}) {
            Tensor x = be.allocate(4, 6);
            Tensor v = be.view(x, 3, 8);
            assertEquals(3, v.rows());
            assertEquals(8, v.cols());
            be.set(x, 2, 5, 9.5); // element 17 in row-major order
            assertEquals(9.5, be.get(v, 2, 1), 0.0, be.name());
            be.set(v, 0, 7, -3); // element 7
            assertEquals(-3, be.get(x, 1, 1), 0.0, be.name());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> be.view(x, 5, 5));
            assertTrue(e.getMessage().contains("4x6 cannot become 5x5"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> CPU.view(Float64Backend.INSTANCE.allocate(2, 2), 1, 4));
        // the interface default: no shared storage, callers copy (device backends)
        ComputeBackend copying = new BuggyBackend();
        assertNull(copying.view(CPU.allocate(2, 3), 3, 2));
    }

    private static float[] read(Tensor t) {
        float[] out = new float[t.size()];
        CPU.copyOut(t, out);
        return out;
    }

    private static float[] random(int n, SplittableRandom rng) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) rng.nextGaussian();
        }
        return out;
    }

    private static void assertBits(float[] want, float[] got, String what) {
        assertEquals(want.length, got.length, what);
        for (int i = 0; i < want.length; i++) {
            if (Float.floatToIntBits(want[i]) != Float.floatToIntBits(got[i])) {
                fail(what + ": element " + i + " is " + got[i] + ", want " + want[i]);
            }
        }
    }
}

package org.divergencelab.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The float32 CPU backend against the float64 reference, kernel by kernel, on the same inputs (the
 * inputs are float32-representable, so both start from identical numbers). Tolerance: each kernel does
 * at most one rounding per term plus a float32 sum of up to 70 terms, so 1e-5·(1 + |ref|) bounds the
 * difference (a few hundred ulps at most) while any wrong formula is off by O(1). The same test shape
 * will hold a device backend to the reference.
 */
class BackendConformanceTest {
    private static final ComputeBackend F32 = CpuBackend.INSTANCE;
    private static final ComputeBackend F64 = Float64Backend.INSTANCE;

    private record Pair(Tensor f, Tensor d) {
    }

    private static Pair pair(int rows, int cols, long seed, double lo, double hi) {
        float[] v = new float[rows * cols];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (lo + (hi - lo) * r.nextDouble());
        }
        Pair p = new Pair(F32.allocate(rows, cols), F64.allocate(rows, cols));
        F32.copyIn(v, p.f);
        F64.copyIn(v, p.d);
        return p;
    }

    private static Pair out(int rows, int cols) {
        return new Pair(F32.allocate(rows, cols), F64.allocate(rows, cols));
    }

    private static void same(String what, Pair p) {
        double[] a = new double[p.f.size()];
        double[] b = new double[p.d.size()];
        F32.copyOut(p.f, a);
        F64.copyOut(p.d, b);
        for (int i = 0; i < a.length; i++) {
            assertTrue(Math.abs(a[i] - b[i]) <= 1e-5 * (1 + Math.abs(b[i])), what + "[" + i + "]: f32 " + a[i] + " f64 " + b[i]);
        }
    }

    @Test
    void maps() {
        Pair x = pair(7, 9, 1, -3, 3);
        Pair pos = pair(7, 9, 2, 0.1, 3);
        for (UnaryOp op : UnaryOp.values()) {
            Pair in = switch (op) {
                case LOG, SQRT, RECIPROCAL -> pos;
                default -> x;
            };
            Pair o = out(7, 9);
            F32.map(op, in.f, 0.3, 0.8, o.f);
            F64.map(op, in.d, 0.3, 0.8, o.d);
            same(op.name(), o);
        }
        Pair o = out(7, 9);
        F32.affine(x.f, -1.5, 0.25, o.f);
        F64.affine(x.d, -1.5, 0.25, o.d);
        same("affine", o);
    }

    @Test
    void zipsAndBroadcasts() {
        Pair a = pair(7, 9, 3, -3, 3);
        Pair b = pair(7, 9, 4, 0.2, 2);
        Pair signed = pair(7, 9, 10, -2, 2);
        for (BinaryOp op : BinaryOp.values()) {
            // masks choose their branch by the sign of b: give them both signs
            Pair bb = switch (op) {
                case RELU_MASK, LEAKY_MASK, RANGE_MASK -> signed;
                default -> b;
            };
            Pair o = out(7, 9);
            F32.zip(op, a.f, bb.f, 0.3, 0.8, o.f);
            F64.zip(op, a.d, bb.d, 0.3, 0.8, o.d);
            same(op.name(), o);
        }
        for (int[] s : new int[][] {{1, 9}, {7, 1}, {1, 1}}) {
            Pair small = pair(s[0], s[1], 5, 0.2, 2);
            for (BinaryOp op : new BinaryOp[] {BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL, BinaryOp.DIV, BinaryOp.SAFE_DIV}) {
                Pair o = out(7, 9);
                F32.broadcast(op, a.f, small.f, o.f);
                F64.broadcast(op, a.d, small.d, o.d);
                same("broadcast " + op + " " + small.f.shape(), o);
            }
            Pair e = out(7, 9);
            F32.expand(small.f, e.f);
            F64.expand(small.d, e.d);
            same("expand " + small.f.shape(), e);
            Pair r = out(s[0], s[1]);
            F32.reduceSum(a.f, r.f);
            F64.reduceSum(a.d, r.d);
            same("reduceSum to " + small.f.shape(), r);
        }
        Pair n = out(7, 1);
        F32.rowNorm(a.f, n.f);
        F64.rowNorm(a.d, n.d);
        same("rowNorm", n);
        assertEquals(F64.sumOfSquares(a.d), F32.sumOfSquares(a.f), 1e-9);
    }

    @Test
    void matmulAllTransposes() {
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                Pair a = ta ? pair(70, 13, 6, -1, 1) : pair(13, 70, 6, -1, 1);
                Pair b = tb ? pair(11, 70, 7, -1, 1) : pair(70, 11, 7, -1, 1);
                Pair c = pair(13, 11, 8, -1, 1);
                F32.matmul(a.f, ta, b.f, tb, 0.5, 1.0, c.f);
                F64.matmul(a.d, ta, b.d, tb, 0.5, 1.0, c.d);
                same("matmul ta=" + ta + " tb=" + tb, c);
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> F32.matmul(F32.allocate(2, 3), false, F32.allocate(2, 3), false, 1, 0, F32.allocate(2, 3)));
        assertTrue(e.getMessage().contains("2x3"), e.getMessage());
    }

    @Test
    void storageFillsAndChecks() {
        Tensor t = F32.allocate(3, 4);
        F32.fillNormal(t, 0, 1, new SplittableRandom(9));
        Tensor u = F32.allocate(3, 4);
        F32.fillNormal(u, 0, 1, new SplittableRandom(9));
        float[] a = new float[12];
        float[] b = new float[12];
        F32.copyOut(t, a);
        F32.copyOut(u, b);
        assertTrue(java.util.Arrays.equals(a, b), "seeded fills are reproducible");
        Tensor rows = F32.allocate(2, 4);
        F32.copyRows(t, 1, rows, 0, 2);
        assertEquals(F32.get(t, 2, 3), F32.get(rows, 1, 3));
        F32.fillUniform(t, 2, 3, new SplittableRandom(1));
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                double v = F32.get(t, i, j);
                assertTrue(v >= 2 && v <= 3, "uniform in [2,3]: " + v);
            }
        }
        assertTrue(F32.allFinite(t));
        F32.set(t, 1, 1, Double.NEGATIVE_INFINITY);
        assertFalse(F32.allFinite(t));
        F32.set(t, 1, 1, Double.NaN);
        assertFalse(F32.allFinite(t));
        assertThrows(IllegalArgumentException.class, () -> F32.copyIn(new float[5], F32.allocate(2, 3)));
        assertThrows(IllegalArgumentException.class, () -> F32.get(F32.allocate(2, 3), 2, 0));
        assertThrows(IllegalArgumentException.class, () -> F32.copy(F64.allocate(2, 3), F32.allocate(2, 3)));
    }
}

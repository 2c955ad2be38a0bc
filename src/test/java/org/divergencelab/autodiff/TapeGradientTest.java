package org.divergencelab.autodiff;

import static org.divergencelab.autodiff.GradCheck.F64;
import static org.divergencelab.autodiff.GradCheck.check;
import static org.divergencelab.autodiff.GradCheck.normal;
import static org.divergencelab.autodiff.GradCheck.uniform;
import static org.divergencelab.autodiff.GradCheck.weightedSum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.divergencelab.compute.BinaryOp;
import org.divergencelab.compute.CpuBackend;
import org.divergencelab.compute.Tensor;
import org.junit.jupiter.api.Test;

/**
 * First- and second-order finite-difference checks of every tape operation (see {@link GradCheck} for
 * the tolerance). Each op is wrapped in a nonlinearity-free weighted sum, and for ops that are linear
 * in their inputs the check composes them with a square so the second-order check is not vacuous.
 */
class TapeGradientTest {

    @Test
    void matmulAllTransposes() {
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                Tensor a = ta ? normal(4, 3, 1) : normal(3, 4, 1);
                Tensor b = tb ? normal(5, 4, 2) : normal(4, 5, 2);
                // square() makes the function quadratic in each operand, so second order is non-trivial
                check("matmul ta=" + ta + " tb=" + tb,
                        (t, x) -> weightedSum(t, t.square(t.matmul(x[0], ta, x[1], tb))), a, b);
            }
        }
    }

    @Test
    void linear() {
        check("linear", (t, x) -> weightedSum(t, t.square(t.linear(x[0], x[1], x[2]))),
                normal(3, 4, 3), normal(4, 2, 4), normal(1, 2, 5));
    }

    @Test
    void linearRelu() {
        check("linearRelu", (t, x) -> weightedSum(t, t.square(t.linearRelu(x[0], x[1], x[2]))),
                normal(3, 4, 31), normal(4, 5, 32), normal(1, 5, 33));
    }

    @Test
    void elementwiseBinary() {
        Tensor a = normal(3, 4, 6);
        Tensor b = uniform(3, 4, 0.5, 2, 7);
        check("add", (t, x) -> weightedSum(t, t.square(t.add(x[0], x[1]))), a, b);
        check("sub", (t, x) -> weightedSum(t, t.square(t.sub(x[0], x[1]))), a, b);
        check("mul", (t, x) -> weightedSum(t, t.mul(x[0], x[1])), a, b);
        check("div", (t, x) -> weightedSum(t, t.div(x[0], x[1])), a, b);
        check("safeDiv", (t, x) -> weightedSum(t, t.safeDiv(x[0], x[1])), a, b);
        check("same operand twice", (t, x) -> weightedSum(t, t.mul(x[0], x[0])), a);
    }

    @Test
    void broadcasts() {
        Tensor x = normal(3, 4, 8);
        Tensor row = uniform(1, 4, 0.5, 2, 9);
        Tensor col = uniform(3, 1, 0.5, 2, 10);
        Tensor s = uniform(1, 1, 0.5, 2, 11);
        for (Tensor small : new Tensor[] {row, col, s}) {
            for (BinaryOp op : new BinaryOp[] {BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL, BinaryOp.DIV, BinaryOp.SAFE_DIV}) {
                check("broadcast " + op + " " + small.shape(),
                        (t, v) -> weightedSum(t, t.square(t.broadcast(op, v[0], v[1]))), x, small);
            }
        }
        check("addRow", (t, v) -> weightedSum(t, t.square(t.addRow(v[0], v[1]))), x, row);
        check("mulRow", (t, v) -> weightedSum(t, t.square(t.mulRow(v[0], v[1]))), x, row);
        check("addCol", (t, v) -> weightedSum(t, t.square(t.addCol(v[0], v[1]))), x, col);
        check("subCol", (t, v) -> weightedSum(t, t.square(t.subCol(v[0], v[1]))), x, col);
        check("mulCol", (t, v) -> weightedSum(t, t.square(t.mulCol(v[0], v[1]))), x, col);
        check("scaleBy", (t, v) -> weightedSum(t, t.square(t.scaleBy(v[0], v[1]))), x, s);
    }

    @Test
    void scalarOps() {
        Tensor x = normal(3, 4, 12);
        check("affine", (t, v) -> weightedSum(t, t.square(t.affine(v[0], -1.7, 0.3))), x);
        check("scale", (t, v) -> weightedSum(t, t.square(t.scale(v[0], 2.5))), x);
        check("addScalar", (t, v) -> weightedSum(t, t.square(t.addScalar(v[0], 0.4))), x);
        check("neg", (t, v) -> weightedSum(t, t.square(t.neg(v[0]))), x);
    }

    @Test
    void activationsAndMaps() {
        Tensor x = normal(3, 4, 13);
        Tensor pos = uniform(3, 4, 0.3, 2.5, 14);
        // the outer square makes second-order terms through the piecewise-linear maps non-zero
        check("relu", (t, v) -> weightedSum(t, t.square(t.relu(v[0]))), x);
        check("leakyRelu", (t, v) -> weightedSum(t, t.square(t.leakyRelu(v[0], 0.2))), x);
        check("tanh", (t, v) -> weightedSum(t, t.tanh(v[0])), x);
        check("sigmoid", (t, v) -> weightedSum(t, t.sigmoid(v[0])), x);
        check("softplus", (t, v) -> weightedSum(t, t.softplus(v[0])), x);
        check("logSigmoid", (t, v) -> weightedSum(t, t.logSigmoid(v[0])), x);
        check("elu(1)", (t, v) -> weightedSum(t, t.elu(v[0], 1.0)), x);
        check("elu(0.7)", (t, v) -> weightedSum(t, t.elu(v[0], 0.7)), x);
        check("exp", (t, v) -> weightedSum(t, t.exp(v[0])), x);
        check("log", (t, v) -> weightedSum(t, t.log(v[0])), pos);
        check("sqrt", (t, v) -> weightedSum(t, t.sqrt(v[0])), pos);
        check("square", (t, v) -> weightedSum(t, t.square(v[0])), x);
        check("reciprocal", (t, v) -> weightedSum(t, t.reciprocal(v[0])), pos);
        check("clamp", (t, v) -> weightedSum(t, t.square(t.clamp(v[0], -0.5, 0.6))), x);
        // third order through the fused backward nodes: ∇⟨w, ∇ tanh⟩ differentiates TANH_BACKWARD
        check("tanh∘tanh", (t, v) -> weightedSum(t, t.tanh(t.scale(t.tanh(v[0]), 1.5))), x);
        check("sigmoid·x", (t, v) -> weightedSum(t, t.mul(t.sigmoid(v[0]), v[0])), x);
    }

    @Test
    void reductionsAndShapes() {
        Tensor x = normal(3, 4, 15);
        check("sum", (t, v) -> t.square(t.sum(v[0])), x);
        check("mean", (t, v) -> t.square(t.mean(v[0])), x);
        check("columnSums", (t, v) -> weightedSum(t, t.square(t.columnSums(v[0]))), x);
        check("rowSums", (t, v) -> weightedSum(t, t.square(t.rowSums(v[0]))), x);
        check("columnMeans", (t, v) -> weightedSum(t, t.square(t.columnMeans(v[0]))), x);
        check("rowMeans", (t, v) -> weightedSum(t, t.square(t.rowMeans(v[0]))), x);
        check("expand row", (t, v) -> weightedSum(t, t.square(t.expand(v[0], 3, 4))), normal(1, 4, 16));
        check("expand col", (t, v) -> weightedSum(t, t.square(t.expand(v[0], 3, 4))), normal(3, 1, 17));
        check("expand scalar", (t, v) -> weightedSum(t, t.square(t.expand(v[0], 3, 4))), normal(1, 1, 18));
        check("rowNorm", (t, v) -> weightedSum(t, t.rowNorm(v[0])), x);
        check("sliceRows", (t, v) -> weightedSum(t, t.square(t.sliceRows(v[0], 1, 2))), x);
        check("padRows", (t, v) -> weightedSum(t, t.square(t.padRows(v[0], 1, 5))), x);
        check("concatRows", (t, v) -> weightedSum(t, t.square(t.concatRows(v[0], v[1]))), x, normal(2, 4, 19));
    }

    @Test
    void gradientPenaltyOfATinyCritic() {
        // ∇θ of mean((‖∇x D(x)‖ − 1)²) for D(x) = tanh(x·W1 + b1)·W2: the WGAN-GP path, second order in W
        Tensor x = normal(5, 2, 20);
        check("gradient penalty", (t, v) -> {
            Var xx = t.variable(x);
            Var d = t.matmul(t.tanh(t.linear(xx, v[0], v[1])), v[2]);
            Var gx = t.grad(t.sum(d), xx, true);
            return t.mean(t.square(t.addScalar(t.rowNorm(gx), -1)));
        }, normal(2, 3, 21), normal(1, 3, 22), normal(3, 1, 23));
    }

    @Test
    void rowNormAtZeroPassesZeroGradient() {
        Tape t = new Tape(F64);
        Tensor z = F64.allocate(2, 3);
        F64.set(z, 1, 0, 3);
        F64.set(z, 1, 2, 4);
        Var x = t.variable(z);
        Var g = t.grad(t.sum(t.rowNorm(x)), x, false);
        for (int c = 0; c < 3; c++) {
            assertEquals(0.0, F64.get(g.value(), 0, c), "zero row gets the zero sub-gradient");
        }
        assertEquals(0.6, F64.get(g.value(), 1, 0), 1e-12);
        assertEquals(0.8, F64.get(g.value(), 1, 2), 1e-12);
    }

    @Test
    void gradientOfUnusedInputIsZeroAndNoGraphGradientsAreConstants() {
        Tape t = new Tape(F64);
        Var a = t.variable(normal(2, 2, 24));
        Var b = t.variable(normal(2, 2, 25));
        Var[] g = t.grad(t.sum(t.square(a)), new Var[] {a, b}, false);
        assertEquals(0.0, F64.sumOfSquares(g[1].value()));
        assertTrue(g[0].isConstant(), "createGraph=false gives constants");
        Var[] g2 = t.grad(t.sum(t.square(a)), new Var[] {a}, true);
        assertTrue(!g2[0].isConstant(), "createGraph=true gives differentiable gradients");
    }

    @Test
    void backwardAccumulatesIntoParametersOnly() {
        Tape t = new Tape(F64);
        Parameter w = new Parameter("w", normal(2, 2, 26));
        Parameter unused = new Parameter("unused", normal(2, 2, 27));
        Var loss = t.sum(t.square(t.param(w)));
        t.backward(loss, java.util.List.of(w, unused));
        t.backward(loss, java.util.List.of(w, unused));
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 2; c++) {
                // two backward calls accumulate: 2 · 2w
                assertEquals(4 * F64.get(w.value(), r, c), F64.get(w.grad(), r, c), 1e-12);
            }
        }
        assertEquals(0.0, F64.sumOfSquares(unused.grad()));
    }

    @Test
    void parameterUsedOnTwoTapesKeepsOneSlotPerTape() {
        Tape a = new Tape(F64);
        Tape b = new Tape(F64);
        Parameter w = new Parameter("w", normal(1, 1, 34));
        Var first = a.param(w);
        b.param(w);
        Var again = a.param(w);
        assertTrue(first == again, "second use on tape a shares the first node");
        // loss = w·w on tape a: d/dw = 2w, counted once
        a.backward(a.mul(first, again), java.util.List.of(w, w));
        assertEquals(2 * F64.get(w.value(), 0, 0), F64.get(w.grad(), 0, 0), 1e-12);
    }

    @Test
    void arenaReusesBuffersAcrossResets() {
        Tape t = new Tape(CpuBackend.INSTANCE);
        Tensor[] first = new Tensor[2];
        for (int step = 0; step < 2; step++) {
            t.reset();
            Var x = t.constant(4, 3);
            Var y = t.relu(x);
            if (step == 0) {
                first[0] = x.value();
                first[1] = y.value();
            } else {
                assertTrue(first[0] == x.value() && first[1] == y.value(), "same buffers after reset");
            }
        }
    }

    @Test
    void badInputIsRejectedWithNames() {
        Tape t = new Tape(F64);
        Var a = t.variable(normal(2, 3, 28));
        Var b = t.variable(normal(2, 2, 29));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.add(a, b));
        assertTrue(e.getMessage().contains("2x3") && e.getMessage().contains("2x2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.matmul(a, b));
        assertTrue(e.getMessage().contains("matmul"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.grad(a, a, false));
        assertTrue(e.getMessage().contains("1x1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.addRow(a, b));
        assertTrue(e.getMessage().contains("1x3"), e.getMessage());
        Tensor nan = normal(2, 2, 30);
        F64.set(nan, 0, 1, Double.NaN);
        Var n = t.constant(nan);
        e = assertThrows(IllegalArgumentException.class, () -> t.requireFinite(n, "real batch"));
        assertTrue(e.getMessage().contains("real batch"), e.getMessage());
        Parameter w = new Parameter("w", normal(2, 2, 35));
        Var nanLoss = t.sum(t.mul(t.param(w), n));
        e = assertThrows(IllegalArgumentException.class, () -> t.backward(nanLoss, java.util.List.of(w)));
        assertTrue(e.getMessage().contains("loss is NaN"), e.getMessage());
        Tape other = new Tape(F64);
        e = assertThrows(IllegalArgumentException.class, () -> other.relu(a));
        assertTrue(e.getMessage().contains("another tape"), e.getMessage());
        t.reset();
        e = assertThrows(IllegalArgumentException.class, () -> t.relu(a));
        assertTrue(e.getMessage().contains("stale"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.variable(CpuBackend.INSTANCE.allocate(1, 1)));
    }
}

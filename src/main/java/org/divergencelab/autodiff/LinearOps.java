package org.divergencelab.autodiff;

import org.divergencelab.compute.BinaryOp;
import org.divergencelab.compute.UnaryOp;

/**
 * Matrix products on a {@link Tape}: each op's forward and, right below it, its derivative rule (the entry
 * of {@link Var.Kind}). The rules are written with tape ops, so they are recorded under createGraph.
 */
final class LinearOps {
    private LinearOps() {
    }

    // ---- MATMUL: op(a)·op(b)

    static Var matmul(Tape t, Var a, boolean transA, Var b, boolean transB) {
        t.check(a, "matmul a");
        t.check(b, "matmul b");
        int m = transA ? a.cols() : a.rows();
        int k = transA ? a.rows() : a.cols();
        int kb = transB ? b.cols() : b.rows();
        int n = transB ? b.rows() : b.cols();
        if (k != kb) {
            throw new IllegalArgumentException("matmul: inner dimensions differ, op(a) is " + m + "x" + k
                    + " and op(b) is " + kb + "x" + n);
        }
        Var v = t.owned(Var.Kind.MATMUL, m, n);
        v.a = a;
        v.b = b;
        v.ta = transA;
        v.tb = transB;
        v.constant |= Tape.constantInputs(a, b);
        t.backend().matmul(a.value, transA, b.value, transB, 1, 0, v.value);
        return v;
    }

    static void matmulRule(Tape t, Var v, Var g) {
        Var a = v.a;
        Var b = v.b;
        if (t.needs(a)) {
            t.accumulate(a, v.ta ? t.matmul(b, v.tb, g, true) : t.matmul(g, false, b, !v.tb));
        }
        if (t.needs(b)) {
            t.accumulate(b, v.tb ? t.matmul(g, true, a, v.ta) : t.matmul(a, !v.ta, g, false));
        }
    }

    // ---- LINEAR: x·w + bias, optionally with a fused ReLU (uop RELU)

    static Var linear(Tape t, Var x, Var w, Var bias) {
        Var v = linearNode(t, x, w, bias);
        t.backend().expand(bias.value, v.value);
        t.backend().matmul(x.value, false, w.value, false, 1, 1, v.value);
        return v;
    }

    static Var linearRelu(Tape t, Var x, Var w, Var bias) {
        Var v = linearNode(t, x, w, bias);
        v.uop = UnaryOp.RELU;
        // bias copied in row by row, product accumulated onto it, ReLU in one flat pass: all three
        // vectorise (a fused bias-plus-ReLU row loop does not, the JIT cannot rule out aliasing)
        t.backend().expand(bias.value, v.value);
        t.backend().matmul(x.value, false, w.value, false, 1, 1, v.value);
        t.backend().map(UnaryOp.RELU, v.value, 0, 0, v.value);
        return v;
    }

    /** The checked, not yet computed node of a dense layer. */
    private static Var linearNode(Tape t, Var x, Var w, Var bias) {
        t.check(x, "linear x");
        t.check(w, "linear w");
        t.check(bias, "linear bias");
        if (x.cols() != w.rows()) {
            throw new IllegalArgumentException("linear: input has " + x.cols() + " columns, weight is " + w.value.shape());
        }
        if (bias.rows() != 1 || bias.cols() != w.cols()) {
            throw new IllegalArgumentException("linear: bias " + bias.value.shape() + " must be 1x" + w.cols());
        }
        Var v = t.owned(Var.Kind.LINEAR, x.rows(), w.cols());
        v.a = x;
        v.b = w;
        v.c = bias;
        v.constant |= Tape.constantInputs(x, w, bias);
        return v;
    }

    static void linearRule(Tape t, Var v, Var g) {
        Var a = v.a;
        Var b = v.b;
        if (v.uop == UnaryOp.RELU) {
            // fused ReLU: the pre-activation is positive exactly where the output is
            g = ElementwiseOps.mask(t, BinaryOp.RELU_MASK, g, v, 0, 0);
        }
        if (t.needs(a)) {
            t.accumulate(a, t.matmul(g, false, b, true));
        }
        if (t.needs(b)) {
            t.accumulate(b, t.matmul(a, true, g, false));
        }
        if (t.needs(v.c)) {
            t.accumulate(v.c, t.columnSums(g));
        }
    }
}

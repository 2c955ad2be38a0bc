package org.divergencelab.autodiff;

import org.divergencelab.compute.BinaryOp;

/**
 * Broadcasts and reductions on a {@link Tape} (each the other's adjoint): each op's forward and, right
 * below it, its derivative rule (the entry of {@link Var.Kind}), written with tape ops.
 */
final class BroadcastOps {
    private BroadcastOps() {
    }

    // ---- BROADCAST: x op s, s 1×n, m×1 or 1×1

    static Var broadcast(Tape t, BinaryOp op, Var x, Var s) {
        t.check(x, "broadcast x");
        t.check(s, "broadcast s");
        switch (op) {
            case ADD, SUB, MUL, DIV, SAFE_DIV -> {
            }
            default -> throw new IllegalArgumentException("broadcast: op " + op + " not supported");
        }
        boolean ok = (s.rows() == 1 && (s.cols() == 1 || s.cols() == x.cols())) || (s.cols() == 1 && s.rows() == x.rows());
        if (!ok) {
            throw new IllegalArgumentException("broadcast " + op + ": " + s.value.shape() + " does not broadcast to "
                    + x.value.shape());
        }
        Var v = t.owned(Var.Kind.BROADCAST, x.rows(), x.cols());
        v.bop = op;
        v.a = x;
        v.b = s;
        v.constant |= Tape.constantInputs(x, s);
        t.backend().broadcast(op, x.value, s.value, v.value);
        return v;
    }

    /** {@link #broadcast} with s required to be a row (1×n) or a column (m×1). */
    static Var broadcastChecked(Tape t, BinaryOp op, Var x, Var s, boolean row) {
        t.check(x, "x");
        t.check(s, "s");
        boolean ok = row ? s.rows() == 1 && s.cols() == x.cols() : s.cols() == 1 && s.rows() == x.rows();
        if (!ok) {
            throw new IllegalArgumentException((row ? "row" : "column") + " broadcast " + op + ": operand "
                    + s.value.shape() + " must be " + (row ? "1x" + x.cols() : x.rows() + "x1") + " for x "
                    + x.value.shape());
        }
        return broadcast(t, op, x, s);
    }

    static void broadcastRule(Tape t, Var v, Var g) {
        Var a = v.a;
        Var s = v.b;
        switch (v.bop) {
            case ADD -> {
                if (t.needs(a)) {
                    t.accumulate(a, g);
                }
                if (t.needs(s)) {
                    t.accumulate(s, reduceTo(t, g, s));
                }
            }
            case SUB -> {
                if (t.needs(a)) {
                    t.accumulate(a, g);
                }
                if (t.needs(s)) {
                    t.accumulate(s, t.neg(reduceTo(t, g, s)));
                }
            }
            case MUL -> {
                if (t.needs(a)) {
                    t.accumulate(a, broadcast(t, BinaryOp.MUL, g, s));
                }
                if (t.needs(s)) {
                    t.accumulate(s, reduceTo(t, t.mul(g, a), s));
                }
            }
            case DIV, SAFE_DIV -> {
                if (t.needs(a)) {
                    t.accumulate(a, broadcast(t, v.bop, g, s));
                }
                if (t.needs(s)) {
                    t.accumulate(s, t.neg(reduceTo(t, broadcast(t, v.bop, t.mul(g, v), s), s)));
                }
            }
            default -> throw new IllegalStateException("broadcast op without a rule: " + v.bop);
        }
    }

    /** g summed down to s's shape (the adjoint of broadcasting s). */
    private static Var reduceTo(Tape t, Var g, Var s) {
        if (g.rows() == s.rows() && g.cols() == s.cols()) {
            return g;
        }
        return reduce(t, g, s.rows(), s.cols());
    }

    // ---- EXPAND: a 1×n, m×1 or 1×1 value repeated to rows×cols

    static Var expand(Tape t, Var s, int rows, int cols) {
        t.check(s, "expand s");
        boolean ok = (s.rows() == 1 && (s.cols() == 1 || s.cols() == cols)) || (s.cols() == 1 && s.rows() == rows);
        if (!ok || rows < 1 || cols < 1) {
            throw new IllegalArgumentException("expand: " + s.value.shape() + " does not expand to " + rows + "x" + cols);
        }
        Var v = t.owned(Var.Kind.EXPAND, rows, cols);
        v.a = s;
        v.constant |= s.constant;
        t.backend().expand(s.value, v.value);
        return v;
    }

    static void expandRule(Tape t, Var v, Var g) {
        if (t.needs(v.a)) {
            t.accumulate(v.a, reduceTo(t, g, v.a));
        }
    }

    // ---- REDUCE: sums down to 1×1, 1×n or m×1

    static Var reduce(Tape t, Var x, int rows, int cols) {
        t.check(x, "reduce x");
        Var v = t.owned(Var.Kind.REDUCE, rows, cols);
        v.a = x;
        v.constant |= x.constant;
        t.backend().reduceSum(x.value, v.value);
        return v;
    }

    static void reduceRule(Tape t, Var v, Var g) {
        Var a = v.a;
        if (t.needs(a)) {
            t.accumulate(a, expand(t, g, a.rows(), a.cols()));
        }
    }

    // ---- ROW_NORM: ‖row‖₂, m×1 (gradient x/‖x‖, 0 at a zero row)

    static Var rowNorm(Tape t, Var x) {
        t.check(x, "rowNorm x");
        Var v = t.owned(Var.Kind.ROW_NORM, x.rows(), 1);
        v.a = x;
        v.constant |= x.constant;
        t.backend().rowNorm(x.value, v.value);
        return v;
    }

    static void rowNormRule(Tape t, Var v, Var g) {
        Var a = v.a;
        if (t.needs(a)) {
            t.accumulate(a, t.mulCol(a, t.safeDiv(g, v)));
        }
    }
}

package org.divergencelab.autodiff;

import org.divergencelab.compute.BinaryOp;
import org.divergencelab.compute.UnaryOp;

/**
 * Elementwise ops on a {@link Tape}: each op's forward and, right below it, its derivative rule (the entry
 * of {@link Var.Kind}). The rules are written with tape ops, so they are recorded under createGraph and
 * can be differentiated again.
 */
final class ElementwiseOps {
    private ElementwiseOps() {
    }

    // ---- ZIP: a op b, same shapes

    static Var zip(Tape t, BinaryOp op, Var a, Var b, double p, double q) {
        t.check(a, op + " a");
        t.check(b, op + " b");
        if (!a.value.sameShape(b.value)) {
            throw new IllegalArgumentException(op.name().toLowerCase() + ": shape mismatch " + a.value.shape()
                    + " vs " + b.value.shape());
        }
        Var v = t.owned(Var.Kind.ZIP, a.rows(), a.cols());
        v.bop = op;
        v.a = a;
        v.b = b;
        v.p = p;
        v.q = q;
        v.constant |= Tape.constantInputs(a, b);
        t.backend().zip(op, a.value, b.value, p, q, v.value);
        return v;
    }

    static void zipRule(Tape t, Var v, Var g) {
        Var a = v.a;
        Var b = v.b;
        switch (v.bop) {
            case ADD -> {
                if (t.needs(a)) {
                    t.accumulate(a, g);
                }
                if (t.needs(b)) {
                    t.accumulate(b, g);
                }
            }
            case SUB -> {
                if (t.needs(a)) {
                    t.accumulate(a, g);
                }
                if (t.needs(b)) {
                    t.accumulate(b, t.neg(g));
                }
            }
            case MUL -> {
                if (t.needs(a)) {
                    t.accumulate(a, t.mul(g, b));
                }
                if (t.needs(b)) {
                    t.accumulate(b, t.mul(g, a));
                }
            }
            case DIV -> {
                if (t.needs(a)) {
                    t.accumulate(a, t.div(g, b));
                }
                if (t.needs(b)) {
                    // d(a/b)/db = −(a/b)/b
                    t.accumulate(b, t.neg(t.div(t.mul(g, v), b)));
                }
            }
            case SAFE_DIV -> {
                if (t.needs(a)) {
                    t.accumulate(a, t.safeDiv(g, b));
                }
                if (t.needs(b)) {
                    t.accumulate(b, t.neg(t.safeDiv(t.mul(g, v), b)));
                }
            }
            case TANH_BACKWARD -> {
                // v = a·(1 − b²): ∂/∂a = (1 − b²), ∂/∂b = −2·a·b
                if (t.needs(a)) {
                    t.accumulate(a, tanhBackward(t, g, b));
                }
                if (t.needs(b)) {
                    t.accumulate(b, t.scale(t.mul(t.mul(g, a), b), -2));
                }
            }
            case SIGMOID_BACKWARD -> {
                // v = a·b·(1 − b): ∂/∂a = b(1 − b), ∂/∂b = a·(1 − 2b)
                if (t.needs(a)) {
                    t.accumulate(a, sigmoidBackward(t, g, b));
                }
                if (t.needs(b)) {
                    t.accumulate(b, t.mul(t.mul(g, a), t.affine(b, -2, 1)));
                }
            }
            default -> throw new IllegalStateException("zip op without a rule: " + v.bop);
        }
    }

    /** g·(1 − y²) for y = tanh(x), as one differentiable ZIP node (its rule is above). */
    static Var tanhBackward(Tape t, Var g, Var y) {
        return zip(t, BinaryOp.TANH_BACKWARD, g, y, 0, 0);
    }

    /** g·y·(1 − y) for y = σ(x), as one differentiable ZIP node (its rule is above). */
    static Var sigmoidBackward(Tape t, Var g, Var y) {
        return zip(t, BinaryOp.SIGMOID_BACKWARD, g, y, 0, 0);
    }

    // ---- MASK: a masked gradient g op b (linear in g; b only picks the branch)

    static Var mask(Tape t, BinaryOp op, Var g, Var b, double p, double q) {
        t.check(g, op + " g");
        t.check(b, op + " b");
        Var v = t.owned(Var.Kind.MASK, g.rows(), g.cols());
        v.bop = op;
        v.a = g;
        v.b = b;
        v.p = p;
        v.q = q;
        v.constant |= g.constant;
        t.backend().zip(op, g.value, b.value, p, q, v.value);
        return v;
    }

    static void maskRule(Tape t, Var v, Var g) {
        // linear in a; b only selects the branch (its derivative is zero almost everywhere)
        if (t.needs(v.a)) {
            t.accumulate(v.a, mask(t, v.bop, g, v.b, v.p, v.q));
        }
    }

    // ---- AFFINE: a·x + b for constants a, b

    static Var affine(Tape t, Var x, double a, double b) {
        t.check(x, "affine x");
        Var v = t.owned(Var.Kind.AFFINE, x.rows(), x.cols());
        v.a = x;
        v.p = a;
        v.q = b;
        v.constant |= x.constant;
        t.backend().affine(x.value, a, b, v.value);
        return v;
    }

    static void affineRule(Tape t, Var v, Var g) {
        if (t.needs(v.a)) {
            t.accumulate(v.a, v.p == 1 ? g : t.scale(g, v.p));
        }
    }

    // ---- MAP: f(x) for a UnaryOp f

    static Var map(Tape t, UnaryOp op, Var x, double p, double q) {
        t.check(x, op.name().toLowerCase() + " x");
        Var v = t.owned(Var.Kind.MAP, x.rows(), x.cols());
        v.uop = op;
        v.a = x;
        v.p = p;
        v.q = q;
        v.constant |= x.constant || op == UnaryOp.STEP;
        t.backend().map(op, x.value, p, q, v.value);
        return v;
    }

    static void mapRule(Tape t, Var v, Var g) {
        if (t.needs(v.a)) {
            Var d = mapDerivative(t, v, g);
            if (d != null) {
                t.accumulate(v.a, d);
            }
        }
    }

    /** g·f'(x) for v = f(x), one line per UnaryOp, written with tape ops so that it is differentiable again. */
    private static Var mapDerivative(Tape t, Var v, Var g) {
        Var x = v.a;
        return switch (v.uop) {
            case RELU -> mask(t, BinaryOp.RELU_MASK, g, x, 0, 0);
            case LEAKY_RELU -> mask(t, BinaryOp.LEAKY_MASK, g, x, v.p, 0);
            case TANH -> tanhBackward(t, g, v);
            case SIGMOID -> sigmoidBackward(t, g, v);
            case SOFTPLUS -> t.mul(g, t.sigmoid(x));
            case LOG_SIGMOID -> t.mul(g, t.sigmoid(t.neg(x)));
            case ELU -> t.mul(g, map(t, UnaryOp.ELU_DERIV, x, v.p, 0));
            case ELU_DERIV -> t.mul(g, map(t, UnaryOp.ELU_DERIV2, x, v.p, 0));
            case ELU_DERIV2, EXP -> t.mul(g, v);
            case LOG -> t.div(g, x);
            case SQRT -> t.div(g, t.scale(v, 2));
            case SQUARE -> t.mul(g, t.scale(x, 2));
            case RECIPROCAL -> t.neg(t.mul(g, t.square(v)));
            case CLAMP -> mask(t, BinaryOp.RANGE_MASK, g, x, v.p, v.q);
            case STEP -> null;
        };
    }
}

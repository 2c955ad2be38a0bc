package org.divergencelab.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.BiFunction;

import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.compute.Float64Backend;
import org.divergencelab.compute.Tensor;

/**
 * Finite-difference checks of tape gradients, run on the float64 reference backend.
 *
 * <p>Tolerance: central differences with h = 1e-6 in double have truncation error ~h²·|f'''| ≈ 1e-12
 * and rounding error ~ε·|f|/h ≈ 1e-10 for the O(1) test functions used, so
 * |analytic − numeric| ≤ 1e-6·(1 + |numeric|) leaves four orders of margin and still catches any wrong
 * rule (a wrong rule is off by O(1)). Inputs are random normals, so a kink (ReLU at 0, clamp bounds)
 * lies within h of an input with probability ~1e-6 per element; the seeds are fixed.
 */
final class GradCheck {
    static final ComputeBackend F64 = Float64Backend.INSTANCE;
    static final double H = 1e-6;
    static final double TOL = 1e-6;

    private GradCheck() {
    }

    /** f maps the inputs (on a fresh tape) to a 1×1 value. */
    interface Fn extends BiFunction<Tape, Var[], Var> {
    }

    static double eval(Fn f, Tensor[] inputs) {
        Tape t = new Tape(F64);
        Var[] xs = new Var[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            xs[i] = t.variable(inputs[i]);
        }
        return f.apply(t, xs).item();
    }

    /** h(x) = Σ_i ⟨w_i, ∇_{x_i} f(x)⟩ built with createGraph, so that its gradient is second order in f. */
    static Fn directionalGradient(Fn f, Tensor[] weights) {
        return (t, xs) -> {
            Var[] g = t.grad(f.apply(t, xs), xs, true);
            Var acc = null;
            for (int i = 0; i < g.length; i++) {
                Var term = t.sum(t.mul(g[i], t.constant(weights[i])));
                acc = acc == null ? term : t.add(acc, term);
            }
            return acc;
        };
    }

    /** Checks ∇f (first order) and ∇⟨w, ∇f⟩ (second order) against central differences. */
    static void check(String name, Fn f, Tensor... inputs) {
        checkFirst(name, f, inputs);
        SplittableRandom rng = new SplittableRandom(name.hashCode());
        Tensor[] w = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            w[i] = F64.allocate(inputs[i].rows(), inputs[i].cols());
            F64.fillNormal(w[i], 0, 1, rng);
        }
        checkFirst(name + " (second order)", directionalGradient(f, w), inputs);
    }

    static void checkFirst(String name, Fn f, Tensor... inputs) {
        Tape t = new Tape(F64);
        Var[] xs = new Var[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            xs[i] = t.variable(inputs[i]);
        }
        Var y = f.apply(t, xs);
        Var[] g = t.grad(y, xs, false);
        for (int i = 0; i < inputs.length; i++) {
            Tensor x = inputs[i];
            assertEquals(x.rows(), g[i].rows(), name + ": gradient rows of input " + i);
            assertEquals(x.cols(), g[i].cols(), name + ": gradient cols of input " + i);
            for (int r = 0; r < x.rows(); r++) {
                for (int c = 0; c < x.cols(); c++) {
                    double x0 = F64.get(x, r, c);
                    F64.set(x, r, c, x0 + H);
                    double up = eval(f, inputs);
                    F64.set(x, r, c, x0 - H);
                    double down = eval(f, inputs);
                    F64.set(x, r, c, x0);
                    double numeric = (up - down) / (2 * H);
                    double analytic = F64.get(g[i].value(), r, c);
                    assertTrue(Math.abs(analytic - numeric) <= TOL * (1 + Math.abs(numeric)),
                            name + ": d/dx" + i + "[" + r + "," + c + "] analytic " + analytic + " numeric " + numeric);
                }
            }
        }
    }

    static Tensor normal(int rows, int cols, long seed) {
        Tensor t = F64.allocate(rows, cols);
        F64.fillNormal(t, 0, 1, new SplittableRandom(seed));
        return t;
    }

    static Tensor uniform(int rows, int cols, double lo, double hi, long seed) {
        Tensor t = F64.allocate(rows, cols);
        F64.fillUniform(t, lo, hi, new SplittableRandom(seed));
        return t;
    }

    /** Reduces v to a scalar with fixed random weights, so every output element's gradient matters. */
    static Var weightedSum(Tape t, Var v) {
        Tensor w = normal(v.rows(), v.cols(), 7919L * v.rows() + v.cols());
        return t.sum(t.mul(v, t.constant(w)));
    }
}

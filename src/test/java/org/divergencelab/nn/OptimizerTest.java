package org.divergencelab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.divergencelab.autodiff.Parameter;
import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.compute.CpuBackend;
import org.divergencelab.compute.Float64Backend;
import org.divergencelab.compute.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Optimiser steps against values worked out by hand. A single scalar parameter p with a fixed sequence
 * of gradients; the expected numbers below are the update rules evaluated by hand (the comments show
 * the arithmetic). On the float64 backend they must agree to 1e-12; on float32 to 1e-6 relative (a few
 * float32 roundings of O(1) values).
 */
class OptimizerTest {
    private static final double[] GRADS = {0.5, -1.0, 2.0};

    /** Three steps from p = 1, the gradient of step i at p given by {@code gradient}. */
    private static double[] run(ComputeBackend be, java.util.function.Function<List<Parameter>, Optimizer> make,
                                Gradient gradient) {
        Parameter p = new Parameter("p", be.allocate(1, 1));
        be.fill(p.value(), 1.0);
        Optimizer opt = make.apply(List.of(p));
        double[] out = new double[3];
        for (int i = 0; i < out.length; i++) {
            opt.zeroGrad();
            be.fill(p.grad(), gradient.at(i, be.get(p.value(), 0, 0)));
            opt.step();
            out[i] = be.get(p.value(), 0, 0);
        }
        return out;
    }

    /** The gradient of step {@code i} (0-based) at the parameter value {@code p}. */
    private interface Gradient {
        double at(int i, double p);
    }

    private static void expect(double[] expected, java.util.function.Function<List<Parameter>, Optimizer> make) {
        expect(expected, make, (i, p) -> GRADS[i]);
    }

    private static void expect(double[] expected, java.util.function.Function<List<Parameter>, Optimizer> make,
                               Gradient gradient) {
        double[] f64 = run(Float64Backend.INSTANCE, make, gradient);
        double[] f32 = run(CpuBackend.INSTANCE, make, gradient);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], f64[i], 1e-12, "float64 step " + (i + 1));
            assertEquals(expected[i], f32[i], 1e-6 * (1 + Math.abs(expected[i])), "float32 step " + (i + 1));
        }
    }

    @Test
    void sgd() {
        // p = 1 − 0.1·0.5 = 0.95; 0.95 + 0.1 = 1.05; 1.05 − 0.2 = 0.85
        expect(new double[] {0.95, 1.05, 0.85}, ps -> Optimizer.sgd(ps, 0.1));
    }

    @Test
    void momentum() {
        // buf = 0.5 → p = 0.95; buf = 0.9·0.5 − 1 = −0.55 → p = 1.005; buf = −0.495 + 2 = 1.505 → p = 0.8545
        expect(new double[] {0.95, 1.005, 0.8545}, ps -> Optimizer.momentum(ps, 0.1, 0.9));
    }

    @Test
    void rmsProp() {
        // α = 0.9, ε = 1e-8, lr = 0.01
        // s1 = 0.1·0.25 = 0.025;             p1 = 1 − 0.01·0.5/(√0.025 + ε)
        // s2 = 0.9·0.025 + 0.1·1 = 0.1225;  p2 = p1 + 0.01·1/(0.35 + ε)
        // s3 = 0.9·0.1225 + 0.1·4 = 0.51025; p3 = p2 − 0.01·2/(√0.51025 + ε)
        double p1 = 1 - 0.01 * 0.5 / (Math.sqrt(0.025) + 1e-8);
        double p2 = p1 + 0.01 / (0.35 + 1e-8);
        double p3 = p2 - 0.02 / (Math.sqrt(0.51025) + 1e-8);
        expect(new double[] {p1, p2, p3}, ps -> Optimizer.rmsProp(ps, 0.01, 0.9, 1e-8));
    }

    @Test
    void adamWithBiasCorrection() {
        // lr = 0.1, β1 = 0.5, β2 = 0.9, ε = 1e-8
        // t=1: m = 0.25, v = 0.025; m̂ = 0.25/0.5 = 0.5, v̂ = 0.025/0.1 = 0.25 → p = 1 − 0.1·0.5/(0.5+ε)
        // t=2: m = 0.125 − 0.5 = −0.375, v = 0.0225 + 0.1 = 0.1225; m̂ = −0.375/0.75 = −0.5,
        //      v̂ = 0.1225/0.19 → p += 0.1·0.5/(√(0.1225/0.19) + ε)
        // t=3: m = −0.1875 + 1 = 0.8125, v = 0.11025 + 0.4 = 0.51025; m̂ = 0.8125/0.875,
        //      v̂ = 0.51025/0.271 → p −= 0.1·m̂/(√v̂ + ε)
        double p1 = 1 - 0.1 * 0.5 / (0.5 + 1e-8);
        double p2 = p1 + 0.1 * 0.5 / (Math.sqrt(0.1225 / 0.19) + 1e-8);
        double p3 = p2 - 0.1 * (0.8125 / 0.875) / (Math.sqrt(0.51025 / 0.271) + 1e-8);
        assertEquals(0.900000002, p1, 1e-15); // 1 − 0.1·(1 − 2e-8)
        expect(new double[] {p1, p2, p3}, ps -> Optimizer.adam(ps, 0.1, 0.5, 0.9, 1e-8));
    }

    // ---- the same rules on the quadratic f(p) = ½·a·(p − c)², gradient a·(p − c), from p0 = 1 (a = 2, c = 3):
    // the gradient now follows the parameter, so each step checks the rule fed by its own previous update.
    private static final double A = 2;
    private static final double C = 3;

    private static void expectOnQuadratic(double[] expected, java.util.function.Function<List<Parameter>, Optimizer> make) {
        expect(expected, make, (i, p) -> A * (p - C));
    }

    @Test
    void sgdOnQuadraticContractsByOneMinusLrA() {
        // closed form p_k − c = (1 − lr·a)^k (p0 − c) = 0.8^k·(−2)
        expectOnQuadratic(new double[] {3 - 1.6, 3 - 1.28, 3 - 1.024}, ps -> Optimizer.sgd(ps, 0.1));
    }

    @Test
    void momentumOnQuadraticFollowsTheHeavyBallRecurrence() {
        // e = p − c: e1 = (1 − lr·a)·e0 (buf = g0), then e_{k+1} = (1 + μ − lr·a)·e_k − μ·e_{k−1}
        // e0 = −2 → e1 = −1.6 → e2 = 1.7·(−1.6) + 0.9·2 = −0.92 → e3 = 1.7·(−0.92) + 0.9·1.6 = −0.124
        expectOnQuadratic(new double[] {3 - 1.6, 3 - 0.92, 3 - 0.124}, ps -> Optimizer.momentum(ps, 0.1, 0.9));
    }

    @Test
    void rmsPropOnQuadratic() {
        // α = 0.9, lr = 0.1. Step 1: s = 0.1·g² so the step is lr·g/(√0.1·|g| + ε) = lr/√0.1 (up to ε):
        // p1 = 1 + 0.1·4/(√1.6 + ε). Then g1 = 2(p1 − 3), s2 = 0.9·1.6 + 0.1·g1², p2 = p1 − 0.1·g1/(√s2 + ε), ...
        double p1 = 1 + 0.4 / (Math.sqrt(1.6) + 1e-8);
        assertEquals(1 + 0.1 / Math.sqrt(0.1), p1, 1e-8);
        double g1 = A * (p1 - C);
        double s2 = 0.9 * 1.6 + 0.1 * g1 * g1;
        double p2 = p1 - 0.1 * g1 / (Math.sqrt(s2) + 1e-8);
        double g2 = A * (p2 - C);
        double s3 = 0.9 * s2 + 0.1 * g2 * g2;
        double p3 = p2 - 0.1 * g2 / (Math.sqrt(s3) + 1e-8);
        expectOnQuadratic(new double[] {p1, p2, p3}, ps -> Optimizer.rmsProp(ps, 0.1, 0.9, 1e-8));
    }

    @Test
    void adamOnQuadratic() {
        // lr = 0.1, β1 = 0.5, β2 = 0.9. Step 1: m̂ = g, v̂ = g², so the step is lr·g/(|g| + ε): p1 = 1 + 0.1·4/(4 + ε)
        // = 1.1. Step 2: g1 = 2(1.1 − 3) = −3.8, m = 0.5·(−2) + 0.5·(−3.8) = −2.9, m̂ = −2.9/0.75;
        // v = 0.9·1.6 + 0.1·14.44 = 2.884, v̂ = 2.884/0.19 → p2 = p1 − 0.1·m̂/(√v̂ + ε) ≈ 1.199247. Step 3 alike.
        // (the rounded numbers above; below the same arithmetic keeps ε's trace in p1, which moves p2 by 2e-12)
        double p1 = 1 + 0.4 / (4 + 1e-8);
        double g1 = A * (p1 - C);
        double m2 = 0.5 * -2 + 0.5 * g1;
        double v2 = 0.9 * 1.6 + 0.1 * g1 * g1;
        double p2 = p1 - 0.1 * (m2 / 0.75) / (Math.sqrt(v2 / 0.19) + 1e-8);
        assertEquals(1.199247, p2, 1e-6);
        double g2 = A * (p2 - C);
        double m3 = 0.5 * m2 + 0.5 * g2;
        double v3 = 0.9 * v2 + 0.1 * g2 * g2;
        double p3 = p2 - 0.1 * (m3 / 0.875) / (Math.sqrt(v3 / 0.271) + 1e-8);
        expectOnQuadratic(new double[] {p1, p2, p3}, ps -> Optimizer.adam(ps, 0.1, 0.5, 0.9, 1e-8));
    }

    @Test
    void restoringStateAndStepCountRepeatsAStepExactly() {
        // what the trainer's rollback relies on: parameters, state() and steps() are the whole optimiser state
        for (java.util.function.Function<List<Parameter>, Optimizer> make : List.<java.util.function.Function<List<Parameter>,
                Optimizer>>of(ps -> Optimizer.sgd(ps, 0.1), ps -> Optimizer.momentum(ps, 0.1, 0.9),
                ps -> Optimizer.rmsProp(ps, 0.1, 0.9, 1e-8), ps -> Optimizer.adam(ps, 0.1, 0.5, 0.9, 1e-8))) {
            ComputeBackend be = CpuBackend.INSTANCE;
            Parameter p = new Parameter("p", be.allocate(1, 2));
            be.fill(p.value(), 1.0);
            Optimizer opt = make.apply(List.of(p));
            double[] grads = {0.5, -1.0, 2.0, 0.25};
            for (int i = 0; i < 2; i++) {
                be.fill(p.grad(), grads[i]);
                opt.stepUnchecked();
            }
            List<Tensor> saved = new java.util.ArrayList<>();
            saved.add(copy(be, p.value()));
            for (Tensor s : opt.state()) {
                saved.add(copy(be, s));
            }
            long steps = opt.steps();
            double[] first = new double[2];
            for (int i = 2; i < 4; i++) {
                be.fill(p.grad(), grads[i]);
                opt.stepUnchecked();
                first[i - 2] = be.get(p.value(), 0, 1);
            }
            be.copy(saved.get(0), p.value());
            for (int k = 0; k < opt.state().size(); k++) {
                be.copy(saved.get(k + 1), opt.state().get(k));
            }
            opt.restoreSteps(steps);
            for (int i = 2; i < 4; i++) {
                be.fill(p.grad(), grads[i]);
                opt.stepUnchecked();
                assertEquals(first[i - 2], be.get(p.value(), 0, 1), 0.0, opt.getClass().getSimpleName() + " step " + (i + 1));
            }
            assertEquals(4, opt.steps());
        }
    }

    private static Tensor copy(ComputeBackend be, Tensor t) {
        Tensor c = be.allocate(t.rows(), t.cols());
        be.copy(t, c);
        return c;
    }

    @Test
    void badHyperParametersAreNamed() {
        Parameter p = new Parameter("p", CpuBackend.INSTANCE.allocate(1, 1));
        List<Parameter> ps = List.of(p);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Optimizer.sgd(ps, 0));
        assertTrue(e.getMessage().contains("lr") && e.getMessage().contains("0.0"), e.getMessage());
        Optimizer sgd = Optimizer.sgd(ps, 0.1);
        e = assertThrows(IllegalArgumentException.class, () -> sgd.setLr(-2));
        assertTrue(e.getMessage().contains("lr") && e.getMessage().contains("-2.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Optimizer.adam(ps, -1e-3, 0.5, 0.9, 1e-8));
        assertTrue(e.getMessage().contains("-0.001"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Optimizer.adam(ps, Double.NaN, 0.5, 0.9, 1e-8));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Optimizer.adam(ps, 1e-3, 1.0, 0.9, 1e-8));
        assertTrue(e.getMessage().contains("beta1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Optimizer.momentum(ps, 1e-3, -0.1));
        assertTrue(e.getMessage().contains("momentum"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Optimizer.sgd(List.of(), 1e-3));
        assertTrue(e.getMessage().contains("parameter"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new WeightClipping(0));
        assertTrue(e.getMessage().contains("c") && e.getMessage().contains("0.0"), e.getMessage());
    }

    @Test
    void nonFiniteGradientOrParameterStopsTheStep() {
        ComputeBackend be = CpuBackend.INSTANCE;
        Parameter p = new Parameter("critic.W", be.allocate(2, 2));
        Optimizer opt = Optimizer.adam(List.of(p), 1e-3, 0.5, 0.9, 1e-8);
        be.set(p.grad(), 1, 1, Double.POSITIVE_INFINITY);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, opt::step);
        assertTrue(e.getMessage().contains("critic.W") && e.getMessage().contains("gradient"), e.getMessage());
        opt.zeroGrad();
        be.set(p.value(), 0, 0, Double.NaN);
        e = assertThrows(IllegalArgumentException.class, opt::step);
        assertTrue(e.getMessage().contains("critic.W"), e.getMessage());
        assertEquals(0, opt.steps(), "a refused step is not counted");
    }

    @Test
    void weightClippingClamps() {
        ComputeBackend be = CpuBackend.INSTANCE;
        Parameter p = new Parameter("w", be.allocate(1, 3));
        be.copyIn(new float[] {-0.5f, 0.005f, 0.2f}, p.value());
        new WeightClipping(0.01).apply(List.of(p));
        assertEquals(-0.01, be.get(p.value(), 0, 0), 1e-9);
        assertEquals(0.005, be.get(p.value(), 0, 1), 1e-9);
        assertEquals(0.01, be.get(p.value(), 0, 2), 1e-9);
    }
}

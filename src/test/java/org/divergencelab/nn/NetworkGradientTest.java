package org.divergencelab.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.divergencelab.autodiff.Parameter;
import org.divergencelab.autodiff.Tape;
import org.divergencelab.autodiff.Var;
import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.compute.CpuBackend;
import org.divergencelab.compute.Float64Backend;
import org.divergencelab.compute.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Finite-difference checks of whole layers and networks, first order (∇θ of a critic score) and second
 * order (∇θ of the WGAN-GP penalty, which differentiates ∇x D), on the float64 backend; plus the float32
 * backend against that reference.
 *
 * <p>Tolerances: central differences in double with h = 1e-6 (error ≲ 1e-9 for these O(1) functions,
 * see autodiff.GradCheck), checked at 1e-6·(1 + |numeric|). Float32 vs float64: a 2→8→8→1 network's
 * gradient passes through ~10 float32 roundings of relative size 6e-8 each, amplified by the double
 * backward; 2e-4·(1 + |g|) leaves a wide margin while catching any kernel error.
 */
class NetworkGradientTest {
    private static final ComputeBackend F64 = Float64Backend.INSTANCE;
    private static final double H = 1e-6;

    private static Tensor batch(ComputeBackend be, long seed) {
        Tensor x = be.allocate(6, 2);
        be.fillNormal(x, 0, 1, new SplittableRandom(seed));
        return x;
    }

    /** mean(D(x)) + 0.7·mean((‖∇x D(x)‖ − 1)²): both first-order and second-order paths. */
    private static double loss(Mlp d, Tensor xData, boolean backward) {
        ComputeBackend be = xData.backend();
        Tape t = new Tape(be);
        Var x = t.variable(xData);
        Var out = d.forward(t, x);
        Var penalty = new GradientPenalty(0.7).apply(t, d, x);
        Var loss = t.add(t.mean(out), penalty);
        if (backward) {
            d.zeroGrad();
            t.backward(loss, d.parameters());
        }
        return loss.item();
    }

    private static void checkNetwork(String name, Mlp d) {
        Tensor x = batch(F64, 99);
        loss(d, x, true);
        for (Parameter p : d.parameters()) {
            Tensor v = p.value();
            for (int r = 0; r < v.rows(); r++) {
                for (int c = 0; c < v.cols(); c++) {
                    double v0 = F64.get(v, r, c);
                    F64.set(v, r, c, v0 + H);
                    double up = loss(d, x, false);
                    F64.set(v, r, c, v0 - H);
                    double down = loss(d, x, false);
                    F64.set(v, r, c, v0);
                    double numeric = (up - down) / (2 * H);
                    double analytic = F64.get(p.grad(), r, c);
                    assertTrue(Math.abs(analytic - numeric) <= 1e-6 * (1 + Math.abs(numeric)),
                            name + ": " + p.name() + "[" + r + "," + c + "] analytic " + analytic + " numeric " + numeric);
                }
            }
        }
    }

    private static Mlp.Builder small(Activation a) {
        return Mlp.builder(2).hidden(5, 4).activation(a).output(1, Activation.identity()).init(Init.XAVIER);
    }

    @Test
    void everyActivationFirstAndSecondOrder() {
        List<Activation> all = List.of(Activation.relu(), Activation.leakyRelu(0.2), Activation.tanh(),
                Activation.sigmoid(), Activation.identity(), Activation.softplus(), Activation.elu(1.0),
                Activation.elu(0.5));
        for (Activation a : all) {
            checkNetwork(a.name(), small(a).build(F64, new SplittableRandom(1)));
        }
    }

    @Test
    void outputActivationAndOrthogonalInit() {
        checkNetwork("sigmoid output", Mlp.builder(2).hidden(4).activation(Activation.tanh())
                .output(1, Activation.sigmoid()).init(Init.ORTHOGONAL).build(F64, new SplittableRandom(2)));
    }

    @Test
    void layerNorm() {
        checkNetwork("layer norm", small(Activation.tanh()).layerNorm(true).build(F64, new SplittableRandom(3)));
    }

    @Test
    void spectralNorm() {
        Mlp d = small(Activation.elu(1.0)).spectralNorm(1).build(F64, new SplittableRandom(4));
        for (Dense l : d.denseLayers()) {
            // the power iteration must not move between the finite-difference evaluations
            l.spectralNorm().powerIterate(l.weight().value(), 5);
            l.spectralNorm().setTraining(false);
        }
        checkNetwork("spectral norm", d);
    }

    @Test
    void float32BackendMatchesFloat64Reference() {
        for (Activation a : List.of(Activation.relu(), Activation.tanh(), Activation.softplus(), Activation.elu(1.0))) {
            Mlp d64 = Mlp.builder(2).hidden(8, 8).activation(a).output(1, Activation.identity())
                    .build(F64, new SplittableRandom(5));
            Mlp d32 = Mlp.builder(2).hidden(8, 8).activation(a).output(1, Activation.identity())
                    .build(CpuBackend.INSTANCE, new SplittableRandom(5));
            Tensor x64 = batch(F64, 6);
            Tensor x32 = batch(CpuBackend.INSTANCE, 6);
            double l64 = loss(d64, x64, true);
            double l32 = loss(d32, x32, true);
            assertTrue(Math.abs(l64 - l32) <= 2e-4 * (1 + Math.abs(l64)), a.name() + ": loss " + l32 + " vs " + l64);
            List<Parameter> p64 = d64.parameters();
            List<Parameter> p32 = d32.parameters();
            for (int i = 0; i < p64.size(); i++) {
                double[] g64 = values(p64.get(i).grad());
                double[] g32 = values(p32.get(i).grad());
                for (int k = 0; k < g64.length; k++) {
                    assertTrue(Math.abs(g64[k] - g32[k]) <= 2e-4 * (1 + Math.abs(g64[k])),
                            a.name() + " " + p64.get(i).name() + "[" + k + "]: f32 " + g32[k] + " vs f64 " + g64[k]);
                }
            }
        }
    }

    static double[] values(Tensor t) {
        double[] v = new double[t.size()];
        t.backend().copyOut(t, v);
        return v;
    }

    static List<double[]> snapshot(List<Parameter> ps) {
        List<double[]> out = new ArrayList<>();
        for (Parameter p : ps) {
            out.add(values(p.value()));
        }
        return out;
    }
}

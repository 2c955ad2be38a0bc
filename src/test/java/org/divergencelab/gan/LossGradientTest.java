package org.divergencelab.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.divergencelab.autodiff.Parameter;
import org.divergencelab.autodiff.Tape;
import org.divergencelab.autodiff.Var;
import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.compute.Float64Backend;
import org.divergencelab.compute.Tensor;
import org.divergencelab.nn.Activation;
import org.divergencelab.nn.Dense;
import org.divergencelab.nn.Mlp;
import org.junit.jupiter.api.Test;

/**
 * ∂loss/∂θ of every objective's critic loss (critic parameters) and generator loss (generator parameters,
 * through the critic) against central finite differences, on the float64 backend.
 *
 * <p>Tolerance: h = 1e-6 in double; truncation ~h²·|f'''| ≈ 1e-12 and rounding ~ε·|f|/h ≈ 1e-10 for these
 * O(1) losses, so |analytic − numeric| ≤ 1e-6·(1 + |numeric|) has four orders of margin while a wrong rule is
 * off by O(1). Critics use tanh (smooth, so the GP's second derivatives exist everywhere) and one ReLU case;
 * spectral normalisation is frozen (u, v fixed) so the loss is a deterministic function of θ, and every
 * evaluation redraws ε from the same seed.
 */
class LossGradientTest {
    private static final ComputeBackend F64 = Float64Backend.INSTANCE;
    private static final double H = 1e-6;
    private static final double TOL = 1e-6;

    private static List<Objective> allObjectives() {
        List<Objective> o = new ArrayList<>(List.of(Objective.minimax(), Objective.nonSaturating(), Objective.lsgan(),
                Objective.wganClip(0.01), Objective.wganGp(10), Objective.wganFd(10), Objective.wganSn(),
                Objective.linearCritic()));
        for (Objective.FDivergence f : Objective.FDivergence.values()) {
            o.add(Objective.fgan(f));
        }
        return o;
    }

    private static Experiment experiment(Objective o, Activation.Kind act) {
        NetworkSpec net = new NetworkSpec(List.of(6, 5), act, Activation.Kind.IDENTITY, false, false);
        return Presets.wganGp("fd", "ring(8,2,0.3)").withGenerator(net).withCritic(net).withObjective(o);
    }

    @Test
    void everyObjectiveCriticAndGeneratorGradientsMatchFiniteDifferences() {
        for (Objective o : allObjectives()) {
            check(o, Activation.Kind.TANH);
        }
        // ReLU critic: piecewise linear, double backprop through the masks (random inputs avoid kinks within h)
        check(Objective.wganGp(10), Activation.Kind.RELU);
        check(Objective.nonSaturating(), Activation.Kind.LEAKY_RELU);
    }

    private static void check(Objective o, Activation.Kind act) {
        Experiment e = experiment(o, act);
        Mlp g = Trainer.buildGenerator(e, F64, new SplittableRandom(1));
        Mlp d = Trainer.buildCritic(e, F64, new SplittableRandom(2));
        for (Dense layer : d.denseLayers()) {
            if (layer.spectralNorm() != null) {
                layer.spectralNorm().setTraining(false);
            }
        }
        int n = 7;
        Tensor real = F64.allocate(n, 2);
        Tensor z = F64.allocate(n, 2);
        SplittableRandom r = new SplittableRandom(3);
        F64.fillNormal(real, 0, 1, r);
        F64.fillNormal(z, 0, 1, r);
        String name = o.describe() + " " + act;

        compare(name + " critic loss", d.parameters(), t -> {
            Var fake = t.detach(g.forward(t, t.constant(z)));
            return Losses.criticLoss(t, o, d, t.constant(real), fake, new SplittableRandom(4));
        });
        compare(name + " generator loss", g.parameters(), t -> {
            return Losses.generatorLoss(t, o, d.forward(t, g.forward(t, t.constant(z))));
        });
    }

    /** Analytic gradient of loss() into params vs central differences, element by element. */
    private static void compare(String name, List<Parameter> params, Function<Tape, Var> loss) {
        for (Parameter p : params) {
            p.zeroGrad();
        }
        Tape tape = new Tape(F64);
        Var l = loss.apply(tape);
        assertTrue(Double.isFinite(l.item()), name + ": loss " + l.item());
        tape.backward(l, params);
        int checked = 0;
        for (Parameter p : params) {
            Tensor v = p.value();
            double[] x = new double[v.size()];
            double[] grad = new double[v.size()];
            F64.copyOut(v, x);
            F64.copyOut(p.grad(), grad);
            for (int i = 0; i < x.length; i++) {
                double keep = x[i];
                x[i] = keep + H;
                F64.copyIn(x, v);
                double up = loss.apply(new Tape(F64)).item();
                x[i] = keep - H;
                F64.copyIn(x, v);
                double down = loss.apply(new Tape(F64)).item();
                x[i] = keep;
                F64.copyIn(x, v);
                double numeric = (up - down) / (2 * H);
                assertEquals(numeric, grad[i], TOL * (1 + Math.abs(numeric)), name + ": d/d " + p.name() + "[" + i + "]");
                checked++;
            }
        }
        assertTrue(checked >= 3, name + ": checked " + checked + " elements");
    }
}

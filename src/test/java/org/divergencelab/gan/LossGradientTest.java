package org.divergencelab.gan;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

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
 * <p>Step and tolerance: {@link FiniteDifferences}. Critics use tanh (smooth, so the GP's second derivatives exist
 * everywhere) and one ReLU case; spectral normalisation is frozen (u, v fixed) so the loss is a deterministic
 * function of θ, and every evaluation redraws ε from the same seed.
 */
class LossGradientTest {
    private static final ComputeBackend F64 = Float64Backend.INSTANCE;

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

        FiniteDifferences.compare(name + " critic loss", d.parameters(), 3, t -> {
            Var fake = t.detach(g.forward(t, t.constant(z)));
            return Losses.criticLoss(t, o, d, t.constant(real), fake, new SplittableRandom(4));
        });
        FiniteDifferences.compare(name + " generator loss", g.parameters(), 3, t -> {
            return Losses.generatorLoss(t, o, d.forward(t, g.forward(t, t.constant(z))));
        });
    }
}

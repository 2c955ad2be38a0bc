package org.divergencelab.gan;

import java.util.ArrayList;
import java.util.List;

import org.divergencelab.compute.Tensor;
import org.divergencelab.distribution.GeneratorNet;
import org.divergencelab.nn.Activation;
import org.divergencelab.nn.Dense;
import org.divergencelab.nn.Layer;
import org.divergencelab.nn.LayerNorm;
import org.divergencelab.nn.Mlp;
import org.divergencelab.nn.SpectralNorm;

/**
 * The engine's generator {@link Mlp} as a plain-double {@link GeneratorNet} (what {@code generator.json} holds and
 * what the exact P_G is computed from). The float32 weights are widened exactly; a spectrally normalised layer is
 * exported as W/σ̂ with σ̂ from its current power-iteration vectors (what the evaluation forward pass uses).
 * Layer norm makes each output depend on the whole layer through its mean and variance: no plain dense form, so
 * such a generator is refused.
 */
public final class GeneratorExport {
    private GeneratorExport() {
    }

    /** The net of {@code generator} with {@code latent}'s prior. */
    public static GeneratorNet of(Mlp generator, LatentSpec latent) {
        if (generator.inputDim() != latent.dim()) {
            throw new IllegalArgumentException("the generator takes " + generator.inputDim() + " inputs but the latent "
                    + "is " + latent.dim() + "-D");
        }
        List<Layer> layers = generator.layers();
        List<GeneratorNet.Layer> out = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            if (l instanceof LayerNorm) {
                throw new IllegalArgumentException("generator '" + generator.name() + "' uses layer norm, which has no "
                        + "plain dense form: it cannot be exported exactly (switch layer norm off to get generator.json)");
            }
            if (!(l instanceof Dense d)) {
                throw new IllegalArgumentException("generator layer '" + l.name() + "' is not a dense layer followed by "
                        + "an activation; cannot export");
            }
            GeneratorNet.Act act = GeneratorNet.Act.of(GeneratorNet.Act.Kind.IDENTITY);
            if (i + 1 < layers.size() && layers.get(i + 1) instanceof Activation a) {
                act = new GeneratorNet.Act(GeneratorNet.Act.Kind.valueOf(a.kind().name()), a.alpha());
                i++;
            }
            out.add(new GeneratorNet.Layer(weights(d), values(d.bias().value())[0], act));
        }
        GeneratorNet.Prior prior = latent.prior() == LatentSpec.Prior.NORMAL ? GeneratorNet.Prior.NORMAL
                : GeneratorNet.Prior.UNIFORM;
        return new GeneratorNet(prior, latent.dim(), out);
    }

    /** W with one row per output unit (the engine stores fanIn × fanOut). */
    private static double[][] weights(Dense d) {
        double[][] w = values(d.weight().value());
        SpectralNorm sn = d.spectralNorm();
        double scale = sn == null ? 1 : 1 / sn.sigma(d.weight().value());
        double[][] t = new double[d.fanOut()][d.fanIn()];
        for (int i = 0; i < d.fanOut(); i++) {
            for (int j = 0; j < d.fanIn(); j++) {
                t[i][j] = w[j][i] * scale;
            }
        }
        return t;
    }

    private static double[][] values(Tensor t) {
        double[] flat = new double[t.size()];
        t.backend().copyOut(t, flat);
        double[][] m = new double[t.rows()][t.cols()];
        for (int r = 0; r < t.rows(); r++) {
            System.arraycopy(flat, r * t.cols(), m[r], 0, t.cols());
        }
        return m;
    }
}

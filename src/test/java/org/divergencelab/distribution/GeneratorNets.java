package org.divergencelab.distribution;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small generator nets for the tests: hand-built closed forms and seeded random ones. */
public final class GeneratorNets {
    private GeneratorNets() {
    }

    public static GeneratorNet.Layer layer(double[][] w, double[] b, GeneratorNet.Act.Kind act) {
        return new GeneratorNet.Layer(w, b, GeneratorNet.Act.of(act));
    }

    /** x = a z + c (1-D latent, 1-D output). */
    public static GeneratorNet affine(GeneratorNet.Prior prior, double a, double c) {
        return new GeneratorNet(prior, 1, List.of(layer(new double[][] {{a}}, new double[] {c},
                GeneratorNet.Act.Kind.IDENTITY)));
    }

    /** x = a relu(z) − a relu(−z) + c = a z + c, written with a ReLU kink at 0 (same law, two pieces). */
    public static GeneratorNet affineThroughRelu(GeneratorNet.Prior prior, double a, double c) {
        return new GeneratorNet(prior, 1, List.of(
                layer(new double[][] {{1}, {-1}}, new double[] {0, 0}, GeneratorNet.Act.Kind.RELU),
                layer(new double[][] {{a, -a}}, new double[] {c}, GeneratorNet.Act.Kind.IDENTITY)));
    }

    /** A seeded random net 'latent → widths → out' (weights N(0, 2/fanIn), biases N(0, 0.5²)). */
    public static GeneratorNet random(long seed, GeneratorNet.Prior prior, int latent, int out,
            GeneratorNet.Act.Kind hidden, int... widths) {
        SplittableRandom r = new SplittableRandom(seed);
        List<GeneratorNet.Layer> layers = new ArrayList<>();
        int in = latent;
        for (int l = 0; l <= widths.length; l++) {
            int n = l < widths.length ? widths[l] : out;
            double[][] w = new double[n][in];
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < in; j++) {
                    w[i][j] = Specs.gaussian(r) * Math.sqrt(2.0 / in);
                }
                b[i] = 0.5 * Specs.gaussian(r);
            }
            GeneratorNet.Act act = l < widths.length
                    ? (hidden == GeneratorNet.Act.Kind.LEAKY_RELU ? new GeneratorNet.Act(hidden, 0.2)
                    : GeneratorNet.Act.of(hidden)) : GeneratorNet.Act.of(GeneratorNet.Act.Kind.IDENTITY);
            layers.add(new GeneratorNet.Layer(w, b, act));
            in = n;
        }
        return new GeneratorNet(prior, latent, layers);
    }
}

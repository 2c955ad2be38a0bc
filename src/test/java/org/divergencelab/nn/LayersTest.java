package org.divergencelab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.divergencelab.autodiff.Parameter;
import org.divergencelab.autodiff.Tape;
import org.divergencelab.autodiff.Var;
import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.compute.CpuBackend;
import org.divergencelab.compute.Float64Backend;
import org.divergencelab.compute.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;

/** Spectral norm against EJML's SVD, initialisers, read-outs, determinism and bad input. */
class LayersTest {
    private static final ComputeBackend CPU = CpuBackend.INSTANCE;

    private static double largestSingularValue(double[] rowMajor, int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols, true, rowMajor);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(rows, cols, false, false, true);
        assertTrue(svd.decompose(m), "SVD converged");
        double max = 0;
        for (double s : svd.getSingularValues()) {
            max = Math.max(max, s);
        }
        return max;
    }

    @Test
    void spectralNormBringsTheLargestSingularValueToOne() {
        // a 32x16 layer with σ_max far from 1; 1 power iteration per training step, as in training
        Dense layer = new Dense("d", CPU, 32, 16, Init.HE, new SplittableRandom(11)).withSpectralNorm(1, new SplittableRandom(12));
        double[] w = NetworkGradientTest.values(layer.weight().value());
        double before = largestSingularValue(w, 32, 16);
        assertTrue(before > 2, "the test starts far from 1: " + before);
        Tape tape = new Tape(CPU);
        Var wsn = null;
        for (int step = 0; step < 30; step++) {
            tape.reset();
            wsn = layer.spectralNorm().normalise(tape, tape.param(layer.weight()));
        }
        double after = largestSingularValue(NetworkGradientTest.values(wsn.value()), 32, 16);
        assertEquals(1.0, after, 0.01, "σ_max(W/σ̂) within 1 % of 1 (σ_max(W) = " + before + ")");
        assertEquals(before, layer.spectralNorm().sigma(layer.weight().value()), 0.01 * before);
    }

    @Test
    void initialisers() {
        SplittableRandom rng = new SplittableRandom(3);
        Tensor w = CPU.allocate(400, 300);
        Init.HE.fill(CPU, w, rng);
        double var = CPU.sumOfSquares(w) / w.size();
        // He: variance 2/fanIn = 0.005; 120000 draws give a relative standard error of ~0.4 %, allow 3 %
        assertEquals(2.0 / 400, var, 0.03 * 2.0 / 400);
        Init.XAVIER.fill(CPU, w, rng);
        double bound = Math.sqrt(6.0 / 700);
        Readouts.Histogram h = Readouts.histogram(w, 10);
        assertTrue(h.min() >= -bound && h.max() <= bound, "Xavier stays in ±" + bound);
        // uniform variance a²/3
        assertEquals(bound * bound / 3, CPU.sumOfSquares(w) / w.size(), 0.03 * bound * bound / 3);
        for (int[] shape : new int[][] {{6, 4}, {4, 6}}) {
            Tensor q = Float64Backend.INSTANCE.allocate(shape[0], shape[1]);
            Init.ORTHOGONAL.fill(Float64Backend.INSTANCE, q, rng);
            Tensor gram = Float64Backend.INSTANCE.allocate(4, 4);
            boolean tall = shape[0] > shape[1];
            // QᵀQ = I for a tall Q, QQᵀ = I for a wide one
            Float64Backend.INSTANCE.matmul(q, tall, q, !tall, 1, 0, gram);
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    assertEquals(i == j ? 1 : 0, Float64Backend.INSTANCE.get(gram, i, j), 1e-12);
                }
            }
        }
    }

    @Test
    void readoutsReportHistogramsAndGradientNorms() {
        Mlp m = Mlp.builder(2).hidden(8).output(1, Activation.identity()).build(CPU, new SplittableRandom(4));
        Tape t = new Tape(CPU);
        Var x = t.constant(5, 2);
        CPU.fillNormal(x.value(), 0, 1, new SplittableRandom(5));
        t.backward(t.mean(m.forward(t, x)), m.parameters());
        List<Readouts.LayerReadout> r = Readouts.of(m, 7);
        assertEquals(2, r.size());
        assertEquals("mlp.dense1", r.get(0).layer());
        assertEquals(16, r.get(0).weights().total());
        assertEquals(7, r.get(0).weights().counts().length);
        Dense out = m.denseLayers().get(1);
        assertEquals(Math.sqrt(CPU.sumOfSquares(out.weight().grad())), r.get(1).weightGradNorm(), 1e-12);
        // ∂mean(out)/∂b_out = 1 exactly
        assertEquals(1.0, r.get(1).biasGradNorm(), 1e-6);
        assertTrue(r.get(0).weightNorm() > 0);
    }

    @Test
    void sameSeedGivesBitIdenticalParametersAfter100Steps() {
        double[][] a = trainedParameters(42);
        double[][] b = trainedParameters(42);
        double[][] c = trainedParameters(43);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], 0.0, "parameter " + i + " bit-identical");
        }
        boolean differs = false;
        for (int i = 0; i < a.length; i++) {
            differs |= !java.util.Arrays.equals(a[i], c[i]);
        }
        assertTrue(differs, "another seed trains differently");
    }

    /**
     * 120 training steps (20 WGAN-GP iterations: 100 critic steps and 20 generator steps) at width 16 on 8
     * Gaussians, batch 32, everything drawn from one seeded stream.
     */
    private static double[][] trainedParameters(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        SplittableRandom init = rng.split();
        Mlp generator = Mlp.builder(2).name("G").hidden(16, 16, 16).activation(Activation.relu())
                .output(2, Activation.identity()).build(CPU, init);
        Mlp critic = Mlp.builder(2).name("D").hidden(16, 16, 16).activation(Activation.relu())
                .output(1, Activation.identity()).build(CPU, init);
        Optimizer optG = Optimizer.adam(generator.parameters(), 1e-4, 0.5, 0.9, 1e-8);
        Optimizer optD = Optimizer.adam(critic.parameters(), 1e-4, 0.5, 0.9, 1e-8);
        GradientPenalty penalty = new GradientPenalty(0.1);
        int batch = 32;
        Tape t = new Tape(CPU);
        for (int i = 0; i < 20; i++) {
            for (int k = 0; k < 5; k++) {
                t.reset();
                float[] points = new float[2 * batch];
                for (int j = 0; j < batch; j++) {
                    double a = 2 * Math.PI * rng.nextInt(8) / 8;
                    points[2 * j] = (float) (2 * Math.cos(a) + 0.02 * rng.nextGaussian());
                    points[2 * j + 1] = (float) (2 * Math.sin(a) + 0.02 * rng.nextGaussian());
                }
                Var real = t.constant(batch, 2);
                CPU.copyIn(points, real.value());
                Var z = t.constant(batch, 2);
                CPU.fillNormal(z.value(), 0, 1, rng);
                Var fake = t.detach(generator.forward(t, z));
                Var eps = t.constant(batch, 1);
                CPU.fillUniform(eps.value(), 0, 1, rng);
                Var gp = penalty.apply(t, critic, GradientPenalty.interpolate(t, real, fake, eps));
                Var loss = t.add(t.sub(t.mean(critic.forward(t, fake)), t.mean(critic.forward(t, real))), gp);
                optD.zeroGrad();
                t.backward(loss, critic.parameters());
                optD.step();
            }
            t.reset();
            Var z = t.constant(batch, 2);
            CPU.fillNormal(z.value(), 0, 1, rng);
            Var loss = t.neg(t.mean(critic.forward(t, generator.forward(t, z))));
            optG.zeroGrad();
            t.backward(loss, generator.parameters());
            optG.step();
        }
        List<Parameter> ps = new java.util.ArrayList<>(critic.parameters());
        ps.addAll(generator.parameters());
        double[][] out = new double[ps.size()][];
        for (int i = 0; i < ps.size(); i++) {
            out[i] = NetworkGradientTest.values(ps.get(i).value());
            for (double v : out[i]) {
                assertTrue(Double.isFinite(v));
            }
        }
        return out;
    }

    @Test
    void badInputIsRejectedWithNames() {
        SplittableRandom rng = new SplittableRandom(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Mlp.builder(2).hidden(8, 0).output(1, Activation.relu()));
        assertTrue(e.getMessage().contains("hidden width [1]") && e.getMessage().contains("0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Mlp.builder(0));
        assertTrue(e.getMessage().contains("inputDim"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Mlp.builder(2).output(0, Activation.relu()));
        assertTrue(e.getMessage().contains("outputDim"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Mlp.builder(2).hidden(4).build(CPU, rng));
        assertTrue(e.getMessage().contains("outputDim"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Activation.leakyRelu(-0.1));
        assertTrue(e.getMessage().contains("-0.1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Activation.elu(0));
        assertTrue(e.getMessage().contains("ELU"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Dense("d", CPU, 0, 3, Init.HE, rng));
        assertTrue(e.getMessage().contains("fanIn"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LayerNorm("n", CPU, 4, -1));
        assertTrue(e.getMessage().contains("eps"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Mlp.builder(2).spectralNorm(-1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new GradientPenalty(-0.1));
        assertTrue(e.getMessage().contains("lambda") && e.getMessage().contains("-0.1"), e.getMessage());
        Mlp m = Mlp.builder(3).hidden(4).output(1, Activation.identity()).build(CPU, rng);
        Tape t = new Tape(CPU);
        e = assertThrows(IllegalArgumentException.class, () -> m.forward(t, t.constant(5, 2)));
        assertTrue(e.getMessage().contains("3 input columns") && e.getMessage().contains("5x2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CPU.allocate(0, 3));
        assertTrue(e.getMessage().contains("rows=0"), e.getMessage());
    }
}

package org.divergencelab.nn;

import java.util.List;
import java.util.random.RandomGenerator;

import org.divergencelab.autodiff.Parameter;
import org.divergencelab.autodiff.Tape;
import org.divergencelab.autodiff.Var;
import org.divergencelab.compute.ComputeBackend;

/**
 * A fully connected layer {@code y = x·W + b} with W fanIn×fanOut and b 1×fanOut (row-major, samples
 * in rows), optionally spectrally normalised.
 */
public final class Dense implements Layer {
    private final String name;
    private final Parameter weight;
    private final Parameter bias;
    private SpectralNorm spectralNorm;

    /** A layer initialised by {@code init} from {@code rng}, bias zero. */
    public Dense(String name, ComputeBackend backend, int fanIn, int fanOut, Init init, RandomGenerator rng) {
        if (fanIn < 1) {
            throw new IllegalArgumentException("dense layer '" + name + "': fanIn must be >= 1, got " + fanIn);
        }
        if (fanOut < 1) {
            throw new IllegalArgumentException("dense layer '" + name + "': fanOut must be >= 1, got " + fanOut);
        }
        this.name = name;
        this.weight = new Parameter(name + ".W", backend.allocate(fanIn, fanOut));
        this.bias = new Parameter(name + ".b", backend.allocate(1, fanOut));
        init.fill(backend, weight.value(), rng);
    }

    /** Turns spectral normalisation on ({@code iterations} power iterations per step). */
    public Dense withSpectralNorm(int iterations, RandomGenerator rng) {
        this.spectralNorm = new SpectralNorm(weight.value().backend(), fanIn(), fanOut(), iterations, rng);
        // one iteration now so that v is defined even if the first forward pass does not iterate
        spectralNorm.powerIterate(weight.value(), 1);
        return this;
    }

    /** The spectral normalisation, or null when off. */
    public SpectralNorm spectralNorm() {
        return spectralNorm;
    }

    @Override
    public Var forward(Tape tape, Var x) {
        if (x.cols() != fanIn()) {
            throw new IllegalArgumentException("dense layer '" + name + "' expects " + fanIn()
                    + " input columns, got " + x.value().shape());
        }
        Var w = tape.param(weight);
        if (spectralNorm != null) {
            w = spectralNorm.normalise(tape, w);
        }
        return tape.linear(x, w, tape.param(bias));
    }

    /** {@code relu(x·W + b)} as one fused tape node (what {@link Mlp} uses for a dense layer followed by ReLU). */
    public Var forwardRelu(Tape tape, Var x) {
        if (x.cols() != fanIn()) {
            throw new IllegalArgumentException("dense layer '" + name + "' expects " + fanIn()
                    + " input columns, got " + x.value().shape());
        }
        Var w = tape.param(weight);
        if (spectralNorm != null) {
            w = spectralNorm.normalise(tape, w);
        }
        return tape.linearRelu(x, w, tape.param(bias));
    }

    /**
     * σ_max of the matrix this layer multiplies by: W, or W/σ̂ under spectral normalisation (σ̂ the power
     * iteration's current estimate uᵀWv, so the value is σ_max(W)/σ̂ ≥ 1, and 1 once the iteration has
     * converged). Its product over the layers bounds the network's Lipschitz constant (1-Lipschitz activations).
     */
    public double largestSingularValue() {
        double s = SpectralNorm.largestSingularValue(weight.value());
        return spectralNorm == null ? s : s / spectralNorm.sigma(weight.value());
    }

    public Parameter weight() {
        return weight;
    }

    public Parameter bias() {
        return bias;
    }

    public int fanIn() {
        return weight.rows();
    }

    public int fanOut() {
        return weight.cols();
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    @Override
    public String name() {
        return name;
    }
}

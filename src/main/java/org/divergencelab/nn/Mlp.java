package org.divergencelab.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

import org.divergencelab.autodiff.Parameter;
import org.divergencelab.autodiff.Tape;
import org.divergencelab.autodiff.Var;
import org.divergencelab.compute.ComputeBackend;

/**
 * A multilayer perceptron: dense → [layer norm] → activation for each hidden width, then a dense output
 * layer and the output activation. Build one with {@link #builder(int)}.
 *
 * <pre>{@code
 * Mlp critic = Mlp.builder(2).hidden(64, 64, 64).activation(Activation.relu())
 *         .output(1, Activation.identity()).build(CpuBackend.INSTANCE, new SplittableRandom(seed));
 * Var score = critic.forward(tape, x);
 * }</pre>
 */
public final class Mlp implements Layer {
    private final String name;
    private final List<Layer> layers;
    private final List<Dense> dense;
    private final List<Parameter> parameters;
    private final int inputDim;
    private final int outputDim;
    /** An auto-encoder read as an energy: the output is the row's mean squared reconstruction error. */
    private final boolean energy;

    private Mlp(String name, List<Layer> layers, int inputDim, int outputDim) {
        this(name, layers, inputDim, outputDim, false);
    }

    private Mlp(String name, List<Layer> layers, int inputDim, int outputDim, boolean energy) {
        this.name = name;
        this.layers = List.copyOf(layers);
        List<Dense> d = new ArrayList<>();
        List<Parameter> p = new ArrayList<>();
        for (Layer l : layers) {
            if (l instanceof Dense dl) {
                d.add(dl);
            }
            p.addAll(l.parameters());
        }
        this.dense = Collections.unmodifiableList(d);
        this.parameters = Collections.unmodifiableList(p);
        this.inputDim = inputDim;
        this.outputDim = outputDim;
        this.energy = energy;
    }

    public static Builder builder(int inputDim) {
        return new Builder(inputDim);
    }

    @Override
    public Var forward(Tape tape, Var x) {
        if (x.cols() != inputDim) {
            throw new IllegalArgumentException("mlp '" + name + "' expects " + inputDim + " input columns, got "
                    + x.value().shape());
        }
        Var h = x;
        int n = layers.size();
        for (int i = 0; i < n; i++) {
            Layer l = layers.get(i);
            if (l instanceof Dense d && i + 1 < n && layers.get(i + 1) instanceof Activation a
                    && a.kind() == Activation.Kind.RELU) {
                h = d.forwardRelu(tape, h);   // dense + ReLU fused into one node
                i++;
            } else {
                h = l.forward(tape, h);
            }
        }
        // EBGAN's energy (Zhao et al. 2016): D(x) = ‖x − Dec(Enc(x))‖² / d, one column
        return energy ? tape.rowMeans(tape.square(tape.sub(h, x))) : h;
    }

    /** True when this network is an auto-encoder whose output is its reconstruction error ({@link Builder#energy()}). */
    public boolean isEnergy() {
        return energy;
    }

    /** All layers in order (dense, norms, activations). */
    public List<Layer> layers() {
        return layers;
    }

    /** The dense layers in order (for clipping, spectral norm, read-outs). */
    public List<Dense> denseLayers() {
        return dense;
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    /** Sets every parameter's gradient to zero. */
    public void zeroGrad() {
        for (Parameter p : parameters) {
            p.zeroGrad();
        }
    }

    public int inputDim() {
        return inputDim;
    }

    /** Columns of {@link #forward}'s result: 1 for an energy network, whose dense output layer is input-wide. */
    public int outputDim() {
        return outputDim;
    }

    @Override
    public String name() {
        return name;
    }

    /** Fluent configuration of an {@link Mlp}; every setting validated when set. */
    public static final class Builder {
        private final int inputDim;
        private int[] hidden = {};
        private Activation activation = Activation.relu();
        private int outputDim = -1;
        private Activation outputActivation = Activation.identity();
        private Init init = Init.HE;
        private Init outputInit;
        private boolean layerNorm;
        private int spectralNormIterations;
        private String name = "mlp";
        private boolean energy;

        private Builder(int inputDim) {
            if (inputDim < 1) {
                throw new IllegalArgumentException("inputDim must be >= 1, got " + inputDim);
            }
            this.inputDim = inputDim;
        }

        /** Hidden layer widths, each ≥ 1 (none at all gives a single dense layer). */
        public Builder hidden(int... widths) {
            for (int i = 0; i < widths.length; i++) {
                if (widths[i] < 1) {
                    throw new IllegalArgumentException("hidden width [" + i + "] must be >= 1, got " + widths[i]);
                }
            }
            this.hidden = widths.clone();
            return this;
        }

        public Builder activation(Activation a) {
            this.activation = require(a, "activation");
            return this;
        }

        public Builder output(int dim, Activation a) {
            if (dim < 1) {
                throw new IllegalArgumentException("outputDim must be >= 1, got " + dim);
            }
            this.outputDim = dim;
            this.outputActivation = require(a, "output activation");
            return this;
        }

        /** Initialisation of every dense layer (default He). */
        public Builder init(Init i) {
            this.init = require(i, "init");
            return this;
        }

        /** Initialisation of the output layer only (default: the same as the others). */
        public Builder outputInit(Init i) {
            this.outputInit = require(i, "output init");
            return this;
        }

        /** Layer norm after every hidden dense layer, before its activation. */
        public Builder layerNorm(boolean on) {
            this.layerNorm = on;
            return this;
        }

        /** Spectral normalisation of every dense layer with this many power iterations per step (0 = off). */
        public Builder spectralNorm(int iterationsPerStep) {
            if (iterationsPerStep < 0) {
                throw new IllegalArgumentException("spectral norm iterations must be >= 0, got " + iterationsPerStep);
            }
            this.spectralNormIterations = iterationsPerStep;
            return this;
        }

        /**
         * An auto-encoder read as an energy: the output layer reconstructs the input (its width is the input's,
         * whatever {@link #output} said) and {@link Mlp#forward} returns each row's mean squared reconstruction
         * error ‖x − AE(x)‖² / d, one column (EBGAN's discriminator).
         */
        public Builder energy() {
            this.energy = true;
            return this;
        }

        public Builder name(String n) {
            if (n == null || n.isBlank()) {
                throw new IllegalArgumentException("mlp name must not be blank, got '" + n + "'");
            }
            this.name = n;
            return this;
        }

        /** Creates the network, drawing every initial weight from {@code rng} in layer order. */
        public Mlp build(ComputeBackend backend, RandomGenerator rng) {
            if (outputDim < 1) {
                throw new IllegalArgumentException("outputDim not set: call output(dim, activation)");
            }
            List<Layer> layers = new ArrayList<>();
            int in = inputDim;
            for (int i = 0; i < hidden.length; i++) {
                Dense d = new Dense(name + ".dense" + (i + 1), backend, in, hidden[i], init, rng);
                if (spectralNormIterations > 0) {
                    d.withSpectralNorm(spectralNormIterations, rng);
                }
                layers.add(d);
                if (layerNorm) {
                    layers.add(new LayerNorm(name + ".norm" + (i + 1), backend, hidden[i], 1e-5));
                }
                if (activation.kind() != Activation.Kind.IDENTITY) {
                    layers.add(activation);
                }
                in = hidden[i];
            }
            int outWidth = energy ? inputDim : outputDim;
            Dense out = new Dense(name + ".out", backend, in, outWidth, outputInit != null ? outputInit : init, rng);
            if (spectralNormIterations > 0) {
                out.withSpectralNorm(spectralNormIterations, rng);
            }
            layers.add(out);
            if (outputActivation.kind() != Activation.Kind.IDENTITY) {
                layers.add(outputActivation);
            }
            return new Mlp(name, layers, inputDim, energy ? 1 : outputDim, energy);
        }

        private static <T> T require(T v, String what) {
            if (v == null) {
                throw new IllegalArgumentException(what + " must not be null");
            }
            return v;
        }
    }
}

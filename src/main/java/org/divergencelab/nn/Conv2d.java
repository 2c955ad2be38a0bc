package org.divergencelab.nn;

import java.util.List;
import java.util.random.RandomGenerator;

import org.divergencelab.autodiff.Parameter;
import org.divergencelab.autodiff.Tape;
import org.divergencelab.autodiff.Var;
import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.compute.ConvShape;

/**
 * A 2-D convolution (optionally strided and padded) as im2col + one GEMM: samples are rows in HWC order
 * (see {@link ConvShape}), {@code y = reshape(im2col(x)·W + b)} with W (kH·kW·inC) × outC, b 1×outC. The
 * output rows are again HWC (outH·outW·outC values). Being tape ops (im2col is linear, its derivative
 * col2im), gradients of any order are exact: WGAN-GP double backprop runs through it.
 */
public final class Conv2d implements Layer {
    private final String name;
    private final ConvShape shape;
    private final int outChannels;
    private final Parameter weight;
    private final Parameter bias;

    public Conv2d(String name, ComputeBackend backend, ConvShape shape, int outChannels, Init init, RandomGenerator rng) {
        if (outChannels < 1) {
            throw new IllegalArgumentException("conv layer '" + name + "': outChannels must be >= 1, got " + outChannels);
        }
        this.name = name;
        this.shape = shape;
        this.outChannels = outChannels;
        this.weight = new Parameter(name + ".W", backend.allocate(shape.patchSize(), outChannels));
        this.bias = new Parameter(name + ".b", backend.allocate(1, outChannels));
        init.fill(backend, weight.value(), rng);
    }

    public ConvShape shape() {
        return shape;
    }

    /** Values per output sample, outH·outW·outChannels. */
    public int outputSize() {
        return shape.outH() * shape.outW() * outChannels;
    }

    @Override
    public Var forward(Tape tape, Var x) {
        if (x.cols() != shape.inputSize()) {
            throw new IllegalArgumentException("conv layer '" + name + "' expects " + shape.inputSize()
                    + " input columns (" + shape.height() + "x" + shape.width() + "x" + shape.channels() + "), got "
                    + x.value().shape());
        }
        Var y = tape.linear(tape.im2col(x, shape), tape.param(weight), tape.param(bias));
        return tape.reshape(y, x.rows(), outputSize());
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

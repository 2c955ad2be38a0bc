package org.divergencelab.nn;

import java.util.List;
import java.util.random.RandomGenerator;

import org.divergencelab.autodiff.Parameter;
import org.divergencelab.autodiff.Tape;
import org.divergencelab.autodiff.Var;
import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.compute.ConvShape;

/**
 * A transposed ("fractionally strided") convolution, the adjoint of {@link Conv2d}: {@code shape}
 * describes the forward convolution from this layer's OUTPUT (channels = outChannels, height × width) to
 * its input (outH × outW positions with inChannels each). Then {@code y = col2im(x'·W) + b}, x' the input
 * as (batch·outH·outW) × inChannels, W inChannels × (kH·kW·outChannels). PyTorch's
 * ConvTranspose2d(k=4, s=2, p=1) that doubles the side is {@code ConvShape(outC, 2h, 2w, 4, 4, 2, 1)}.
 */
public final class ConvTranspose2d implements Layer {
    private final String name;
    private final ConvShape shape;
    private final int inChannels;
    private final Parameter weight;
    private final Parameter bias;

    public ConvTranspose2d(String name, ComputeBackend backend, int inChannels, ConvShape shape, Init init,
                           RandomGenerator rng) {
        if (inChannels < 1) {
            throw new IllegalArgumentException("transposed conv '" + name + "': inChannels must be >= 1, got " + inChannels);
        }
        this.name = name;
        this.shape = shape;
        this.inChannels = inChannels;
        this.weight = new Parameter(name + ".W", backend.allocate(inChannels, shape.patchSize()));
        this.bias = new Parameter(name + ".b", backend.allocate(1, shape.channels()));
        init.fill(backend, weight.value(), rng);
    }

    /** Values per input sample, outH·outW·inChannels of the forward shape. */
    public int inputSize() {
        return shape.outH() * shape.outW() * inChannels;
    }

    /** Values per output sample, height·width·channels of the forward shape. */
    public int outputSize() {
        return shape.inputSize();
    }

    @Override
    public Var forward(Tape tape, Var x) {
        if (x.cols() != inputSize()) {
            throw new IllegalArgumentException("transposed conv '" + name + "' expects " + inputSize()
                    + " input columns (" + shape.outH() + "x" + shape.outW() + "x" + inChannels + "), got "
                    + x.value().shape());
        }
        int batch = x.rows();
        int positions = shape.height() * shape.width();
        Var rows = tape.reshape(x, batch * shape.outH() * shape.outW(), inChannels);
        Var img = tape.col2im(tape.matmul(rows, tape.param(weight)), shape);
        // per-channel bias: pixels as rows, channels as columns
        Var pixels = tape.reshape(img, batch * positions, shape.channels());
        return tape.reshape(tape.addRow(pixels, tape.param(bias)), batch, outputSize());
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

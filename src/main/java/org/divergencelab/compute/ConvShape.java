package org.divergencelab.compute;

/**
 * Geometry of a 2-D convolution for {@link ComputeBackend#im2col} / {@link ComputeBackend#col2im}: input
 * images of {@code channels × height × width} stored per sample as one row in HWC order (row y, column x,
 * channel c at {@code (y·width + x)·channels + c}), a {@code kernelH × kernelW} window moved by
 * {@code stride} over the input padded by {@code pad} zeros on every side.
 *
 * <p>The column matrix has one row per output position (sample-major, then output row, then output
 * column: {@code (n·outH + oy)·outW + ox}) and one column per window element in (ky, kx, c) order:
 * {@code (ky·kernelW + kx)·channels + c}. A convolution with weights W of shape
 * (kernelH·kernelW·channels) × outChannels is then {@code cols · W}, whose rows are the output pixels in
 * HWC order again, so layers chain without transposes.
 */
public record ConvShape(int channels, int height, int width, int kernelH, int kernelW, int stride, int pad) {

    public ConvShape {
        if (channels < 1 || height < 1 || width < 1 || kernelH < 1 || kernelW < 1 || stride < 1 || pad < 0) {
            throw new IllegalArgumentException("conv shape: channels, height, width, kernel and stride must be >= 1"
                    + " and pad >= 0, got " + this);
        }
        if (height + 2 * pad < kernelH || width + 2 * pad < kernelW) {
            throw new IllegalArgumentException("conv shape: kernel " + kernelH + "x" + kernelW
                    + " larger than the padded input " + (height + 2 * pad) + "x" + (width + 2 * pad));
        }
    }

    /** Output rows: ⌊(height + 2·pad − kernelH)/stride⌋ + 1. */
    public int outH() {
        return (height + 2 * pad - kernelH) / stride + 1;
    }

    public int outW() {
        return (width + 2 * pad - kernelW) / stride + 1;
    }

    /** Values per input sample, height·width·channels. */
    public int inputSize() {
        return height * width * channels;
    }

    /** Columns of the column matrix, kernelH·kernelW·channels. */
    public int patchSize() {
        return kernelH * kernelW * channels;
    }

    /** Rows of the column matrix for {@code batch} samples, batch·outH·outW. */
    public int patchRows(int batch) {
        return batch * outH() * outW();
    }

    /** Checks {@code x} (batch × inputSize) and {@code cols} (batch·outH·outW × patchSize) agree; returns batch. */
    public int checkShapes(String op, Tensor x, Tensor cols) {
        int batch = x.rows();
        if (x.cols() != inputSize() || cols.rows() != patchRows(batch) || cols.cols() != patchSize()) {
            throw new IllegalArgumentException(op + ": image " + x.shape() + " and columns " + cols.shape()
                    + " do not fit " + this + " (want " + batch + "x" + inputSize() + " and " + patchRows(batch) + "x"
                    + patchSize() + ")");
        }
        return batch;
    }

    /**
     * The reference loops both CPU backends use: for each column-matrix element, the input index it reads
     * (−1 for padding). {@code consumer} gets (column-matrix index, input index).
     */
    public void forEachPatchElement(int batch, IndexPairConsumer consumer) {
        int oh = outH();
        int ow = outW();
        int patch = patchSize();
        int in = inputSize();
        for (int n = 0; n < batch; n++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    int row = (n * oh + oy) * ow + ox;
                    for (int ky = 0; ky < kernelH; ky++) {
                        int y = oy * stride - pad + ky;
                        for (int kx = 0; kx < kernelW; kx++) {
                            int x = ox * stride - pad + kx;
                            boolean inside = y >= 0 && y < height && x >= 0 && x < width;
                            int colBase = row * patch + (ky * kernelW + kx) * channels;
                            int inBase = n * in + (y * width + x) * channels;
                            for (int c = 0; c < channels; c++) {
                                consumer.accept(colBase + c, inside ? inBase + c : -1);
                            }
                        }
                    }
                }
            }
        }
    }

    /** (column-matrix index, input index or −1). */
    @FunctionalInterface
    public interface IndexPairConsumer {
        void accept(int colIndex, int inputIndex);
    }
}

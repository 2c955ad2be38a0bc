package org.divergencelab.compute;

import java.util.random.RandomGenerator;

/**
 * The numeric kernels MLP training needs, over {@link Tensor}s this backend allocated. Every operation
 * writes into a caller-supplied destination, so callers (the autodiff tape) can reuse buffers from one
 * training step to the next and a step allocates nothing.
 *
 * <p>Contract for implementations: shapes are checked and a mismatch throws
 * {@link IllegalArgumentException} naming the operands and their shapes; elementwise ops may run in place
 * ({@code out} may be an input); {@link #matmul} may not alias {@code c} with {@code a} or {@code b}.
 * Scalars are passed as {@code double} and rounded to the backend's precision. Values are never checked
 * for NaN/Inf here (hot path); {@link #allFinite} lets callers check where it is cheap.
 *
 * <p>Implementations: {@link CpuBackend} (float32, the one that trains), {@link Float64Backend}
 * (float64 reference, used by finite-difference tests and as the truth a device backend is held to).
 */
public interface ComputeBackend {

    /** Short name, e.g. {@code "cpu-f32"}. */
    String name();

    // ---- storage ----

    /** A new zero-filled rows×cols tensor. */
    Tensor allocate(int rows, int cols);

    /** Copies {@code src} (row-major, length rows·cols) into {@code dst}. */
    void copyIn(float[] src, Tensor dst);

    void copyIn(double[] src, Tensor dst);

    /** Copies {@code src} into {@code dst} (row-major, length ≥ rows·cols). */
    void copyOut(Tensor src, float[] dst);

    void copyOut(Tensor src, double[] dst);

    /** One element; slow on a device, for tests and read-outs. */
    double get(Tensor t, int row, int col);

    void set(Tensor t, int row, int col, double value);

    void copy(Tensor src, Tensor dst);

    /** Copies {@code count} rows of {@code src} starting at {@code srcRow} into {@code dst} at {@code dstRow}. */
    void copyRows(Tensor src, int srcRow, Tensor dst, int dstRow, int count);

    void fill(Tensor t, double value);

    /** Fills with N(mean, std²) draws from {@code rng}, row-major order (deterministic for a given rng state). */
    void fillNormal(Tensor t, double mean, double std, RandomGenerator rng);

    /** Fills with U[lo, hi) draws from {@code rng}, row-major order. */
    void fillUniform(Tensor t, double lo, double hi, RandomGenerator rng);

    // ---- linear algebra ----

    /**
     * {@code c = alpha·op(a)·op(b) + beta·c}, op = transpose where the flag says so. With {@code beta == 0}
     * the old contents of {@code c} are ignored.
     */
    void matmul(Tensor a, boolean transA, Tensor b, boolean transB, double alpha, double beta, Tensor c);

    // ---- convolution support (im2col layout: see ConvShape) ----

    /**
     * Gathers the convolution windows of {@code x} (batch × s.inputSize(), HWC rows) into {@code cols}
     * (batch·outH·outW × s.patchSize()); padding reads as 0. Every element of cols is written.
     */
    void im2col(Tensor x, ConvShape s, Tensor cols);

    /**
     * The adjoint of {@link #im2col}: {@code x} (overwritten) = the sum, over every column-matrix element,
     * of that element added into the input position it was read from (padding positions dropped).
     */
    void col2im(Tensor cols, ConvShape s, Tensor x);

    /** Copies {@code src} into {@code dst} of another shape with the same number of elements (row-major order kept). */
    void reshape(Tensor src, Tensor dst);

    /**
     * A rows×cols tensor that shares {@code src}'s storage (same elements, row-major order kept: what
     * {@link #reshape} would copy), or {@code null} when this backend does not share storage between
     * tensors, in which case callers copy with {@link #reshape}. A write through either tensor is seen
     * through the other, so callers may only view values nobody writes to afterwards (the autodiff tape's
     * values are written once, when their node is recorded).
     *
     * @throws IllegalArgumentException when the sizes differ or src is not this backend's
     */
    default Tensor view(Tensor src, int rows, int cols) {
        if ((long) rows * cols != src.size()) {
            throw new IllegalArgumentException("view: " + src.shape() + " cannot become " + rows + "x" + cols);
        }
        return null;
    }

    // ---- elementwise ----

    /** {@code out = op(x; p, q)}. */
    void map(UnaryOp op, Tensor x, double p, double q, Tensor out);

    /** {@code out = a·x + b}. */
    void affine(Tensor x, double a, double b, Tensor out);

    /** {@code out = op(a, b; p, q)}, all of one shape. */
    void zip(BinaryOp op, Tensor a, Tensor b, double p, double q, Tensor out);

    /**
     * {@code out = op(x, expand(small))} where {@code small} is 1×n (a row repeated down), m×1 (a column
     * repeated across) or 1×1 (a scalar), and x, out are m×n. Only ADD, SUB, MUL, DIV, SAFE_DIV.
     */
    void broadcast(BinaryOp op, Tensor x, Tensor small, Tensor out);

    /** {@code out = expand(small)} to out's shape (the adjoint of {@link #reduceSum}). */
    void expand(Tensor small, Tensor out);

    // ---- reductions ----

    /**
     * Sums {@code x} (m×n) to {@code out}'s shape: 1×n sums each column (over rows), m×1 sums each row
     * (over columns), 1×1 sums everything.
     */
    void reduceSum(Tensor x, Tensor out);

    /** {@code out[i] = sqrt(Σ_j x[i,j]²)}, out m×1. */
    void rowNorm(Tensor x, Tensor out);

    /** Σ x² (to the host, in double). */
    double sumOfSquares(Tensor x);

    /** True when no element is NaN or ±∞. */
    boolean allFinite(Tensor x);

    // ---- optimiser updates (in place on param and state) ----

    /** {@code p -= lr·g}. */
    void sgdStep(Tensor param, Tensor grad, double lr);

    /** PyTorch semantics: {@code buf = μ·buf + g; p -= lr·buf}. */
    void momentumStep(Tensor param, Tensor grad, Tensor buf, double lr, double momentum);

    /** PyTorch semantics: {@code s = α·s + (1−α)·g²; p -= lr·g/(√s + ε)}. */
    void rmsPropStep(Tensor param, Tensor grad, Tensor sq, double lr, double alpha, double eps);

    /**
     * Adam with bias correction at step {@code t ≥ 1}: {@code m = β1·m + (1−β1)·g; v = β2·v + (1−β2)·g²;
     * p -= lr·(m/(1−β1^t)) / (√(v/(1−β2^t)) + ε)}.
     */
    void adamStep(Tensor param, Tensor grad, Tensor m, Tensor v, double lr, double beta1, double beta2,
                  double eps, long t);
}

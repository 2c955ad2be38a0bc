package org.divergencelab.compute;

/**
 * A dense row-major matrix whose storage is owned by a {@link ComputeBackend}. The handle only knows
 * its shape; every read, write and computation goes through {@link #backend()}, so a device backend can
 * keep the numbers where it computes (no {@code float[]} leaks through this type).
 *
 * <p>Shapes are fixed at allocation. A vector is a 1×n (row) or m×1 (column) matrix; a scalar is 1×1.
 */
public abstract class Tensor {
    private final int rows;
    private final int cols;

    protected Tensor(int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("tensor shape must be positive, got rows=" + rows + " cols=" + cols);
        }
        if ((long) rows * cols > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("tensor too large: " + rows + "x" + cols);
        }
        this.rows = rows;
        this.cols = cols;
    }

    public final int rows() {
        return rows;
    }

    public final int cols() {
        return cols;
    }

    /** Number of elements, {@code rows·cols}. */
    public final int size() {
        return rows * cols;
    }

    /** The backend that owns the storage. */
    public abstract ComputeBackend backend();

    public final boolean hasShape(int r, int c) {
        return rows == r && cols == c;
    }

    public final boolean sameShape(Tensor other) {
        return rows == other.rows && cols == other.cols;
    }

    /** {@code "RxC"}, for messages. */
    public final String shape() {
        return rows + "x" + cols;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + shape() + "]";
    }
}

package org.divergencelab.ui.plot;

/**
 * A scalar field sampled on a regular grid: {@code values[row * nx + col]} at
 * {@code (x0 + col·(x1−x0)/(nx−1), y0 + row·(y1−y0)/(ny−1))}; row 0 is the bottom (smallest y).
 *
 * @param values row-major samples, NaN allowed (drawn transparent, no contours)
 * @param nx     columns, at least 2
 * @param ny     rows, at least 2
 * @param x0     x of column 0
 * @param x1     x of column nx−1
 * @param y0     y of row 0
 * @param y1     y of row ny−1
 */
public record Field(double[] values, int nx, int ny, double x0, double x1, double y0, double y1) {

    public Field {
        if (nx < 2 || ny < 2) {
            throw new IllegalArgumentException("field grid must be at least 2x2, got " + nx + "x" + ny);
        }
        if (values == null || values.length != nx * ny) {
            throw new IllegalArgumentException("field of " + nx + "x" + ny + " needs " + nx * ny + " values, got "
                    + (values == null ? "null" : values.length));
        }
        if (!(x1 > x0) || !(y1 > y0)) {
            throw new IllegalArgumentException("field extent must be increasing, got x [" + x0 + ", " + x1 + "], y ["
                    + y0 + ", " + y1 + "]");
        }
    }

    /** Value at column {@code col}, row {@code row}. */
    public double at(int col, int row) {
        return values[row * nx + col];
    }

    /** x of column {@code col}. */
    public double x(int col) {
        return x0 + col * (x1 - x0) / (nx - 1);
    }

    /** y of row {@code row}. */
    public double y(int row) {
        return y0 + row * (y1 - y0) / (ny - 1);
    }
}

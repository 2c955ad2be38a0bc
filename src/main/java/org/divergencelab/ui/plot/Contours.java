package org.divergencelab.ui.plot;

import java.util.Arrays;

/**
 * Marching squares: the level set {f = level} of a field sampled on a regular grid, as straight segments
 * in data coordinates. Drawing geometry only; the field itself comes from the caller.
 */
public final class Contours {

    private Contours() {
    }

    /**
     * Segments of the level set. The field is {@code values[row * nx + col]} at the node
     * {@code (x0 + col·(x1−x0)/(nx−1), y0 + row·(y1−y0)/(ny−1))}. Crossings are placed by linear
     * interpolation along cell edges; saddle cells are split by the mean of their corners. Cells touching a
     * NaN are skipped.
     *
     * @return {@code x1,y1,x2,y2} per segment; length is 4 × the number of segments
     * @throws IllegalArgumentException when the grid is smaller than 2×2 or the array size does not match
     */
    public static double[] segments(double[] values, int nx, int ny, double x0, double x1, double y0, double y1,
            double level) {
        if (nx < 2 || ny < 2) {
            throw new IllegalArgumentException("contour grid must be at least 2x2, got " + nx + "x" + ny);
        }
        if (values.length != nx * ny) {
            throw new IllegalArgumentException("contour grid of " + nx + "x" + ny + " needs " + nx * ny
                    + " values, got " + values.length);
        }
        double dx = (x1 - x0) / (nx - 1);
        double dy = (y1 - y0) / (ny - 1);
        double[] out = new double[64];
        int n = 0;
        for (int r = 0; r < ny - 1; r++) {
            for (int c = 0; c < nx - 1; c++) {
                // Corners counter-clockwise from bottom-left: a=(c,r) b=(c+1,r) d=(c+1,r+1) e=(c,r+1).
                double a = values[r * nx + c];
                double b = values[r * nx + c + 1];
                double d = values[(r + 1) * nx + c + 1];
                double e = values[(r + 1) * nx + c];
                if (Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(d) || Double.isNaN(e)) {
                    continue;
                }
                int code = (a > level ? 1 : 0) | (b > level ? 2 : 0) | (d > level ? 4 : 0) | (e > level ? 8 : 0);
                if (code == 0 || code == 15) {
                    continue;
                }
                double cx = x0 + c * dx;
                double cy = y0 + r * dy;
                // Crossing points on the four edges (only the ones used are meaningful).
                double bottomX = cx + dx * frac(a, b, level);
                double rightY = cy + dy * frac(b, d, level);
                double topX = cx + dx * frac(e, d, level);
                double leftY = cy + dy * frac(a, e, level);
                double rx = cx + dx;
                double ty = cy + dy;
                if (out.length < 4 * n + 8) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                switch (code) {
                    case 1, 14 -> n = put(out, n, bottomX, cy, cx, leftY);
                    case 2, 13 -> n = put(out, n, bottomX, cy, rx, rightY);
                    case 3, 12 -> n = put(out, n, cx, leftY, rx, rightY);
                    case 4, 11 -> n = put(out, n, rx, rightY, topX, ty);
                    case 6, 9 -> n = put(out, n, bottomX, cy, topX, ty);
                    case 7, 8 -> n = put(out, n, cx, leftY, topX, ty);
                    case 5, 10 -> {
                        // Saddle: a and d on one side, b and e on the other. The centre value decides
                        // whether the two "high" corners are joined through the middle.
                        boolean centreHigh = (a + b + d + e) / 4 > level;
                        boolean aHigh = code == 5;
                        if (centreHigh == aHigh) {
                            // a and d connected: cut off corners b and e.
                            n = put(out, n, bottomX, cy, rx, rightY);
                            n = put(out, n, cx, leftY, topX, ty);
                        } else {
                            // b and e connected: cut off corners a and d.
                            n = put(out, n, bottomX, cy, cx, leftY);
                            n = put(out, n, rx, rightY, topX, ty);
                        }
                    }
                    default -> throw new IllegalStateException("marching-squares case " + code);
                }
            }
        }
        return Arrays.copyOf(out, 4 * n);
    }

    /**
     * {@code count} levels evenly spaced strictly inside [min, max] (so none sits on a constant plateau's
     * edge): for count = 4 on [0, 1], 0.2, 0.4, 0.6, 0.8.
     */
    public static double[] evenLevels(double min, double max, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("contour level count must be >= 1, got " + count);
        }
        double[] l = new double[count];
        for (int i = 0; i < count; i++) {
            l[i] = min + (max - min) * (i + 1) / (count + 1);
        }
        return l;
    }

    private static double frac(double p, double q, double level) {
        double d = q - p;
        return d == 0 ? 0.5 : (level - p) / d;
    }

    private static int put(double[] out, int n, double xa, double ya, double xb, double yb) {
        int k = 4 * n;
        out[k] = xa;
        out[k + 1] = ya;
        out[k + 2] = xb;
        out[k + 3] = yb;
        return n + 1;
    }
}

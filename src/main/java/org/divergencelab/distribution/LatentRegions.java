package org.divergencelab.distribution;

import java.util.ArrayList;
import java.util.List;

/**
 * The linear regions of a piecewise-affine {@link GeneratorNet} with a 2-D latent and a 2-D output: convex
 * polygons of the latent domain on each of which G(z) = M z + m. Found layer by layer: every region of the
 * previous layer is clipped by each neuron's line (its pre-activation is affine on the region), so the result
 * is exact up to rounding in the vertex coordinates. The domain is the square [−1, 1]² for a uniform prior and
 * the box [−R, R]² with R = {@value #R} for a normal prior (the mass outside, {@link #truncated}, is about
 * 1.3e-13). Density of P_G at x: the sum over the regions whose image holds x of p_z(M⁻¹(x − m))/|det M|,
 * found through a grid index of the images' bounding boxes. Package-private: {@link GeneratorDistribution}.
 */
final class LatentRegions {
    static final double R = 7.5;
    /** |det M| ≤ this × (‖M‖_F² ) counts as rank deficient (the region's image is a segment or a point). */
    static final double RANK_TOL = 1e-12;
    static final int MAX_REGIONS = 200_000;

    /** A convex polygon (counter-clockwise) with G = M z + m on it. */
    static final class Region {
        final double[] px;
        final double[] py;
        final double m00;
        final double m01;
        final double m10;
        final double m11;
        final double c0;
        final double c1;
        final double det;
        final boolean degenerate;
        /** Image bounding box. */
        double bx0;
        double bx1;
        double by0;
        double by1;

        Region(double[] px, double[] py, double[] map) {
            this.px = px;
            this.py = py;
            m00 = map[0];
            m01 = map[1];
            m10 = map[2];
            m11 = map[3];
            c0 = map[4];
            c1 = map[5];
            det = m00 * m11 - m01 * m10;
            double f = m00 * m00 + m01 * m01 + m10 * m10 + m11 * m11;
            degenerate = Math.abs(det) <= RANK_TOL * f || f == 0;
            bx0 = by0 = Double.POSITIVE_INFINITY;
            bx1 = by1 = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < px.length; k++) {
                double x = m00 * px[k] + m01 * py[k] + c0;
                double y = m10 * px[k] + m11 * py[k] + c1;
                bx0 = Math.min(bx0, x);
                bx1 = Math.max(bx1, x);
                by0 = Math.min(by0, y);
                by1 = Math.max(by1, y);
            }
        }

        /** True when z lies in the polygon (edges included, with a relative tolerance). */
        boolean contains(double zx, double zy) {
            int n = px.length;
            for (int k = 0; k < n; k++) {
                int j = k + 1 == n ? 0 : k + 1;
                double ex = px[j] - px[k];
                double ey = py[j] - py[k];
                double cross = ex * (zy - py[k]) - ey * (zx - px[k]);
                if (cross < -1e-12 * (Math.abs(ex) + Math.abs(ey))) {
                    return false;
                }
            }
            return true;
        }

        double area() {
            double s = 0;
            int n = px.length;
            for (int k = 0; k < n; k++) {
                int j = k + 1 == n ? 0 : k + 1;
                s += px[k] * py[j] - px[j] * py[k];
            }
            return 0.5 * s;
        }
    }

    final GeneratorNet net;
    final List<Region> regions;
    final double truncated;
    /** Image bounding box of the full-rank regions {x0, x1, y0, y1}. */
    final double[] imageBox = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY};
    private final int gridN;
    private final int[][] cells;

    LatentRegions(GeneratorNet net) {
        if (net.latentDim() != 2 || net.outputDim() != 2 || !net.piecewiseAffine()) {
            throw new IllegalArgumentException("linear regions need a piecewise-affine net from a 2-D latent to "
                    + "2-D, got " + net.describe());
        }
        this.net = net;
        boolean normal = net.prior() == GeneratorNet.Prior.NORMAL;
        double r = normal ? R : 1;
        double tail = normal ? 2 * LatentLine.upperTail(R) : 0;
        truncated = 1 - (1 - tail) * (1 - tail);
        regions = enumerate(r);
        for (Region g : regions) {
            if (!g.degenerate) {
                imageBox[0] = Math.min(imageBox[0], g.bx0);
                imageBox[1] = Math.max(imageBox[1], g.bx1);
                imageBox[2] = Math.min(imageBox[2], g.by0);
                imageBox[3] = Math.max(imageBox[3], g.by1);
            }
        }
        // grid index over image bounding boxes, about as many cells as regions
        gridN = Math.max(1, Math.min(1024, (int) Math.sqrt(regions.size())));
        List<List<Integer>> idx = new ArrayList<>();
        for (int k = 0; k < gridN * gridN; k++) {
            idx.add(new ArrayList<>());
        }
        if (imageBox[0] <= imageBox[1]) {
            for (int k = 0; k < regions.size(); k++) {
                Region g = regions.get(k);
                if (g.degenerate) {
                    continue;
                }
                int i0 = cellX(g.bx0);
                int i1 = cellX(g.bx1);
                int j0 = cellY(g.by0);
                int j1 = cellY(g.by1);
                for (int i = i0; i <= i1; i++) {
                    for (int j = j0; j <= j1; j++) {
                        idx.get(i * gridN + j).add(k);
                    }
                }
            }
        }
        cells = new int[gridN * gridN][];
        for (int k = 0; k < cells.length; k++) {
            cells[k] = idx.get(k).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private int cellX(double x) {
        double w = imageBox[1] - imageBox[0];
        int i = w > 0 ? (int) Math.floor((x - imageBox[0]) / w * gridN) : 0;
        return Math.max(0, Math.min(gridN - 1, i));
    }

    private int cellY(double y) {
        double w = imageBox[3] - imageBox[2];
        int j = w > 0 ? (int) Math.floor((y - imageBox[2]) / w * gridN) : 0;
        return Math.max(0, Math.min(gridN - 1, j));
    }

    /** A polygon with the affine hidden state h = A z + c on it (A: n × 2 as ax, ay). */
    private record Poly(double[] px, double[] py, double[] ax, double[] ay, double[] c) {
    }

    private List<Region> enumerate(double r) {
        List<Poly> polys = new ArrayList<>();
        polys.add(new Poly(new double[] {-r, r, r, -r}, new double[] {-r, -r, r, r}, new double[] {1, 0},
                new double[] {0, 1}, new double[] {0, 0}));
        for (GeneratorNet.Layer l : net.layers()) {
            int n = l.out();
            List<Poly> next = new ArrayList<>();
            boolean cutting = l.activation().kind() != GeneratorNet.Act.Kind.IDENTITY;
            for (Poly p : polys) {
                // the pre-activations, affine on this polygon: u_i = ux_i zx + uy_i zy + uc_i
                double[] ux = new double[n];
                double[] uy = new double[n];
                double[] uc = new double[n];
                for (int i = 0; i < n; i++) {
                    double sx = 0;
                    double sy = 0;
                    double sc = l.b(i);
                    for (int j = 0; j < p.c.length; j++) {
                        double w = l.w(i, j);
                        sx += w * p.ax[j];
                        sy += w * p.ay[j];
                        sc += w * p.c[j];
                    }
                    ux[i] = sx;
                    uy[i] = sy;
                    uc[i] = sc;
                }
                List<double[][]> parts = new ArrayList<>();
                parts.add(new double[][] {p.px, p.py});
                if (cutting) {
                    for (int i = 0; i < n; i++) {
                        boolean cut = false;
                        for (int q = 0; q < parts.size() && !cut; q++) {
                            cut = crosses(parts.get(q), ux[i], uy[i], uc[i]);
                        }
                        if (!cut) {
                            continue; // most neurons do not cut a small polygon: no list, no copies
                        }
                        List<double[][]> split = new ArrayList<>(parts.size() + 2);
                        for (double[][] q : parts) {
                            clip(q, ux[i], uy[i], uc[i], split);
                        }
                        parts = split;
                    }
                }
                for (double[][] q : parts) {
                    double cx = 0;
                    double cy = 0;
                    for (int k = 0; k < q[0].length; k++) {
                        cx += q[0][k];
                        cy += q[1][k];
                    }
                    cx /= q[0].length;
                    cy /= q[0].length;
                    double[] ax = new double[n];
                    double[] ay = new double[n];
                    double[] c = new double[n];
                    for (int i = 0; i < n; i++) {
                        double u = ux[i] * cx + uy[i] * cy + uc[i];
                        double s = l.activation().derivative(u > 0 ? 1 : -1);
                        ax[i] = s * ux[i];
                        ay[i] = s * uy[i];
                        c[i] = s * uc[i];
                    }
                    next.add(new Poly(q[0], q[1], ax, ay, c));
                }
                if (next.size() > MAX_REGIONS) {
                    throw new IllegalArgumentException("the generator has more than " + MAX_REGIONS
                            + " linear regions on the latent domain; too many to enumerate");
                }
            }
            polys = next;
        }
        List<Region> out = new ArrayList<>(polys.size());
        for (Poly p : polys) {
            out.add(new Region(p.px, p.py, new double[] {p.ax[0], p.ay[0], p.ax[1], p.ay[1], p.c[0], p.c[1]}));
        }
        return out;
    }

    /** Whether {@link #clip} would split q (the same test, allocation-free). */
    static boolean crosses(double[][] q, double a, double b, double c) {
        double[] xs = q[0];
        double[] ys = q[1];
        double eps = 1e-14 * (Math.abs(a) + Math.abs(b) + Math.abs(c));
        boolean pos = false;
        boolean neg = false;
        for (int k = 0; k < xs.length; k++) {
            double v = a * xs[k] + b * ys[k] + c;
            if (v > eps) {
                pos = true;
            } else if (v < -eps) {
                neg = true;
            }
        }
        return pos && neg;
    }

    /**
     * Splits the convex polygon q by the line a x + b y + c = 0 into its parts (each with positive area) and
     * adds them to {@code out}. Vertices on the line go to both sides.
     */
    static void clip(double[][] q, double a, double b, double c, List<double[][]> out) {
        double[] xs = q[0];
        double[] ys = q[1];
        int n = xs.length;
        double[] v = new double[n];
        boolean pos = false;
        boolean neg = false;
        double scale = Math.abs(a) + Math.abs(b) + Math.abs(c);
        double eps = 1e-14 * scale;
        for (int k = 0; k < n; k++) {
            v[k] = a * xs[k] + b * ys[k] + c;
            if (v[k] > eps) {
                pos = true;
            } else if (v[k] < -eps) {
                neg = true;
            }
        }
        if (!(pos && neg)) {
            out.add(q);
            return;
        }
        double[] px = new double[n + 2];
        double[] py = new double[n + 2];
        double[] nx = new double[n + 2];
        double[] ny = new double[n + 2];
        int np = 0;
        int nn = 0;
        for (int k = 0; k < n; k++) {
            int j = k + 1 == n ? 0 : k + 1;
            double vk = Math.abs(v[k]) <= eps ? 0 : v[k];
            double vj = Math.abs(v[j]) <= eps ? 0 : v[j];
            if (vk >= 0) {
                px[np] = xs[k];
                py[np++] = ys[k];
            }
            if (vk <= 0) {
                nx[nn] = xs[k];
                ny[nn++] = ys[k];
            }
            if ((vk > 0 && vj < 0) || (vk < 0 && vj > 0)) {
                double t = vk / (vk - vj);
                double ix = xs[k] + t * (xs[j] - xs[k]);
                double iy = ys[k] + t * (ys[j] - ys[k]);
                px[np] = ix;
                py[np++] = iy;
                nx[nn] = ix;
                ny[nn++] = iy;
            }
        }
        if (np >= 3) {
            out.add(new double[][] {java.util.Arrays.copyOf(px, np), java.util.Arrays.copyOf(py, np)});
        }
        if (nn >= 3) {
            out.add(new double[][] {java.util.Arrays.copyOf(nx, nn), java.util.Arrays.copyOf(ny, nn)});
        }
    }

    /** The density of the absolutely continuous part of P_G at (x, y) (0 outside the image). */
    double density(double x, double y) {
        if (!(x >= imageBox[0] && x <= imageBox[1] && y >= imageBox[2] && y <= imageBox[3])) {
            return 0;
        }
        int[] cand = cells[cellX(x) * gridN + cellY(y)];
        double s = 0;
        double[] z = new double[2];
        for (int k : cand) {
            Region g = regions.get(k);
            if (x < g.bx0 || x > g.bx1 || y < g.by0 || y > g.by1) {
                continue;
            }
            double dx = x - g.c0;
            double dy = y - g.c1;
            double zx = (g.m11 * dx - g.m01 * dy) / g.det;
            double zy = (-g.m10 * dx + g.m00 * dy) / g.det;
            if (g.contains(zx, zy)) {
                z[0] = zx;
                z[1] = zy;
                s += Math.exp(net.latentLogDensity(z)) / Math.abs(g.det);
            }
        }
        return s;
    }
}

package org.divergencelab.distribution;

import java.util.ArrayList;
import java.util.List;

import org.hipparchus.special.Erf;

/**
 * The push-forward of a 1-D latent through a {@link GeneratorNet}, cut into pieces of the latent line on which G
 * is affine (piecewise-affine nets: every breakpoint found exactly by propagating the pieces layer by layer and
 * splitting each at the zeros of its pre-activations, which are affine in z there) or strictly monotone
 * (smooth nets, 1-D output: critical points bracketed on a grid of {@link #GRID} steps and polished by
 * bisection on G′, computed by the chain rule in double). Flat affine pieces (G′ = 0) are atoms carrying their
 * prior mass. Package-private: {@link GeneratorDistribution} is the public face.
 */
final class LatentLine {
    /** Grid steps bracketing critical points of a smooth G: two critical points closer than one step are missed. */
    static final int GRID = 4096;
    /** Smooth nets with a normal prior are analysed on |z| ≤ ZMAX; the mass beyond is 2Φ(−9) ≈ 2.3e-19. */
    static final double ZMAX = 9;

    /** One latent interval [z0, z1] (± ∞ allowed for affine pieces under a normal prior) and its image. */
    static final class Piece {
        final double z0;
        final double z1;
        final boolean affine;
        /** Affine pieces: x = a z + c per output coordinate. */
        final double[] a;
        final double[] c;
        /** 1-D output: the images of the ends (x0 = G(z0), x1 = G(z1); ± ∞ at an infinite end). */
        double x0;
        double x1;
        final double mass;

        Piece(double z0, double z1, boolean affine, double[] a, double[] c, double mass) {
            this.z0 = z0;
            this.z1 = z1;
            this.affine = affine;
            this.a = a;
            this.c = c;
            this.mass = mass;
        }

        boolean flat() {
            if (!affine) {
                return false;
            }
            for (double v : a) {
                if (v != 0) {
                    return false;
                }
            }
            return true;
        }

        double lo() {
            return Math.min(x0, x1);
        }

        double hi() {
            return Math.max(x0, x1);
        }
    }

    final GeneratorNet net;
    final List<Piece> pieces;
    final double zLo;
    final double zHi;
    /** Mass of the prior outside [zLo, zHi] that the analysis leaves out (0 unless smooth under a normal prior). */
    final double truncated;
    /** Smooth nets: G on the bracketing grid (gridX[k] = G(zLo + k·h)), the starting table of every pre-image
     * solve; null for piecewise-affine nets. */
    private double[] gridX;
    private final ThreadLocal<double[]> scratch;

    LatentLine(GeneratorNet net) {
        if (net.latentDim() != 1) {
            throw new IllegalArgumentException("a latent line needs a 1-D latent, got " + net.latentDim());
        }
        this.net = net;
        this.scratch = ThreadLocal.withInitial(net::scalarScratch);
        boolean normal = net.prior() == GeneratorNet.Prior.NORMAL;
        if (net.piecewiseAffine()) {
            zLo = normal ? Double.NEGATIVE_INFINITY : -1;
            zHi = normal ? Double.POSITIVE_INFINITY : 1;
            truncated = 0;
            pieces = affinePieces();
        } else {
            if (net.outputDim() != 1) {
                throw new IllegalArgumentException("smooth activations with a 1-D latent and a 2-D output have no "
                        + "monotone pieces");
            }
            zLo = normal ? -ZMAX : -1;
            zHi = normal ? ZMAX : 1;
            truncated = normal ? 2 * upperTail(ZMAX) : 0;
            pieces = monotonePieces();
        }
        if (net.outputDim() == 1) {
            for (Piece p : pieces) {
                p.x0 = endImage(p, p.z0);
                p.x1 = endImage(p, p.z1);
            }
        }
    }

    private double endImage(Piece p, double z) {
        if (Double.isInfinite(z)) {
            return p.a[0] == 0 ? p.c[0] : Math.signum(z) * Math.signum(p.a[0]) * Double.POSITIVE_INFINITY;
        }
        return p.affine ? p.a[0] * z + p.c[0] : value(z);
    }

    /** G(z) of a 1-D output, allocation-free. */
    double value(double z) {
        return net.scalarForward(z, scratch.get(), false);
    }

    // ---------------------------------------------------------------- piecewise affine

    /** An interval of the latent line with the hidden state h = A z + B on it. */
    private record Span(double z0, double z1, double[] a, double[] b) {
    }

    private List<Piece> affinePieces() {
        List<Span> spans = new ArrayList<>();
        spans.add(new Span(zLo, zHi, new double[] {1}, new double[] {0}));
        for (GeneratorNet.Layer l : net.layers()) {
            List<Span> next = new ArrayList<>();
            int n = l.out();
            for (Span s : spans) {
                double[] ua = new double[n];
                double[] ub = new double[n];
                for (int i = 0; i < n; i++) {
                    double sa = 0;
                    double sb = l.b(i);
                    for (int j = 0; j < s.a.length; j++) {
                        sa += l.w(i, j) * s.a[j];
                        sb += l.w(i, j) * s.b[j];
                    }
                    ua[i] = sa;
                    ub[i] = sb;
                }
                // every zero of a pre-activation inside the span is a breakpoint of this layer
                List<Double> cuts = new ArrayList<>();
                cuts.add(s.z0);
                cuts.add(s.z1);
                if (l.activation().kind() != GeneratorNet.Act.Kind.IDENTITY) {
                    for (int i = 0; i < n; i++) {
                        if (ua[i] != 0) {
                            double t = -ub[i] / ua[i] + 0.0; // + 0.0: −0.0 and 0.0 are one cut
                            if (t > s.z0 && t < s.z1) {
                                cuts.add(t);
                            }
                        }
                    }
                }
                double[] cs = cuts.stream().mapToDouble(Double::doubleValue).sorted().distinct().toArray();
                for (int k = 0; k + 1 < cs.length; k++) {
                    double lo = cs[k];
                    double hi = cs[k + 1];
                    double mid = Double.isInfinite(lo) ? (Double.isInfinite(hi) ? 0 : hi - 1)
                            : Double.isInfinite(hi) ? lo + 1 : 0.5 * (lo + hi);
                    double[] na = new double[n];
                    double[] nb = new double[n];
                    for (int i = 0; i < n; i++) {
                        double u = ua[i] * mid + ub[i];
                        // the slope of the activation on this side of every zero
                        double slope = l.activation().derivative(u > 0 ? 1 : -1);
                        na[i] = slope * ua[i];
                        nb[i] = slope * ub[i];
                    }
                    next.add(new Span(lo, hi, na, nb));
                }
            }
            spans = next;
        }
        List<Piece> out = new ArrayList<>();
        for (Span s : spans) {
            out.add(new Piece(s.z0, s.z1, true, s.a, s.b, priorMass(s.z0, s.z1)));
        }
        return out;
    }

    // ---------------------------------------------------------------- smooth, 1-D output

    private double slope(double z) {
        double[] s = scratch.get();
        net.scalarForward(z, s, true);
        return s[s.length - 1];
    }

    private List<Piece> monotonePieces() {
        List<Double> ends = new ArrayList<>();
        ends.add(zLo);
        double h = (zHi - zLo) / GRID;
        double prevZ = zLo;
        double[] sc = scratch.get();
        gridX = new double[GRID + 1];
        gridX[0] = net.scalarForward(zLo, sc, true);
        double prev = sc[sc.length - 1];
        for (int k = 1; k <= GRID; k++) {
            double z = gridZ(k);
            gridX[k] = net.scalarForward(z, sc, true);
            double d = sc[sc.length - 1];
            if (prev != 0 && d != 0 && (prev > 0) != (d > 0)) {
                ends.add(criticalPoint(prevZ, z, prev));
            }
            if (d != 0) {
                prev = d;
                prevZ = z;
            }
        }
        ends.add(zHi);
        List<Piece> out = new ArrayList<>();
        for (int k = 0; k + 1 < ends.size(); k++) {
            double z0 = ends.get(k);
            double z1 = ends.get(k + 1);
            if (z1 > z0) {
                out.add(new Piece(z0, z1, false, null, null, priorMass(z0, z1)));
            }
        }
        return out;
    }

    private double gridZ(int k) {
        return k == GRID ? zHi : zLo + k * ((zHi - zLo) / GRID);
    }

    /** Bisection on G′ to the last representable z. */
    private double criticalPoint(double lo, double hi, double slopeLo) {
        boolean up = slopeLo > 0;
        for (int it = 0; it < 200; it++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            double d = slope(mid);
            if (d == 0) {
                return mid;
            }
            if ((d > 0) == up) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** The z in the piece with G(z) = x (x strictly inside the piece's image). */
    double preimage(Piece p, double x) {
        if (p.affine) {
            return (x - p.c[0]) / p.a[0];
        }
        double lo = p.z0;
        double hi = p.z1;
        double xlo = p.x0;
        double xhi = p.x1;
        boolean increasing = p.x1 > p.x0;
        // narrow the bracket to one step of the grid G was tabulated on (monotone on the piece's grid points)
        int a = (int) Math.floor((p.z0 - zLo) / (zHi - zLo) * GRID) + 1;
        int b = (int) Math.ceil((p.z1 - zLo) / (zHi - zLo) * GRID) - 1;
        a = Math.max(a, 0);
        b = Math.min(b, GRID);
        while (a <= b && gridZ(a) <= p.z0) {
            a++;
        }
        while (b >= a && gridZ(b) >= p.z1) {
            b--;
        }
        if (a <= b) {
            // the first grid point whose image is past x, by bisection on the index
            int l = a;
            int r = b + 1;
            while (l < r) {
                int m = (l + r) >>> 1;
                if ((gridX[m] > x) == increasing && gridX[m] != x) {
                    r = m;
                } else {
                    l = m + 1;
                }
            }
            double nlo = l > a ? gridZ(l - 1) : p.z0;
            double nxlo = l > a ? gridX[l - 1] : p.x0;
            double nhi = l <= b ? gridZ(l) : p.z1;
            double nxhi = l <= b ? gridX[l] : p.x1;
            // keep the narrowed bracket only when it really brackets x (round-off near a fold)
            if ((increasing ? nxlo <= x && x <= nxhi : nxlo >= x && x >= nxhi)) {
                lo = nlo;
                hi = nhi;
                xlo = nxlo;
                xhi = nxhi;
            }
        }
        double z = lo + (hi - lo) * (x - xlo) / (xhi - xlo);
        if (!(z > lo && z < hi)) {
            z = 0.5 * (lo + hi);
        }
        double[] sc = scratch.get();
        for (int it = 0; it < 200; it++) {
            double g = net.scalarForward(z, sc, true) - x;
            if (g == 0) {
                return z;
            }
            if ((g < 0) == increasing) {
                lo = z;
            } else {
                hi = z;
            }
            double step = g / sc[sc.length - 1];
            double next = z - step;
            // safeguarded Newton: fall back to bisection when the step leaves the bracket
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            // converged: the Newton step is down to a few ulps (Newton approaches from one side, so the
            // bracket itself need not shrink), or the bracket is
            if (Math.abs(next - z) <= 4 * Math.ulp(z) || hi - lo <= 2 * Math.ulp(Math.max(Math.abs(lo), Math.abs(hi)))) {
                return next;
            }
            z = next;
        }
        return z;
    }

    /** |G′(z)| on a piece. */
    double absSlope(Piece p, double z) {
        return p.affine ? Math.abs(p.a[0]) : Math.abs(slope(z));
    }

    // ---------------------------------------------------------------- prior

    double priorLogDensity(double z) {
        if (net.prior() == GeneratorNet.Prior.NORMAL) {
            return -0.5 * z * z - 0.5 * Math.log(2 * Math.PI);
        }
        return z < -1 || z > 1 ? Double.NEGATIVE_INFINITY : -Math.log(2);
    }

    /** Prior mass of [lo, hi], accurate in both tails. */
    double priorMass(double lo, double hi) {
        if (!(hi > lo)) {
            return 0;
        }
        if (net.prior() == GeneratorNet.Prior.UNIFORM) {
            return (Math.min(hi, 1) - Math.max(lo, -1)) / 2;
        }
        if (lo >= 0) {
            return upperTail(lo) - upperTail(hi);
        }
        if (hi <= 0) {
            return upperTail(-hi) - upperTail(-lo);
        }
        return 1 - upperTail(-lo) - upperTail(hi);
    }

    /** P(Z > t) for a standard normal Z. */
    static double upperTail(double t) {
        if (t == Double.POSITIVE_INFINITY) {
            return 0;
        }
        if (t == Double.NEGATIVE_INFINITY) {
            return 1;
        }
        return 0.5 * Erf.erfc(t / Math.sqrt(2));
    }
}

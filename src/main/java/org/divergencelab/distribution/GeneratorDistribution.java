package org.divergencelab.distribution;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * P_G, the push-forward of the latent prior through a {@link GeneratorNet}, with its exact structure:
 * <ul>
 * <li>1-D latent → 1-D: the latent line cut into affine or monotone pieces ({@link LatentLine}); the density
 *     is Σ p_z(z)/|G′(z)| over the pre-images of x, flat pieces are atoms with their prior mass, the CDF is the
 *     sum of the prior masses of the pre-image intervals. {@link #parts()} gives a density component (with
 *     breakpoints at the images of every piece end, so quadrature splits there) plus the atoms, which is what
 *     {@code TrueDivergence} and {@code DistributionW1} integrate.</li>
 * <li>1-D latent → 2-D: a curve (singular). With a uniform prior and a piecewise-affine net it is a union of
 *     uniformly loaded segments (and atoms), given exactly by {@link #parts()}; otherwise it has no parts the
 *     exact divergences can use ({@link #curve()} is true either way).</li>
 * <li>2-D latent → 2-D, piecewise affine: the linear regions ({@link LatentRegions}); {@link #logDensity} is
 *     exact, rank-deficient regions (a segment or point as image) make P_G partly singular.</li>
 * </ul>
 * Sampling draws z from the prior and applies the net in double precision. Immutable; the analysis is done
 * once, lazily, and is thread-safe to share.
 */
public final class GeneratorDistribution implements Distribution, CumulativeDistribution {
    private final GeneratorNet net;
    private final String spec;
    private volatile LatentLine line;
    private volatile LatentRegions regions;

    public GeneratorDistribution(GeneratorNet net, String spec) {
        if (net == null) {
            throw new IllegalArgumentException("generator net must not be null");
        }
        this.net = net;
        this.spec = spec;
    }

    /** Reads {@code generator.json}; the spec is {@code generator(FILE)}. */
    public static GeneratorDistribution load(Path file, String name) {
        return new GeneratorDistribution(GeneratorFile.read(file), "generator(" + name + ")");
    }

    public GeneratorNet net() {
        return net;
    }

    @Override
    public int dimension() {
        return net.outputDim();
    }

    @Override
    public String spec() {
        return spec;
    }

    @Override
    public void sampleInto(SplittableRandom rng, double[] out, int offset) {
        double[] z = new double[net.latentDim()];
        net.sampleLatent(rng, z);
        double[] x = net.forward(z);
        System.arraycopy(x, 0, out, offset, x.length);
    }

    /** True when the image of a 1-D latent is a curve in the plane (P_G singular w.r.t. area). */
    public boolean curve() {
        return net.latentDim() == 1 && net.outputDim() == 2;
    }

    /** True when the exact analysis applies: 1-D latent (any activation for 1-D output), or 2-D → 2-D affine. */
    public boolean exactlyAnalysable() {
        if (net.latentDim() == 1) {
            return net.outputDim() == 1 || net.piecewiseAffine();
        }
        return net.latentDim() == 2 && net.outputDim() == 2 && net.piecewiseAffine();
    }

    LatentLine line() {
        LatentLine l = line;
        if (l == null) {
            l = new LatentLine(net);
            line = l;
        }
        return l;
    }

    LatentRegions regions() {
        LatentRegions r = regions;
        if (r == null) {
            r = new LatentRegions(net);
            regions = r;
        }
        return r;
    }

    /** Number of affine/monotone pieces (1-D latent) or linear regions (2-D latent). */
    public int pieceCount() {
        return net.latentDim() == 1 ? line().pieces.size() : regions().regions.size();
    }

    /** Half-width of the latent square whose linear regions a 2-D generator's analysis enumerates (normal prior). */
    public static final double LATENT_BOX_RADIUS = LatentRegions.R;

    /** Prior mass the exact analysis leaves out (normal prior: outside |z| ≤ 9 for smooth 1-D nets, outside
     * [−7.5, 7.5]² for 2-D regions); 0 otherwise. */
    public double truncatedMass() {
        return net.latentDim() == 1 ? line().truncated : regions().truncated;
    }

    /** Total mass of the atoms (1-D latent: flat pieces). */
    public double atomMass() {
        if (net.latentDim() != 1) {
            return 0;
        }
        double m = 0;
        for (LatentLine.Piece p : line().pieces) {
            if (p.flat()) {
                m += p.mass;
            }
        }
        return m;
    }

    /** Prior mass of the 2-D regions whose image is a segment or a point (the singular part of a 2-D P_G). */
    public double degenerateMass() {
        if (net.latentDim() != 2) {
            return 0;
        }
        double m = 0;
        for (LatentRegions.Region g : regions().regions) {
            if (g.degenerate) {
                m += polygonMass(g);
            }
        }
        return m;
    }

    /** Prior mass of a latent polygon: exact for the uniform prior; 16×16 Gauss–Legendre on each fan triangle
     * for the normal prior (the regions are small against the prior's scale). */
    private double polygonMass(LatentRegions.Region g) {
        if (net.prior() == GeneratorNet.Prior.UNIFORM) {
            return Math.abs(g.area()) / 4;
        }
        double s = 0;
        int n = g.px.length;
        for (int k = 1; k + 1 < n; k++) {
            s += triangleGauss(g.px[0], g.py[0], g.px[k], g.py[k], g.px[k + 1], g.py[k + 1]);
        }
        return Math.abs(s);
    }

    private static final double[] GL16_X = {-0.9894009349916499, -0.9445750230732326, -0.8656312023878318,
        -0.7554044083550030, -0.6178762444026438, -0.4580167776572274, -0.2816035507792589, -0.0950125098376374,
        0.0950125098376374, 0.2816035507792589, 0.4580167776572274, 0.6178762444026438, 0.7554044083550030,
        0.8656312023878318, 0.9445750230732326, 0.9894009349916499};
    private static final double[] GL16_W = {0.0271524594117541, 0.0622535239386479, 0.0951585116824928,
        0.1246289712555339, 0.1495959888165767, 0.1691565193950025, 0.1826034150449236, 0.1894506104550685,
        0.1894506104550685, 0.1826034150449236, 0.1691565193950025, 0.1495959888165767, 0.1246289712555339,
        0.0951585116824928, 0.0622535239386479, 0.0271524594117541};

    /** ∫ over a triangle of the standard 2-D normal density (collapsed-square Gauss–Legendre). */
    private static double triangleGauss(double ax, double ay, double bx, double by, double cx, double cy) {
        double jac = (bx - ax) * (cy - ay) - (cx - ax) * (by - ay);
        double s = 0;
        for (int i = 0; i < 16; i++) {
            double u = 0.5 * (GL16_X[i] + 1);
            for (int j = 0; j < 16; j++) {
                double v = 0.5 * (GL16_X[j] + 1) * (1 - u);
                double x = ax + u * (bx - ax) + v * (cx - ax);
                double y = ay + u * (by - ay) + v * (cy - ay);
                s += 0.25 * GL16_W[i] * GL16_W[j] * (1 - u) * Math.exp(-0.5 * (x * x + y * y)) / (2 * Math.PI);
            }
        }
        return s * jac;
    }

    @Override
    public boolean hasDensity() {
        if (net.latentDim() == 1) {
            return net.outputDim() == 1 && atomMass() == 0;
        }
        return net.latentDim() == 2 && net.outputDim() == 2 && net.piecewiseAffine() && degenerateMass() == 0;
    }

    @Override
    public double logDensity(double[] x) {
        if (net.latentDim() == 1 && net.outputDim() == 1) {
            return logContinuousDensity(x[0]);
        }
        if (net.latentDim() == 2 && net.outputDim() == 2 && net.piecewiseAffine()) {
            return Math.log(regions().density(x[0], x[1]));
        }
        throw new UnsupportedOperationException(spec + ": P_G has no density (" + net.describe() + ")");
    }

    /**
     * The analysed latent interval of a 1-D latent, cut at every piece end (critical points of a smooth G, kinks
     * of a piecewise-affine one) and at every pre-image of a piece end's value: {zLo, ..., zHi}, finite (a normal prior's unbounded ends are cut at ±9.6,
     * beyond which the prior holds 8e-22).
     */
    public double[] latentBreaks() {
        LatentLine l = line();
        java.util.TreeSet<Double> b = new java.util.TreeSet<>();
        for (LatentLine.Piece p : l.pieces) {
            b.add(Math.max(-9.6, p.z0));
            b.add(Math.min(9.6, p.z1));
        }
        // where another piece's end value is crossed, the number of pre-images (and p_G) jumps: cut there too
        for (LatentLine.Piece p : l.pieces) {
            for (LatentLine.Piece o : l.pieces) {
                for (double x : new double[] {o.x0, o.x1}) {
                    if (!p.flat() && x > p.lo() && x < p.hi()) {
                        double z = l.preimage(p, x);
                        if (z > -9.6 && z < 9.6) {
                            b.add(z);
                        }
                    }
                }
            }
        }
        return b.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The prior's density at a 1-D latent z. */
    public double latentDensity(double z) {
        return Math.exp(line().priorLogDensity(z));
    }

    /** Density of the absolutely continuous part of a 1-D P_G at x (mass 1 − atoms; 0 outside the image). */
    public double continuousDensity(double x) {
        return Math.exp(logContinuousDensity(x));
    }

    /** Its log, summed over the pre-images in logs so far Gaussian tails do not underflow to −∞. */
    public double logContinuousDensity(double x) {
        LatentLine l = line();
        double max = Double.NEGATIVE_INFINITY;
        double[] terms = new double[l.pieces.size()];
        int n = 0;
        for (LatentLine.Piece p : l.pieces) {
            if (p.flat() || !(x > p.lo() && x <= p.hi())) { // half-open: a shared end counts once
                continue;
            }
            double z = l.preimage(p, x);
            double t = l.priorLogDensity(z) - Math.log(l.absSlope(p, z));
            terms[n++] = t;
            max = Math.max(max, t);
        }
        if (n <= 1 || max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += Math.exp(terms[k] - max);
        }
        return max + Math.log(s);
    }

    /** The CDF of a 1-D P_G, atoms included: the prior mass of {z : G(z) ≤ x}. */
    @Override
    public double cdf(double x) {
        return cdf(x, true);
    }

    double cdf(double x, boolean withAtoms) {
        require1d();
        LatentLine l = line();
        double s = 0;
        for (LatentLine.Piece p : l.pieces) {
            if (p.flat()) {
                if (withAtoms && x >= p.c[0]) {
                    s += p.mass;
                }
                continue;
            }
            if (x >= p.hi()) {
                s += p.mass;
            } else if (x > p.lo()) {
                double z = l.preimage(p, x);
                boolean increasing = p.x1 > p.x0;
                s += increasing ? l.priorMass(p.z0, z) : l.priorMass(z, p.z1);
            }
        }
        return Math.min(1, s);
    }

    private void require1d() {
        if (net.latentDim() != 1 || net.outputDim() != 1) {
            throw new UnsupportedOperationException(spec + ": a CDF needs a 1-D latent and a 1-D output");
        }
    }

    @Override
    public Parts parts() {
        if (net.latentDim() == 1 && net.outputDim() == 1) {
            List<Parts.Atom> atoms = new ArrayList<>();
            for (LatentLine.Piece p : line().pieces) {
                if (p.flat() && p.mass > 0) {
                    atoms.add(new Parts.Atom(new double[] {p.c[0] + 0.0}, p.mass)); // + 0.0: no −0.0
                }
            }
            double cont = 1 - atomMass();
            List<Parts.Weighted> c = cont > 0 ? List.of(new Parts.Weighted(cont, new ContinuousPart(this, cont)))
                    : List.of();
            return new Parts(c, atoms, List.of());
        }
        if (curve() && net.piecewiseAffine() && net.prior() == GeneratorNet.Prior.UNIFORM) {
            // an affine piece of a uniform latent loads its image segment uniformly
            List<Parts.Atom> atoms = new ArrayList<>();
            List<Parts.SegmentPart> segs = new ArrayList<>();
            for (LatentLine.Piece p : line().pieces) {
                if (p.mass <= 0) {
                    continue;
                }
                if (p.flat()) {
                    atoms.add(new Parts.Atom(new double[] {p.c[0], p.c[1]}, p.mass));
                } else {
                    segs.add(new Parts.SegmentPart(p.a[0] * p.z0 + p.c[0], p.a[1] * p.z0 + p.c[1],
                            p.a[0] * p.z1 + p.c[0], p.a[1] * p.z1 + p.c[1], p.mass));
                }
            }
            return new Parts(List.of(), atoms, segs);
        }
        if (hasDensity()) {
            return Parts.ofDensity(this);
        }
        throw new UnsupportedOperationException(spec + ": P_G (" + net.describe() + ") has no decomposition the exact "
                + "divergences can integrate" + (curve() ? " (a curve with a non-uniform load)" : ""));
    }

    @Override
    public double[] breakpoints() {
        if (net.latentDim() == 1 && net.outputDim() == 1) {
            return imageBreaks();
        }
        double[] b = bounds();
        return new double[] {b[0], b[2], b[1], b[3]};
    }

    /** Images of every piece end and of a ladder of latent values (so the prior's shape is resolved). */
    private double[] imageBreaks() {
        LatentLine l = line();
        List<Double> b = new ArrayList<>();
        double[] ladder = net.prior() == GeneratorNet.Prior.NORMAL
                ? new double[] {-8, -6, -4, -3, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 3, 4, 6, 8}
                : new double[] {-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1};
        for (LatentLine.Piece p : l.pieces) {
            for (double x : new double[] {p.x0, p.x1}) {
                if (Double.isFinite(x)) {
                    b.add(x);
                }
            }
            for (double z : ladder) {
                if (z > p.z0 && z < p.z1) {
                    b.add(p.affine ? p.a[0] * z + p.c[0] : l.value(z));
                }
            }
        }
        return b.stream().mapToDouble(Double::doubleValue).sorted().distinct().toArray();
    }

    @Override
    public double tailScale() {
        if (net.latentDim() != 1 || net.prior() != GeneratorNet.Prior.NORMAL || !net.piecewiseAffine()) {
            return 0; // bounded latent domain (uniform prior, or the truncated analyses)
        }
        double t = 0;
        for (LatentLine.Piece p : line().pieces) {
            if (Double.isInfinite(p.z0) || Double.isInfinite(p.z1)) {
                for (double a : p.a) {
                    t = Math.max(t, Math.abs(a));
                }
            }
        }
        return t;
    }

    @Override
    public double[] bounds() {
        if (net.latentDim() == 1) {
            // the image of |z| ≤ 9.6 (normal: all but 8e-22 of the mass) or of [−1, 1]
            double zr = net.prior() == GeneratorNet.Prior.NORMAL ? 9.6 : 1;
            double[] box = null;
            int n = 2000;
            double[] sc = net.scalarScratch();
            for (int k = 0; k <= n; k++) {
                double zk = -zr + 2 * zr * k / n;
                double[] x = net.outputDim() == 1 ? new double[] {net.scalarForward(zk, sc, false)}
                        : net.forward(new double[] {zk});
                double[] b = net.outputDim() == 1 ? new double[] {x[0], x[0]} : new double[] {x[0], x[0], x[1], x[1]};
                box = Specs.union(box, b);
            }
            if (net.outputDim() == 1 && net.piecewiseAffine()) {
                // exact: the extreme images are at piece ends
                for (LatentLine.Piece p : line().pieces) {
                    for (double z : new double[] {Math.max(p.z0, -zr), Math.min(p.z1, zr)}) {
                        double x = p.a[0] * z + p.c[0];
                        box = Specs.union(box, new double[] {x, x});
                    }
                }
            }
            return box;
        }
        if (net.latentDim() == 2 && net.outputDim() == 2 && net.piecewiseAffine()) {
            return regions().imageBox.clone();
        }
        throw new UnsupportedOperationException(spec + ": no exact bounds for " + net.describe());
    }

    /** The absolutely continuous part of a 1-D P_G, normalised to mass 1. */
    private static final class ContinuousPart implements Distribution, CumulativeDistribution {
        private final GeneratorDistribution g;
        private final double mass;
        private final double logMass;

        ContinuousPart(GeneratorDistribution g, double mass) {
            this.g = g;
            this.mass = mass;
            this.logMass = Math.log(mass);
        }

        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public String spec() {
            return g.spec;
        }

        @Override
        public void sampleInto(SplittableRandom rng, double[] out, int offset) {
            throw new UnsupportedOperationException("the continuous part of " + g.spec + " is not sampled alone");
        }

        @Override
        public boolean hasDensity() {
            return true;
        }

        @Override
        public double logDensity(double[] x) {
            return g.logContinuousDensity(x[0]) - logMass;
        }

        @Override
        public double cdf(double x) {
            return Math.min(1, g.cdf(x, false) / mass);
        }

        @Override
        public Parts parts() {
            return Parts.ofDensity(this);
        }

        @Override
        public double[] breakpoints() {
            return g.breakpoints();
        }

        @Override
        public double tailScale() {
            return g.tailScale();
        }

        @Override
        public double[] bounds() {
            return g.bounds();
        }
    }

    @Override
    public String toString() {
        return spec;
    }
}

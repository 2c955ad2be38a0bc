package org.divergencelab.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * P_G of small generators against independent truth: closed forms (affine maps of a normal or uniform latent),
 * the CDF against 10^7-draw Monte Carlo (within 5 standard errors), the atom of a flat ReLU piece against the
 * prior mass of that piece, and the 2-D linear-region density against a Gaussian's and against box counts.
 */
class GeneratorDistributionTest {
    private static final GeneratorNet.Prior N = GeneratorNet.Prior.NORMAL;
    private static final GeneratorNet.Prior U = GeneratorNet.Prior.UNIFORM;

    @Test
    void affineMapOfANormalIsThatNormalEvenThroughAReluKink() {
        Normal1 truth = new Normal1(1, 2);
        for (GeneratorNet net : List.of(GeneratorNets.affine(N, 2, 1), GeneratorNets.affine(N, -2, 1),
                GeneratorNets.affineThroughRelu(N, 2, 1))) {
            GeneratorDistribution g = new GeneratorDistribution(net, "g");
            assertTrue(g.hasDensity());
            assertEquals(0, g.atomMass());
            for (double x : new double[] {-7, -2, 0.3, 1, 4.5, 9}) {
                // rounding of (x − c)/a and of the log: ~1e-15 relative
                assertEquals(truth.logDensity(new double[] {x}), g.logDensity(new double[] {x}), 1e-13, "x=" + x);
                assertEquals(truth.cdf(x), g.cdf(x), 1e-15, "x=" + x);
            }
            assertEquals(2, g.tailScale(), 0);
        }
        assertEquals(2, new GeneratorDistribution(GeneratorNets.affineThroughRelu(N, 2, 1), "g").pieceCount());
    }

    @Test
    void identityOfAUniformIsUniform() {
        GeneratorDistribution g = new GeneratorDistribution(GeneratorNets.affine(U, 1, 0), "g");
        Uniform1 u = new Uniform1(-1, 1);
        for (double x : new double[] {-0.99, -0.2, 0, 0.7}) {
            assertEquals(u.logDensity(new double[] {x}), g.logDensity(new double[] {x}), 1e-15);
            assertEquals((x + 1) / 2, g.cdf(x), 1e-15);
        }
        assertEquals(Double.NEGATIVE_INFINITY, g.logDensity(new double[] {1.5}));
        assertArrayEquals(new double[] {-1, 1}, g.bounds());
    }

    private static void assertArrayEquals(double[] a, double[] b) {
        assertEquals(Arrays.toString(a), Arrays.toString(b));
    }

    @Test
    void aFlatReluPieceIsAnAtomWithThePriorMassOfThatPiece() {
        // x = relu(z − 0.5): flat for z < 0.5, an atom at 0 of mass Φ(0.5); x = z − 0.5 above
        GeneratorNet net = new GeneratorNet(N, 1, List.of(
                GeneratorNets.layer(new double[][] {{1}}, new double[] {-0.5}, GeneratorNet.Act.Kind.RELU)));
        GeneratorDistribution g = new GeneratorDistribution(net, "g");
        double phi = new Normal1(0, 1).cdf(0.5);
        assertEquals(phi, g.atomMass(), 1e-15);
        assertFalse(g.hasDensity());
        Parts p = g.parts();
        assertEquals(1, p.atoms().size());
        assertEquals(0, p.atoms().get(0).position()[0]);
        assertEquals(phi, p.atoms().get(0).mass(), 1e-15);
        assertEquals(1 - phi, p.continuousMass(), 1e-15);
        assertEquals(phi, g.cdf(0), 1e-15);
        assertEquals(new Normal1(0, 1).cdf(1.3), g.cdf(0.8), 1e-15);
        // above 0 the density is φ(x + 0.5); the continuous component is that over its mass 1 − Φ(0.5)
        assertEquals(new Normal1(-0.5, 1).density(new double[] {0.8}),
                g.parts().continuous().get(0).component().density(new double[] {0.8}) * (1 - phi), 1e-15);
        // uniform prior: x = relu(z) has an atom of mass 1/2 at 0 and U(0, 1) with mass 1/2
        GeneratorDistribution h = new GeneratorDistribution(new GeneratorNet(U, 1, List.of(
                GeneratorNets.layer(new double[][] {{1}}, new double[] {0}, GeneratorNet.Act.Kind.RELU))), "h");
        assertEquals(0.5, h.atomMass(), 0);
        assertEquals(0.75, h.cdf(0.5), 1e-15);
    }

    /** n draws: the exact CDF must lie within 5 standard errors of the empirical one at every test point. */
    private static void cdfAgreesWithMonteCarlo(GeneratorNet net, long seed, int n) {
        GeneratorDistribution g = new GeneratorDistribution(net, "g");
        double[] x = new double[n];
        SplittableRandom r = new SplittableRandom(seed);
        double[] z = new double[1];
        for (int i = 0; i < n; i++) {
            net.sampleLatent(r, z);
            x[i] = net.forward(z)[0];
        }
        Arrays.sort(x);
        for (double q : new double[] {0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99}) {
            double t = x[(int) (q * n)];
            int below = upperIndex(x, t);
            double emp = below / (double) n;
            double exact = g.cdf(t);
            double se = Math.sqrt(exact * (1 - exact) / n);
            assertEquals(emp, exact, 5 * se + 1e-12, net.describe() + " at x=" + t);
        }
    }

    private static int upperIndex(double[] sorted, double t) {
        int i = Arrays.binarySearch(sorted, t);
        if (i < 0) {
            return -i - 1;
        }
        while (i < sorted.length && sorted[i] <= t) {
            i++;
        }
        return i;
    }

    @Test
    void cdfOfRandomReluNetsMatchesTenMillionDraws() {
        cdfAgreesWithMonteCarlo(GeneratorNets.random(11, N, 1, 1, GeneratorNet.Act.Kind.RELU, 8, 8), 101, 10_000_000);
        cdfAgreesWithMonteCarlo(GeneratorNets.random(12, U, 1, 1, GeneratorNet.Act.Kind.LEAKY_RELU, 16), 102, 10_000_000);
    }

    @Test
    void cdfOfATanhNetMatchesAMillionDraws() {
        // gaussians-1d-gan's shape: normal z, tanh hidden layers 32 × 32, identity output (10^6 draws: ~6 s)
        cdfAgreesWithMonteCarlo(GeneratorNets.random(13, N, 1, 1, GeneratorNet.Act.Kind.TANH, 32, 32), 103, 1_000_000);
    }

    @Test
    void densityIsTheDerivativeOfTheCdfAndIntegratesToTheContinuousMass() {
        for (GeneratorNet net : List.of(GeneratorNets.random(21, N, 1, 1, GeneratorNet.Act.Kind.RELU, 8, 8),
                GeneratorNets.random(22, N, 1, 1, GeneratorNet.Act.Kind.TANH, 16, 16))) {
            GeneratorDistribution g = new GeneratorDistribution(net, "g");
            double[] b = g.bounds();
            SplittableRandom r = new SplittableRandom(5);
            for (int k = 0; k < 20; k++) {
                double x = b[0] + (b[1] - b[0]) * r.nextDouble();
                double h = 1e-6 * (b[1] - b[0]);
                double fd = (g.cdf(x + h) - g.cdf(x - h)) / (2 * h);
                double d = g.continuousDensity(x);
                // central difference: O(h²) truncation plus 1e-16/h rounding; a kink within h can differ more,
                // so compare only where the two one-sided differences agree
                double left = (g.cdf(x) - g.cdf(x - h)) / h;
                double right = (g.cdf(x + h) - g.cdf(x)) / h;
                if (Math.abs(left - right) < 1e-4 * (1 + d)) {
                    assertEquals(fd, d, 1e-5 * (1 + d), net.describe() + " at x=" + x);
                }
            }
        }
    }

    @Test
    void linearTwoDGeneratorOfANormalIsThatGaussian() {
        // x = A z + m: N(m, A Aᵀ); written once plainly and once through ReLU pairs (many regions, same law)
        double a = 0.8;
        double bb = 0.3;
        double c = -0.4;
        double d = 0.5;
        GeneratorNet plain = new GeneratorNet(N, 2, List.of(GeneratorNets.layer(new double[][] {{a, bb}, {c, d}},
                new double[] {1, -1}, GeneratorNet.Act.Kind.IDENTITY)));
        GeneratorNet relu = new GeneratorNet(N, 2, List.of(
                GeneratorNets.layer(new double[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}, {1, 1}, {-1, -1}},
                        new double[] {0, 0, 0.2, -0.2, 0.1, -0.1}, GeneratorNet.Act.Kind.RELU),
                GeneratorNets.layer(new double[][] {{a, -a, bb, -bb, 0, 0}, {c, -c, d, -d, 0, 0}},
                        new double[] {1 - 0.2 * bb, -1 - 0.2 * d}, GeneratorNet.Act.Kind.IDENTITY)));
        double sx = Math.hypot(a, bb);
        double sy = Math.hypot(c, d);
        double rho = (a * c + bb * d) / (sx * sy);
        Normal2 truth = new Normal2(1, -1, sx, sy, rho);
        for (GeneratorNet net : List.of(plain, relu)) {
            GeneratorDistribution g = new GeneratorDistribution(net, "g");
            assertTrue(g.hasDensity());
            SplittableRandom r = new SplittableRandom(3);
            for (int k = 0; k < 50; k++) {
                double[] x = {1 + 2 * r.nextGaussian() * sx, -1 + 2 * r.nextGaussian() * sy};
                assertEquals(truth.logDensity(x), g.logDensity(x), 1e-11, net.describe() + " at " + Arrays.toString(x));
            }
        }
        assertTrue(new GeneratorDistribution(relu, "g").pieceCount() >= 6);
    }

    @Test
    void twoDRegionDensityAndSingularMassMatchBoxCounts() {
        for (GeneratorNet.Prior prior : new GeneratorNet.Prior[] {U, N}) {
            GeneratorNet net = GeneratorNets.random(31, prior, 2, 2, GeneratorNet.Act.Kind.RELU, 8, 8);
            GeneratorDistribution g = new GeneratorDistribution(net, "g");
            int n = 4_000_000; // 5 SE of a 5 % box: 5.5e-4 absolute
            SplittableRandom r = new SplittableRandom(7);
            double[] z = new double[2];
            double[] xs = new double[n];
            double[] ys = new double[n];
            double[][] jac = new double[2][2];
            int singular = 0;
            for (int i = 0; i < n; i++) {
                net.sampleLatent(r, z);
                double[] x = net.forward(z, jac);
                double det = jac[0][0] * jac[1][1] - jac[0][1] * jac[1][0];
                double f = jac[0][0] * jac[0][0] + jac[0][1] * jac[0][1] + jac[1][0] * jac[1][0]
                        + jac[1][1] * jac[1][1];
                if (Math.abs(det) <= LatentRegions.RANK_TOL * f) {
                    // a rank-deficient region: singular mass, which the density does not carry
                    singular++;
                    xs[i] = Double.NaN;
                    ys[i] = Double.NaN;
                    continue;
                }
                xs[i] = x[0];
                ys[i] = x[1];
            }
            double fs = singular / (double) n;
            assertEquals(fs, g.degenerateMass(), 5 * Math.sqrt(fs * (1 - fs) / n) + 1e-9, prior + " singular mass");
            // boxes around sample quantiles, so each holds a few percent of the mass
            double[] sx = Arrays.stream(xs).filter(v -> !Double.isNaN(v)).sorted().toArray();
            double[] sy = Arrays.stream(ys).filter(v -> !Double.isNaN(v)).sorted().toArray();
            int m = sx.length;
            for (double[] q : new double[][] {{0.3, 0.5, 0.3, 0.5}, {0.5, 0.8, 0.2, 0.6}, {0.1, 0.4, 0.6, 0.9}}) {
                double x0 = sx[(int) (q[0] * m)];
                double x1 = sx[(int) (q[1] * m)];
                double y0 = sy[(int) (q[2] * m)];
                double y1 = sy[(int) (q[3] * m)];
                int count = 0;
                for (int i = 0; i < n; i++) {
                    if (xs[i] >= x0 && xs[i] < x1 && ys[i] >= y0 && ys[i] < y1) {
                        count++;
                    }
                }
                double emp = count / (double) n;
                double coarse = boxIntegral(g, x0, x1, y0, y1, 100);
                double fine = boxIntegral(g, x0, x1, y0, y1, 200);
                double se = Math.sqrt(emp * (1 - emp) / n);
                // 5 standard errors plus the quadrature's own error (kinks inside the box: midpoint rule ~ O(h))
                assertEquals(emp, fine, 5 * se + 2 * Math.abs(fine - coarse), prior + " box " + Arrays.toString(q));
            }
        }
    }

    /** Midpoint rule on an m × m grid. */
    private static double boxIntegral(GeneratorDistribution g, double x0, double x1, double y0, double y1, int m) {
        double hx = (x1 - x0) / m;
        double hy = (y1 - y0) / m;
        double s = 0;
        double[] x = new double[2];
        for (int i = 0; i < m; i++) {
            x[0] = x0 + (i + 0.5) * hx;
            for (int j = 0; j < m; j++) {
                x[1] = y0 + (j + 0.5) * hy;
                s += Math.exp(g.logDensity(x));
            }
        }
        return s * hx * hy;
    }

    @Test
    void aOneDLatentInThePlaneIsACurveAndWithAUniformPriorItsSegmentsAreExact() {
        // x = (0.3, 0.5 z + 0.5), z ~ U(−1, 1): the segment from (0.3, 0) to (0.3, 1), uniformly loaded
        GeneratorNet line = new GeneratorNet(U, 1, List.of(GeneratorNets.layer(new double[][] {{0}, {0.5}},
                new double[] {0.3, 0.5}, GeneratorNet.Act.Kind.IDENTITY)));
        GeneratorDistribution g = new GeneratorDistribution(line, "g");
        assertTrue(g.curve());
        assertFalse(g.hasDensity());
        Parts p = g.parts();
        assertEquals(1, p.segments().size());
        Parts.SegmentPart s = p.segments().get(0);
        assertEquals(0.3, s.x1(), 0);
        assertEquals(0, s.y1(), 0);
        assertEquals(1, s.y2(), 0);
        assertEquals(1, s.mass(), 0);
    }
}

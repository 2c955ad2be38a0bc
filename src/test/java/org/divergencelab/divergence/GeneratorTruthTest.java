package org.divergencelab.divergence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.divergencelab.distribution.Distribution;
import org.divergencelab.distribution.Empirical;
import org.divergencelab.distribution.GeneratorDistribution;
import org.divergencelab.distribution.GeneratorNet;
import org.divergencelab.distribution.GeneratorNets;
import org.divergencelab.distribution.Normal1;
import org.divergencelab.distribution.Normal2;
import org.divergencelab.distribution.PointCloud;
import org.divergencelab.distribution.SpecParser;
import org.divergencelab.distribution.Uniform1;
import org.junit.jupiter.api.Test;

/**
 * {@link GeneratorTruth} against independent values: the closed-form law of affine generators (through
 * {@link TrueDivergence} and {@link DistributionW1} on the equal named distribution), 10^6-draw sorted W1,
 * the singular cases, and Monte Carlo with exact densities against the 2-D Gaussian quadrature.
 */
class GeneratorTruthTest {
    private static final GeneratorNet.Prior N = GeneratorNet.Prior.NORMAL;
    private static final GeneratorNet.Prior U = GeneratorNet.Prior.UNIFORM;
    private static final DivergenceKind[] KINDS = {DivergenceKind.JS, DivergenceKind.KL, DivergenceKind.KL_REVERSE,
        DivergenceKind.TV, DivergenceKind.HELLINGER, DivergenceKind.CHI2};

    private static GeneratorTruth.Value[] values(GeneratorTruth.Result r) {
        return new GeneratorTruth.Value[] {r.js(), r.klDataGen(), r.klGenData(), r.tv(), r.h2(), r.chi2()};
    }

    /** Every number of the generator's truth equals the truth of the equal named distribution. */
    private static void sameAsNamed(Distribution data, GeneratorNet g, Distribution named, double tol) {
        GeneratorTruth.Result r = GeneratorTruth.evaluate(data, g, 1);
        GeneratorTruth.Value[] v = values(r);
        for (int k = 0; k < KINDS.length; k++) {
            double expected = TrueDivergence.value(KINDS[k], data, named);
            assertEquals(expected, v[k].value(), tol, KINDS[k] + " " + g.describe() + " vs " + data.spec());
            assertTrue(v[k].method().label().startsWith("exact"), v[k].method().label());
            if (Double.isFinite(expected) && v[k].method().label().startsWith("exact-quadrature")) {
                assertTrue(v[k].error() < 1e-9, v[k].method().label());
            }
        }
        assertEquals(DistributionW1.oneD(data, named).getAsDouble(), r.w1().value(), tol, "W1");
        assertTrue(r.w1().method().label().startsWith("exact"), r.w1().method().label());
    }

    @Test
    void affineGeneratorsOfANormalAreNormals() {
        Distribution data = SpecParser.parse("mixture(0.7*normal(-2,0.5),0.3*normal(2.5,0.5))");
        // both quadratures are converged to ~1e-12; they split at different breakpoints, hence 1e-9
        sameAsNamed(data, GeneratorNets.affine(N, 2, 1), new Normal1(1, 2), 1e-9);
        sameAsNamed(data, GeneratorNets.affineThroughRelu(N, -0.6, 0.5), new Normal1(0.5, 0.6), 1e-9);
        sameAsNamed(new Normal1(0, 1), GeneratorNets.affine(N, 1.5, 0), new Normal1(0, 1.5), 1e-9);
        // closed forms: KL(N(0,1) ‖ N(0,1.5²)) = log 1.5 + 1/(2·2.25) − 1/2
        GeneratorTruth.Result r = GeneratorTruth.evaluate(new Normal1(0, 1), GeneratorNets.affine(N, 1.5, 0), 1);
        assertEquals(Math.log(1.5) + 1 / 4.5 - 0.5, r.klDataGen().value(), 1e-12);
        // W1 between N(0,1) and N(3, 1) is 3
        assertEquals(3, GeneratorTruth.evaluate(new Normal1(0, 1), GeneratorNets.affine(N, 1, 3), 1).w1().value(), 1e-10);
    }

    @Test
    void identityOfAUniformIsThatUniformAndKlIsInfiniteWhereItHasNoMass() {
        sameAsNamed(new Normal1(0, 1), GeneratorNets.affine(U, 1, 0), new Uniform1(-1, 1), 1e-9);
        GeneratorTruth.Result r = GeneratorTruth.evaluate(new Normal1(0, 1), GeneratorNets.affine(U, 1, 0), 1);
        assertEquals(Double.POSITIVE_INFINITY, r.klDataGen().value());
        assertEquals("exact", r.klDataGen().method().label());
    }

    @Test
    void theAtomOfAFlatReluPieceIsComparedExactly() {
        // x = relu(z), z ~ U(−1, 1): atom 1/2 at 0 plus U(0, 1) with mass 1/2
        GeneratorNet relu = new GeneratorNet(U, 1, List.of(GeneratorNets.layer(new double[][] {{1}},
                new double[] {0}, GeneratorNet.Act.Kind.RELU)));
        Distribution named = SpecParser.parse("mixture(0.5*point(0),0.5*uniform(0,1))");
        sameAsNamed(SpecParser.parse("normal(0.5,1)"), relu, named, 1e-9);
        sameAsNamed(SpecParser.parse("mixture(0.5*point(0),0.5*uniform(0,2))"), relu, named, 1e-9);
        GeneratorTruth.Result r = GeneratorTruth.evaluate(new Normal1(0.5, 1), relu, 1);
        assertEquals(Double.POSITIVE_INFINITY, r.klGenData().value()); // the atom has no data density under it
        assertTrue(r.note().contains("atoms"), r.note());
    }

    @Test
    void w1MatchesAMillionDrawSortedEstimate() {
        Distribution data = SpecParser.parse("mixture(0.7*normal(-2,0.5),0.3*normal(2.5,0.5))");
        for (GeneratorNet g : List.of(GeneratorNets.random(41, N, 1, 1, GeneratorNet.Act.Kind.RELU, 8, 8),
                GeneratorNets.random(43, U, 1, 1, GeneratorNet.Act.Kind.LEAKY_RELU, 16, 16))) {
            double exact = GeneratorTruth.evaluate(data, g, 1).w1().value();
            GeneratorDistribution gd = new GeneratorDistribution(g, "g");
            int n = 1_000_000;
            double sampled = ExactW1.oneD(gd.sample(n, 5), data.sample(n, 6)).value();
            // two independent 10^6-draw empirical measures: W1 fluctuates by O(spread · n^−1/2) ≈ 2e-3
            assertEquals(exact, sampled, 1e-2, g.describe());
        }
    }

    @Test
    void aCurveAgainstADensityIsSingularExactly() {
        GeneratorNet curve = GeneratorNets.random(51, N, 1, 2, GeneratorNet.Act.Kind.RELU, 16);
        GeneratorTruth.Result r = GeneratorTruth.evaluate(SpecParser.parse("ring(8,2,0.05)"), curve, 1);
        assertEquals(Math.log(2), r.js().value(), 0);
        assertEquals(1, r.tv().value(), 0);
        assertEquals(1, r.h2().value(), 0);
        assertEquals(Double.POSITIVE_INFINITY, r.klDataGen().value());
        assertEquals(Double.POSITIVE_INFINITY, r.klGenData().value());
        assertEquals("singular", r.js().method().label());
        assertTrue(r.w1().method().label().startsWith("ot-n=512(floor="), r.w1().method().label());
    }

    @Test
    void theLecturesTwoLinesAreExactSegments() {
        // G(z) = (θ, (z + 1)/2), z ~ U(−1, 1): uniform on {θ} × [0, 1]; data uniform on {0} × [0, 1]
        for (double theta : new double[] {0, 0.25, 1}) {
            GeneratorNet g = new GeneratorNet(U, 1, List.of(GeneratorNets.layer(new double[][] {{0}, {0.5}},
                    new double[] {theta, 0.5}, GeneratorNet.Act.Kind.IDENTITY)));
            GeneratorTruth.Result r = GeneratorTruth.evaluate(SpecParser.parse("segment(0,0,0,1)"), g, 1);
            assertEquals(theta == 0 ? 0 : Math.log(2), r.js().value(), 1e-15, "theta=" + theta);
            assertEquals("exact", r.js().method().label());
            assertEquals(theta == 0 ? 0 : Double.POSITIVE_INFINITY, r.klDataGen().value());
        }
    }

    @Test
    void dataGivenAsSamplesAgainstADensityIsTheSingularCase() {
        PointCloud pts = new Normal1(0, 1).sample(200, 3);
        GeneratorTruth.Result r = GeneratorTruth.evaluate(new Empirical(pts, "samples(x.csv)"),
                GeneratorNets.affine(N, 1, 0), 1);
        assertEquals(Math.log(2), r.js().value(), 0);
        assertEquals("singular", r.js().method().label());
        assertTrue(r.note().contains("samples"), r.note());
        // W1 to the empirical measure is still exact (∫|F_n − F_G|) and small
        assertTrue(r.w1().value() < 0.2, "W1 " + r.w1());
    }

    @Test
    void twoDMonteCarloWithExactDensitiesAgreesWithQuadratureOfTheEqualGaussian() {
        // x = A z + m through ReLU pairs (many linear regions): N(m, A Aᵀ)
        double a = 0.8;
        double b = 0.3;
        double c = -0.4;
        double d = 0.5;
        GeneratorNet g = new GeneratorNet(N, 2, List.of(
                GeneratorNets.layer(new double[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}},
                        new double[] {0, 0, 0.2, -0.2}, GeneratorNet.Act.Kind.RELU),
                GeneratorNets.layer(new double[][] {{a, -a, b, -b}, {c, -c, d, -d}},
                        new double[] {1 - 0.2 * b, -1 - 0.2 * d}, GeneratorNet.Act.Kind.IDENTITY)));
        double sx = Math.hypot(a, b);
        double sy = Math.hypot(c, d);
        Normal2 named = new Normal2(1, -1, sx, sy, (a * c + b * d) / (sx * sy));
        // data narrower than P_G in every direction, so χ²(data‖G) = ∫p_data²/p_G − 1 is finite
        Distribution data = SpecParser.parse("normal2(0.8,-0.7,0.5,0.4,0.2)");
        GeneratorTruth.Result r = GeneratorTruth.evaluate(data, g, 9);
        GeneratorTruth.Value[] v = values(r);
        for (int k = 0; k < KINDS.length; k++) {
            TrueDivergence.Result t = TrueDivergence.compute(KINDS[k], data, named);
            assertTrue(v[k].method().label().startsWith("exact-mc(se="), v[k].method().label());
            // 5 standard errors of the Monte Carlo plus the quadrature's bound
            assertEquals(t.value(), v[k].value(), 5 * v[k].error() + t.errorBound() + 1e-12,
                    KINDS[k] + " " + v[k].method().label());
        }
        assertTrue(r.w1().method().label().startsWith("ot-n=512"), r.w1().method().label());
    }

    @Test
    void smoothTwoDGeneratorsHaveNoExactPathAndSaySo() {
        GeneratorNet g = GeneratorNets.random(61, N, 2, 2, GeneratorNet.Act.Kind.TANH, 8);
        GeneratorTruth.Result r = GeneratorTruth.evaluate(SpecParser.parse("ring(8,2,0.05)"), g, 1);
        assertEquals("histogram(n=512)", r.js().method().label());
        assertTrue(r.note().contains("no exact path"), r.note());
    }

    @Test
    void roundUpKeepsTheLabelABound() {
        assertEquals("1.3e-13", TruthMethod.roundUp(1.21e-13));
        assertEquals("1.0e-12", TruthMethod.roundUp(9.99e-13));
        assertEquals("2.0e-3", TruthMethod.roundUp(2e-3));
    }

    @Test
    void evaluationIsDeterministicForASeed() {
        GeneratorNet g = GeneratorNets.random(71, N, 2, 2, GeneratorNet.Act.Kind.RELU, 16, 16);
        Distribution data = SpecParser.parse("ring(8,2,0.05)");
        assertEquals(GeneratorTruth.evaluate(data, g, 3), GeneratorTruth.evaluate(data, g, 3));
    }
}

package org.divergencelab.divergence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.divergencelab.distribution.PointCloud;
import org.junit.jupiter.api.Test;

class ExactW1Test {

    /** Marginals of an exact plan: flows are sums of at most n + m terms of size ~1/n, so 1e-12 is loose. */
    private static final double MARGINAL_TOL = 1e-9;

    static PointCloud gaussianCloud(int n, double shiftX, double shiftY, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] c = new double[2 * n];
        for (int i = 0; i < n; i++) {
            c[2 * i] = gauss(r) + shiftX;
            c[2 * i + 1] = gauss(r) + shiftY;
        }
        return PointCloud.of(2, c);
    }

    static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** Independent truth: the Hungarian algorithm (O(n^3) potentials form), written here for the test. */
    static double hungarian(double[][] a) {
        int n = a.length;
        double[] u = new double[n + 1];
        double[] v = new double[n + 1];
        int[] p = new int[n + 1];
        int[] way = new int[n + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            double[] minv = new double[n + 1];
            java.util.Arrays.fill(minv, Double.POSITIVE_INFINITY);
            boolean[] used = new boolean[n + 1];
            do {
                used[j0] = true;
                int i0 = p[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                for (int j = 1; j <= n; j++) {
                    if (!used[j]) {
                        double cur = a[i0 - 1][j - 1] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        double total = 0;
        for (int j = 1; j <= n; j++) {
            total += a[p[j] - 1][j - 1];
        }
        return total / n;
    }

    static double[][] costs(PointCloud p, PointCloud q) {
        double[][] c = new double[p.size()][q.size()];
        for (int i = 0; i < p.size(); i++) {
            for (int j = 0; j < q.size(); j++) {
                c[i][j] = Math.hypot(p.get(i, 0) - q.get(j, 0), p.get(i, 1) - q.get(j, 1));
            }
        }
        return c;
    }

    static void assertMarginals(TransportPlan plan, PointCloud p, PointCloud q) {
        double[] rows = plan.sourceMarginal(p.size());
        double[] cols = plan.targetMarginal(q.size());
        for (int i = 0; i < rows.length; i++) {
            assertEquals(p.weight(i), rows[i], MARGINAL_TOL, "row " + i);
        }
        for (int j = 0; j < cols.length; j++) {
            assertEquals(q.weight(j), cols[j], MARGINAL_TOL, "column " + j);
        }
        double cost = 0;
        for (int k = 0; k < plan.size(); k++) {
            assertTrue(plan.mass(k) > 0);
            cost += plan.mass(k) * Math.hypot(p.get(plan.source(k), 0) - q.get(plan.target(k), 0),
                    p.get(plan.source(k), 1) - q.get(plan.target(k), 1));
        }
        assertEquals(plan.value(), cost, 1e-12 * (1 + cost), "plan cost equals the reported value");
    }

    @Test
    void equalsHungarianOnRandomEqualSizeSets() {
        for (int trial = 0; trial < 40; trial++) {
            int n = 2 + trial % 59;
            PointCloud p = gaussianCloud(n, 0, 0, 100 + trial);
            PointCloud q = gaussianCloud(n, trial % 3 * 0.7, 0.3, 900 + trial);
            TransportPlan plan = ExactW1.solve(p, q);
            // Both sides sum n terms of O(1) in double: agreement to 1e-12 relative is what rounding allows.
            assertEquals(hungarian(costs(p, q)), plan.value(), 1e-11, "n=" + n);
            assertMarginals(plan, p, q);
        }
    }

    @Test
    void equalsHungarianOnGridsWithManyTies() {
        // Integer grid points: many equal costs, the degenerate case for simplex methods.
        for (int n = 2; n <= 30; n += 7) {
            double[] a = new double[2 * n];
            double[] b = new double[2 * n];
            SplittableRandom r = new SplittableRandom(n);
            for (int i = 0; i < 2 * n; i++) {
                a[i] = r.nextInt(4);
                b[i] = r.nextInt(4);
            }
            PointCloud p = PointCloud.of(2, a);
            PointCloud q = PointCloud.of(2, b);
            TransportPlan plan = ExactW1.solve(p, q);
            assertEquals(hungarian(costs(p, q)), plan.value(), 1e-11, "n=" + n);
            assertMarginals(plan, p, q);
        }
    }

    @Test
    void unequalSizesAndWeightsAgreeWithReplicatedAssignment() {
        // Weights k/K on p and q: replicate each point k times and solve the K x K assignment exactly.
        SplittableRandom r = new SplittableRandom(7);
        for (int trial = 0; trial < 10; trial++) {
            int n1 = 2 + r.nextInt(6);
            int n2 = 2 + r.nextInt(9);
            int total = 24;
            int[] ka = split(total, n1, r);
            int[] kb = split(total, n2, r);
            double[] a = new double[2 * n1];
            double[] b = new double[2 * n2];
            for (int i = 0; i < a.length; i++) {
                a[i] = r.nextDouble() * 3;
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = r.nextDouble() * 3 + 1;
            }
            double[] wa = new double[n1];
            double[] wb = new double[n2];
            double[][] pa = new double[total][];
            double[][] pb = new double[total][];
            int t = 0;
            for (int i = 0; i < n1; i++) {
                wa[i] = ka[i];
                for (int c = 0; c < ka[i]; c++) {
                    pa[t++] = new double[] {a[2 * i], a[2 * i + 1]};
                }
            }
            t = 0;
            for (int j = 0; j < n2; j++) {
                wb[j] = kb[j];
                for (int c = 0; c < kb[j]; c++) {
                    pb[t++] = new double[] {b[2 * j], b[2 * j + 1]};
                }
            }
            double[][] c = new double[total][total];
            for (int i = 0; i < total; i++) {
                for (int j = 0; j < total; j++) {
                    c[i][j] = Math.hypot(pa[i][0] - pb[j][0], pa[i][1] - pb[j][1]);
                }
            }
            PointCloud p = PointCloud.weighted(2, a, wa);
            PointCloud q = PointCloud.weighted(2, b, wb);
            TransportPlan plan = ExactW1.solve(p, q);
            assertEquals(hungarian(c), plan.value(), 1e-11, "trial " + trial);
            assertMarginals(plan, p, q);
        }
    }

    private static int[] split(int total, int parts, SplittableRandom r) {
        int[] k = new int[parts];
        java.util.Arrays.fill(k, 1);
        for (int i = parts; i < total; i++) {
            k[r.nextInt(parts)]++;
        }
        return k;
    }

    @Test
    void translatedCloudMovesByTheShift() {
        // W1(P, P + s) = |s|: the translation plan costs |s| and |E[Y] - E[X]| = |s| bounds W1 from below.
        PointCloud p = gaussianCloud(200, 0, 0, 5);
        PointCloud q = p.translate(3, 4);
        assertEquals(5.0, ExactW1.distance(p, q), 1e-12);
        PointCloud p1 = PointCloud.of(1, new double[] {0.3, -1, 2, 5, 0});
        assertEquals(2.5, ExactW1.distance(p1, p1.translate(-2.5)), 1e-12);
    }

    @Test
    void twoPointMassesAreTheirDistance() {
        assertEquals(5.0, ExactW1.distance(PointCloud.of(2, new double[] {1, 1}), PointCloud.of(2, new double[] {4, 5})),
                0);
        assertEquals(2.0, ExactW1.distance(PointCloud.of(1, new double[] {1}), PointCloud.of(1, new double[] {-1})), 0);
    }

    @Test
    void oneDimensionalMatchesCdfIntegral() {
        SplittableRandom r = new SplittableRandom(3);
        for (int trial = 0; trial < 20; trial++) {
            int n1 = 1 + r.nextInt(30);
            int n2 = 1 + r.nextInt(30);
            double[] x = new double[n1];
            double[] y = new double[n2];
            double[] wx = new double[n1];
            double[] wy = new double[n2];
            for (int i = 0; i < n1; i++) {
                x[i] = r.nextDouble() * 4;
                wx[i] = r.nextDouble();
            }
            for (int i = 0; i < n2; i++) {
                y[i] = r.nextDouble() * 4 + 0.5;
                wy[i] = r.nextDouble();
            }
            PointCloud p = PointCloud.weighted(1, x, wx);
            PointCloud q = PointCloud.weighted(1, y, wy);
            TransportPlan plan = ExactW1.oneD(p, q);
            // Independent truth: ∫|F - G| over the merged breakpoints.
            double[] all = new double[n1 + n2];
            System.arraycopy(x, 0, all, 0, n1);
            System.arraycopy(y, 0, all, n1, n2);
            java.util.Arrays.sort(all);
            double integral = 0;
            for (int k = 0; k + 1 < all.length; k++) {
                double f = 0;
                double g = 0;
                for (int i = 0; i < n1; i++) {
                    f += x[i] <= all[k] ? p.weight(i) : 0;
                }
                for (int i = 0; i < n2; i++) {
                    g += y[i] <= all[k] ? q.weight(i) : 0;
                }
                integral += Math.abs(f - g) * (all[k + 1] - all[k]);
            }
            assertEquals(integral, plan.value(), 1e-12);
            double[] rows = plan.sourceMarginal(n1);
            double[] cols = plan.targetMarginal(n2);
            for (int i = 0; i < n1; i++) {
                assertEquals(p.weight(i), rows[i], MARGINAL_TOL);
            }
            for (int j = 0; j < n2; j++) {
                assertEquals(q.weight(j), cols[j], MARGINAL_TOL);
            }
        }
    }

    @Test
    void warmStartAfterDragEqualsColdSolve() {
        IncrementalW1 w = new IncrementalW1();
        PointCloud p = gaussianCloud(300, 0, 0, 11);
        PointCloud q0 = gaussianCloud(300, 1, 0.5, 12);
        w.solve(p, q0);
        for (int step = 1; step <= 10; step++) {
            PointCloud q = q0.translate(0.05 * step, -0.03 * step);
            TransportPlan warm = w.solve(p, q);
            TransportPlan cold = new IncrementalW1().solve(p, q);
            assertEquals(cold.value(), warm.value(), 1e-12);
            assertMarginals(warm, p, q);
        }
    }

    @Test
    void distancesOnTheFlyGiveTheSameOptimumAsTheMatrix() {
        // The large-problem mode (no cost matrix) must reproduce the matrix mode: same arithmetic, same pivots.
        PointCloud p = gaussianCloud(150, 0, 0, 21);
        PointCloud q = gaussianCloud(120, 0.8, -0.3, 22);
        double[] px = new double[150];
        double[] py = new double[150];
        double[] qx = new double[120];
        double[] qy = new double[120];
        double[] cost = new double[150 * 120];
        for (int i = 0; i < 150; i++) {
            px[i] = p.get(i, 0);
            py[i] = p.get(i, 1);
        }
        for (int j = 0; j < 120; j++) {
            qx[j] = q.get(j, 0);
            qy[j] = q.get(j, 1);
        }
        for (int i = 0; i < 150; i++) {
            for (int j = 0; j < 120; j++) {
                double dx = px[i] - qx[j];
                double dy = py[i] - qy[j];
                cost[i * 120 + j] = Math.sqrt(dx * dx + dy * dy);
            }
        }
        TransportSimplex matrix = new TransportSimplex();
        double vm = matrix.solve(p.weightsView(), q.weightsView(), cost, null, null);
        TransportSimplex onTheFly = new TransportSimplex();
        double ve = onTheFly.solveEuclidean(p.weightsView(), q.weightsView(), px, py, qx, qy, null, null, false);
        assertEquals(vm, ve, 0);
        assertEquals(matrix.pivots(), onTheFly.pivots());
        assertEquals(ExactW1.distance(p, q), ve, 1e-13);
        assertMarginals(onTheFly.plan(), p, q);
    }

    @Test
    void degenerateInputs() {
        // One source point: every target is served from it, W1 = weighted mean distance.
        PointCloud one = PointCloud.of(2, new double[] {0, 0});
        PointCloud five = PointCloud.of(2, new double[] {1, 0, 0, 2, -3, 0, 0, -4, 3, 4});
        assertEquals((1 + 2 + 3 + 4 + 5) / 5.0, ExactW1.distance(one, five), 1e-15);
        assertEquals((1 + 2 + 3 + 4 + 5) / 5.0, ExactW1.distance(five, one), 1e-15);
        // Identical clouds with duplicated points: W1 = 0.
        PointCloud dup = PointCloud.of(2, new double[] {1, 1, 1, 1, 2, 2, 2, 2, 2, 2});
        assertEquals(0.0, ExactW1.distance(dup, dup), 0);
        TransportPlan plan = ExactW1.solve(dup, dup);
        assertMarginals(plan, dup, dup);
        // All points at one place on both sides, different sizes.
        PointCloud a = PointCloud.of(2, new double[] {5, 5, 5, 5, 5, 5});
        PointCloud b = PointCloud.of(2, new double[] {5, 5, 5, 5});
        assertEquals(0.0, ExactW1.distance(a, b), 0);
        // Collinear points on a line in 2-D equal the 1-D answer.
        PointCloud l1 = PointCloud.of(2, new double[] {0, 0, 1, 0, 5, 0});
        PointCloud l2 = PointCloud.of(2, new double[] {2, 0, 2.5, 0, -1, 0});
        PointCloud m1 = PointCloud.of(1, new double[] {0, 1, 5});
        PointCloud m2 = PointCloud.of(1, new double[] {2, 2.5, -1});
        assertEquals(ExactW1.distance(m1, m2), ExactW1.distance(l1, l2), 1e-15);
    }

    @Test
    void zeroWeightPointsCarryNoMass() {
        // Zero-weight points must not change W1 and get no plan entries.
        PointCloud p = PointCloud.weighted(2, new double[] {0, 0, 100, 100, 1, 0}, new double[] {1, 0, 1});
        PointCloud q = PointCloud.weighted(2, new double[] {0, 1, 1, 1, -50, 7}, new double[] {1, 1, 0});
        TransportPlan plan = ExactW1.solve(p, q);
        assertEquals(1.0, plan.value(), 1e-15);
        assertMarginals(plan, p, q);
        PointCloud p1 = PointCloud.weighted(1, new double[] {0, 9, 1}, new double[] {1, 0, 1});
        PointCloud q1 = PointCloud.weighted(1, new double[] {2, -9}, new double[] {1, 0});
        assertEquals(1.5, ExactW1.distance(p1, q1), 1e-15);
    }

    @Test
    void mismatchedDimensionsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExactW1.solve(PointCloud.of(1, new double[] {1}), PointCloud.of(2, new double[] {1, 2})));
        assertTrue(e.getMessage().contains("P is 1-D but Q is 2-D"), e.getMessage());
    }
}

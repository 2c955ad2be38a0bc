package org.divergencelab.sandbox;

import org.divergencelab.distribution.PointCloud;
import org.divergencelab.divergence.ExactW1;
import org.divergencelab.divergence.TransportPlan;

/**
 * The lecture's bulldozer example (INVENTORY F3/F4, scene S7): P and Q are piles of blocks on the positions
 * 0..5; a moving plan is a matrix γ (rows x_p, columns x_q, mass = blocks / total) and its cost is
 * Σ γ(x_p, x_q)·|x_p − x_q|. Three plans: "near" moves earth greedily to the nearest free place first, "far"
 * fetches from far away first (舍近求远), "optimal" is the exact transport solution. The nearest-first greedy
 * plan is not optimal on these piles, which is the point of "enumerate all plans and take the minimum".
 */
public final class BulldozerExample {

    /** Which plan the sandbox shows. */
    public enum Plan { NEAR, FAR, OPTIMAL }

    /** Block positions. */
    public static final double[] POSITIONS = {0, 1, 2, 3, 4, 5};
    /** Blocks of P per position (6 in all). */
    public static final int[] P_BLOCKS = {2, 1, 0, 3, 0, 0};
    /** Blocks of Q per position (6 in all). */
    public static final int[] Q_BLOCKS = {0, 1, 2, 0, 2, 1};

    private BulldozerExample() {
    }

    /** A plan as a dense matrix γ[row * k + col] with its cost. */
    public record Matrix(Plan plan, double[] gamma, int size, double cost) {
    }

    /** The plan γ with masses normalised to total 1. */
    public static Matrix plan(Plan which) {
        int k = POSITIONS.length;
        double total = 0;
        for (int b : P_BLOCKS) {
            total += b;
        }
        double[] g = new double[k * k];
        if (which == Plan.OPTIMAL) {
            TransportPlan t = ExactW1.oneD(cloud(P_BLOCKS), cloud(Q_BLOCKS));
            int[] rows = occupied(P_BLOCKS);
            int[] cols = occupied(Q_BLOCKS);
            for (int e = 0; e < t.size(); e++) {
                g[rows[t.source(e)] * k + cols[t.target(e)]] += t.mass(e);
            }
        } else {
            greedy(which == Plan.NEAR, g, total);
        }
        return new Matrix(which, g, k, cost(g, k));
    }

    /** Σ γ(i, j)·|x_i − x_j|. */
    public static double cost(double[] gamma, int k) {
        double c = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                c += gamma[i * k + j] * Math.abs(POSITIONS[i] - POSITIONS[j]);
            }
        }
        return c;
    }

    private static void greedy(boolean nearestFirst, double[] g, double total) {
        int k = POSITIONS.length;
        int[] p = P_BLOCKS.clone();
        int[] q = Q_BLOCKS.clone();
        while (true) {
            int bi = -1;
            int bj = -1;
            double best = nearestFirst ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            // ties go to the leftmost pair, so the plan is deterministic
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    if (p[i] == 0 || q[j] == 0) {
                        continue;
                    }
                    double d = Math.abs(POSITIONS[i] - POSITIONS[j]);
                    if (nearestFirst ? d < best : d > best) {
                        best = d;
                        bi = i;
                        bj = j;
                    }
                }
            }
            if (bi < 0) {
                return;
            }
            int m = Math.min(p[bi], q[bj]);
            p[bi] -= m;
            q[bj] -= m;
            g[bi * k + bj] += m / total;
        }
    }

    // Only the occupied positions go to the solver (it refuses zero weights); the returned indices map back.
    private static int[] occupied(int[] blocks) {
        return java.util.stream.IntStream.range(0, blocks.length).filter(i -> blocks[i] > 0).toArray();
    }

    private static PointCloud cloud(int[] blocks) {
        int[] occ = occupied(blocks);
        double[] c = new double[occ.length];
        double[] w = new double[occ.length];
        for (int t = 0; t < occ.length; t++) {
            c[t] = POSITIONS[occ[t]];
            w[t] = blocks[occ[t]];
        }
        return PointCloud.weighted(1, c, w);
    }
}

package org.divergencelab.divergence;

import org.divergencelab.distribution.PointCloud;

/**
 * Entropic optimal transport with Euclidean ground cost, solved by log-domain Sinkhorn iterations (stable
 * for small ε, where the kernel exp(−C/ε) underflows):
 * f_i = −ε log Σ_j b_j exp((g_j − C_ij)/ε), g_j = −ε log Σ_i a_i exp((f_i − C_ij)/ε),
 * π_ij = a_i b_j exp((f_i + g_j − C_ij)/ε). Stops when the L1 row-marginal error of π is below the tolerance.
 *
 * <p>{@link Result#transportCost()} = ⟨π, C⟩ (what POT's {@code ot.sinkhorn2} returns); it exceeds W1 and
 * tends to it as ε → 0. {@link Result#entropicCost()} = ⟨π, C⟩ + ε KL(π ‖ a⊗b) = Σ a f + Σ b g.
 * {@link #divergence} is the debiased Sinkhorn divergence S_ε(a, b) = OT_ε(a, b) − ½ OT_ε(a, a) − ½ OT_ε(b, b)
 * (Feydy et al. 2019), which is 0 for a = b and non-negative.
 */
public final class Sinkhorn {
    private final double epsilon;
    private final double tolerance;
    private final int maxIterations;

    /**
     * @param epsilon       entropic regularisation (in cost units), > 0
     * @param tolerance     stop when Σ_i |Σ_j π_ij − a_i| is below this
     * @param maxIterations cap on full (f, g) iterations
     */
    public Sinkhorn(double epsilon, double tolerance, int maxIterations) {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("sinkhorn epsilon must be finite and > 0, got " + epsilon);
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("sinkhorn tolerance must be > 0, got " + tolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("sinkhorn maxIterations must be >= 1, got " + maxIterations);
        }
        this.epsilon = epsilon;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    /**
     * @param transportCost ⟨π, C⟩
     * @param entropicCost  ⟨π, C⟩ + ε KL(π ‖ a⊗b)
     * @param iterations    iterations used
     * @param marginalError final L1 row-marginal error
     * @param plan          the dense plan, row-major n1 × n2
     */
    public record Result(double transportCost, double entropicCost, int iterations, double marginalError,
            double[] plan) {
    }

    /**
     * Solves entropic OT between {@code p} and {@code q}, refusing a result that missed the tolerance: a small ε
     * needs many iterations (here about ε^-0.8: 35 at ε = 0.1, 475 at ε = 0.003 between two 500-point clouds of
     * unit-scale costs), so an ε far below the cost scale would run for hours.
     *
     * @throws NotConverged when the iteration cap was reached first, with the iterations and the error reached
     */
    public Result solveConverged(PointCloud p, PointCloud q) {
        Result r = solve(p, q);
        if (!(r.marginalError() < tolerance)) {
            throw new NotConverged("sinkhorn did not converge in " + r.iterations() + " iterations at epsilon "
                    + epsilon + " (row-marginal error " + (float) r.marginalError() + ", tolerance " + tolerance
                    + "): the smaller epsilon is against the transport costs, the more iterations it takes", r);
        }
        return r;
    }

    /** {@link #solveConverged}'s refusal: the iteration cap came before the tolerance. */
    public static final class NotConverged extends IllegalArgumentException {
        private final transient Result result;

        NotConverged(String message, Result result) {
            super(message);
            this.result = result;
        }

        /** The unconverged result. */
        public Result result() {
            return result;
        }
    }

    /** Solves entropic OT between {@code p} and {@code q} (same dimension). */
    public Result solve(PointCloud p, PointCloud q) {
        ExactW1.requireSameDimension(p, q);
        int n1 = p.size();
        int n2 = q.size();
        int d = p.dimension();
        double[] c = new double[n1 * n2];
        for (int i = 0; i < n1; i++) {
            for (int j = 0; j < n2; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    double t = p.get(i, k) - q.get(j, k);
                    s += t * t;
                }
                c[i * n2 + j] = Math.sqrt(s);
            }
        }
        double[] a = p.weightsView();
        double[] b = q.weightsView();
        double[] la = new double[n1];
        double[] lb = new double[n2];
        for (int i = 0; i < n1; i++) {
            la[i] = Math.log(a[i]);
        }
        for (int j = 0; j < n2; j++) {
            lb[j] = Math.log(b[j]);
        }
        double[] f = new double[n1];
        double[] g = new double[n2];
        double[] tmp = new double[Math.max(n1, n2)];
        int it = 0;
        double errRows = Double.POSITIVE_INFINITY;
        while (it < maxIterations) {
            it++;
            // f-update (rows), then g-update (columns); after the g-update columns are exact.
            for (int i = 0; i < n1; i++) {
                int base = i * n2;
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < n2; j++) {
                    double v = lb[j] + (g[j] - c[base + j]) / epsilon;
                    tmp[j] = v;
                    max = Math.max(max, v);
                }
                double s = 0;
                for (int j = 0; j < n2; j++) {
                    s += Math.exp(tmp[j] - max);
                }
                f[i] = -epsilon * (max + Math.log(s));
            }
            double[] colMax = new double[n2];
            java.util.Arrays.fill(colMax, Double.NEGATIVE_INFINITY);
            for (int i = 0; i < n1; i++) {
                int base = i * n2;
                double fi = la[i] + f[i] / epsilon;
                for (int j = 0; j < n2; j++) {
                    colMax[j] = Math.max(colMax[j], fi - c[base + j] / epsilon);
                }
            }
            double[] colSum = new double[n2];
            for (int i = 0; i < n1; i++) {
                int base = i * n2;
                double fi = la[i] + f[i] / epsilon;
                for (int j = 0; j < n2; j++) {
                    colSum[j] += Math.exp(fi - c[base + j] / epsilon - colMax[j]);
                }
            }
            for (int j = 0; j < n2; j++) {
                g[j] = -epsilon * (colMax[j] + Math.log(colSum[j]));
            }
            // Row marginal error of the current plan: checked every 5th iteration (it costs as much as an
            // update), and at the cap.
            if (it % 5 != 0 && it < maxIterations) {
                continue;
            }
            errRows = 0;
            for (int i = 0; i < n1; i++) {
                int base = i * n2;
                double s = 0;
                for (int j = 0; j < n2; j++) {
                    s += Math.exp(la[i] + lb[j] + (f[i] + g[j] - c[base + j]) / epsilon);
                }
                errRows += Math.abs(s - a[i]);
            }
            if (errRows < tolerance) {
                break;
            }
        }
        double[] plan = new double[n1 * n2];
        double cost = 0;
        for (int i = 0; i < n1; i++) {
            int base = i * n2;
            for (int j = 0; j < n2; j++) {
                double pij = Math.exp(la[i] + lb[j] + (f[i] + g[j] - c[base + j]) / epsilon);
                plan[base + j] = pij;
                cost += pij * c[base + j];
            }
        }
        double dual = 0;
        for (int i = 0; i < n1; i++) {
            dual += a[i] * f[i];
        }
        for (int j = 0; j < n2; j++) {
            dual += b[j] * g[j];
        }
        return new Result(cost, dual, it, errRows, plan);
    }

    /** Debiased Sinkhorn divergence S_ε(p, q) = OT_ε(p, q) − ½ OT_ε(p, p) − ½ OT_ε(q, q), entropic costs. */
    public double divergence(PointCloud p, PointCloud q) {
        return solve(p, q).entropicCost() - 0.5 * solve(p, p).entropicCost() - 0.5 * solve(q, q).entropicCost();
    }

    /** {@link #divergence}, each of its three solves {@linkplain #solveConverged converged}. */
    public double divergenceConverged(PointCloud p, PointCloud q) {
        return solveConverged(p, q).entropicCost() - 0.5 * solveConverged(p, p).entropicCost()
                - 0.5 * solveConverged(q, q).entropicCost();
    }
}

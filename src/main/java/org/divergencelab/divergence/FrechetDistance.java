package org.divergencelab.divergence;

import org.divergencelab.distribution.PointCloud;

/**
 * The Fréchet distance between Gaussians fitted to two samples, the number behind FID (lecture 001, evaluation):
 * FD = ‖μ₁ − μ₂‖² + tr(Σ₁ + Σ₂ − 2 (Σ₁^½ Σ₂ Σ₁^½)^½), the squared W2 distance between N(μ₁, Σ₁) and N(μ₂, Σ₂).
 * FID computes it on Inception features; here on the points themselves. It only sees the first two moments: a
 * bimodal P and a Gaussian with the same mean and covariance have FD = 0 although they differ (W1 > 0).
 */
public final class FrechetDistance {
    private FrechetDistance() {
    }

    /** A Gaussian given by its mean and covariance matrix (d × d, symmetric positive semi-definite). */
    public record Gaussian(double[] mean, double[][] cov) {
        public Gaussian {
            int d = mean.length;
            if (d == 0 || cov.length != d) {
                throw new IllegalArgumentException("a Gaussian needs a mean of length d >= 1 and a d x d covariance, got d = "
                        + d + " and " + cov.length + " covariance rows");
            }
            double[][] c = new double[d][];
            for (int i = 0; i < d; i++) {
                if (cov[i].length != d) {
                    throw new IllegalArgumentException("covariance row " + i + " has " + cov[i].length + " entries, expected " + d);
                }
                c[i] = cov[i].clone();
            }
            mean = mean.clone();
            cov = c;
        }

        public int dimension() {
            return mean.length;
        }
    }

    /**
     * The Gaussian fitted to {@code p}'s points (weights ignored: every point counts once): the sample mean and the
     * unbiased sample covariance (divisor n − 1, as numpy's {@code cov} in the FID reference code).
     */
    public static Gaussian fit(PointCloud p) {
        int n = p.size();
        int d = p.dimension();
        if (n < 2) {
            throw new IllegalArgumentException("fitting a Gaussian needs at least 2 points, got " + n);
        }
        double[] mu = new double[d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                mu[k] += p.get(i, k);
            }
        }
        for (int k = 0; k < d; k++) {
            mu[k] /= n;
        }
        double[][] c = new double[d][d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                double da = p.get(i, a) - mu[a];
                for (int b = 0; b <= a; b++) {
                    c[a][b] += da * (p.get(i, b) - mu[b]);
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                c[a][b] /= n - 1;
                c[b][a] = c[a][b];
            }
        }
        return new Gaussian(mu, c);
    }

    /** FD between the Gaussians fitted to {@code p} and {@code q}. */
    public static double ofSamples(PointCloud p, PointCloud q) {
        return between(fit(p), fit(q));
    }

    /** FD = ‖μ₁ − μ₂‖² + tr Σ₁ + tr Σ₂ − 2 tr (Σ₁^½ Σ₂ Σ₁^½)^½ (clamped at 0 against rounding). */
    public static double between(Gaussian g1, Gaussian g2) {
        int d = g1.dimension();
        if (g2.dimension() != d) {
            throw new IllegalArgumentException("Gaussians of different dimension: " + d + " and " + g2.dimension());
        }
        double mean = 0;
        double trace = 0;
        for (int k = 0; k < d; k++) {
            double diff = g1.mean()[k] - g2.mean()[k];
            mean += diff * diff;
            trace += g1.cov()[k][k] + g2.cov()[k][k];
        }
        double[][] r = sqrtPsd(g1.cov());
        double[][] m = multiply(multiply(r, g2.cov()), r);
        double cross = 0;
        for (double ev : symmetricEigenvalues(m)) {
            cross += Math.sqrt(Math.max(0, ev));
        }
        return Math.max(0, mean + trace - 2 * cross);
    }

    /** The PSD square root V diag(√max(λ, 0)) Vᵀ of a symmetric matrix. */
    static double[][] sqrtPsd(double[][] a) {
        int d = a.length;
        double[][] v = new double[d][d];
        double[] ev = jacobi(a, v);
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += v[i][k] * Math.sqrt(Math.max(0, ev[k])) * v[j][k];
                }
                out[i][j] = s;
            }
        }
        return out;
    }

    static double[] symmetricEigenvalues(double[][] a) {
        return jacobi(a, new double[a.length][a.length]);
    }

    /**
     * Cyclic Jacobi rotations: the eigenvalues of the symmetric {@code a} (its symmetric part, so rounding in a
     * product does not matter); the eigenvectors into {@code v}'s columns. Enough for the small d of this app.
     */
    private static double[] jacobi(double[][] a0, double[][] v) {
        int d = a0.length;
        double[][] a = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                a[i][j] = 0.5 * (a0[i][j] + a0[j][i]);
                v[i][j] = i == j ? 1 : 0;
            }
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            double all = 0;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    all += a[i][j] * a[i][j];
                    if (i != j) {
                        off += a[i][j] * a[i][j];
                    }
                }
            }
            if (off <= 1e-30 * all || off == 0) {
                break;
            }
            for (int p = 0; p < d - 1; p++) {
                for (int q = p + 1; q < d; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < d; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < d; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < d; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        double[] ev = new double[d];
        for (int i = 0; i < d; i++) {
            ev[i] = a[i][i];
        }
        return ev;
    }

    private static double[][] multiply(double[][] x, double[][] y) {
        int d = x.length;
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                for (int j = 0; j < d; j++) {
                    out[i][j] += x[i][k] * y[k][j];
                }
            }
        }
        return out;
    }
}

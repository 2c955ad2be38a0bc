package org.divergencelab.divergence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.divergencelab.distribution.PointCloud;
import org.divergencelab.distribution.SpecParser;
import org.junit.jupiter.api.Test;

class KdeTest {
    /**
     * The binned KDE at a node is Σ w_i · (bi)linear interpolation of y ↦ K(x − y) at the point y = x_i from the
     * corners of its cell, so its error against the exact KDE is at most Σ w_i Σ_axes (step²/8)·max over the
     * cell of |∂²K/∂y_k²| (the interpolation error bound). The test computes that bound per node from the exact
     * kernel and requires the error below it; it also checks the bound is not loose by more than a factor 10.
     */
    @Test
    void binnedKdeIsWithinTheLinearInterpolationBoundOfTheExactSum() {
        PointCloud c = SpecParser.parse("mixture(0.5*ring(8,2,0.05),0.5*translate(1,0,moons(0.05)))").sample(300, 7);
        double[] h = Kde.bandwidths(c);
        int[] nodes = {90, 70};
        double[] lo = {-5, -3};
        double[] step = {h[0] / 8, h[1] / 8};
        step[0] = Math.max(step[0], 10.0 / nodes[0]);
        step[1] = Math.max(step[1], 6.0 / nodes[1]);
        Kde.Grid g = Kde.binned(c, h, lo, step, nodes);
        double worstRatio = 0;
        double[] x = new double[2];
        for (int a = 0; a < nodes[0]; a += 3) {
            for (int b = 0; b < nodes[1]; b += 3) {
                x[0] = lo[0] + (a + 0.5) * step[0];
                x[1] = lo[1] + (b + 0.5) * step[1];
                double exact = Math.exp(Kde.logDensity(c, h, x));
                double bound = 0;
                for (int i = 0; i < c.size(); i++) {
                    double[] i0 = cell(c.get(i, 0), lo[0], step[0], x[0]);
                    double[] i1 = cell(c.get(i, 1), lo[1], step[1], x[1]);
                    bound += c.weight(i) * (step[0] * step[0] / 8 * maxAbsSecond(i0, h[0]) * maxPhi(i1, h[1])
                            + step[1] * step[1] / 8 * maxAbsSecond(i1, h[1]) * maxPhi(i0, h[0]));
                }
                double err = Math.abs(g.density()[a * nodes[1] + b] - exact);
                assertTrue(err <= bound * (1 + 1e-9) + 1e-15, "node " + a + "," + b + ": " + err + " > " + bound);
                if (bound > 1e-3) {
                    worstRatio = Math.max(worstRatio, err / bound);
                }
            }
        }
        assertTrue(worstRatio > 0.1, "bound loose: worst err/bound " + worstRatio);
    }

    // the offsets x − y over the binning cell of the point p: the nodes left and right of it
    private static double[] cell(double p, double lo, double step, double x) {
        double u = (p - lo) / step - 0.5;
        double left = lo + (Math.floor(u) + 0.5) * step;
        return new double[] {x - left - step, x - left};
    }

    // max |φ_h''| over offsets [t0, t1]: |z² − 1| e^{−z²/2} / (h³√2π) peaks at z = 0 and z = ±√3
    private static double maxAbsSecond(double[] t, double h) {
        double m = 0;
        for (double z : new double[] {t[0] / h, t[1] / h, 0, Math.sqrt(3), -Math.sqrt(3)}) {
            if (z >= t[0] / h && z <= t[1] / h) {
                m = Math.max(m, Math.abs(z * z - 1) * Math.exp(-0.5 * z * z));
            }
        }
        return m / (h * h * h * Math.sqrt(2 * Math.PI));
    }

    private static double maxPhi(double[] t, double h) {
        double z = t[0] > 0 ? t[0] / h : t[1] < 0 ? t[1] / h : 0;
        return Math.exp(-0.5 * z * z) / (h * Math.sqrt(2 * Math.PI));
    }

    @Test
    void binningKeepsTheMassEvenWhenTheKernelIsNarrowerThanACell() {
        // 1e-6 bandwidth floor on a 0.05 grid: the kernel is a single node, the estimate a linear-binned histogram
        PointCloud c = PointCloud.of(1, new double[] {0.3, 0.3, 0.3, 1.01});
        double[] h = Kde.bandwidths(PointCloud.of(1, new double[] {0.3, 0.3}));
        Kde.Grid g = Kde.binned(c, h, new double[] {0}, new double[] {0.05}, new int[] {40});
        double mass = 0;
        for (double v : g.density()) {
            mass += v * g.cellVolume();
        }
        assertEquals(1, mass, 1e-14);
    }

    @Test
    void curveMatchesTheNormalDensityItWasDrawnFrom() {
        double[] pts = SpecParser.parse("normal(0,1)").sample(4000, 3).coordsView().clone();
        double[] k = Kde.curve(pts, new double[] {0}, 0);
        // KDE at 0: sd ≈ 0.01 at n = 4000, smoothing bias ≈ −h²/2 φ(0) ≈ −0.01
        assertEquals(1 / Math.sqrt(2 * Math.PI), k[0], 0.04);
    }
}

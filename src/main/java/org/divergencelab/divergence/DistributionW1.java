package org.divergencelab.divergence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

import org.divergencelab.distribution.CumulativeDistribution;
import org.divergencelab.distribution.Distribution;
import org.divergencelab.distribution.Normal1;
import org.divergencelab.distribution.Parts;
import org.divergencelab.distribution.Translated;
import org.divergencelab.distribution.Uniform1;

/**
 * Exact W1 between 1-D distributions built from normals, uniforms, point masses and components with a known
 * CDF ({@link CumulativeDistribution}, e.g. a generator's push-forward) and mixtures and translations of them: W1 = ∫ |F_P − F_Q| dx by adaptive Gauss–Kronrod between breakpoints (atoms, support
 * ends, modes ± scales), Gaussian tails to 40 σ past the outermost breakpoint.
 */
public final class DistributionW1 {
    private DistributionW1() {
    }

    /** W1(P, Q), or empty when a component has no known CDF (2-D, or sample-only). */
    public static OptionalDouble oneD(Distribution p, Distribution q) {
        TrueDivergence.Result r = compute(p, q);
        return r == null ? OptionalDouble.empty() : OptionalDouble.of(r.value());
    }

    /** W1(P, Q) with the quadrature's error estimate, or null when a component has no known CDF. */
    public static TrueDivergence.Result compute(Distribution p, Distribution q) {
        return compute(p, q, 1e-14);
    }

    /** As {@link #compute(Distribution, Distribution)} with panel tolerance {@code tol} (CDFs costly to evaluate). */
    public static TrueDivergence.Result compute(Distribution p, Distribution q, double tol) {
        if (p.dimension() != 1 || q.dimension() != 1) {
            return null;
        }
        Cdf fp = Cdf.of(p);
        Cdf fq = Cdf.of(q);
        if (fp == null || fq == null) {
            return null;
        }
        List<Double> bp = new ArrayList<>();
        fp.addBreaks(bp);
        fq.addBreaks(bp);
        double tail = Math.max(fp.tail, fq.tail);
        double[] b = bp.stream().mapToDouble(Double::doubleValue).sorted().distinct().toArray();
        if (b.length == 1) {
            return new TrueDivergence.Result(0, 0); // the same single atom on both sides
        }
        if (tail > 0) {
            double[] e = Arrays.copyOf(b, b.length + 2);
            e[b.length] = b[0] - 40 * tail;
            e[b.length + 1] = b[b.length - 1] + 40 * tail;
            Arrays.sort(e);
            b = e;
        }
        Quadrature quad = new Quadrature();
        double sum = 0;
        double err = 0;
        for (int k = 0; k + 1 < b.length; k++) {
            sum += quad.integrate(x -> Math.abs(fp.at(x) - fq.at(x)), b[k], b[k + 1], tol);
            err += quad.lastError();
        }
        return new TrueDivergence.Result(sum, err);
    }

    /** A CDF as a weighted sum of normal, uniform and step CDFs. */
    private static final class Cdf {
        final List<double[]> normals = new ArrayList<>(); // {weight, mu, sigma}
        final List<double[]> uniforms = new ArrayList<>(); // {weight, a, b}
        final List<double[]> atoms = new ArrayList<>(); // {weight, x}
        final List<Distribution> others = new ArrayList<>(); // components with their own CDF
        final List<double[]> otherShifts = new ArrayList<>(); // {weight, shift}
        double tail;

        static Cdf of(Distribution d) {
            Parts parts;
            try {
                parts = d.parts();
            } catch (UnsupportedOperationException e) {
                return null;
            }
            Cdf c = new Cdf();
            for (Parts.Atom a : parts.atoms()) {
                c.atoms.add(new double[] {a.mass(), a.position()[0]});
            }
            for (Parts.Weighted w : parts.continuous()) {
                Distribution comp = w.component();
                double shift = 0;
                while (comp instanceof Translated t) {
                    shift += t.shift()[0];
                    comp = t.base();
                }
                if (comp instanceof Normal1 n) {
                    c.normals.add(new double[] {w.weight(), n.mu() + shift, n.sigma()});
                    c.tail = Math.max(c.tail, n.sigma());
                } else if (comp instanceof Uniform1 u) {
                    c.uniforms.add(new double[] {w.weight(), u.a() + shift, u.b() + shift});
                } else if (comp instanceof CumulativeDistribution) {
                    c.others.add(comp);
                    c.otherShifts.add(new double[] {w.weight(), shift});
                    c.tail = Math.max(c.tail, comp.tailScale());
                } else {
                    return null;
                }
            }
            return c;
        }

        double at(double x) {
            double s = 0;
            for (double[] n : normals) {
                s += n[0] * 0.5 * org.hipparchus.special.Erf.erfc(-(x - n[1]) / (n[2] * Math.sqrt(2)));
            }
            for (double[] u : uniforms) {
                s += u[0] * Math.min(1, Math.max(0, (x - u[1]) / (u[2] - u[1])));
            }
            for (double[] a : atoms) {
                s += x >= a[1] ? a[0] : 0;
            }
            for (int k = 0; k < others.size(); k++) {
                double[] ws = otherShifts.get(k);
                s += ws[0] * ((CumulativeDistribution) others.get(k)).cdf(x - ws[1]);
            }
            return s;
        }

        void addBreaks(List<Double> out) {
            for (double[] n : normals) {
                for (double k : new double[] {-8, -3, -1, 0, 1, 3, 8}) {
                    out.add(n[1] + k * n[2]);
                }
            }
            for (double[] u : uniforms) {
                out.add(u[1]);
                out.add(u[2]);
            }
            for (double[] a : atoms) {
                out.add(a[1]);
            }
            for (int k = 0; k < others.size(); k++) {
                for (double b : others.get(k).breakpoints()) {
                    out.add(b + otherShifts.get(k)[1]);
                }
            }
        }
    }
}

package org.divergencelab.sandbox;

import java.util.ArrayList;
import java.util.List;

import org.divergencelab.distribution.Box;
import org.divergencelab.distribution.Distribution;
import org.divergencelab.distribution.Mixture;
import org.divergencelab.distribution.Normal1;
import org.divergencelab.distribution.Normal2;
import org.divergencelab.distribution.Translated;
import org.divergencelab.distribution.Uniform1;

/**
 * The mouse's edits as operations on distributions (no UI): move a whole distribution or one mixture
 * component, widen or narrow one, and build a distribution from brush strokes. Each returns a new immutable
 * distribution whose spec the state stores.
 */
public final class Edits {
    private Edits() {
    }

    /** A draggable handle: component {@code index} of a mixture (−1 = the whole distribution) at (x, y). */
    public record Handle(int index, double x, double y) {
    }

    /** Handles to drag: one per mixture component (at its centre), or the whole distribution. */
    public static List<Handle> handles(Distribution d) {
        List<Handle> h = new ArrayList<>();
        Mixture m = asMixture(d);
        if (m != null) {
            double[] shift = shiftOf(d);
            List<Distribution> c = m.components();
            for (int i = 0; i < c.size(); i++) {
                double[] ctr = centre(c.get(i));
                h.add(new Handle(i, ctr[0] + shift[0], ctr.length > 1 ? ctr[1] + shift[1] : 0));
            }
        } else {
            double[] ctr = centre(d);
            h.add(new Handle(-1, ctr[0], ctr.length > 1 ? ctr[1] : 0));
        }
        return h;
    }

    /** The handle nearest to (x, y) within {@code radius} (data units), or null. */
    public static Handle nearest(Distribution d, double x, double y, double radius) {
        Handle best = null;
        double bd = radius;
        for (Handle h : handles(d)) {
            double dist = d.dimension() == 1 ? Math.abs(h.x() - x) : Math.hypot(h.x() - x, h.y() - y);
            if (dist <= bd) {
                bd = dist;
                best = h;
            }
        }
        return best;
    }

    /** Moves component {@code index} (−1 = the whole distribution) by (dx, dy); dy is ignored in 1-D. */
    public static Distribution move(Distribution d, int index, double dx, double dy) {
        double[] shift = d.dimension() == 1 ? new double[] {dx} : new double[] {dx, dy};
        if (index < 0) {
            return Translated.of(d, shift);
        }
        Mixture m = requireMixture(d, index);
        Mixture moved = m.withComponent(index, Translated.of(m.components().get(index), shift));
        return rewrap(d, moved);
    }

    /**
     * As {@link #move} with the moved part's whole offset rounded to {@code digits} significant digits, so a
     * drag writes {@code translate(-1.951,…)} rather than {@code translate(-1.951302697352942,…)} and the spec
     * shown is the state computed from. Pass the distribution as it was when the drag began and the drag's total
     * displacement: the rounding then never accumulates.
     */
    public static Distribution moveRounded(Distribution d, int index, double dx, double dy, int digits) {
        double[] shift = d.dimension() == 1 ? new double[] {dx} : new double[] {dx, dy};
        if (index < 0) {
            return rounded((Translated) Translated.of(d, shift), digits);
        }
        Mixture m = requireMixture(d, index);
        Translated c = (Translated) Translated.of(m.components().get(index), shift);
        return rewrap(d, m.withComponent(index, rounded(c, digits)));
    }

    private static Distribution rounded(Translated t, int digits) {
        double[] s = t.shift();
        java.math.MathContext mc = new java.math.MathContext(digits, java.math.RoundingMode.HALF_EVEN);
        for (int k = 0; k < s.length; k++) {
            s[k] = new java.math.BigDecimal(s[k]).round(mc).doubleValue();
        }
        return Translated.of(t.base(), s);
    }

    /**
     * Widens ({@code factor} > 1) or narrows component {@code index} (−1 = whole) about its centre. Supported:
     * normal, normal2, uniform, box, and mixtures of them (also translated).
     *
     * @throws UnsupportedOperationException naming the distribution when it cannot be scaled
     */
    public static Distribution scale(Distribution d, int index, double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("scale factor must be finite and > 0, got " + factor);
        }
        if (index >= 0) {
            Mixture m = requireMixture(d, index);
            return rewrap(d, m.withComponent(index, scaleOne(m.components().get(index), factor)));
        }
        return scaleOne(d, factor);
    }

    private static Distribution scaleOne(Distribution d, double f) {
        if (d instanceof Translated t) {
            return Translated.of(scaleOne(t.base(), f), t.shift());
        }
        if (d instanceof Normal1 n) {
            return new Normal1(n.mu(), n.sigma() * f);
        }
        if (d instanceof Normal2 n) {
            return new Normal2(n.mx(), n.my(), n.sx() * f, n.sy() * f, n.rho());
        }
        if (d instanceof Uniform1 u) {
            double c = (u.a() + u.b()) / 2;
            double h = (u.b() - u.a()) / 2 * f;
            return new Uniform1(c - h, c + h);
        }
        if (d instanceof Box b) {
            double[] bb = b.bounds();
            double cx = (bb[0] + bb[1]) / 2;
            double cy = (bb[2] + bb[3]) / 2;
            double hx = (bb[1] - bb[0]) / 2 * f;
            double hy = (bb[3] - bb[2]) / 2 * f;
            return new Box(cx - hx, cy - hy, cx + hx, cy + hy);
        }
        if (d instanceof Mixture m) {
            Mixture r = m;
            for (int i = 0; i < m.components().size(); i++) {
                r = r.withComponent(i, scaleOne(m.components().get(i), f));
            }
            return r;
        }
        throw new UnsupportedOperationException("cannot widen or narrow " + d.spec()
                + " (only normal, normal2, uniform, box and their mixtures)");
    }

    /**
     * A distribution from brush points: 1-D, an equal-weight mixture of normal(x_i, sigma); 2-D, the spec
     * language's {@code drawn(sigma, x1, y1, ...)}.
     */
    public static String brushSpec(int dimension, double sigma, double[] xs, double[] ys) {
        if (xs.length == 0) {
            throw new IllegalArgumentException("brush needs at least one point");
        }
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("brush sigma must be > 0, got " + sigma);
        }
        StringBuilder b = new StringBuilder();
        if (dimension == 1) {
            b.append("mixture(");
            for (int i = 0; i < xs.length; i++) {
                b.append(i == 0 ? "" : ",").append("normal(").append(xs[i]).append(',').append(sigma).append(')');
            }
        } else {
            b.append("drawn(").append(sigma);
            for (int i = 0; i < xs.length; i++) {
                b.append(',').append(xs[i]).append(',').append(ys[i]);
            }
        }
        return b.append(')').toString();
    }

    private static Mixture asMixture(Distribution d) {
        if (d instanceof Mixture m) {
            return m;
        }
        if (d instanceof Translated t && t.base() instanceof Mixture m) {
            return m;
        }
        return null;
    }

    private static Mixture requireMixture(Distribution d, int index) {
        Mixture m = asMixture(d);
        if (m == null || index >= m.components().size()) {
            throw new IllegalArgumentException("component " + index + " does not exist in " + d.spec());
        }
        return m;
    }

    private static Distribution rewrap(Distribution original, Mixture changed) {
        return original instanceof Translated t ? Translated.of(changed, t.shift()) : changed;
    }

    private static double[] shiftOf(Distribution d) {
        return d instanceof Translated t ? t.shift() : new double[d.dimension()];
    }

    /** Centre of the bulk: the midpoint of the bounds box (the mean for symmetric shapes). */
    static double[] centre(Distribution d) {
        if (d instanceof Normal1 n) {
            return new double[] {n.mu()};
        }
        if (d instanceof Normal2 n) {
            return new double[] {n.mx(), n.my()};
        }
        double[] b = d.bounds();
        return d.dimension() == 1 ? new double[] {(b[0] + b[1]) / 2} : new double[] {(b[0] + b[1]) / 2, (b[2] + b[3]) / 2};
    }
}

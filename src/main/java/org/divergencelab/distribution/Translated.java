package org.divergencelab.distribution;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** {@code translate(dx[,dy],D)}: a distribution moved as a whole (the sandbox drags with it). */
public final class Translated implements Distribution {
    private final Distribution base;
    private final double[] shift;

    private Translated(Distribution base, double[] shift) {
        this.base = base;
        this.shift = shift;
    }

    /** {@code base} moved by {@code shift}; nested translations collapse into one. */
    public static Distribution of(Distribution base, double... shift) {
        if (shift.length != base.dimension()) {
            throw new IllegalArgumentException("translate of a " + base.dimension() + "-D distribution needs "
                    + base.dimension() + " offsets, got " + shift.length);
        }
        for (double s : shift) {
            Specs.requireFinite("translation offset", s);
        }
        if (base instanceof Translated t) {
            double[] s = t.shift.clone();
            for (int k = 0; k < s.length; k++) {
                s[k] += shift[k];
            }
            return new Translated(t.base, s);
        }
        return new Translated(base, shift.clone());
    }

    public Distribution base() {
        return base;
    }

    public double[] shift() {
        return shift.clone();
    }

    @Override
    public int dimension() {
        return base.dimension();
    }

    @Override
    public String spec() {
        return shift.length == 1 ? "translate(" + Specs.fmt(shift[0]) + "," + base.spec() + ")"
                : "translate(" + Specs.fmt(shift[0]) + "," + Specs.fmt(shift[1]) + "," + base.spec() + ")";
    }

    @Override
    public void sampleInto(SplittableRandom rng, double[] out, int offset) {
        base.sampleInto(rng, out, offset);
        for (int k = 0; k < shift.length; k++) {
            out[offset + k] += shift[k];
        }
    }

    @Override
    public boolean hasDensity() {
        return base.hasDensity();
    }

    @Override
    public double logDensity(double[] x) {
        double[] y = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            y[k] = x[k] - shift[k];
        }
        return base.logDensity(y);
    }

    @Override
    public Parts parts() {
        Parts p = base.parts();
        List<Parts.Weighted> c = new ArrayList<>();
        for (Parts.Weighted w : p.continuous()) {
            c.add(new Parts.Weighted(w.weight(), Translated.of(w.component(), shift)));
        }
        List<Parts.Atom> a = new ArrayList<>();
        for (Parts.Atom at : p.atoms()) {
            double[] pos = at.position().clone();
            for (int k = 0; k < pos.length; k++) {
                pos[k] += shift[k];
            }
            a.add(new Parts.Atom(pos, at.mass()));
        }
        List<Parts.SegmentPart> g = new ArrayList<>();
        for (Parts.SegmentPart s : p.segments()) {
            g.add(new Parts.SegmentPart(s.x1() + shift[0], s.y1() + shift[1], s.x2() + shift[0], s.y2() + shift[1],
                    s.mass()));
        }
        return new Parts(c, a, g);
    }

    @Override
    public double[] breakpoints() {
        if (dimension() == 2) {
            return bounds();
        }
        double[] b = base.breakpoints().clone();
        for (int i = 0; i < b.length; i++) {
            b[i] += shift[0];
        }
        return b;
    }

    @Override
    public double tailScale() {
        return base.tailScale();
    }

    @Override
    public double[] bounds() {
        double[] b = base.bounds().clone();
        for (int i = 0; i < b.length; i++) {
            b[i] += shift[i / 2];
        }
        return b;
    }
}

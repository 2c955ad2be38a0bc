package org.divergencelab.distribution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The Lebesgue decomposition of a distribution into parts that the exact divergences know how to compare:
 * weighted density components, point masses (atoms) and, in 2-D, uniform measures on line segments.
 * Divergences between measures split over these parts because parts of different kinds are mutually singular.
 *
 * @param continuous weighted components with densities (their weights sum with the rest to 1)
 * @param atoms      point masses
 * @param segments   uniform measures on 2-D segments
 */
public record Parts(List<Weighted> continuous, List<Atom> atoms, List<SegmentPart> segments) {

    public Parts {
        continuous = List.copyOf(continuous);
        atoms = List.copyOf(atoms);
        segments = List.copyOf(segments);
    }

    /** A density component with its mixture weight. */
    public record Weighted(double weight, Distribution component) {
    }

    /** A point mass. */
    public record Atom(double[] position, double mass) {
    }

    /** Mass spread uniformly on the segment from (x1,y1) to (x2,y2). */
    public record SegmentPart(double x1, double y1, double x2, double y2, double mass) {
    }

    public static Parts ofDensity(Distribution d) {
        return new Parts(List.of(new Weighted(1, d)), List.of(), List.of());
    }

    public static Parts ofAtom(double[] position) {
        return new Parts(List.of(), List.of(new Atom(position.clone(), 1)), List.of());
    }

    /** Mass of the density part. */
    public double continuousMass() {
        double m = 0;
        for (Weighted w : continuous) {
            m += w.weight();
        }
        return m;
    }

    /** This decomposition with every mass multiplied by {@code s}. */
    public Parts scaled(double s) {
        List<Weighted> c = new ArrayList<>();
        for (Weighted w : continuous) {
            c.add(new Weighted(w.weight() * s, w.component()));
        }
        List<Atom> a = new ArrayList<>();
        for (Atom at : atoms) {
            a.add(new Atom(at.position(), at.mass() * s));
        }
        List<SegmentPart> g = new ArrayList<>();
        for (SegmentPart sp : segments) {
            g.add(new SegmentPart(sp.x1(), sp.y1(), sp.x2(), sp.y2(), sp.mass() * s));
        }
        return new Parts(c, a, g);
    }

    /** The union of two decompositions. */
    public Parts plus(Parts o) {
        List<Weighted> c = new ArrayList<>(continuous);
        c.addAll(o.continuous);
        List<Atom> a = new ArrayList<>(atoms);
        a.addAll(o.atoms);
        List<SegmentPart> g = new ArrayList<>(segments);
        g.addAll(o.segments);
        return new Parts(c, a, g);
    }

    static Parts empty() {
        return new Parts(Collections.emptyList(), Collections.emptyList(), Collections.emptyList());
    }
}

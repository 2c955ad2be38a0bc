package org.divergencelab.sandbox;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

import org.divergencelab.distribution.Distribution;
import org.divergencelab.distribution.SpecCache;

/**
 * Everything the sandbox shows, as plain values a lecture scene can set: the two distributions as specs
 * (dragging rewrites the spec, so a saved file reproduces the picture exactly), the sample size, the seed,
 * which plan of the bulldozer example is shown, presentation mode and the controls to hide (TF Playground's
 * {@code _hide} flags; ids in {@link #CONTROLS}).
 *
 * @param p          spec of P (the data)
 * @param q          spec of Q (the model, the one you drag)
 * @param samples    sample size n for the estimates, in [{@link #MIN_SAMPLES}, {@link #MAX_SAMPLES}]
 * @param seed       seed of every draw and of the networks' initialisation
 * @param plan       which bulldozer plan the example shows
 * @param presentation full screen with large fonts and controls shown on hover
 * @param hidden     ids of controls a scene hides
 */
public record SandboxState(String p, String q, int samples, long seed, BulldozerExample.Plan plan,
        boolean presentation, Set<String> hidden) {

    /** Sample-size range: below 8 the estimators are meaningless, above 2000 the live plan gets slow. */
    public static final int MIN_SAMPLES = 8;
    public static final int MAX_SAMPLES = 2000;

    /** Ids of the hideable controls. */
    public static final Set<String> CONTROLS = Set.of("presets", "specP", "specQ", "samples", "seed", "brush",
            "importCsv", "estimates", "sweep", "plan", "bulldozer", "critic", "formulas", "saveLoad", "export");

    /** Validates everything; the specs are parsed so a bad state never reaches the views. */
    public SandboxState {
        if (p == null || q == null) {
            throw new IllegalArgumentException("p and q specs are required, got p=" + p + ", q=" + q);
        }
        Distribution dp = parse(p);
        Distribution dq = parse(q);
        if (dp.dimension() != dq.dimension()) {
            throw new IllegalArgumentException("P and Q must have the same dimension, got P " + dp.dimension()
                    + "-D (" + p + ") and Q " + dq.dimension() + "-D (" + q + ")");
        }
        if (samples < MIN_SAMPLES || samples > MAX_SAMPLES) {
            throw new IllegalArgumentException("samples must be in [" + MIN_SAMPLES + ", " + MAX_SAMPLES + "], got "
                    + samples);
        }
        if (plan == null) {
            throw new IllegalArgumentException("plan is required");
        }
        TreeSet<String> h = new TreeSet<>();
        if (hidden != null) {
            for (String id : hidden) {
                if (!CONTROLS.contains(id)) {
                    throw new IllegalArgumentException("unknown control '" + id + "' in hidden; known: "
                            + new TreeSet<>(CONTROLS));
                }
                h.add(id);
            }
        }
        hidden = Collections.unmodifiableSortedSet(h);
    }

    /** The lecture's opening picture: two unit Gaussians, Q four units to the right. */
    public static SandboxState defaults() {
        return new SandboxState("normal(0,0.5)", "normal(4,0.5)", 256, 1, BulldozerExample.Plan.OPTIMAL, false,
                Set.of());
    }

    public Distribution distributionP() {
        return parse(p);
    }

    public Distribution distributionQ() {
        return parse(q);
    }

    // Distributions are immutable, so parsed specs are shared: a drag creates a state per mouse event and a
    // samples(FILE) spec would otherwise re-read its file each time (a file changed on disk is therefore seen
    // only after 64 other specs have pushed it out).
    /** Parses a spec through the shared cache. */
    public static Distribution parse(String spec) {
        return SpecCache.parse(spec);
    }

    public int dimension() {
        return distributionP().dimension();
    }

    public boolean isHidden(String control) {
        return hidden.contains(control);
    }

    public SandboxState withP(String spec) {
        return new SandboxState(spec, q, samples, seed, plan, presentation, hidden);
    }

    public SandboxState withQ(String spec) {
        return new SandboxState(p, spec, samples, seed, plan, presentation, hidden);
    }

    public SandboxState withSpecs(String specP, String specQ) {
        return new SandboxState(specP, specQ, samples, seed, plan, presentation, hidden);
    }

    public SandboxState withSamples(int n) {
        return new SandboxState(p, q, n, seed, plan, presentation, hidden);
    }

    public SandboxState withSeed(long s) {
        return new SandboxState(p, q, samples, s, plan, presentation, hidden);
    }

    public SandboxState withPlan(BulldozerExample.Plan pl) {
        return new SandboxState(p, q, samples, seed, pl, presentation, hidden);
    }

    public SandboxState withPresentation(boolean on) {
        return new SandboxState(p, q, samples, seed, plan, on, hidden);
    }

    public SandboxState withHidden(Set<String> ids) {
        return new SandboxState(p, q, samples, seed, plan, presentation, ids);
    }
}

package org.divergencelab.divergence;

import java.util.ArrayList;
import java.util.List;

import org.divergencelab.distribution.Distribution;
import org.divergencelab.distribution.Normal1;
import org.divergencelab.distribution.Normal2;
import org.divergencelab.distribution.Parts;
import org.divergencelab.distribution.PointCloud;
import org.divergencelab.distribution.Translated;

/**
 * Mode-collapse metrics on Gaussian mixtures (VEEGAN / PacGAN): each sample is assigned to the mode j* with
 * the smallest standardised distance d_j = sqrt(Σ_k (x_k − μ_jk)² / σ_jk²) (diagonal variances), and only
 * when d_j* is below the threshold (3 standard deviations). A mode is captured when at least one sample is
 * assigned to it; the high-quality fraction is assigned samples / all samples.
 */
public final class ModeCoverage {
    private ModeCoverage() {
    }

    /** One mode: its mean and per-axis standard deviation. */
    public record Mode(double[] mean, double[] sd) {
    }

    /**
     * @param modesCaptured       modes with at least one high-quality sample
     * @param modes               number of modes
     * @param highQualityFraction high-quality samples / samples
     * @param counts              high-quality samples per mode
     */
    public record Result(int modesCaptured, int modes, double highQualityFraction, int[] counts) {
    }

    /** The Gaussian components of a mixture as modes (normal, normal2, ring, grid, drawn; translated ones too). */
    public static List<Mode> modesOf(Distribution d) {
        List<Mode> modes = new ArrayList<>();
        Parts parts = d.parts();
        if (!parts.atoms().isEmpty() || !parts.segments().isEmpty()) {
            throw new IllegalArgumentException(d.spec() + " has point masses or segments; modes need Gaussian components");
        }
        for (Parts.Weighted w : parts.continuous()) {
            Distribution c = w.component();
            double[] shift = new double[d.dimension()];
            while (c instanceof Translated t) {
                for (int k = 0; k < shift.length; k++) {
                    shift[k] += t.shift()[k];
                }
                c = t.base();
            }
            if (c instanceof Normal2 g) {
                modes.add(new Mode(new double[] {g.mx() + shift[0], g.my() + shift[1]}, new double[] {g.sx(), g.sy()}));
            } else if (c instanceof Normal1 g) {
                modes.add(new Mode(new double[] {g.mu() + shift[0]}, new double[] {g.sigma()}));
            } else {
                throw new IllegalArgumentException("component " + c.spec() + " of " + d.spec() + " is not Gaussian; "
                        + "mode coverage needs a mixture of Gaussians");
            }
        }
        return modes;
    }

    /** Evaluates {@code samples} against {@code modes} with the given threshold (3 in VEEGAN / PacGAN). */
    public static Result evaluate(List<Mode> modes, PointCloud samples, double threshold) {
        if (modes.isEmpty()) {
            throw new IllegalArgumentException("no modes given");
        }
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("threshold must be > 0, got " + threshold);
        }
        int d = samples.dimension();
        for (Mode m : modes) {
            if (m.mean().length != d) {
                throw new IllegalArgumentException("modes are " + m.mean().length + "-D but samples are " + d + "-D");
            }
        }
        int[] counts = new int[modes.size()];
        int good = 0;
        for (int i = 0; i < samples.size(); i++) {
            double best = Double.POSITIVE_INFINITY;
            int arg = -1;
            for (int j = 0; j < modes.size(); j++) {
                Mode m = modes.get(j);
                double s = 0;
                for (int k = 0; k < d; k++) {
                    double z = (samples.get(i, k) - m.mean()[k]) / m.sd()[k];
                    s += z * z;
                }
                if (s < best) {
                    best = s;
                    arg = j;
                }
            }
            if (Math.sqrt(best) < threshold) {
                counts[arg]++;
                good++;
            }
        }
        int captured = 0;
        for (int c : counts) {
            captured += c > 0 ? 1 : 0;
        }
        return new Result(captured, modes.size(), (double) good / samples.size(), counts);
    }
}

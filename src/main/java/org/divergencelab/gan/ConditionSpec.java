package org.divergencelab.gan;

import java.util.Locale;

/**
 * The condition of a conditional GAN (lecture 001, "Conditional Generation"; 003, "Conditional GAN"): which label y
 * G and D are given beside z and x. Validated by {@link Experiment} (a {@code mode} label needs a mixture).
 *
 * @param label             {@code none} (an ordinary GAN) or {@code mode}: the data mixture's component index,
 *                          K classes, fed to G as [z, onehot(y)] and to D as [x, onehot(y)]
 * @param mismatchNegatives D's negatives include real x paired with a wrong label y' ≠ y (half of each critic
 *                          batch's negatives), not only (G(z, y), y): the lecture's cure for a G that ignores y
 * @param criticSeesLabel   false: D gets zeros where the label would be (the label-blind D of the lecture's
 *                          failure case, which lets G ignore y)
 */
public record ConditionSpec(Label label, boolean mismatchNegatives, boolean criticSeesLabel) {

    /** What the label is. */
    public enum Label {
        /** No condition: an ordinary GAN. */
        NONE,
        /** The index of the data mixture's component a point came from. */
        MODE;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Label parse(String s) {
            for (Label l : values()) {
                if (l.key().equals(s.toLowerCase(Locale.ROOT))) {
                    return l;
                }
            }
            throw new IllegalArgumentException("unknown condition '" + s + "', allowed: none, mode");
        }
    }

    public ConditionSpec {
        if (label == null) {
            throw new IllegalArgumentException("condition.label must not be null");
        }
    }

    /** No condition (what every experiment without a condition group means). */
    public static ConditionSpec none() {
        return new ConditionSpec(Label.NONE, true, true);
    }

    /** The mixture component as the label, D sees it, mismatched pairs among its negatives. */
    public static ConditionSpec mode() {
        return new ConditionSpec(Label.MODE, true, true);
    }

    /** True for a conditional GAN. */
    public boolean conditional() {
        return label != Label.NONE;
    }

    public ConditionSpec withMismatchNegatives(boolean on) {
        return new ConditionSpec(label, on, criticSeesLabel);
    }

    public ConditionSpec withCriticSeesLabel(boolean on) {
        return new ConditionSpec(label, mismatchNegatives, on);
    }
}

package org.divergencelab.gan;

/**
 * The generator's input distribution: {@code dim} independent coordinates, each N(0, 1) or U(−1, 1).
 *
 * @param prior normal or uniform
 * @param dim   latent dimension (validated by {@link Experiment}: 1 to 64)
 */
public record LatentSpec(Prior prior, int dim) {

    /** The latent prior. */
    public enum Prior {
        NORMAL, UNIFORM;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Prior parse(String s) {
            for (Prior p : values()) {
                if (p.key().equals(s.toLowerCase(java.util.Locale.ROOT))) {
                    return p;
                }
            }
            throw new IllegalArgumentException("unknown latent prior '" + s + "', allowed: normal, uniform");
        }
    }

    public LatentSpec {
        if (prior == null) {
            throw new IllegalArgumentException("latent.prior must not be null");
        }
    }

    public static LatentSpec normal(int dim) {
        return new LatentSpec(Prior.NORMAL, dim);
    }

    public static LatentSpec uniform(int dim) {
        return new LatentSpec(Prior.UNIFORM, dim);
    }
}

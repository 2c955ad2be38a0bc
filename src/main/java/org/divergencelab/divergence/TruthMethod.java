package org.divergencelab.divergence;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kind of value a "true" divergence is, carried beside the number so no reader has to parse a label: the
 * {@link #kind}, the sample size behind it ({@link #n}, −1 for none) and the short, stable {@link #label} that
 * metrics files ({@code js_method}, {@code w1_method}, {@code kl_method}), the CLI and the chart legends show.
 * The labels are an interface (other tools read metrics.csv): see docs/ground-truth.md.
 */
public record TruthMethod(Kind kind, int n, String label) {
    /** The kinds of value, from exact to estimated. */
    public enum Kind {
        /** A closed form, exact to rounding ({@code exact}). */
        CLOSED_FORM,
        /** The exact density or CDF integrated by adaptive quadrature, within a stated bound
         * ({@code exact-quadrature(err<E)}). */
        QUADRATURE,
        /** Mutually singular distributions: JS = log 2, TV = 1, KL = ∞ exactly ({@code singular}). */
        SINGULAR,
        /** Exact densities integrated by Monte Carlo on n draws, with a standard error ({@code exact-mc(se=…)}). */
        EXACT_DENSITY_MONTE_CARLO,
        /** Exact optimal transport between n samples of each side, with its sampling floor
         * ({@code ot-n=N(floor=F)}): a sample value. */
        SAMPLE_TRANSPORT,
        /** A kernel density estimate of n samples ({@code kde(n=N)}). */
        KDE,
        /** A histogram estimate of n samples ({@code histogram(n=N)}). */
        HISTOGRAM,
        /** A label this version does not know (read from a newer file). */
        OTHER;

        /** Whether values of this kind are exact (to rounding, or within a stated quadrature bound). */
        public boolean exact() {
            return this == CLOSED_FORM || this == QUADRATURE || this == SINGULAR;
        }
    }

    public TruthMethod {
        if (kind == null || label == null) {
            throw new IllegalArgumentException("a truth method needs a kind and a label");
        }
    }

    /** Whether the value is exact (to rounding, or within a stated quadrature bound). */
    public boolean exact() {
        return kind.exact();
    }

    public static TruthMethod closedForm() {
        return new TruthMethod(Kind.CLOSED_FORM, -1, "exact");
    }

    public static TruthMethod singular() {
        return new TruthMethod(Kind.SINGULAR, -1, "singular");
    }

    /** Quadrature within {@code err} (rounded up to two digits, so the label stays a bound). */
    public static TruthMethod quadrature(double err) {
        return new TruthMethod(Kind.QUADRATURE, -1, "exact-quadrature(err<" + roundUp(err) + ")");
    }

    /** Exact densities, Monte Carlo on n draws with standard error se; {@code detail} is appended ("" or ",…"). */
    public static TruthMethod exactDensityMonteCarlo(double se, int n, String detail) {
        return new TruthMethod(Kind.EXACT_DENSITY_MONTE_CARLO, n, "exact-mc(se=" + fmt(se) + ",n=" + n + detail + ")");
    }

    /** Exact densities on n draws where the value is infinite for the reason given (e.g. a draw with no pre-image). */
    public static TruthMethod exactDensityMonteCarloInfinite(String reason, int n, String detail) {
        return new TruthMethod(Kind.EXACT_DENSITY_MONTE_CARLO, n, "exact-mc(" + reason + ",n=" + n + detail + ")");
    }

    /** Optimal transport between n samples of each side; floor = the W1 of two independent n-draws of P_data. */
    public static TruthMethod sampleTransport(int n, double floor) {
        return new TruthMethod(Kind.SAMPLE_TRANSPORT, n, "ot-n=" + n + "(floor=" + fmt(floor) + ")");
    }

    public static TruthMethod kde(int n) {
        return new TruthMethod(Kind.KDE, n, "kde(n=" + n + ")");
    }

    public static TruthMethod histogram(int n) {
        return new TruthMethod(Kind.HISTOGRAM, n, "histogram(n=" + n + ")");
    }

    private static final Pattern SAMPLE_SIZE = Pattern.compile("n=(\\d+)");

    /**
     * The method a label read back from a metrics file names ("" or null: none). The one place a label is
     * parsed; the app itself builds methods with the factories above.
     */
    public static TruthMethod parse(String label) {
        if (label == null || label.isEmpty()) {
            return null;
        }
        Matcher m = SAMPLE_SIZE.matcher(label);
        int n = m.find() ? Integer.parseInt(m.group(1)) : -1;
        Kind kind;
        if (label.equals("exact")) {
            kind = Kind.CLOSED_FORM;
        } else if (label.equals("singular")) {
            kind = Kind.SINGULAR;
        } else if (label.startsWith("exact-quadrature(")) {
            kind = Kind.QUADRATURE;
        } else if (label.startsWith("exact-mc(")) {
            kind = Kind.EXACT_DENSITY_MONTE_CARLO;
        } else if (label.startsWith("ot-n=")) {
            kind = Kind.SAMPLE_TRANSPORT;
        } else if (label.startsWith("kde(")) {
            kind = Kind.KDE;
        } else if (label.startsWith("histogram(")) {
            kind = Kind.HISTOGRAM;
        } else {
            kind = Kind.OTHER;
        }
        return new TruthMethod(kind, n, label);
    }

    @Override
    public String toString() {
        return label;
    }

    /** Two significant digits, rounded up (so the label stays a bound): 1.21e-13 → "1.3e-13". */
    static String roundUp(double err) {
        if (!(err > 0)) {
            return "1e-300";
        }
        int e = (int) Math.floor(Math.log10(err));
        double m = Math.ceil(err / Math.pow(10, e) * 10 - 1e-9) / 10;
        if (m >= 10) {
            m /= 10;
            e++;
        }
        return String.format(Locale.ROOT, "%.1fe%d", m, e);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}

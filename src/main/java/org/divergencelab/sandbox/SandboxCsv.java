package org.divergencelab.sandbox;

import java.util.Locale;

import org.divergencelab.divergence.DivergenceKind;

/** The sandbox charts' data as CSV text (shortest round-trip decimals; "inf" for ∞, empty for undefined). */
public final class SandboxCsv {
    private SandboxCsv() {
    }

    /** offset, js, kl, kl_reverse, tv, hellinger2, w1: one row per sweep point. */
    public static String sweep(SandboxCompute.Sweep s) {
        StringBuilder b = new StringBuilder("offset,js,kl,kl_reverse,tv,hellinger2,w1\n");
        for (int i = 0; i < s.offsets().length; i++) {
            b.append(num(s.offsets()[i]));
            for (DivergenceKind k : SandboxCompute.KINDS) {
                b.append(',').append(num(s.values().get(k)[i]));
            }
            b.append(',').append(num(s.w1()[i])).append('\n');
        }
        return b.toString();
    }

    /** The shown plan: 1-D, x_p, x_q, mass per non-zero cell of γ; 2-D, x_p, y_p, x_q, y_q, mass per line. */
    public static String plan(SandboxCompute.Frame f) {
        StringBuilder b = new StringBuilder();
        if (f.gamma() != null) {
            b.append("x_p,x_q,mass\n");
            int n = f.bins();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double m = f.gamma()[i * n + j];
                    if (m > 0) {
                        b.append(num(f.binCenters()[i])).append(',').append(num(f.binCenters()[j])).append(',')
                                .append(num(m)).append('\n');
                    }
                }
            }
        } else {
            b.append("x_p,y_p,x_q,y_q,mass\n");
            double[][] l = f.lines();
            for (int e = 0; e < l[0].length; e++) {
                b.append(num(l[0][e])).append(',').append(num(l[1][e])).append(',').append(num(l[2][e])).append(',')
                        .append(num(l[3][e])).append(',').append(num(l[4][e])).append('\n');
            }
        }
        return b.toString();
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%s", v);
    }
}

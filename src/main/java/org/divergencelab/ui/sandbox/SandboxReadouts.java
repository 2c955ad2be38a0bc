package org.divergencelab.ui.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.divergencelab.divergence.DivergenceKind;
import org.divergencelab.sandbox.SandboxCompute;
import org.divergencelab.ui.i18n.I18n;

/**
 * The sandbox's read-out table: each quantity's true value and its estimate from n samples (plus the live
 * discriminator and critic), formatted with ∞ for infinity and — for undefined.
 */
final class SandboxReadouts {
    private static final double LOG2 = Math.log(2);

    private final I18n i18n;
    private final GridPane grid;
    private final Map<String, Label> truthLabels = new HashMap<>();
    private final Map<String, Label> estimateLabels = new HashMap<>();
    /** The estimate column's header and the rows that only have an estimate (hidden with "estimates"). */
    private final List<Node> estimateOnly = new ArrayList<>();
    private org.divergencelab.ui.theme.Units units;
    private SandboxCompute.Frame lastTruth;
    private SandboxCompute.Learned lastLearned;

    /** {@code samples}: the sample size the estimate column's header names. */
    SandboxReadouts(I18n i18n, ObservableValue<? extends Number> samples) {
        this.i18n = i18n;
        grid = new GridPane();
        grid.setId("sandbox-readouts");
        grid.setHgap(12);
        grid.setVgap(4);
        grid.add(boundLabel("sandbox.readout.quantity", "section-title"), 0, 0);
        grid.add(boundLabel("sandbox.readout.true", "section-title"), 1, 0);
        Label estHeader = new Label();
        estHeader.getStyleClass().add("section-title");
        estHeader.textProperty().bind(i18n.format("sandbox.readout.estimate", samples));
        estHeader.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.add(estHeader, 2, 0);
        estimateOnly.add(estHeader);
        String[][] rows = {{"js", "sandbox.readout.js"}, {"kl", "sandbox.readout.kl"}, {"klr", "sandbox.readout.klr"},
            {"tv", "sandbox.readout.tv"}, {"h2", "sandbox.readout.h2"}, {"w1", "sandbox.readout.w1"},
            {"plancost", "sandbox.readout.plancost"}, {"djs", "sandbox.readout.djs"},
            {"dacc", "sandbox.readout.dacc"}, {"criticw", "sandbox.readout.criticw"}};
        int r = 1;
        for (String[] row : rows) {
            Label name = boundLabel(row[1], null);
            grid.add(name, 0, r);
            Label t = new Label("…");
            t.setId("truth-" + row[0]);
            Label e = new Label("…");
            e.setId("estimate-" + row[0]);
            // numbers never elide; the quantity column wraps instead
            t.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            e.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            truthLabels.put(row[0], t);
            estimateLabels.put(row[0], e);
            grid.add(t, 1, r);
            grid.add(e, 2, r);
            if (List.of("djs", "dacc", "criticw").contains(row[0])) {
                estimateOnly.addAll(List.of(name, t));
            }
            r++;
        }
        for (String k : new String[] {"plancost"}) {
            estimateLabels.get(k).setText("");
        }
        for (String k : new String[] {"djs", "dacc", "criticw"}) {
            truthLabels.get(k).setText("");
        }
    }

    GridPane node() {
        return grid;
    }

    /** The true column, from a frame. */
    void showTruth(SandboxCompute.Frame f) {
        SandboxCompute.Readout t = f.truth();
        lastTruth = f;
        for (DivergenceKind k : SandboxCompute.KINDS) {
            truthLabels.get(key(k)).setText(divergence(k, t.get(k), k == DivergenceKind.JS));
        }
        truthLabels.get("w1").setText(format(t.w1(), false));
        truthLabels.get("plancost").setText(format(f.planCost(), false));
    }

    /** The estimate column (∞ where the estimates' supports are disjoint), discriminator and critic. */
    void showEstimates(SandboxCompute.Learned l) {
        lastLearned = l;
        SandboxCompute.Readout e = l.estimate();
        for (DivergenceKind k : SandboxCompute.KINDS) {
            estimateLabels.get(key(k)).setText(divergence(k, e.get(k), false));
        }
        estimateLabels.get("w1").setText(format(e.w1(), false));
        estimateLabels.get("djs").setText(divergence(DivergenceKind.JS, l.discriminator().jsEstimate(), false));
        estimateLabels.get("dacc").setText(String.format(Locale.ROOT, "%.1f %%", 100 * l.discriminator().accuracy()));
        estimateLabels.get("criticw").setText(l.critic() == null ? "—" : format(l.critic().boundW(), false));
    }

    /** Shows or hides the estimate column and the estimate-only rows. */
    void showEstimateColumn(boolean est) {
        for (Label l : estimateLabels.values()) {
            l.setVisible(est);
            l.setManaged(est);
        }
        for (Node n : estimateOnly) {
            n.setVisible(est);
            n.setManaged(est);
        }
    }

    private Label boundLabel(String key, String styleClass) {
        return boundLabel(i18n, key, styleClass);
    }

    /** A wrapping label whose text follows the bundle key (and the language). */
    static Label boundLabel(I18n i18n, String key, String styleClass) {
        Label l = new Label();
        l.textProperty().bind(i18n.get(key));
        l.setWrapText(true);
        if (styleClass != null) {
            l.getStyleClass().add(styleClass);
        }
        return l;
    }

    /** Nats or bits (View → Divergences in): a switch shows the last numbers again in the new unit. */
    void useUnits(org.divergencelab.ui.theme.Units u) {
        units = u;
        u.logBaseProperty().addListener((o, a, b) -> {
            if (lastTruth != null) {
                showTruth(lastTruth);
            }
            if (lastLearned != null) {
                showEstimates(lastLearned);
            }
        });
    }

    /** A divergence in the unit shown when it is a logarithm (JS, both KLs; TV and Hellinger² are plain); "= log 2" at JS's ceiling. */
    private String divergence(DivergenceKind k, double nats, boolean markLog2) {
        boolean log = k == DivergenceKind.JS || k == DivergenceKind.KL || k == DivergenceKind.KL_REVERSE;
        String s = !log || units == null ? format(nats, false) : units.format(i18n, nats, 4);
        return markLog2 && Math.abs(nats - LOG2) < 1e-9 ? s + "  " + i18n.text("sandbox.log2") : s;
    }

    /** ∞ for infinity, — for undefined, "= log 2" when JS is at its ceiling (to 1e-9). */
    String format(double v, boolean markLog2) {
        if (Double.isNaN(v)) {
            return "—";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        String s = String.format(Locale.ROOT, "%.4f", v);
        if (markLog2 && Math.abs(v - LOG2) < 1e-9) {
            s += "  " + i18n.text("sandbox.log2");
        }
        return s;
    }

    static String key(DivergenceKind k) {
        return switch (k) {
            case JS -> "js";
            case KL -> "kl";
            case KL_REVERSE -> "klr";
            case TV -> "tv";
            case HELLINGER -> "h2";
            default -> throw new IllegalArgumentException(k.toString());
        };
    }

}

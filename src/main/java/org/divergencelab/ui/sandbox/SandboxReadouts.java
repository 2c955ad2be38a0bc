package org.divergencelab.ui.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.divergencelab.divergence.DivergenceKind;
import org.divergencelab.sandbox.SandboxCompute;
import org.divergencelab.sandbox.ValueMethod;
import org.divergencelab.ui.i18n.I18n;

/**
 * The sandbox's read-out table: each quantity's true value and its estimate from n samples (plus the live
 * discriminator and critic), formatted with ∞ for infinity and — for undefined, each with a small line saying
 * what it is (exact, quadrature, or a sample value with its n and floor: issue 12). While the estimates are
 * being recomputed they are dimmed under a "computing…" hint.
 */
final class SandboxReadouts {
    private static final double LOG2 = Math.log(2);

    private final I18n i18n;
    private final GridPane grid;
    private final Map<String, Label> truthLabels = new HashMap<>();
    private final Map<String, Label> estimateLabels = new HashMap<>();
    private final Map<String, Label> truthMethods = new HashMap<>();
    private final Map<String, Label> estimateMethods = new HashMap<>();
    private final Label computing = new Label();
    private SandboxCompute.Frame shownFrame;
    private SandboxCompute.Learned shownLearned;
    private boolean onRelease;
    /** The estimate column's header and the rows that only have an estimate (hidden with "estimates"). */
    private final List<Node> estimateOnly = new ArrayList<>();
    private org.divergencelab.ui.theme.Units units;

    /** {@code samples}: the sample size the estimate column's header names. */
    SandboxReadouts(I18n i18n, ObservableValue<? extends Number> samples) {
        this.i18n = i18n;
        grid = new GridPane();
        grid.setId("sandbox-readouts");
        grid.setHgap(12);
        grid.setVgap(4);
        Label quantityHeader = boundLabel("sandbox.readout.quantity", "section-title");
        // one word: the column may wrap its rows' names, never break this heading inside the word ("quantit|y")
        quantityHeader.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.add(quantityHeader, 0, 0);
        grid.add(boundLabel("sandbox.readout.true", "section-title"), 1, 0);
        Label estHeader = new Label();
        estHeader.getStyleClass().add("section-title");
        estHeader.textProperty().bind(i18n.format("sandbox.readout.estimate", samples));
        estHeader.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        computing.setId("sandbox-computing");
        computing.getStyleClass().add("sandbox-method");
        ProgressIndicator spin = new ProgressIndicator();
        spin.setPrefSize(12, 12);
        spin.setMaxSize(12, 12);
        computing.setGraphic(spin);
        computing.setVisible(false);
        VBox estHead = new VBox(1, estHeader, computing);
        grid.add(estHead, 2, 0);
        estimateOnly.add(estHead);
        // the headers line up at the top (the estimate's has the hint's line under it)
        for (Node h : grid.getChildren()) {
            GridPane.setValignment(h, javafx.geometry.VPos.TOP);
        }
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
            Label tm = methodLabel("truth-" + row[0] + "-method");
            Label em = methodLabel("estimate-" + row[0] + "-method");
            truthMethods.put(row[0], tm);
            estimateMethods.put(row[0], em);
            VBox tc = new VBox(0, t, tm);
            VBox ec = new VBox(0, e, em);
            grid.add(tc, 1, r);
            grid.add(ec, 2, r);
            if (List.of("djs", "dacc", "criticw").contains(row[0])) {
                estimateOnly.addAll(List.of(name, tc));
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

    private static Label methodLabel(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("sandbox-method");
        l.setStyle("-fx-font-size: 0.8em;");
        l.setWrapText(true);
        l.setMaxWidth(150);
        return l;
    }

    /** The true column, from a frame. */
    void showTruth(SandboxCompute.Frame f) {
        SandboxCompute.Readout t = f.truth();
        for (DivergenceKind k : SandboxCompute.KINDS) {
            // a drag frame without the slow 2-D f-divergences: the last ones stay, dimmed, until release
            truthLabels.get(key(k)).setOpacity(f.complete() ? 1 : 0.4);
            truthMethods.get(key(k)).setOpacity(f.complete() ? 1 : 0.4);
            if (f.complete()) {
                truthLabels.get(key(k)).setText(divergence(k, t.get(k), k == DivergenceKind.JS));
                truthMethods.get(key(k)).setText(methodText(f.method(k)));
            } else {
                truthMethods.get(key(k)).setText(i18n.text("sandbox.computing.onRelease"));
            }
        }
        if (f.complete()) {
            shownFrame = f;
        }
        truthLabels.get("w1").setText(format(t.w1(), false));
        truthMethods.get("w1").setText(methodText(f.w1Method()));
        truthLabels.get("plancost").setText(format(f.planCost(), false));
        truthMethods.get("plancost").setText(methodText(f.planMethod()));
    }

    /** The estimate column (∞ where the estimates' supports are disjoint), discriminator and critic. */
    void showEstimates(SandboxCompute.Learned l) {
        shownLearned = l;
        SandboxCompute.Readout e = l.estimate();
        int n = l.state().samples();
        for (DivergenceKind k : SandboxCompute.KINDS) {
            estimateLabels.get(key(k)).setText(divergence(k, e.get(k), false));
            estimateMethods.get(key(k)).setText(methodText(Double.isNaN(e.get(k)) ? ValueMethod.UNDEFINED
                    : ValueMethod.kde(n)));
        }
        estimateLabels.get("w1").setText(format(e.w1(), false));
        estimateMethods.get("w1").setText(methodText(l.w1Method()));
        estimateLabels.get("djs").setText(divergence(DivergenceKind.JS, l.discriminator().jsEstimate(), false));
        estimateLabels.get("dacc").setText(String.format(Locale.ROOT, "%.1f %%", 100 * l.discriminator().accuracy()));
        estimateLabels.get("criticw").setText(l.critic() == null ? "—" : format(l.critic().boundW(), false));
        for (String k : new String[] {"djs", "dacc", "criticw"}) {
            estimateMethods.get(k).setText(k.equals("criticw") && l.critic() == null ? ""
                    : methodText(ValueMethod.trained(n)));
        }
    }

    /** Re-says the method lines in the current language. */
    void refreshTexts() {
        if (shownFrame != null) {
            showTruth(shownFrame);
        }
        if (shownLearned != null) {
            showEstimates(shownLearned);
        }
        setComputing(computing.isVisible(), onRelease);
    }

    /**
     * Dims the estimate column and shows the hint while newer estimates are being computed ({@code onRelease}:
     * a drag is in progress, and they follow when the button is let go).
     */
    void setComputing(boolean on, boolean onRelease) {
        this.onRelease = onRelease;
        computing.setVisible(on);
        computing.setText(i18n.text(onRelease ? "sandbox.computing.onRelease" : "sandbox.computing"));
        computing.getGraphic().setVisible(on && !onRelease);
        for (Map<String, Label> m : List.of(estimateLabels, estimateMethods)) {
            for (Label l : m.values()) {
                l.setOpacity(on ? 0.4 : 1);
            }
        }
    }

    /** True while the hint shows. */
    boolean computing() {
        return computing.isVisible();
    }

    /** What {@code m} is, in the current language. */
    String methodText(ValueMethod m) {
        return switch (m.kind()) {
            case EXACT -> i18n.text("sandbox.method.exact");
            case QUADRATURE -> i18n.text("sandbox.method.quadrature", ValueMethod.g(m.bound()));
            case DISCRETE_OT -> i18n.text("sandbox.method.discreteOt");
            case SAMPLE_OT -> i18n.text("sandbox.method.sampleOt", Integer.toString(m.n()), ValueMethod.g(m.bound()));
            case KDE -> i18n.text("sandbox.method.kde", Integer.toString(m.n()));
            case BINNED -> i18n.text("sandbox.method.binned", Integer.toString((int) m.bound()),
                    Integer.toString(m.n()));
            case TRAINED -> i18n.text("sandbox.method.trained", Integer.toString(m.n()));
            case UNDEFINED -> i18n.text("sandbox.method.undefined");
        };
    }

    /** Shows or hides the estimate column and the estimate-only rows. */
    void showEstimateColumn(boolean est) {
        for (Map<String, Label> m : List.of(estimateLabels, estimateMethods)) {
            for (Label l : m.values()) {
                l.setVisible(est);
                l.setManaged(est);
            }
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
        u.logBaseProperty().addListener((o, a, b) -> refreshTexts());
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

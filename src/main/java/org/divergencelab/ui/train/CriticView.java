package org.divergencelab.ui.train;

import javafx.scene.Node;
import javafx.scene.layout.StackPane;

import org.divergencelab.gan.Objective;
import org.divergencelab.gan.Snapshot;
import org.divergencelab.training.TrainingSession;
import org.divergencelab.training.ViewData;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.plot.ArrowLayer;
import org.divergencelab.ui.plot.ColorMap;
import org.divergencelab.ui.plot.CurveLayer;
import org.divergencelab.ui.plot.DensityPlot;
import org.divergencelab.ui.plot.Field;
import org.divergencelab.ui.plot.HeatmapLayer;
import org.divergencelab.ui.plot.Range;
import org.divergencelab.ui.plot.ScatterLayer;
import org.divergencelab.ui.plot.ScatterPlot;
import org.divergencelab.ui.theme.Theme;
import org.divergencelab.ui.theme.ThemeManager;

/**
 * The discriminator / critic. 1-D: D(x) with the optimal D*(x) = p_data / (p_data + p_G) on a [0, 1] axis
 * (GAN family) or the critic f(x) (WGAN family), arrows of ∇x at the generated samples. 2-D: heatmap with
 * contours and a colour bar, the samples, arrows of ∇x D at the fakes (where the generator moves them).
 */
final class CriticView {
    /** Palette index of D / f and of its gradient arrows (distinct from real = 0 and generated = 1). */
    private static final int CRITIC = 2;
    private static final int OPTIMAL = 3;
    private static final int ARROWS = 5;

    /** Most arrows drawn in 2-D. */
    private static final int MAX_ARROWS = 128;

    private final I18n i18n;
    final DensityPlot curve;
    final ScatterPlot surface;
    private final StackPane root = new StackPane();
    private TrainingSession.PanelState last;

    CriticView(I18n i18n, ThemeManager themes, String idPrefix) {
        this.i18n = i18n;
        curve = themes.style(new DensityPlot());
        surface = themes.style(new ScatterPlot());
        curve.setId(idPrefix + "critic-1d");
        surface.setId(idPrefix + "critic-2d");
        root.getChildren().addAll(curve, surface);
        surface.setVisible(false);
        relabel();
    }

    Node node() {
        return root;
    }

    void relabel() {
        if (last != null) {
            show(last);
        } else {
            curve.setTitle(i18n.text("train.view.discriminator"));
            surface.setTitle(i18n.text("train.view.discriminator"));
        }
    }

    /** True when the field is the critic f(x) of a WGAN rather than a probability D(x). */
    private static boolean wasserstein(Snapshot s) {
        return s.estimate().divergence() == Objective.Estimated.W1;
    }

    private static double[] every(double[] a, int k) {
        double[] out = new double[(a.length + k - 1) / k];
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i * k];
        }
        return out;
    }

    void show(TrainingSession.PanelState p) {
        last = p;
        Snapshot s = p.snapshot();
        ViewData d = p.data();
        boolean w = wasserstein(s);
        boolean probability = p.experiment().objective().kind() == Objective.Kind.MINIMAX
                || p.experiment().objective().kind() == Objective.Kind.NON_SATURATING;
        boolean conditional = p.experiment().condition().conditional();
        // a conditional critic's field is D(x, y) averaged over y with the data's weights (gan.Evaluation)
        String title = i18n.text(conditional ? (w ? "train.view.criticConditional" : "train.view.discriminatorConditional")
                : w ? "train.view.critic" : "train.view.discriminator");
        String quantity = i18n.text(w ? "train.axis.critic" : "train.axis.d");
        Snapshot.CriticField f = s.criticField();
        double[] grads = s.criticGradients();
        boolean one = s.dimension() == 1;
        curve.setVisible(one);
        surface.setVisible(!one);
        if (f == null) {
            return;
        }
        if (one) {
            curve.setTitle(title);
            double[] xs = new double[f.resolution()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = f.lo()[0] + (f.hi()[0] - f.lo()[0]) * i / (xs.length - 1);
            }
            double[] fake = s.fake();
            curve.layers().clear();
            if (probability) {
                curve.setSecondaryAxis(new Range(0, 1), quantity);
                curve.setAxisLabels(i18n.text("train.axis.x"), i18n.text("train.axis.density"));
                java.util.List<CurveLayer> cs = new java.util.ArrayList<>();
                if (d.dataPdf() != null) {
                    cs.add(new CurveLayer(i18n.text("train.legend.pdata"), d.xs(), d.dataPdf(), Theme.REAL, null, true,
                            false, 0.15));
                }
                cs.add(new CurveLayer(i18n.text("train.legend.pg"), d.xs(), d.fakePdf(), Theme.GENERATED, null, false,
                        false, 0.15));
                cs.add(new CurveLayer(quantity, xs, f.values(), CRITIC, null, false, true, 0));
                // D* = p_data / (p_data + p_G) is the optimum of a D that sees x alone, not of a D(x, y)
                if (d.optimalD() != null && !conditional) {
                    cs.add(new CurveLayer(i18n.text("train.legend.optimalD"), d.xs(), d.optimalD(), OPTIMAL, null, true,
                            true, 0));
                }
                curve.setCurves(cs);
                if (grads != null) {
                    // Horizontal arrows riding on the KDE of p_G: where each fake is pushed.
                    curve.layers().add(new ArrowLayer(i18n.text("train.legend.grad"), fake, d.kdeAtFake(), grads,
                            Pts.zeros(fake.length), ARROWS));
                }
            } else {
                curve.setSecondaryAxis(null, null);
                curve.setAxisLabels(i18n.text("train.axis.x"), quantity);
                curve.setCurves(new CurveLayer(quantity, xs, f.values(), CRITIC));
                if (grads != null && d.criticAtFake() != null) {
                    curve.layers().add(new ArrowLayer(i18n.text("train.legend.gradF"), fake, d.criticAtFake(), grads,
                            Pts.zeros(fake.length), ARROWS));
                }
            }
            curve.setHistograms();
            return;
        }
        surface.setTitle(title);
        surface.setAxisLabels(i18n.text("train.axis.x1"), i18n.text("train.axis.x2"));
        HeatmapLayer.Builder b = HeatmapLayer.of(new Field(f.values(), f.resolution(), f.resolution(), f.lo()[0],
                f.hi()[0], f.lo()[1], f.hi()[1])).contours(8).colorBarLabel(quantity);
        if (probability) {
            b.colorMap(ColorMap.DIVERGING).range(new Range(0, 1));
        } else {
            b.colorMap(ColorMap.VIRIDIS);
        }
        surface.setBackgroundField(b.build());
        double[] real = s.real();
        double[] fake = s.fake();
        double[] fx = Pts.coord(fake, 2, 0);
        double[] fy = Pts.coord(fake, 2, 1);
        surface.setSeries(new ScatterLayer(i18n.text("train.legend.fake"), fx, fy, Theme.GENERATED, null, 0.8, true),
                new ScatterLayer(i18n.text("train.legend.real"), Pts.coord(real, 2, 0), Pts.coord(real, 2, 1), Theme.REAL,
                null, 1.2, false));
        if (grads != null) {
            // The generator's loss pushes each fake along +∇x of the raw critic score (D and f alike). At most
            // MAX_ARROWS arrows (every k-th fake) so the field stays readable.
            int k = (fx.length + MAX_ARROWS - 1) / MAX_ARROWS;
            double[] gx = Pts.coord(grads, 2, 0);
            double[] gy = Pts.coord(grads, 2, 1);
            surface.setArrows(new ArrowLayer(i18n.text(w ? "train.legend.gradF" : "train.legend.grad"), every(fx, k),
                    every(fy, k), every(gx, k), every(gy, k), ARROWS, null, 0.06));
        } else {
            surface.setArrows(null);
        }
    }
}

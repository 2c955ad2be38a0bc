package org.divergencelab.ui.train;

import javafx.scene.Node;
import javafx.scene.layout.StackPane;

import org.divergencelab.gan.Snapshot;
import org.divergencelab.training.TrainingSession;
import org.divergencelab.training.ViewData;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.plot.ColorMap;
import org.divergencelab.ui.plot.CurveLayer;
import org.divergencelab.ui.plot.DensityPlot;
import org.divergencelab.ui.plot.Field;
import org.divergencelab.ui.plot.HeatmapLayer;
import org.divergencelab.ui.plot.HistogramLayer;
import org.divergencelab.ui.plot.ScatterLayer;
import org.divergencelab.ui.plot.ScatterPlot;
import org.divergencelab.ui.theme.Theme;
import org.divergencelab.ui.theme.ThemeManager;

/**
 * Real vs generated samples. 1-D: histograms of both evaluation samples, the true data density (dashed)
 * and a KDE of P_G; 2-D: both clouds over contours of the data density.
 */
final class SamplesView {
    private final I18n i18n;
    final DensityPlot density;
    final ScatterPlot scatter;
    private final StackPane root = new StackPane();
    private TrainingSession.PanelState last;
    /** The next frame follows a Step G: draw the previous fakes (or p_G) faintly under the new ones. */
    private boolean ghostNext;
    /** Whether the frame shown now has a ghost (tests). */
    boolean ghostShown;

    /** The next {@link #show} draws the fakes before it as a faint ghost (what one generator step moved). */
    void ghostNext() {
        ghostNext = true;
    }

    SamplesView(I18n i18n, ThemeManager themes, String idPrefix) {
        this.i18n = i18n;
        density = themes.style(new DensityPlot());
        scatter = themes.style(new ScatterPlot());
        density.setId(idPrefix + "samples-1d");
        scatter.setId(idPrefix + "samples-2d");
        root.getChildren().addAll(density, scatter);
        scatter.setVisible(false);
        relabel();
    }

    Node node() {
        return root;
    }

    void relabel() {
        density.setTitle(i18n.text("train.view.samples"));
        scatter.setTitle(i18n.text("train.view.samples"));
        density.setAxisLabels(i18n.text("train.axis.x"), i18n.text("train.axis.density"));
        scatter.setAxisLabels(i18n.text("train.axis.x1"), i18n.text("train.axis.x2"));
        if (last != null) {
            show(last);
        }
    }

    void show(TrainingSession.PanelState p) {
        TrainingSession.PanelState before = last;
        boolean ghost = ghostNext && before != null && before.snapshot().dimension() == p.snapshot().dimension()
                && before != p;
        if (before != p) {
            ghostNext = false;
        }
        ghostShown = ghost;
        last = p;
        Snapshot s = p.snapshot();
        ViewData d = p.data();
        boolean one = s.dimension() == 1;
        density.setVisible(one);
        scatter.setVisible(!one);
        if (one) {
            // a conditional run's 1-D histograms pool all labels (the marginal P_G); the title gives G's label accuracy
            density.setTitle(s.labels() == null ? i18n.text("train.view.samples") : i18n.text(
                    "train.view.samplesConditional1d", String.format(java.util.Locale.ROOT, "%.3f", s.labelAccuracy()),
                    p.experiment().labelCount()));
            density.setHistograms(new HistogramLayer(i18n.text("train.legend.real"), d.edges(), d.realHist(), Theme.REAL),
                    new HistogramLayer(i18n.text("train.legend.fake"), d.edges(), d.fakeHist(), Theme.GENERATED));
            CurveLayer kde = new CurveLayer(i18n.text("train.legend.pg"), d.xs(), d.fakePdf(), Theme.GENERATED);
            java.util.List<CurveLayer> curves = new java.util.ArrayList<>();
            if (ghost) {
                ViewData old = before.data();
                curves.add(new CurveLayer(i18n.text("train.legend.ghost"), old.xs(), old.fakePdf(), Theme.GENERATED,
                        ghostColour(), true, false, 0));
            }
            if (d.dataPdf() != null) {
                curves.add(new CurveLayer(i18n.text("train.legend.pdata"), d.xs(), d.dataPdf(), Theme.REAL, null,
                        true, false, 0));
            }
            curves.add(kde);
            density.setCurves(curves.toArray(CurveLayer[]::new));
            return;
        }
        double[] real = s.real();
        double[] fake = s.fake();
        if (d.dataPdf() != null) {
            double[] b = d.box();
            scatter.setBackgroundField(HeatmapLayer.of(new Field(d.dataPdf(), d.gridN(), d.gridN(), b[0], b[1], b[2], b[3]))
                    .colorMap(ColorMap.GREYS).contours(4).colorBar(false).opacity(0.01).build());
        } else {
            scatter.setBackgroundField(null);
        }
        ScatterLayer realLayer = new ScatterLayer(i18n.text("train.legend.real"), Pts.coord(real, 2, 0),
                Pts.coord(real, 2, 1), Theme.REAL, null, 1.5, false);
        int[] labels = s.labels();
        if (labels != null) {
            int k = p.experiment().labelCount();
            scatter.setTitle(i18n.text("train.view.samplesConditional", String.format(java.util.Locale.ROOT, "%.3f",
                    s.labelAccuracy()), k));
            scatter.setSeries(conditionalFakes(fake, labels, k, realLayer));
            return;
        }
        scatter.setTitle(i18n.text("train.view.samples"));
        // Real drawn last and larger: tight modes (σ = 0.02) must stay visible under a cloud of fakes.
        ScatterLayer fakes = new ScatterLayer(i18n.text("train.legend.fake"), Pts.coord(fake, 2, 0),
                Pts.coord(fake, 2, 1), Theme.GENERATED, null, 1, true);
        if (ghost) {
            double[] old = before.snapshot().fake();
            scatter.setSeries(new ScatterLayer(i18n.text("train.legend.ghost"), Pts.coord(old, 2, 0),
                    Pts.coord(old, 2, 1), Theme.GENERATED, ghostColour(), 1, true), fakes, realLayer);
        } else {
            scatter.setSeries(fakes, realLayer);
        }
    }

    /** The ghost of the previous fakes: the generated colour, faint. */
    private javafx.scene.paint.Color ghostColour() {
        javafx.scene.paint.Color c = density.getTheme().series(Theme.GENERATED);
        return new javafx.scene.paint.Color(c.getRed(), c.getGreen(), c.getBlue(), 0.25);
    }

    /**
     * A conditional GAN's fakes G(z, y), one hollow layer per label y coloured by a hue wheel (K may exceed the
     * theme's palette), real points last; one legend entry says what the colours are.
     */
    private ScatterLayer[] conditionalFakes(double[] fake, int[] labels, int k, ScatterLayer real) {
        ScatterLayer[] layers = new ScatterLayer[k + 1];
        for (int c = 0; c < k; c++) {
            int n = 0;
            for (int y : labels) {
                n += y == c ? 1 : 0;
            }
            double[] xs = new double[n];
            double[] ys = new double[n];
            for (int i = 0, j = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    xs[j] = fake[2 * i];
                    ys[j++] = fake[2 * i + 1];
                }
            }
            layers[c] = new ScatterLayer(c == 0 ? i18n.text("train.legend.fakeByLabel") : "", xs, ys, Theme.GENERATED,
                    javafx.scene.paint.Color.hsb(360.0 * c / k, 0.85, 0.85), 1, true);
        }
        layers[k] = real;
        return layers;
    }
}

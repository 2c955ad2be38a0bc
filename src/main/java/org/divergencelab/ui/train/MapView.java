package org.divergencelab.ui.train;

import javafx.scene.Node;

import org.divergencelab.gan.Snapshot;
import org.divergencelab.training.TrainingSession;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.plot.CurveLayer;
import org.divergencelab.ui.plot.GridLayer;
import org.divergencelab.ui.plot.ScatterLayer;
import org.divergencelab.ui.plot.WarpedGrid;
import org.divergencelab.ui.theme.Theme;
import org.divergencelab.ui.theme.ThemeManager;

/**
 * The generator map. 1-D data: the lecture's five latent points z joined by lines to G(z); 2-D latent and
 * data: the image of a latent grid; 1-D latent into 2-D data: the image curve with the five points.
 */
final class MapView {
    /** The lecture draws five latent points. */
    static final int POINTS = 5;

    private final I18n i18n;
    final WarpedGrid grid;
    private TrainingSession.PanelState last;

    MapView(I18n i18n, ThemeManager themes, String idPrefix) {
        this.i18n = i18n;
        grid = themes.style(new WarpedGrid());
        grid.setId(idPrefix + "map");
        relabel();
    }

    Node node() {
        return grid;
    }

    void relabel() {
        grid.setTitle(i18n.text("train.view.map"));
        grid.setMappingLabels(i18n.text("train.axis.z"), i18n.text("train.axis.x"));
        if (last != null) {
            show(last);
        }
    }

    /** Indices of five evenly spaced points among {@code n} (ends included). */
    static int[] fiveOf(int n) {
        int[] idx = new int[POINTS];
        for (int k = 0; k < POINTS; k++) {
            idx[k] = (int) Math.round(k * (n - 1) / (double) (POINTS - 1));
        }
        return idx;
    }

    void show(TrainingSession.PanelState p) {
        last = p;
        // a conditional G's map is drawn for its first label (gan.Evaluation)
        grid.setTitle(i18n.text(p.experiment().condition().conditional() ? "train.view.mapConditional"
                : "train.view.map"));
        Snapshot.GeneratorMap m = p.snapshot().generatorMap();
        if (m == null) {
            return;
        }
        int n = m.resolution();
        int ld = m.latentDim();
        double[] z = m.z();
        double[] x = m.x();
        grid.layers().clear();
        if (m.dataDim() == 1) {
            // One latent axis (for 2 axes: the middle row, other latent coordinates 0).
            int row = m.axes() == 2 ? n / 2 : 0;
            int[] idx = fiveOf(n);
            double[] zs = new double[POINTS];
            double[] xs = new double[POINTS];
            for (int k = 0; k < POINTS; k++) {
                int pt = row * n + idx[k];
                zs[k] = z[pt * ld];
                xs[k] = x[pt];
            }
            grid.axes().setAspectLocked(false);
            grid.setMapping(zs, xs);
            double mean = p.data().dataMean();
            grid.setDataMarker(mean, i18n.text("train.legend.mse", String.format(i18n.getLocale(), "%.2f",
                    Math.round(mean * 100) / 100.0 + 0.0)));
            return;
        }
        grid.setDataMarker(Double.NaN, "");
        grid.axes().setAspectLocked(true);
        grid.setAxisLabels(i18n.text("train.axis.x1"), i18n.text("train.axis.x2"));
        double[] real = p.snapshot().real();
        ScatterLayer data = new ScatterLayer(i18n.text("train.legend.real"), Pts.coord(real, 2, 0), Pts.coord(real, 2, 1),
                Theme.REAL, null, 0.5, false);
        if (m.axes() == 2) {
            grid.setGrid(new GridLayer(i18n.text("train.legend.grid"), n, n, Pts.coord(x, 2, 0), Pts.coord(x, 2, 1), 4, 6));
            grid.layers().add(0, data);
            return;
        }
        grid.setGrid(null);
        int[] idx = fiveOf(n);
        double[] px = new double[POINTS];
        double[] py = new double[POINTS];
        for (int k = 0; k < POINTS; k++) {
            px[k] = x[idx[k] * 2];
            py[k] = x[idx[k] * 2 + 1];
        }
        grid.layers().addAll(data, new CurveLayer(i18n.text("train.legend.image"), Pts.coord(x, 2, 0), Pts.coord(x, 2, 1),
                Theme.GENERATED), new ScatterLayer(i18n.text("train.legend.five"), px, py, 4, null, 1.6, false));
    }
}

package org.divergencelab.ui.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.text.Font;

import org.divergencelab.ui.FxTestSupport;
import org.divergencelab.ui.theme.Theme;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Geometry of the layers, read off a recording painter. */
class LayersTest {

    private static Axes axes;

    @BeforeAll
    static void fx() throws Exception {
        FxTestSupport.start();
        axes = new Axes().setXRange(new Range(0, 10)).setYRange(new Range(0, 10));
        axes.layout(0, 0, 600, 400, null, null, Theme.LIGHT, Font.getDefault().getFamily(), 0);
    }

    @Test
    void longestArrowIsTheAskedFractionAndDirectionsAreKept() {
        ArrowLayer a = new ArrowLayer("", new double[] {2, 5}, new double[] {2, 5}, new double[] {1, 0},
                new double[] {0, -3}, 0, null, 0.1);
        RecordingPainter p = new RecordingPainter();
        a.paint(p, axes, Theme.LIGHT);
        assertEquals(2, p.lines.size());
        assertEquals(2, p.polygons, "one head per arrow");
        double sy = axes.pixelsPerUnitY();
        double sx = axes.pixelsPerUnitX();
        double longest = Math.max(1 * sx, 3 * sy);
        double scale = 0.1 * Math.min(axes.width(), axes.height()) / longest;
        // Shafts stop short of the tip by 0.8 of the head length; compare the start and direction instead.
        RecordingPainter.Line first = p.lines.get(0);
        assertEquals(axes.toPixelX(2), first.x1(), 1e-9);
        assertEquals(first.y1(), first.y2(), 1e-9, "horizontal vector stays horizontal");
        RecordingPainter.Line second = p.lines.get(1);
        assertEquals(second.x1(), second.x2(), 1e-9, "vertical vector stays vertical");
        assertTrue(second.y2() > second.y1(), "dy < 0 points down the screen");
        double tipLength = 3 * sy * scale;
        assertEquals(0.1 * Math.min(axes.width(), axes.height()), Math.max(1 * sx * scale, tipLength), 1e-9);
    }

    @Test
    void segmentWidthsAreProportionalToWeight() {
        SegmentLayer s = new SegmentLayer("", new double[] {0, 0, 0}, new double[] {0, 1, 2},
                new double[] {5, 5, 5}, new double[] {0, 1, 2}, new double[] {1, 0.5, 0}, 6, null, 4);
        RecordingPainter p = new RecordingPainter();
        s.paint(p, axes, Theme.LIGHT);
        assertEquals(2, p.lines.size(), "zero weight is not drawn");
        assertEquals(2.0, p.lines.get(0).width() / p.lines.get(1).width(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> new SegmentLayer("", new double[] {0},
                new double[] {0}, new double[] {1}, new double[] {1}, new double[] {-1}));
    }

    @Test
    void heatmapRasterPutsTheFirstRowAtTheBottom() {
        // 2×3 field: rows y0 < y1 < y2; value = row index.
        double[] v = {0, 0, 1, 1, 2, 2};
        HeatmapLayer h = HeatmapLayer.of(new Field(v, 2, 3, 0, 10, 0, 10)).colorBar(false).build();
        RecordingPainter p = new RecordingPainter();
        h.paint(p, axes, Theme.LIGHT);
        RecordingPainter.Raster r = p.rasters.get(0);
        assertEquals(2, r.w());
        assertEquals(3, r.h());
        assertEquals(ColorMap.VIRIDIS.argb(1), r.argb()[0], "top image row = largest y = value 2 = top of map");
        assertEquals(ColorMap.VIRIDIS.argb(0), r.argb()[4], "bottom image row = row 0 = value 0");
        // Cells are centred on nodes: the raster reaches half a cell beyond the node extent.
        assertEquals(axes.toPixelX(-5), r.x(), 1e-9);
    }

    @Test
    void symmetricRangeCentresZero() {
        double[] v = {-0.5, 2, 1, 0};
        HeatmapLayer h = HeatmapLayer.of(new Field(v, 2, 2, 0, 1, 0, 1)).symmetric(true).build();
        assertEquals(-2, h.vmin(), 0);
        assertEquals(2, h.vmax(), 0);
        HeatmapLayer f = HeatmapLayer.of(new Field(v, 2, 2, 0, 1, 0, 1)).range(new Range(0, 1)).contours(4).build();
        assertEquals(0, f.vmin(), 0);
        assertEquals(4, f.levels().length);
    }

    @Test
    void matrixMarginalsAreRowAndColumnSums() throws Exception {
        MatrixView m = FxTestSupport.onFx(MatrixView::new);
        m.setPlan(new double[] {0.1, 0.2, 0.3, 0.4}, 2, 2, new double[] {0, 1}, new double[] {2, 3});
        assertEquals(0.3, m.rowMarginal()[0], 1e-15);
        assertEquals(0.7, m.rowMarginal()[1], 1e-15);
        assertEquals(0.4, m.colMarginal()[0], 1e-15);
        assertEquals(0.6, m.colMarginal()[1], 1e-15);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.setPlan(new double[] {0.1, -0.2, 0.3, 0.4}, 2, 2, new double[] {0, 1}, new double[] {2, 3}));
        assertTrue(e.getMessage().contains("row 0, column 1"), e.getMessage());
    }

    @Test
    void badLayerInputNamesTheProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ScatterLayer("real", new double[3], new double[2], 0));
        assertTrue(e.getMessage().contains("real") && e.getMessage().contains("3 vs 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new HistogramLayer("h", new double[] {0, 0}, new double[1], 0));
        assertThrows(IllegalArgumentException.class, () -> new Field(new double[4], 2, 2, 1, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new GridLayer("", 2, 2, new double[3], new double[3], 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Range(1, 0));
    }

    @Test
    void scatterSkipsNonFinitePoints() {
        ScatterLayer s = new ScatterLayer("", new double[] {1, Double.NaN, 3}, new double[] {1, 2, Double.POSITIVE_INFINITY}, 0);
        RecordingPainter p = new RecordingPainter();
        s.paint(p, axes, Theme.LIGHT);
        assertEquals(1, p.circles.size());
        assertEquals(new Range(1, 3), s.xRange());
    }
}

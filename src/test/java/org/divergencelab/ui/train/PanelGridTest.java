package org.divergencelab.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.layout.Region;

import org.divergencelab.ui.FxTestSupport;
import org.junit.jupiter.api.Test;

/** The panel layout by font size: views in a row, charts under them, never below their minimum (issue 13). */
class PanelGridTest {

    private static List<Node> regions(int n) {
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Region());
        }
        return out;
    }

    /** Lays a grid of 3 views and {@code charts} charts out at w × h with font size fs; returns it. */
    private static PanelGrid laidOut(int charts, double w, double h, double fs) throws Exception {
        return FxTestSupport.onFx(() -> {
            PanelGrid g = new PanelGrid(regions(3), regions(charts), () -> fs);
            double height = Math.max(h, g.minHeight(w));
            g.resize(w, height);
            g.layout();
            return g;
        });
    }

    private static long distinct(List<Node> nodes, boolean x) {
        return nodes.stream().mapToDouble(n -> x ? n.getLayoutX() : n.getLayoutY()).distinct().count();
    }

    @Test
    void aWidePanelPutsTheViewsInOneRowAndTheChartsInOneRowUnderThem() throws Exception {
        PanelGrid g = laidOut(5, 900, 520, 12);
        List<Node> kids = g.getChildrenUnmodifiable();
        assertEquals(1, distinct(kids.subList(0, 3), false), "views in one row");
        assertEquals(1, distinct(kids.subList(3, 8), false), "charts in one row");
        for (Node n : kids.subList(3, 8)) {
            Region r = (Region) n;
            assertTrue(r.getWidth() >= PanelGrid.chartMinWidth(12) && r.getHeight() >= PanelGrid.chartMinHeight(12),
                    r.getWidth() + "×" + r.getHeight());
        }
        assertTrue(g.minHeight(900) <= 520, "no scrolling at 900×520: needs " + g.minHeight(900));
    }

    @Test
    void largeFontsTakeFewerColumnsAndAskForTheHeightToScroll() throws Exception {
        PanelGrid g = laidOut(5, 900, 520, 40);
        List<Node> kids = g.getChildrenUnmodifiable();
        assertTrue(distinct(kids.subList(0, 3), false) > 1, "views in more than one row at 200 % projector");
        for (Node n : kids) {
            Region r = (Region) n;
            assertTrue(r.getWidth() >= PanelGrid.chartMinWidth(40) - 1 && r.getHeight() >= PanelGrid.chartMinHeight(40) - 1,
                    r.getWidth() + "×" + r.getHeight());
        }
        assertTrue(g.minHeight(900) > 520, "asks for more height than 520 (the scroll pane scrolls)");
    }

    @Test
    void aFreeCellInTheLastRowOfViewsTakesTheFirstChart() throws Exception {
        // two view columns (compare mode): samples | critic, map | losses
        PanelGrid g = laidOut(4, 430, 520, 12);
        List<Node> kids = g.getChildrenUnmodifiable();
        assertEquals(kids.get(2).getLayoutY(), kids.get(3).getLayoutY(), "map and the first chart share a row");
        assertTrue(kids.get(3).getLayoutX() > kids.get(2).getLayoutX());
    }

    @Test
    void theTwinsOfCompareModeKeepTheirRowsInLineWhenOneHasAChartFewer() throws Exception {
        double[] r = FxTestSupport.onFx(() -> {
            List<Node> fewer = regions(5);
            fewer.get(4).setManaged(false); // a WGAN twin: no accuracy chart
            PanelGrid gan = new PanelGrid(regions(3), regions(5), () -> 20);
            PanelGrid wgan = new PanelGrid(regions(3), fewer, () -> 20);
            new PanelGrid.Aligned().set(List.of(gan, wgan));
            double h = Math.max(gan.minHeight(420), wgan.minHeight(420));
            for (PanelGrid g : List.of(gan, wgan)) {
                g.resize(420, h);
                g.layout();
            }
            return new double[] {gan.minHeight(420), wgan.minHeight(420), gan.getChildrenUnmodifiable().get(3).getLayoutY(),
                    wgan.getChildrenUnmodifiable().get(3).getLayoutY(), gan.getChildrenUnmodifiable().get(1).getLayoutY(),
                    wgan.getChildrenUnmodifiable().get(1).getLayoutY()};
        });
        assertEquals(r[0], r[1], 0.5, "same least height");
        assertEquals(r[2], r[3], 0.5, "first charts in line");
        assertEquals(r[4], r[5], 0.5, "critics in line");
    }
}

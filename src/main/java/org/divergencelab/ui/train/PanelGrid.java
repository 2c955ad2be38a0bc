package org.divergencelab.ui.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * The layout of one experiment panel: the 2-D views (samples, critic, map) in a row of up to three cells, the
 * charts over iterations (losses, estimate, Lipschitz, modes, accuracy) in rows under them, as many side by side
 * as keep each readable. Cell sizes follow the plots' font size (theme and font scale): a view cell is at least
 * {@link #viewMin} square, a chart at least {@link #chartMinWidth} × {@link #chartMinHeight}. A narrow panel (compare
 * mode, a formula panel open) takes fewer columns, a free cell in the last row of views takes the first chart,
 * and when the rows need more height than there is the panel reports it as its minimum height, so the scroll pane
 * around the panels scrolls instead of squashing the plots to strips (issue 13, {@code LayoutMatrixTest}).
 */
final class PanelGrid extends Region {
    static final double GAP = 6;
    /** How much a chart row weighs against a row of views when the height is shared (views are squares). */
    private static final double CHART_ROW_WEIGHT = 0.67;

    private final List<Node> views;
    private final List<Node> charts;
    private final DoubleSupplier fontSize;

    /**
     * @param views    the 2-D views, in reading order
     * @param charts   the charts, in reading order (an unmanaged one, as modes for data without modes, takes no cell)
     * @param fontSize the plots' base font size now (the theme's, times the font scale)
     */
    PanelGrid(List<Node> views, List<Node> charts, DoubleSupplier fontSize) {
        this.views = List.copyOf(views);
        this.charts = List.copyOf(charts);
        this.fontSize = fontSize;
        getChildren().addAll(views);
        getChildren().addAll(charts);
        setMinWidth(0);
    }

    /** The smallest side of a view cell: room for a title, tick labels, axis labels, a legend and the data. */
    static double viewMin(double fs) {
        return 60 + 10 * fs;
    }

    /** The narrowest chart: y tick labels, a few x tick labels and a plot area of 60 px and more. */
    static double chartMinWidth(double fs) {
        return 110 + 5 * fs;
    }

    /** The lowest chart: a title line, x tick labels, the axis label and a plot area of 40 px and more, and a legend below it when the corners are busy. */
    static double chartMinHeight(double fs) {
        return 80 + 8 * fs;
    }

    /** Rows of cells, each a list of nodes, and whether the row is one of views (else charts). */
    private record Row(List<Node> cells, boolean views) {
    }

    private List<Row> rows(double w) {
        double fs = fontSize.getAsDouble();
        List<Node> v = managed(views);
        List<Node> c = new ArrayList<>(managed(charts));
        // rows planned for the most charts a twin shows, so the rows of compare mode's two panels line up
        int planned = Math.max(c.size(), aligned == null ? 0 : aligned.mostCharts());
        List<Row> out = new ArrayList<>();
        int vc = columns(w, viewMin(fs), v.size());
        int viewRows = v.isEmpty() ? 0 : (v.size() + vc - 1) / vc;
        for (int r = 0; r < viewRows; r++) {
            List<Node> cells = new ArrayList<>(v.subList(r * vc, Math.min(v.size(), (r + 1) * vc)));
            // a free cell in the last row of views takes the next chart instead of leaving a hole
            while (r == viewRows - 1 && cells.size() < vc && planned > 0) {
                planned--;
                if (!c.isEmpty()) {
                    cells.add(c.remove(0));
                }
            }
            out.add(new Row(cells, true));
        }
        if (planned > 0) {
            int cc = columns(w, chartMinWidth(fs), planned);
            int chartRows = (planned + cc - 1) / cc;
            // balanced rows: 5 charts in rows of 3 and 2, not 4 and 1
            int per = (planned + chartRows - 1) / chartRows;
            for (int r = 0; r < chartRows; r++) {
                int from = Math.min(c.size(), r * per);
                // a row may stay empty: the twin has a chart more (accuracy) and the rows keep in line
                out.add(new Row(new ArrayList<>(c.subList(from, Math.min(c.size(), from + per))), false));
            }
        }
        return out;
    }

    /** The charts this grid shows now (modes and accuracy only where they apply). */
    private int chartsShown() {
        return managed(charts).size();
    }

    /**
     * Grids whose rows line up: compare mode's two panels. Each plans its chart rows for the most charts any of
     * them shows (the twin of a GAN is a WGAN, which has no accuracy chart).
     */
    static final class Aligned {
        private List<PanelGrid> grids = List.of();

        /** The grids to align, replacing the previous ones. */
        void set(List<PanelGrid> g) {
            grids = List.copyOf(g);
            for (PanelGrid p : grids) {
                p.aligned = this;
                p.requestLayout();
            }
        }

        int mostCharts() {
            int most = 0;
            for (PanelGrid p : grids) {
                most = Math.max(most, p.chartsShown());
            }
            return most;
        }

        /** A grid's chart count changed: the others replan. */
        void changed(PanelGrid from) {
            for (PanelGrid p : grids) {
                if (p != from) {
                    p.requestLayout();
                }
            }
        }
    }

    private Aligned aligned;
    /** The chart count of the last layout, to tell the aligned grids when it changes. */
    private int lastShown = -1;

    private static int columns(double w, double min, int n) {
        return Math.max(1, Math.min(n, (int) Math.floor((w + GAP) / (min + GAP))));
    }

    private static List<Node> managed(List<Node> nodes) {
        return nodes.stream().filter(Node::isManaged).toList();
    }

    /** Heights of the rows for a total height {@code h} (their minimums when {@code h} is too small). */
    private double[] heights(List<Row> rows, double w, double h) {
        double fs = fontSize.getAsDouble();
        int viewRows = (int) rows.stream().filter(Row::views).count();
        int chartRows = rows.size() - viewRows;
        double avail = h - GAP * Math.max(0, rows.size() - 1);
        double vMin = viewMin(fs);
        double cMin = chartMinHeight(fs);
        double vh = 0;
        if (viewRows > 0) {
            double share = chartRows == 0 ? avail / viewRows
                    : avail / (viewRows + CHART_ROW_WEIGHT * chartRows);
            // a view is a square plus its title, axes and legend: more height than that is wasted on it
            double widest = 0;
            for (Row r : rows) {
                if (r.views()) {
                    widest = Math.max(widest, (w - GAP * (r.cells().size() - 1)) / r.cells().size());
                }
            }
            double cap = chartRows == 0 ? Double.MAX_VALUE : widest + 6 * fs;
            vh = Math.max(vMin, Math.min(share, cap));
        }
        double ch = chartRows == 0 ? 0 : Math.max(cMin, (avail - viewRows * vh) / chartRows);
        if (chartRows > 0) {
            // a chart much taller than wide reads worse than a blank strip under it (compare mode's twin with one
            // chart fewer, one row of four charts beside the other's two rows): the spare height goes to the views
            double narrowest = Double.MAX_VALUE;
            double widest = 0;
            for (Row r : rows) {
                if (r.cells().isEmpty()) {
                    continue;
                }
                double cell = (w - GAP * (r.cells().size() - 1)) / r.cells().size();
                if (!r.views()) {
                    narrowest = Math.min(narrowest, cell);
                } else {
                    widest = Math.max(widest, cell);
                }
            }
            double chCap = Math.max(cMin, 1.1 * narrowest + 4 * fs);
            if (ch > chCap) {
                double spare = (ch - chCap) * chartRows;
                ch = chCap;
                if (viewRows > 0) {
                    vh = Math.max(vh, Math.min(widest + 6 * fs, vh + spare / viewRows));
                }
            }
        }
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i).views() ? vh : ch;
        }
        return out;
    }

    private double width(double given) {
        return given > 0 ? given : getWidth();
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        double w = width(width) - snappedLeftInset() - snappedRightInset();
        List<Row> rows = rows(w);
        double[] hs = heights(rows, w, 0);
        double sum = GAP * Math.max(0, rows.size() - 1);
        for (double x : hs) {
            sum += x;
        }
        return sum + snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 900;
    }

    @Override
    protected double computePrefHeight(double width) {
        return computeMinHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double x0 = snappedLeftInset();
        double y = snappedTopInset();
        double w = getWidth() - x0 - snappedRightInset();
        double h = getHeight() - y - snappedBottomInset();
        List<Row> rows = rows(w);
        double[] hs = heights(rows, w, h);
        if (aligned != null && chartsShown() != lastShown) {
            lastShown = chartsShown();
            aligned.changed(this);
        }
        for (int i = 0; i < rows.size(); i++) {
            List<Node> cells = rows.get(i).cells();
            if (cells.isEmpty()) {
                y += hs[i] + GAP;
                continue;
            }
            double cw = (w - GAP * (cells.size() - 1)) / cells.size();
            double x = x0;
            for (Node n : cells) {
                // snapped edges, so rounding never pushes the last cell past the right edge
                double left = snapPositionX(x);
                double top = snapPositionY(y);
                n.resizeRelocate(left, top, snapPositionX(x + cw) - left, snapPositionY(y + hs[i]) - top);
                x += cw + GAP;
            }
            y += hs[i] + GAP;
        }
    }
}

package org.divergencelab.ui.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * A chart over iterations: several {@link LineSeries} that grow as training runs, reference lines ("log 2",
 * "1"), a legend, y auto-scaled to data and references, whole-number ticks on x.
 *
 * <pre>{@code
 * LineChart chart = new LineChart();
 * LineSeries js = chart.addSeries("JS estimate", 0);
 * chart.addReferenceLine(ReferenceLine.horizontal(Math.log(2), "log 2"));
 * js.append(iteration, value);   // each snapshot; repaint is coalesced to one per frame
 * }</pre>
 */
public class LineChart extends XYPlot {

    /** Default points kept per series: enough for a smooth curve, cheap to draw. */
    public static final int DEFAULT_CAPACITY = 2000;

    private final List<LineSeries> series = new ArrayList<>();
    private final List<ReferenceLine> references = new ArrayList<>();

    public LineChart() {
        getStyleClass().add("line-chart");
        axes().setIntegerX(true).setNiceAutoRange(false);
    }

    /** Adds a series of palette colour {@code palette} keeping {@link #DEFAULT_CAPACITY} points. */
    public LineSeries addSeries(String name, int palette) {
        return addSeries(name, palette, DEFAULT_CAPACITY);
    }

    /** Adds a series keeping at most {@code capacity} points. */
    public LineSeries addSeries(String name, int palette, int capacity) {
        LineSeries s = new LineSeries(name, palette, capacity);
        s.setOnChange(this::invalidate);
        series.add(s);
        invalidate();
        return s;
    }

    /** The series, in order of addition. */
    public List<LineSeries> series() {
        return List.copyOf(series);
    }

    /** Adds a reference line. */
    public void addReferenceLine(ReferenceLine r) {
        references.add(r);
        invalidate();
    }

    /** Removes all reference lines. */
    public void clearReferenceLines() {
        references.clear();
        invalidate();
    }

    /** Empties every series (a reset). */
    public void clearData() {
        for (LineSeries s : series) {
            s.clear();
        }
    }

    @Override
    protected List<Layer> layersToDraw() {
        List<Layer> all = new ArrayList<>(layers());
        all.addAll(references);
        all.addAll(series);
        return all;
    }
}

package org.divergencelab.ui.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * 1-D densities: histogram bars of samples, density curves (KDE, true density; dashed for truth by
 * convention) and, optionally, curves on a secondary [0, 1] axis on the right such as the discriminator
 * D(x) and the optimal D*(x).
 */
public class DensityPlot extends XYPlot {

    private List<HistogramLayer> histograms = List.of();
    private List<CurveLayer> curves = List.of();

    public DensityPlot() {
        getStyleClass().add("density-plot");
    }

    /** Histogram bars, drawn first. */
    public void setHistograms(List<HistogramLayer> h) {
        histograms = List.copyOf(h);
        invalidate();
    }

    /** Histogram bars, drawn first. */
    public void setHistograms(HistogramLayer... h) {
        setHistograms(List.of(h));
    }

    /** Curves (primary or secondary axis, as each {@link CurveLayer} says), drawn over the bars. */
    public void setCurves(List<CurveLayer> c) {
        curves = List.copyOf(c);
        invalidate();
    }

    /** Curves, drawn over the bars. */
    public void setCurves(CurveLayer... c) {
        setCurves(List.of(c));
    }

    /**
     * Shows a secondary y axis on the right with this range and label ({@code null} range hides it); curves
     * with {@code secondary = true} are measured on it.
     */
    public void setSecondaryAxis(Range range, String label) {
        axes().setSecondaryYRange(range).setY2Label(label);
        invalidate();
    }

    @Override
    protected List<Layer> layersToDraw() {
        List<Layer> all = new ArrayList<>(layers());
        all.addAll(histograms);
        all.addAll(curves);
        return all;
    }
}

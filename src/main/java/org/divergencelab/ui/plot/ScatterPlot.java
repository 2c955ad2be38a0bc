package org.divergencelab.ui.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Samples in 2-D (or 1-D with y as jitter): several point series with a legend, optional arrows at points
 * (∇x D at the fakes), optional segments between point pairs with width ∝ weight (transport-plan lines),
 * and an optional heatmap underneath sharing the axes (the critic surface). The aspect ratio is locked by
 * default: 2-D data keeps its shape.
 *
 * <p>Drawing order: background field, segments, point series, arrows.
 */
public class ScatterPlot extends XYPlot {

    private HeatmapLayer background;
    private SegmentLayer segments;
    private List<ScatterLayer> series = List.of();
    private ArrowLayer arrows;

    public ScatterPlot() {
        getStyleClass().add("scatter-plot");
        axes().setAspectLocked(true);
    }

    /** The point series (e.g. real and generated), replacing the previous ones. */
    public void setSeries(List<ScatterLayer> s) {
        series = List.copyOf(s);
        invalidate();
    }

    /** The point series (e.g. real and generated), replacing the previous ones. */
    public void setSeries(ScatterLayer... s) {
        setSeries(List.of(s));
    }

    /** Arrows at points, or {@code null} for none. */
    public void setArrows(ArrowLayer a) {
        arrows = a;
        invalidate();
    }

    /** Segments between point pairs, or {@code null} for none. */
    public void setSegments(SegmentLayer s) {
        segments = s;
        invalidate();
    }

    /** A field drawn under the points, or {@code null} for none. */
    public void setBackgroundField(HeatmapLayer h) {
        background = h;
        invalidate();
    }

    @Override
    protected List<Layer> layersToDraw() {
        List<Layer> all = new ArrayList<>(layers().size() + series.size() + 3);
        if (background != null) {
            all.add(background);
        }
        if (segments != null) {
            all.add(segments);
        }
        all.addAll(series);
        if (arrows != null) {
            all.add(arrows);
        }
        all.addAll(layers());
        return all;
    }
}

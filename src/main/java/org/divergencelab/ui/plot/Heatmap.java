package org.divergencelab.ui.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * A 2-D scalar field (critic or discriminator surface, a density) with colour bar and contours; points,
 * arrows or any other layer can go on top through {@link #layers()} and share the axes. Aspect ratio
 * locked.
 */
public class Heatmap extends XYPlot {

    private HeatmapLayer field;

    public Heatmap() {
        getStyleClass().add("heatmap");
        axes().setAspectLocked(true).setGrid(false);
    }

    /** The field to draw, or {@code null} for none. */
    public void setField(HeatmapLayer f) {
        field = f;
        invalidate();
    }

    /** The field drawn. */
    public HeatmapLayer field() {
        return field;
    }

    @Override
    protected List<Layer> layersToDraw() {
        List<Layer> all = new ArrayList<>(layers().size() + 1);
        if (field != null) {
            all.add(field);
        }
        all.addAll(layers());
        return all;
    }
}

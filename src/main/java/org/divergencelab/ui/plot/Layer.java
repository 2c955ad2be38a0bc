package org.divergencelab.ui.plot;

import java.util.List;

import org.divergencelab.ui.theme.Theme;

/**
 * One thing drawn in the plot area of an {@link XYPlot}: points, a curve, a heatmap… Layers are drawn in
 * list order (first = bottom), all in the same data coordinates, so a heatmap layer under a scatter layer
 * shares its axes. Most layers are immutable records built from plain arrays: a view builds new layers
 * from each snapshot and hands them to the plot.
 */
public interface Layer {

    /** Data extent on x for auto-ranging, or {@code null} when this layer should not influence it. */
    default Range xRange() {
        return null;
    }

    /** Data extent on the primary y axis, or {@code null}. */
    default Range yRange() {
        return null;
    }

    /**
     * Extent of the positive y values, for a logarithmic y axis; {@code null} when there are none. The default
     * is {@link #yRange()} when that is wholly positive; layers with mixed signs override it.
     */
    default Range positiveYRange() {
        Range r = yRange();
        return r != null && r.min() > 0 ? r : null;
    }

    /** Draws inside the plot rectangle (clipped to it). */
    void paint(Painter p, Axes axes, Theme theme);

    /** Entries this layer contributes to the legend. */
    default List<LegendEntry> legend() {
        return List.of();
    }

    /**
     * Whether an automatically placed legend ({@link XYPlot.LegendPosition#AUTO}) may sit on this layer: true for
     * backgrounds (a field and its contours fill the whole area), false for data a legend must not hide.
     */
    default boolean legendMayCover() {
        return false;
    }

    /** Pixels this layer needs right of the plot area (a colour bar). */
    default double rightReserve(Theme theme, String family) {
        return 0;
    }

    /** Draws outside the plot rectangle, after the axes (a colour bar). */
    default void paintOutside(Painter p, Axes axes, Theme theme, String family) {
    }

    /** Checks that parallel arrays have the same length; names them in the message. */
    static void sameLength(String what, double[] a, double[] b) {
        if (a == null || b == null) {
            throw new IllegalArgumentException(what + ": arrays must not be null");
        }
        if (a.length != b.length) {
            throw new IllegalArgumentException(what + ": arrays differ in length, " + a.length + " vs " + b.length);
        }
    }
}

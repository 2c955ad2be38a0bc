package org.divergencelab.ui.plot;

import java.util.List;

import org.divergencelab.ui.theme.Theme;

/**
 * A deformed 2-D grid: the image under the generator of a regular grid in latent space. Node (u, v) of the
 * {@code nu × nv} latent grid lands at {@code (xs[v·nu + u], ys[v·nu + u])}; lines join neighbours along u
 * (one colour) and along v (another), so folds and stretches show.
 *
 * @param name      legend label; empty for none
 * @param nu        nodes along the first latent coordinate, at least 2
 * @param nv        nodes along the second, at least 2
 * @param xs        mapped x of each node
 * @param ys        mapped y of each node
 * @param paletteU  palette index of lines along u
 * @param paletteV  palette index of lines along v
 */
public record GridLayer(String name, int nu, int nv, double[] xs, double[] ys, int paletteU, int paletteV)
        implements Layer {

    public GridLayer {
        if (nu < 2 || nv < 2) {
            throw new IllegalArgumentException("warped grid must be at least 2x2, got " + nu + "x" + nv);
        }
        Layer.sameLength("warped grid", xs, ys);
        if (xs.length != nu * nv) {
            throw new IllegalArgumentException("warped grid of " + nu + "x" + nv + " needs " + nu * nv
                    + " nodes, got " + xs.length);
        }
    }

    @Override
    public Range xRange() {
        return Range.of(xs);
    }

    @Override
    public Range yRange() {
        return Range.of(ys);
    }

    @Override
    public void paint(Painter p, Axes a, Theme theme) {
        p.setLineDashes();
        p.setLineWidth(Math.max(1, theme.lineWidth() * 0.75));
        // One batch of segments per direction (not one polyline per grid line): a canvas rasterises a batch
        // as one image, while each long polyline costs the software pipeline a pass over its bounding box.
        double[] seg = new double[4 * Math.max(nv * (nu - 1), nu * (nv - 1))];
        p.setStroke(Style.alpha(theme.series(paletteU), 0.85));
        int k = 0;
        for (int v = 0; v < nv; v++) {
            for (int u = 0; u + 1 < nu; u++) {
                k = segment(seg, k, a, v * nu + u, v * nu + u + 1);
            }
        }
        p.strokeSegments(seg, k / 4);
        p.setStroke(Style.alpha(theme.series(paletteV), 0.85));
        k = 0;
        for (int u = 0; u < nu; u++) {
            for (int v = 0; v + 1 < nv; v++) {
                k = segment(seg, k, a, v * nu + u, (v + 1) * nu + u);
            }
        }
        p.strokeSegments(seg, k / 4);
    }

    /** Writes the pixel segment from node i to node j at {@code seg[k..k+3]}; returns k + 4. */
    private int segment(double[] seg, int k, Axes a, int i, int j) {
        seg[k] = a.toPixelX(xs[i]);
        seg[k + 1] = a.toPixelY(ys[i]);
        seg[k + 2] = a.toPixelX(xs[j]);
        seg[k + 3] = a.toPixelY(ys[j]);
        return k + 4;
    }

    @Override
    public List<LegendEntry> legend() {
        return name == null || name.isEmpty() ? List.of()
                : List.of(new LegendEntry(name, LegendEntry.Swatch.LINE, paletteU, null));
    }
}

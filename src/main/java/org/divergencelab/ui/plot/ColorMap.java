package org.divergencelab.ui.plot;

import javafx.scene.paint.Color;

/**
 * A colour map from [0, 1] to colours, tabulated at 256 entries so a 128×128 field costs one array lookup
 * per cell.
 */
public final class ColorMap {

    private static final int SIZE = 256;

    /**
     * Perceptually uniform sequential map (matplotlib's viridis), from the degree-6 polynomial fit
     * published by Matt Zucker (shadertoy "WlfXRN"), which stays within about 1 % of the tabulated map.
     */
    public static final ColorMap VIRIDIS = polynomial("viridis",
            new double[] {0.2777273272234177, 0.1050930431085774, -0.3308618287255563, -4.634230498983486,
                6.228269936347081, 4.776384997670288, -5.435455855934631},
            new double[] {0.005407344544966578, 1.404613529898575, 0.214847559468213, -5.799100973351585,
                14.17993336680509, -13.74514537774601, 4.645852612178535},
            new double[] {0.3340998053353061, 1.384590162594685, 0.09509516302823659, -19.33244095627987,
                56.69055260068105, -65.35303263337234, 26.3124352495832});

    /**
     * Diverging blue–white–red map (ColorBrewer RdBu, 11 classes, reversed so low = blue), which
     * ColorBrewer marks colour-blind safe: for critic values, negative blue, zero white, positive red.
     */
    public static final ColorMap DIVERGING = piecewise("diverging", "#053061", "#2166ac", "#4393c3", "#92c5de",
            "#d1e5f0", "#f7f7f7", "#fddbc7", "#f4a582", "#d6604d", "#b2182b", "#67001f");

    /** Greys from black to white (plan mass on a dark background, or for print). */
    public static final ColorMap GREYS = piecewise("greys", "#000000", "#ffffff");

    private final String name;
    private final int[] argb;

    private ColorMap(String name, int[] argb) {
        this.name = name;
        this.argb = argb;
    }

    /** The map's name. */
    public String name() {
        return name;
    }

    /** Packed ARGB colour at {@code t} ∈ [0, 1]; values outside are clamped, NaN gives transparent. */
    public int argb(double t) {
        if (Double.isNaN(t)) {
            return 0;
        }
        int i = (int) (t * (SIZE - 1) + 0.5);
        if (i < 0) {
            i = 0;
        } else if (i >= SIZE) {
            i = SIZE - 1;
        }
        return argb[i];
    }

    /** {@link #argb(double)} as a JavaFX colour. */
    public Color color(double t) {
        int c = argb(t);
        return Color.rgb((c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff, ((c >>> 24) & 0xff) / 255.0);
    }

    /** A map through evenly spaced colours, interpolated linearly in sRGB. */
    public static ColorMap piecewise(String name, String... webColors) {
        if (webColors.length < 2) {
            throw new IllegalArgumentException("a colour map needs at least 2 colours, got " + webColors.length);
        }
        Color[] c = new Color[webColors.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = Color.web(webColors[i]);
        }
        int[] lut = new int[SIZE];
        for (int i = 0; i < SIZE; i++) {
            double t = i / (double) (SIZE - 1) * (c.length - 1);
            int k = Math.min(c.length - 2, (int) t);
            double f = t - k;
            lut[i] = pack(c[k].getRed() + f * (c[k + 1].getRed() - c[k].getRed()),
                    c[k].getGreen() + f * (c[k + 1].getGreen() - c[k].getGreen()),
                    c[k].getBlue() + f * (c[k + 1].getBlue() - c[k].getBlue()));
        }
        return new ColorMap(name, lut);
    }

    private static ColorMap polynomial(String name, double[] r, double[] g, double[] b) {
        int[] lut = new int[SIZE];
        for (int i = 0; i < SIZE; i++) {
            double t = i / (double) (SIZE - 1);
            lut[i] = pack(horner(r, t), horner(g, t), horner(b, t));
        }
        return new ColorMap(name, lut);
    }

    private static double horner(double[] c, double t) {
        double v = 0;
        for (int i = c.length - 1; i >= 0; i--) {
            v = v * t + c[i];
        }
        return v;
    }

    private static int pack(double r, double g, double b) {
        return 0xff000000 | (channel(r) << 16) | (channel(g) << 8) | channel(b);
    }

    private static int channel(double v) {
        return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
    }
}

package org.divergencelab.ui.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColorMapTest {

    private static int[] rgb(int argb) {
        return new int[] {(argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff};
    }

    private static void assertNear(int expected, int actual, int tol, String what) {
        int[] e = rgb(expected);
        int[] a = rgb(actual);
        for (int i = 0; i < 3; i++) {
            assertTrue(Math.abs(e[i] - a[i]) <= tol, what + ": expected " + Integer.toHexString(expected)
                    + " got " + Integer.toHexString(actual));
        }
    }

    @Test
    void viridisMatchesMatplotlibAtEndsAndMiddle() {
        // matplotlib viridis: 0 → #440154, 0.5 → #21918c, 1 → #fde725. The polynomial fit stays within
        // about 1.5 % (4/255) of the table; 5/255 allows for rounding on top.
        assertNear(0x440154, ColorMap.VIRIDIS.argb(0), 5, "viridis(0)");
        assertNear(0x21918c, ColorMap.VIRIDIS.argb(0.5), 5, "viridis(0.5)");
        assertNear(0xfde725, ColorMap.VIRIDIS.argb(1), 5, "viridis(1)");
    }

    @Test
    void viridisLightnessIncreases() {
        double prev = -1;
        for (int i = 0; i <= 32; i++) {
            int[] c = rgb(ColorMap.VIRIDIS.argb(i / 32.0));
            double lum = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
            assertTrue(lum > prev, "luminance increases at " + i / 32.0);
            prev = lum;
        }
    }

    @Test
    void divergingHasExactEndsAndNeutralCentre() {
        assertNear(0x053061, ColorMap.DIVERGING.argb(0), 0, "diverging(0)");
        assertNear(0xf7f7f7, ColorMap.DIVERGING.argb(0.5), 1, "diverging(0.5)");
        assertNear(0x67001f, ColorMap.DIVERGING.argb(1), 0, "diverging(1)");
    }

    @Test
    void clampsAndMakesNanTransparent() {
        assertEquals(ColorMap.VIRIDIS.argb(0), ColorMap.VIRIDIS.argb(-3));
        assertEquals(ColorMap.VIRIDIS.argb(1), ColorMap.VIRIDIS.argb(7));
        assertEquals(0, ColorMap.VIRIDIS.argb(Double.NaN));
        assertEquals(0xff, (ColorMap.VIRIDIS.argb(0.3) >>> 24));
    }
}

package org.divergencelab.ui.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.text.Font;

import org.divergencelab.ui.FxTestSupport;
import org.divergencelab.ui.theme.Theme;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AxesTest {

    @BeforeAll
    static void fx() throws Exception {
        FxTestSupport.start(); // text measurement needs the font system
    }

    private static String family() {
        return Font.getDefault().getFamily();
    }

    @Test
    void fixedRangeMapsCornersAndRoundTrips() {
        Axes a = new Axes().setXRange(new Range(-2, 6)).setYRange(new Range(0, 1)).setXLabel("x").setYLabel("y");
        a.layout(0, 0, 640, 480, null, null, Theme.LIGHT, family(), 0);
        assertTrue(a.left() > 10 && a.left() < 120, "room for y labels: " + a.left());
        assertTrue(a.top() + a.height() < 470, "room for x labels");
        assertEquals(a.left(), a.toPixelX(-2), 1e-9);
        assertEquals(a.left() + a.width(), a.toPixelX(6), 1e-9);
        assertEquals(a.top() + a.height(), a.toPixelY(0), 1e-9, "y = 0 at the bottom");
        assertEquals(a.top(), a.toPixelY(1), 1e-9, "y = 1 at the top");
        for (double x : new double[] {-2, -0.3, 1.7, 6}) {
            assertEquals(x, a.toDataX(a.toPixelX(x)), 1e-12);
        }
        for (double y : new double[] {0, 0.25, 1}) {
            assertEquals(y, a.toDataY(a.toPixelY(y)), 1e-12);
        }
        assertEquals(2, a.xTicks().step(), 1e-12);
    }

    @Test
    void aspectLockGivesEqualScalesAndKeepsTheData() {
        Axes a = new Axes().setAspectLocked(true);
        a.layout(0, 0, 900, 400, new Range(-1, 1), new Range(-1, 1), Theme.LIGHT, family(), 0);
        assertEquals(a.pixelsPerUnitX(), a.pixelsPerUnitY(), 1e-9);
        assertTrue(a.xMin() <= -1 && a.xMax() >= 1 && a.yMin() <= -1 && a.yMax() >= 1, "data still inside");
        Axes b = new Axes().setAspectLocked(true);
        b.layout(0, 0, 300, 700, new Range(-5, 5), new Range(0, 1), Theme.PROJECTOR, family(), 0);
        assertEquals(b.pixelsPerUnitX(), b.pixelsPerUnitY(), 1e-9);
        assertTrue(b.xMin() <= -5 && b.xMax() >= 5);
    }

    @Test
    void autoRangePadsTheDataAndSecondaryAxisMaps() {
        Axes a = new Axes().setSecondaryYRange(new Range(0, 1)).setY2Label("D(x)");
        a.layout(0, 0, 500, 300, new Range(0, 10), new Range(2, 4), Theme.DARK, family(), 0);
        assertEquals(0, a.xMin(), 0, "sticky zero: data starting at 0 keeps its baseline");
        assertTrue(a.xMax() > 10);
        assertTrue(a.yMin() < 2 && a.yMax() > 4, "4 % margin elsewhere");
        assertEquals(a.top() + a.height(), a.toPixelY2(0), 1e-9);
        assertEquals(a.top(), a.toPixelY2(1), 1e-9);
        Axes nice = new Axes().setNiceAutoRange(true);
        nice.layout(0, 0, 500, 300, new Range(0.13, 0.87), new Range(0.13, 0.87), Theme.LIGHT, family(), 0);
        assertEquals(0, nice.xMin(), 1e-12);
        assertEquals(1, nice.xMax(), 1e-12);
    }

    @Test
    void zeroWidthFixedRangeIsWidenedNotDividedByZero() {
        Axes a = new Axes().setXRange(new Range(2, 2)).setYRange(new Range(0, 1));
        a.layout(0, 0, 400, 300, null, null, Theme.LIGHT, family(), 0);
        assertTrue(a.xMax() > a.xMin());
        assertTrue(Double.isFinite(a.toPixelX(2)));
    }

    @Test
    void integerAxisNeverShowsFractionalIterations() {
        Axes a = new Axes().setIntegerX(true);
        a.layout(0, 0, 800, 300, new Range(0, 3), new Range(0, 1), Theme.LIGHT, family(), 0);
        for (double v : a.xTicks().values()) {
            assertEquals(Math.rint(v), v, 0);
        }
    }
}

package org.divergencelab.ui.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.text.Font;

import org.divergencelab.ui.FxTestSupport;
import org.divergencelab.ui.theme.Theme;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Log-axis maths ({@link LogScale}) and its use in {@link Axes} and {@link LineSeries}. */
class LogScaleTest {

    @BeforeAll
    static void fx() throws Exception {
        FxTestSupport.start(); // Axes measures its tick labels
    }

    @Test
    void decadeRangeIsTheSmallestWholeDecadeCover() {
        assertArrayEquals(new double[] {1e-8, 1e1}, LogScale.decadeRange(3.2e-8, 4.5), 1e-20);
        // Values on a decade stay on it despite log10 rounding (log10(1e-3) = -2.9999999999999996).
        assertArrayEquals(new double[] {1e-3, 1e2}, LogScale.decadeRange(1e-3, 100), 1e-18);
        // Inside one decade, or a single decade value: one decade.
        assertArrayEquals(new double[] {0.1, 1}, LogScale.decadeRange(0.2, 0.8), 1e-15);
        assertArrayEquals(new double[] {10, 100}, LogScale.decadeRange(10, 10), 1e-12);
        for (double[] bad : new double[][] {{0, 1}, {-1, 1}, {2, 1}, {1, Double.POSITIVE_INFINITY}, {Double.NaN, 1}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LogScale.decadeRange(bad[0], bad[1]));
            assertTrue(e.getMessage().contains("0 < min <= max"), e.getMessage());
        }
    }

    @Test
    void ticksAreDecadesStridedToFitTheTarget() {
        assertArrayEquals(new double[] {1e-3, 1e-2, 1e-1, 1, 10}, LogScale.ticks(1e-3, 10, 6), 1e-18);
        // 15 decades, at most 6 ticks: every 3rd decade, on multiples of 3 (10^-9, 10^-6, … 10^3).
        double[] t = LogScale.ticks(1e-10, 1e5, 6);
        assertArrayEquals(new double[] {1e-9, 1e-6, 1e-3, 1, 1e3}, t, 1e-21);
        assertTrue(t.length <= 6);
        // Every tick is a power of ten inside the range, ascending.
        double[] u = LogScale.ticks(3e-7, 2e4, 4);
        for (int i = 0; i < u.length; i++) {
            double k = Math.log10(u[i]);
            assertEquals(Math.round(k), k, 1e-12, "a decade");
            assertTrue(u[i] >= 3e-7 && u[i] <= 2e4);
            assertTrue(i == 0 || u[i] > u[i - 1]);
        }
        assertTrue(u.length >= 2 && u.length <= 4, java.util.Arrays.toString(u));
        assertEquals(0, LogScale.ticks(2, 9, 5).length, "no decade inside [2, 9]");
        assertThrows(IllegalArgumentException.class, () -> LogScale.ticks(0, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> LogScale.ticks(1, 10, 1));
    }

    @Test
    void labelsAreTenToTheK() {
        assertEquals("10⁻⁷", LogScale.label(1e-7));
        assertEquals("10⁰", LogScale.label(1));
        assertEquals("10¹²", LogScale.label(1e12));
        assertEquals("10⁻³", LogScale.label(0.001));
    }

    @Test
    void fractionIsLogLinearAndNaNWithoutAPosition() {
        assertEquals(0, LogScale.fraction(1e-4, 1e-4, 1), 1e-12);
        assertEquals(1, LogScale.fraction(1, 1e-4, 1), 1e-12);
        assertEquals(0.5, LogScale.fraction(1e-2, 1e-4, 1), 1e-12);
        assertEquals(0.25, LogScale.fraction(1e-3, 1e-4, 1), 1e-12);
        assertTrue(Double.isNaN(LogScale.fraction(0, 1e-4, 1)));
        assertTrue(Double.isNaN(LogScale.fraction(-3, 1e-4, 1)));
        assertTrue(Double.isNaN(LogScale.fraction(Double.NaN, 1e-4, 1)));
        assertTrue(Double.isNaN(LogScale.fraction(Double.POSITIVE_INFINITY, 1e-4, 1)));
        for (double v : new double[] {1e-4, 3.7e-3, 0.5, 1}) {
            assertEquals(v, LogScale.valueAt(LogScale.fraction(v, 1e-4, 1), 1e-4, 1), v * 1e-12);
        }
    }

    @Test
    void logAxesSpaceDecadesEvenlyAndRoundTrip() {
        Axes a = new Axes().setLogY(true).setXRange(new Range(0, 10));
        a.layout(0, 0, 600, 400, null, new Range(2e-7, 30), Theme.LIGHT, Font.getDefault().getFamily(), 0);
        assertEquals(1e-7, a.yMin(), 1e-20);
        assertEquals(100, a.yMax(), 1e-9);
        assertEquals(a.top() + a.height(), a.toPixelY(1e-7), 1e-9);
        assertEquals(a.top(), a.toPixelY(100), 1e-9);
        double d1 = a.toPixelY(1e-3) - a.toPixelY(1e-2);
        double d2 = a.toPixelY(1e1) - a.toPixelY(1e2);
        assertEquals(d1, d2, 1e-9, "each decade the same height");
        for (double y : new double[] {1e-7, 4.2e-5, 1, 77}) {
            assertEquals(y, a.toDataY(a.toPixelY(y)), y * 1e-12);
        }
        assertTrue(Double.isNaN(a.toPixelY(0)) && Double.isNaN(a.toPixelY(-1)), "non-positive: no position");
        for (double v : a.yTicks().values()) {
            assertEquals(Math.round(Math.log10(v)), Math.log10(v), 1e-12, "decade ticks");
        }
        // No positive data at all: a default decade, no exception.
        Axes b = new Axes().setLogY(true);
        b.layout(0, 0, 300, 200, new Range(0, 1), new Range(-5, 0), Theme.LIGHT, Font.getDefault().getFamily(), 0);
        assertEquals(1, b.yMin(), 0);
        assertEquals(10, b.yMax(), 0);
    }

    @Test
    void lineSeriesOnALogAxisBreaksAtNonPositiveValuesAndRangesOverPositives() {
        LineSeries s = new LineSeries("g", 0, 100);
        double[] ys = {1e-3, 1e-2, 0, 1e-1, -2, 1, 10};
        for (int i = 0; i < ys.length; i++) {
            s.append(i, ys[i]);
        }
        assertEquals(new Range(1e-3, 10), s.positiveYRange());
        Axes a = new Axes().setLogY(true).setXRange(new Range(0, 6));
        a.layout(0, 0, 600, 400, null, s.positiveYRange(), Theme.LIGHT, Font.getDefault().getFamily(), 0);
        RecordingPainter p = new RecordingPainter();
        s.paint(p, a, Theme.LIGHT);
        // Pieces: (1e-3, 1e-2), then 1e-1 alone (a dot, no line), then (1, 10): two segments, all finite.
        assertEquals(2, p.lines.size(), p.lines.toString());
        for (RecordingPainter.Line l : p.lines) {
            assertTrue(Double.isFinite(l.y1()) && Double.isFinite(l.y2()));
        }
    }
}

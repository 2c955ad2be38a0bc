package org.divergencelab.ui.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LineSeriesTest {

    @Test
    void keepsAtMostCapacityEvenlySpacedPoints() {
        LineSeries s = new LineSeries("loss", 0, 1000);
        for (int i = 0; i < 10_000; i++) {
            s.append(i, Math.sin(i / 100.0));
        }
        assertTrue(s.keptCount() <= 1000, "kept " + s.keptCount());
        assertTrue(s.keptCount() >= 500, "kept " + s.keptCount());
        assertEquals(10_000, s.appendedCount());
        assertEquals(0, s.keptX(0), 0);
        double gap = s.keptX(1) - s.keptX(0);
        assertEquals(s.stride(), (long) gap);
        for (int i = 1; i < s.keptCount(); i++) {
            assertEquals(gap, s.keptX(i) - s.keptX(i - 1), 0, "even spacing at " + i);
            assertEquals(Math.sin(s.keptX(i) / 100.0), s.keptY(i), 0, "kept values are real samples");
        }
        // The newest point is drawn even when the stride skips it.
        assertEquals(9_999, s.xRange().max(), 0);
        assertEquals(Math.sin(99.99), s.lastY(), 0);
    }

    @Test
    void smallSeriesKeepEverything() {
        LineSeries s = new LineSeries("js", 1, 64);
        for (int i = 0; i < 5; i++) {
            s.append(i, i * i);
        }
        assertEquals(5, s.keptCount());
        assertEquals(16, s.keptY(4), 0);
        assertEquals(new Range(0, 16), s.yRange());
    }

    @Test
    void setAllAndClearNotifyOnce() {
        LineSeries s = new LineSeries("w", 0, 32);
        int[] changes = {0};
        s.setOnChange(() -> changes[0]++);
        s.setAll(new double[] {0, 1, 2}, new double[] {3, 2, 1});
        assertEquals(1, changes[0]);
        assertEquals(3, s.keptCount());
        s.clear();
        assertEquals(2, changes[0]);
        assertEquals(0, s.keptCount());
        assertEquals(null, s.xRange());
    }

    @Test
    void nanYBreaksButNanXIsRejected() {
        LineSeries s = new LineSeries("w", 0, 32);
        s.append(0, Double.NaN);
        s.append(1, 2);
        assertEquals(new Range(2, 2), s.yRange());
        assertThrows(IllegalArgumentException.class, () -> s.append(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> new LineSeries("x", 0, 4));
    }
}

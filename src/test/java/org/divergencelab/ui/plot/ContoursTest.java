package org.divergencelab.ui.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ContoursTest {

    /** f(x, y) = x² + y² on [-2, 2]², n×n nodes. */
    private static double[] paraboloid(int n) {
        double[] v = new double[n * n];
        for (int r = 0; r < n; r++) {
            double y = -2 + 4.0 * r / (n - 1);
            for (int c = 0; c < n; c++) {
                double x = -2 + 4.0 * c / (n - 1);
                v[r * n + c] = x * x + y * y;
            }
        }
        return v;
    }

    @Test
    void levelSetOfAParaboloidIsTheCircle() {
        int n = 101;
        double h = 4.0 / (n - 1);
        double[] s = Contours.segments(paraboloid(n), n, n, -2, 2, -2, 2, 1.0);
        int segs = s.length / 4;
        assertTrue(segs > 100, "segments: " + segs);
        double worst = 0;
        double length = 0;
        for (int i = 0; i < segs; i++) {
            int k = 4 * i;
            worst = Math.max(worst, Math.abs(Math.hypot(s[k], s[k + 1]) - 1));
            worst = Math.max(worst, Math.abs(Math.hypot(s[k + 2], s[k + 3]) - 1));
            length += Math.hypot(s[k + 2] - s[k], s[k + 3] - s[k + 1]);
        }
        // Linear interpolation of r² along an edge of length h puts the crossing within h²/4 of the circle
        // (second derivative of x² is 2, error ≤ h²/8 in r², so ≤ h²/8 / (2r) ≈ h²/16 in r); h²/4 is loose.
        assertTrue(worst < h * h / 4, "max |r − 1| = " + worst + " for h = " + h);
        // Inscribed chords: the perimeter is short of 2π by O(h²); 1e-3 relative is loose for h = 0.04.
        assertEquals(2 * Math.PI, length, 2 * Math.PI * 1e-3);
    }

    @Test
    void circleContourIsClosed() {
        int n = 41;
        // r² = 2.1 passes through no grid node (a level exactly at a node value makes zero-length segments).
        double[] s = Contours.segments(paraboloid(n), n, n, -2, 2, -2, 2, 2.1);
        // Every endpoint (rounded to 1e-9) is shared by exactly two segments: a closed curve, no gaps.
        Map<String, Integer> degree = new HashMap<>();
        for (int i = 0; i < s.length; i += 2) {
            String key = Math.round(s[i] * 1e9) + "," + Math.round(s[i + 1] * 1e9);
            degree.merge(key, 1, Integer::sum);
        }
        for (Map.Entry<String, Integer> e : degree.entrySet()) {
            assertEquals(2, e.getValue(), "endpoint " + e.getKey());
        }
    }

    @Test
    void saddleUsesTheCentreValue() {
        // One cell, high corners a (bottom-left) and d (top-right), centre mean 0.5 > level 0.4: a and d
        // joined, so the two segments cut off corners b and e.
        double[] v = {1, 0, 0, 1}; // row 0: a=1, b=0; row 1: e=0, d=1
        double[] s = Contours.segments(v, 2, 2, 0, 1, 0, 1, 0.4);
        assertEquals(8, s.length);
        // First segment: bottom edge → right edge (around b at (1, 0)).
        assertEquals(0.6, s[0], 1e-12);
        assertEquals(0, s[1], 1e-12);
        assertEquals(1, s[2], 1e-12);
        assertEquals(0.4, s[3], 1e-12);
        // Level above the centre: a and d separated instead, segments around a and d.
        double[] t = Contours.segments(v, 2, 2, 0, 1, 0, 1, 0.6);
        assertEquals(8, t.length);
        assertEquals(0.4, t[0], 1e-12); // bottom crossing, first point of the segment around a
        assertEquals(0, t[2], 1e-12); // ends on the left edge
    }

    @Test
    void nanCellsAreSkippedAndFlatFieldsHaveNoContour() {
        double[] v = {0, 1, Double.NaN, 1};
        assertEquals(0, Contours.segments(v, 2, 2, 0, 1, 0, 1, 0.5).length);
        assertEquals(0, Contours.segments(new double[] {3, 3, 3, 3}, 2, 2, 0, 1, 0, 1, 0.5).length);
    }

    @Test
    void badGridsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Contours.segments(new double[3], 1, 3, 0, 1, 0, 1, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Contours.segments(new double[5], 2, 2, 0, 1, 0, 1, 0));
        assertTrue(e.getMessage().contains("needs 4 values, got 5"), e.getMessage());
    }

    @Test
    void evenLevelsSitStrictlyInside() {
        double[] l = Contours.evenLevels(0, 1, 4);
        assertEquals(4, l.length);
        assertEquals(0.2, l[0], 1e-15);
        assertEquals(0.8, l[3], 1e-15);
    }
}

package org.divergencelab.ui.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TicksTest {

    @Test
    void niceStepRoundsUpToOneTwoFive() {
        assertEquals(0.5, Ticks.niceStep(0.37), 0);
        assertEquals(5, Ticks.niceStep(3), 0);
        assertEquals(10, Ticks.niceStep(7), 0);
        assertEquals(0.1, Ticks.niceStep(0.1), 1e-15);
        assertEquals(0.2, Ticks.niceStep(0.2), 1e-15);
        assertEquals(2e-6, Ticks.niceStep(1.3e-6), 1e-20);
        assertEquals(1000, Ticks.niceStep(999), 0);
        assertThrows(IllegalArgumentException.class, () -> Ticks.niceStep(0));
        assertThrows(IllegalArgumentException.class, () -> Ticks.niceStep(Double.NaN));
    }

    @Test
    void unitIntervalGetsTenths() {
        Ticks t = Ticks.of(0, 1, 6);
        assertEquals(0.2, t.step(), 1e-15);
        // Exact decimal values: the ticks are snapped, so 0.6 is 0.6 and not 0.6000000000000001.
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0}, t.values(), 0);
        assertEquals("0.6", t.label(0.6));
        assertEquals(1, t.decimals());
    }

    @Test
    void ticksLieInsideTheRangeAndAreMultiplesOfTheStep() {
        Ticks t = Ticks.of(-3.7, 12.2, 5);
        assertEquals(5, t.step(), 0);
        assertArrayEquals(new double[] {0, 5, 10}, t.values(), 0);
        Ticks u = Ticks.of(0.0013, 0.0191, 6);
        for (double v : u.values()) {
            assertTrue(v >= 0.0013 - 1e-12 && v <= 0.0191 + 1e-12, "inside: " + v);
            double k = v / u.step();
            assertEquals(Math.rint(k), k, 1e-9, "multiple of the step: " + v);
        }
    }

    @Test
    void neverOnlyOneLabelledTick() {
        // [-2.8, 2.8] with a target of 3 would give step 5 and the single tick 0; it steps down to 2.
        Ticks t = Ticks.of(-2.8, 2.8, 3);
        assertEquals(2, t.step(), 0);
        assertArrayEquals(new double[] {-2, 0, 2}, t.values(), 0);
    }

    @Test
    void degenerateRangeGetsAUnitWindow() {
        Ticks t = Ticks.of(5, 5, 5);
        assertTrue(t.count() >= 2);
        assertTrue(t.value(0) <= 5 && t.value(t.count() - 1) >= 5);
    }

    @Test
    void niceRangeWidensToWholeTicks() {
        assertArrayEquals(new double[] {0, 1}, Ticks.niceRange(0.13, 0.87, 6), 1e-15);
        assertArrayEquals(new double[] {-10, 30}, Ticks.niceRange(-3, 27, 5), 1e-12);
    }

    @Test
    void labelsAreCleanNumbers() {
        Ticks t = Ticks.of(-1, 1, 5);
        assertEquals("0", t.label(-1e-17));
        assertEquals("-0.5", t.label(-0.5));
        assertEquals("2e+06", Ticks.format(2e6, 1e6, 0));
        assertEquals("1.5e-07", Ticks.format(1.5e-7, 5e-8, 8));
        assertEquals("1000", Ticks.format(1000, 500, 0));
    }

    @Test
    void badRangesAreRejectedWithTheValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ticks.of(2, 1, 5));
        assertTrue(e.getMessage().contains("[2.0, 1.0]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Ticks.of(0, Double.POSITIVE_INFINITY, 5));
        assertThrows(IllegalArgumentException.class, () -> Ticks.of(0, 1, 1));
    }
}

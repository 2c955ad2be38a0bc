package org.divergencelab.ui.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FrameTimeRecorderTest {

    @Test
    void percentilesOfKnownIntervals() {
        FrameTimeRecorder r = new FrameTimeRecorder(1000, 10);
        for (int ms = 1; ms <= 100; ms++) {
            r.record(ms * 1_000_000L);
        }
        FrameTimeRecorder.Stats s = r.compute();
        assertEquals(100, s.frames());
        // Nearest rank: p50 of 1..100 is the 50th value, p99 the 99th.
        assertEquals(50, s.p50Millis(), 1e-9);
        assertEquals(99, s.p99Millis(), 1e-9);
        assertEquals(100, s.maxMillis(), 1e-9);
        assertEquals(20, s.fps(), 1e-9);
        assertEquals(s, r.statsProperty().get(), "published every 10 frames, 100 is a multiple");
    }

    @Test
    void pulsesBecomeIntervalsAndTheWindowSlides() {
        FrameTimeRecorder r = new FrameTimeRecorder(4, 1);
        long t = 1_000_000_000L;
        r.onPulse(t); // first pulse: no interval yet
        assertEquals(0, r.compute().frames());
        long[] gaps = {16_000_000, 17_000_000, 50_000_000, 16_000_000, 16_000_000, 16_000_000};
        for (long g : gaps) {
            t += g;
            r.onPulse(t);
        }
        FrameTimeRecorder.Stats s = r.compute();
        assertEquals(4, s.frames());
        // Window holds the last four: 50, 16, 16, 16 → max 50, median 16.
        assertEquals(50, s.maxMillis(), 1e-9);
        assertEquals(16, s.p50Millis(), 1e-9);
        r.reset();
        assertEquals(0, r.compute().frames());
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new FrameTimeRecorder(1, 1));
        assertThrows(IllegalArgumentException.class, () -> new FrameTimeRecorder(10, 1).record(-1));
    }
}

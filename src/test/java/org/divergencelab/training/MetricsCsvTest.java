package org.divergencelab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.divergencelab.gan.Presets;
import org.divergencelab.gan.Snapshot;
import org.divergencelab.gan.Trainer;
import org.junit.jupiter.api.Test;

/** The metrics row reads back, cell by cell, as the snapshot's own values; cheap snapshots leave truths empty. */
class MetricsCsvTest {

    @Test
    void aFullRowHoldsEveryValueOfTheSnapshotExactly() {
        Trainer t = new Trainer(Presets.get("ring8-gan"));
        t.iteration();
        t.iteration();
        Snapshot s = t.snapshot(true);
        String[] c = MetricsCsv.row(HistoryPoint.of(1, 0, s)).split(",", -1);
        assertEquals(MetricsCsv.HEADER.split(",").length, c.length);
        assertEquals("2", c[0]);
        assertEquals(s.criticLoss(), Double.parseDouble(c[1]));
        assertEquals(s.generatorLoss(), Double.parseDouble(c[2]));
        assertEquals("JS", c[3]);
        assertEquals(s.estimate().value(), Double.parseDouble(c[4]));
        assertEquals(s.truth("W1"), Double.parseDouble(c[5]));
        assertEquals(s.truth("JS"), Double.parseDouble(c[6]));
        assertEquals("histogram", c[7]);
        assertEquals(s.modes().modesCaptured(), Integer.parseInt(c[8]));
        assertEquals(8, Integer.parseInt(c[9]));
        assertEquals(s.modes().highQualityFraction(), Double.parseDouble(c[10]));
        assertEquals(s.lipschitz(), Double.parseDouble(c[11]));
    }

    @Test
    void aCheapRowLeavesWhatWasNotComputedEmpty() {
        Trainer t = new Trainer(Presets.get("two-lines-wgan"));
        t.iteration();
        String row = MetricsCsv.row(HistoryPoint.of(1, 0, t.snapshot(false)));
        assertTrue(row.startsWith("1,"), row);
        assertTrue(row.endsWith(",W1," + t.snapshot(false).estimate().value() + ",,,,,,,"), row);
    }
}

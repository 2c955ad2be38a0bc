package org.divergencelab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.divergencelab.gan.NetworkSpec;
import org.divergencelab.gan.Presets;
import org.divergencelab.gan.Snapshot;
import org.divergencelab.gan.Trainer;
import org.junit.jupiter.api.Test;

/** The metrics row reads back, cell by cell, as the snapshot's own values; cheap snapshots leave truths empty. */
class MetricsCsvTest {

    @Test
    void aFullRowHoldsEveryValueOfTheSnapshotExactly() {
        // a 2-D ReLU generator's exact-density truths come every 25th iteration (Evaluation.EXACT_MC_STRIDE)
        Trainer t = new Trainer(Presets.get("ring8-gan").withGenerator(NetworkSpec.relu(16, 16)));
        for (int i = 0; i < 25; i++) {
            t.iteration();
        }
        Snapshot s = t.snapshot(true);
        // method labels such as exact-mc(se=…,n=…) are quoted: split outside quotes
        String[] c = MetricsCsv.row(HistoryPoint.of(1, 0, s)).split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
        assertEquals(MetricsCsv.HEADER.split(",").length, c.length);
        assertEquals("25", c[0]);
        assertEquals(s.criticLoss(), Double.parseDouble(c[1]));
        assertEquals(s.generatorLoss(), Double.parseDouble(c[2]));
        assertEquals("JS", c[3]);
        assertEquals(s.estimate().value(), Double.parseDouble(c[4]));
        assertEquals(s.truth("W1"), Double.parseDouble(c[5]));
        assertEquals(s.truth("JS"), Double.parseDouble(c[6]));
        assertEquals("\"" + s.truthValue("JS").method().label() + "\"", c[7]);
        assertTrue(c[7].startsWith("\"exact-mc(se="), c[7]);
        assertTrue(c[12].startsWith("ot-n=512(floor="), c[12]);
        assertEquals(s.truthValue("W1").error(), Double.parseDouble(c[13]));
        assertEquals(s.truth("KL"), Double.parseDouble(c[14]));
        assertEquals(s.truth("KL_REVERSE"), Double.parseDouble(c[15]));
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
        assertTrue(row.endsWith(",W1," + t.snapshot(false).estimate().value() + ",,,,,,,,,,,,,,"), row);
    }
}

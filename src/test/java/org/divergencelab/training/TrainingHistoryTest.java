package org.divergencelab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.divergencelab.gan.Objective;
import org.junit.jupiter.api.Test;

/** The CSV history: cheap and full points of one iteration merge into one row, resets empty it, long runs thin out. */
class TrainingHistoryTest {

    private static HistoryPoint cheap(long gen, int panel, long it, double d, double g, double est) {
        return new HistoryPoint(gen, panel, it, d, g, Objective.Estimated.JS, est, Double.NaN, Double.NaN, "", Double.NaN,
                Double.NaN, 0, Double.NaN, null, false);
    }

    private static HistoryPoint full(long gen, int panel, long it, double truth, double lip, double modes, int count) {
        return new HistoryPoint(gen, panel, it, 9, 9, Objective.Estimated.JS, 9, 1.5, truth, "histogram", lip, modes,
                count, 0.75, null, true);
    }

    @Test
    void mergesCheapAndFullPointsPerIteration() {
        TrainingHistory h = new TrainingHistory();
        h.accept(new TrainingSession.Cleared(1));
        h.setObjective(0, "non-saturating");
        h.accept(cheap(1, 0, 1, 1.25, 0.5, 0.125));
        h.accept(full(1, 0, 1, 0.693, 3.5, 6, 8));
        h.accept(cheap(1, 0, 2, 1.0, 0.75, 0.25));
        h.accept(new Notice("train.msg.live", false));
        h.accept(cheap(0, 0, 3, 5, 5, 5)); // a stale point of the previous model: ignored
        String[] lines = h.csv().split("\n");
        assertEquals(TrainingHistory.HEADER, lines[0]);
        assertEquals(3, lines.length, h.csv());
        // the full point's losses repeat the cheap one's: the row keeps the cheap point's values
        assertEquals("0,non-saturating,1,1.25,0.5,JS,0.125,1.5,0.693,histogram,6,8,0.75,3.5,,,,,,,", lines[1]);
        assertEquals("0,non-saturating,2,1.0,0.75,JS,0.25,,,,,,,,,,,,,,", lines[2]);
        // a reset empties the rows but keeps the objective names
        h.accept(new TrainingSession.Cleared(2));
        assertEquals(0, h.rows(0));
        h.accept(cheap(2, 0, 1, 2, 2, 2));
        h.setObjective(1, "wgan-gp(lambda=10.0)");
        h.accept(cheap(2, 1, 1, 3, 3, 3));
        String csv = h.csv();
        assertTrue(csv.contains("0,non-saturating,1,2.0,2.0,JS,2.0,,,,,,,,,,,,,,\n"), csv);
        assertTrue(csv.contains("1,wgan-gp(lambda=10.0),1,3.0,3.0,JS,3.0,,,,,,,,,,,,,,\n"), csv);
    }

    @Test
    void aLongRunThinsOutInsteadOfGrowingWithoutBound() {
        TrainingHistory h = new TrainingHistory();
        h.accept(new TrainingSession.Cleared(1));
        int n = TrainingHistory.MAX_ROWS + 10;
        for (int i = 1; i <= n; i++) {
            h.accept(cheap(1, 0, i, i, i, 0));
        }
        assertTrue(h.rows(0) <= TrainingHistory.MAX_ROWS, "rows " + h.rows(0));
        assertTrue(h.rows(0) >= TrainingHistory.MAX_ROWS / 2, "rows " + h.rows(0));
        String csv = h.copy().csv();
        String last = csv.substring(csv.lastIndexOf('\n', csv.length() - 2) + 1).trim();
        assertTrue(last.startsWith("0,,"+ n + ","), "the newest iteration is kept: " + last);
    }
}

package org.divergencelab.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.divergencelab.gan.Objective;

/**
 * Every chart point of the training view, kept per iteration and panel at full resolution (the charts thin
 * theirs out), for the CSV export: the {@link MetricsCsv} columns behind a panel and an objective column. A
 * cheap point opens the row of its iteration; the full snapshot of the same iteration fills in the truths,
 * Lipschitz and modes. A model reset (new generation) empties it. Confined to the FX thread; {@link #csv} works
 * on a {@link #copy} on any thread.
 *
 * <p>Memory: at most {@link #MAX_ROWS} rows per panel; beyond that every second row is dropped (the iteration
 * column shows the spacing), as the charts do.
 */
public final class TrainingHistory {
    /** Rows kept per panel before thinning: 200 000 × 14 doubles ≈ 22 MB per panel. */
    public static final int MAX_ROWS = 200_000;
    /** The CSV header: which panel, its objective, then the metrics of the {@code train} command's metrics.csv. */
    public static final String HEADER = "panel,objective," + MetricsCsv.HEADER;

    private static final int ITER = 0;
    private static final int D = 1;
    private static final int G = 2;
    private static final int EST = 3;
    private static final int W1 = 4;
    private static final int JS = 5;
    private static final int LIP = 6;
    private static final int MODES = 7;
    private static final int COUNT = 8;
    private static final int HQ = 9;
    private static final int FLOOR = 10;
    private static final int KL = 11;
    private static final int KLR = 12;
    private static final int ACC = 13;
    private static final int LABEL_ACCURACY = 14;
    private static final int COLS = 15;

    /** One panel's rows. */
    private static final class Table {
        String objective = "";
        double[] v = new double[COLS * 64];
        Objective.Estimated[] estimated = new Objective.Estimated[64];
        String[] objectives = new String[64];
        String[] jsMethods = new String[64];
        String[] w1Methods = new String[64];
        String[] klMethods = new String[64];
        int rows;

        Table copy() {
            Table t = new Table();
            t.objective = objective;
            t.v = Arrays.copyOf(v, rows * COLS);
            t.estimated = Arrays.copyOf(estimated, rows);
            t.objectives = Arrays.copyOf(objectives, rows);
            t.jsMethods = Arrays.copyOf(jsMethods, rows);
            t.w1Methods = Arrays.copyOf(w1Methods, rows);
            t.klMethods = Arrays.copyOf(klMethods, rows);
            t.rows = rows;
            return t;
        }
    }

    private final List<Table> panels = new ArrayList<>();
    private long generation = -1;

    /** Takes a session event (the same stream the charts get): points, resets; notices are ignored. */
    public void accept(TrainingEvent ev) {
        switch (ev) {
            case TrainingSession.Cleared c -> {
                generation = c.generation();
                for (Table t : panels) {
                    t.rows = 0; // the objective names stay: they were set for the model this reset starts
                }
            }
            case HistoryPoint h -> {
                if (h.generation() >= generation) {
                    add(h);
                }
            }
            case Notice n -> {
            }
            case StepReport r -> {
                // a single step completes no iteration: the rows stay one per iteration
            }
        }
    }

    /** Empties one panel's rows (compare mode turned on again: the twin starts from its seed). */
    public void clearPanel(int panel) {
        if (panel < panels.size()) {
            panels.get(panel).rows = 0;
        }
    }

    /** Names the objective of a panel (written in the rows from now on: a live JS ↔ W switch shows in the file). */
    public void setObjective(int panel, String describe) {
        table(panel).objective = describe;
    }

    private Table table(int panel) {
        while (panels.size() <= panel) {
            panels.add(new Table());
        }
        return panels.get(panel);
    }

    private void add(HistoryPoint h) {
        Table t = table(h.panel());
        int r = t.rows - 1;
        boolean same = r >= 0 && t.v[r * COLS + ITER] == h.iteration();
        if (!same) {
            r = newRow(t);
            t.v[r * COLS + ITER] = h.iteration();
            t.estimated[r] = h.estimated();
            t.objectives[r] = t.objective;
            t.jsMethods[r] = "";
            t.w1Methods[r] = "";
            t.klMethods[r] = "";
        }
        int o = r * COLS;
        if (!h.full()) {
            t.v[o + D] = h.criticLoss();
            t.v[o + G] = h.generatorLoss();
            t.v[o + EST] = h.estimate();
            t.v[o + ACC] = h.dAccuracy();
            t.estimated[r] = h.estimated();
            t.v[o + LABEL_ACCURACY] = h.labelAccuracy();
        } else {
            if (!same) {
                // a full point whose cheap twin was not seen: its losses are those of the same iteration
                t.v[o + D] = h.criticLoss();
                t.v[o + G] = h.generatorLoss();
                t.v[o + EST] = h.estimate();
                t.v[o + ACC] = h.dAccuracy();
                t.v[o + LABEL_ACCURACY] = h.labelAccuracy();
            }
            t.v[o + W1] = h.trueW1();
            t.v[o + JS] = h.trueJs();
            t.jsMethods[r] = h.jsMethod();
            t.w1Methods[r] = h.w1Method();
            t.klMethods[r] = h.klMethod();
            t.v[o + FLOOR] = h.w1Floor();
            t.v[o + KL] = h.trueKl();
            t.v[o + KLR] = h.trueKlReverse();
            t.v[o + LIP] = h.lipschitz();
            t.v[o + MODES] = h.modes();
            t.v[o + COUNT] = h.modeCount();
            t.v[o + HQ] = h.highQuality();
        }
    }

    private static int newRow(Table t) {
        if (t.rows == MAX_ROWS) {
            // thin out: keep every second row (the newest kept), as a long run would otherwise grow without bound
            int k = 0;
            for (int i = t.rows % 2 == 0 ? 1 : 0; i < t.rows; i += 2) {
                System.arraycopy(t.v, i * COLS, t.v, k * COLS, COLS);
                t.estimated[k] = t.estimated[i];
                t.objectives[k] = t.objectives[i];
                t.jsMethods[k] = t.jsMethods[i];
                t.w1Methods[k] = t.w1Methods[i];
                t.klMethods[k] = t.klMethods[i];
                k++;
            }
            t.rows = k;
        }
        if ((t.rows + 1) * COLS > t.v.length) {
            int cap = Math.min(MAX_ROWS, t.estimated.length * 2);
            t.v = Arrays.copyOf(t.v, cap * COLS);
            t.estimated = Arrays.copyOf(t.estimated, cap);
            t.objectives = Arrays.copyOf(t.objectives, cap);
            t.jsMethods = Arrays.copyOf(t.jsMethods, cap);
            t.w1Methods = Arrays.copyOf(t.w1Methods, cap);
            t.klMethods = Arrays.copyOf(t.klMethods, cap);
        }
        int r = t.rows++;
        Arrays.fill(t.v, r * COLS, (r + 1) * COLS, Double.NaN);
        return r;
    }

    /** Rows kept for a panel (0 when it has none). */
    public int rows(int panel) {
        return panel < panels.size() ? panels.get(panel).rows : 0;
    }

    /** Number of panels seen. */
    public int panels() {
        return panels.size();
    }

    /** An independent copy (taken on the FX thread, written out on another). */
    public TrainingHistory copy() {
        TrainingHistory h = new TrainingHistory();
        h.generation = generation;
        for (Table t : panels) {
            h.panels.add(t.copy());
        }
        return h;
    }

    /** The rows as CSV (header, then panel 0's rows, then panel 1's), each row written by {@link MetricsCsv}. */
    public String csv() {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (int p = 0; p < panels.size(); p++) {
            Table t = panels.get(p);
            for (int r = 0; r < t.rows; r++) {
                int o = r * COLS;
                double count = t.v[o + COUNT];
                HistoryPoint h = new HistoryPoint(generation, p, (long) t.v[o + ITER], t.v[o + D], t.v[o + G],
                        t.estimated[r], t.v[o + EST], t.v[o + W1], t.v[o + JS], t.jsMethods[r], t.v[o + LIP],
                        t.v[o + MODES], Double.isNaN(count) ? 0 : (int) count, t.v[o + HQ], null, true,
                        t.w1Methods[r], t.v[o + FLOOR], t.v[o + KL], t.v[o + KLR], t.klMethods[r], t.v[o + ACC],
                        t.v[o + LABEL_ACCURACY]);
                b.append(p).append(',').append(quote(t.objectives[r])).append(',').append(MetricsCsv.row(h))
                        .append('\n');
            }
        }
        return b.toString();
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}

package org.divergencelab.ui.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.scene.text.Font;
import javafx.stage.Stage;

import org.divergencelab.ui.FxTestSupport;
import org.divergencelab.ui.theme.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Legends that never cover data (the corner with no marks, else below), titles that never break inside a word,
 * x tick labels that never overlap: each measured on the layout of a real paint.
 */
@ExtendWith(ApplicationExtension.class)
class LegendAndLabelsTest {

    private LineChart chart;

    @Start
    void start(Stage stage) {
        chart = new LineChart();
        chart.setMinSize(0, 0);
        stage.setScene(new Scene(new HBox(chart), 420, 260));
        stage.show();
    }

    /** A curve from the top right corner down to the bottom left (y from 1 at x = 100 to 0 at x = 0, rising). */
    private static void rising(LineSeries s) {
        for (int i = 0; i <= 100; i++) {
            s.append(i, i / 100.0);
        }
    }

    @Test
    void theLegendLeavesACornerThatACurveFills() throws Exception {
        FxTestSupport.onFx(() -> {
            rising(chart.addSeries("a rising curve", 0));
            chart.repaintNow();
            return null;
        });
        // the rising line runs through the top right and bottom left corners: the default top right is busy
        assertNotEquals(XYPlot.LegendPosition.TOP_RIGHT, chart.placedLegend());
        assertNotEquals(XYPlot.LegendPosition.BOTTOM_LEFT, chart.placedLegend());
        assertEquals(0, (int) FxTestSupport.onFx(chart::marksUnderLegend));
        // the same legend pinned to the top right covers the curve: the count sees it
        FxTestSupport.onFx(() -> {
            chart.setLegendPosition(XYPlot.LegendPosition.TOP_RIGHT);
            chart.repaintNow();
            return null;
        });
        assertTrue(FxTestSupport.onFx(chart::marksUnderLegend) > 0, "a pinned legend on the curve covers marks");
    }

    @Test
    void theLegendGoesBelowWhenEveryCornerIsBusy() throws Exception {
        FxTestSupport.onFx(() -> {
            rising(chart.addSeries("rising", 0));
            LineSeries falling = chart.addSeries("falling", 1);
            for (int i = 0; i <= 100; i++) {
                falling.append(i, 1 - i / 100.0);
            }
            chart.repaintNow();
            return null;
        });
        assertEquals(XYPlot.LegendPosition.BELOW, chart.placedLegend());
    }

    @Test
    void titlesBreakBetweenWordsNeverInsideOne() throws Exception {
        Font f = FxTestSupport.onFx(() -> Font.font("System", 17));
        for (String title : List.of("Modes captured (of 8)", "Estimate vs the value it estimates",
                "Lipschitz estimate vs 1", "D accuracy (evaluation batch, n = 512)")) {
            for (double max = 40; max <= 400; max += 7) {
                double m = max;
                List<String> lines = FxTestSupport.onFx(() -> PlotWidget.wrap(title, f, m));
                for (String line : lines) {
                    String word = line.endsWith("…") ? line.substring(0, line.length() - 1) : line;
                    // every line is whole words of the title (the last may be cut short with "…")
                    if (!line.endsWith("…")) {
                        assertTrue((" " + title + " ").contains(" " + word + " "), title + " @" + m + ": " + lines);
                    }
                }
                if (!String.join(" ", lines).contains("…")) {
                    assertEquals(title, String.join(" ", lines), "nothing lost @" + m);
                }
            }
        }
        // Chinese has no spaces: it may break between any two characters
        List<String> zh = FxTestSupport.onFx(() -> PlotWidget.wrap("捕捉到的模式（共 8 個）", f, 80));
        assertTrue(zh.size() == 2 && zh.get(0).length() >= 3, zh.toString());
    }

    @Test
    void xTickLabelsOfLongIterationCountsDoNotOverlapInANarrowChart() throws Exception {
        for (double w : new double[] {130, 180, 240, 320}) {
            Axes a = new Axes().setIntegerX(true).setNiceAutoRange(false);
            boolean overlap = FxTestSupport.onFx(() -> {
                a.layout(0, 0, w, 160, new Range(0, 123_456), new Range(0, 1), Theme.LIGHT, "System", 0);
                return a.xTickLabelsOverlap();
            });
            assertFalse(overlap, "x ticks overlap at width " + w);
            assertTrue(a.xTicks().values().length >= 2);
        }
    }

    /**
     * Thinning the target down to two ticks may still leave three crowded labels ("0 20 40" in a plot a little
     * wider than its labels, projector font: LayoutMatrixTest saw '20' and '40' overlap): every other one then.
     */
    @Test
    void xTickLabelsStayApartWhenEvenTwoTargetTicksAreCrowded() throws Exception {
        for (double w : new double[] {110, 120, 130, 140, 160, 180, 220}) {
            for (Theme t : Theme.builtIns()) {
                Axes a = new Axes().setNiceAutoRange(false);
                boolean overlap = FxTestSupport.onFx(() -> {
                    a.layout(0, 0, w, 160, new Range(-3, 45), new Range(0, 1), t, "System", 0);
                    return a.xTickLabelsOverlap();
                });
                assertFalse(overlap, "x ticks overlap at width " + w + ", " + t.id() + ": "
                        + java.util.Arrays.toString(a.xTicks().values()));
                assertTrue(a.xTicks().values().length >= 2);
            }
        }
    }
}

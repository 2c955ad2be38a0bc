package org.divergencelab.ui.plot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.divergencelab.ui.FxTestSupport;
import org.divergencelab.ui.theme.Theme;
import org.junit.jupiter.api.Test;

/**
 * Small plots under large fonts (issue 13): a boxed legend stays inside the plot area, a reference label near
 * the top stays out of the title, y tick labels keep apart, the x axis label gives way to the data; what is cut
 * with "…" is kept in full for the widget's tooltip. Measured on
 * the SVG rendering (the same paint code as the screen).
 */
class SmallPlotLayoutTest {

    private static final Pattern TEXT = Pattern.compile("<text x=\"([-0-9.]+)\" y=\"([-0-9.]+)\"[^>]*>([^<]*)</text>");

    /** x and y of the first text drawn with exactly {@code s}, or null. */
    private static double[] at(String svg, String s) {
        Matcher m = TEXT.matcher(svg);
        while (m.find()) {
            if (m.group(3).equals(s)) {
                return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
            }
        }
        return null;
    }

    private static boolean drawn(String svg, String prefix) {
        Matcher m = TEXT.matcher(svg);
        while (m.find()) {
            if (m.group(3).startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aLongLegendEntryIsCutToThePlotWidthInsteadOfRunningOverTheTickLabels() throws Exception {
        String svg = FxTestSupport.onFx(() -> {
            LineChart c = new LineChart();
            c.setTheme(Theme.PROJECTOR);
            c.setTitle("Estimate");
            LineSeries s = c.addSeries("W1 (optimal transport, n = 512 samples, a long legend entry)", 0);
            for (int i = 0; i <= 50; i++) {
                s.append(i, i < 25 ? 0 : 1);
            }
            c.setLegendPosition(XYPlot.LegendPosition.TOP_LEFT);
            String out = c.toSvg(260, 260);
            // the tooltip's text: the entry in full
            assertTrue(c.shortenedTexts().contains("W1 (optimal transport, n = 512 samples, a long legend entry)"),
                    c.shortenedTexts().toString());
            // every text starts inside the widget
            Matcher m = TEXT.matcher(out);
            while (m.find()) {
                assertTrue(Double.parseDouble(m.group(1)) >= 0, m.group(3) + " starts at x = " + m.group(1));
            }
            return out;
        });
        assertTrue(drawn(svg, "W1 (op"), "the entry shows, shortened");
        assertFalse(drawn(svg, "W1 (optimal transport, n = 512 samples, a long legend entry)"), "cut with …");
    }

    @Test
    void aReferenceLabelAtTheTopGoesUnderItsLineAndOutOfTheTitle() throws Exception {
        double[] y = FxTestSupport.onFx(() -> {
            LineChart c = new LineChart();
            c.setTitle("D accuracy");
            c.axes().setYRange(new Range(0, 1.05));
            c.addReferenceLine(ReferenceLine.horizontal(1, "100 %"));
            c.setLegendPosition(XYPlot.LegendPosition.NONE);
            c.toSvg(300, 200);
            double line = c.axes().toPixelY(1);
            double top = c.axes().top();
            double[] label = at(c.toSvg(300, 200), "100 %");
            return new double[] {label[1], line, top};
        });
        // the label's anchor sits below the line (drawn hanging from it), inside the plot area
        assertTrue(y[0] > y[1], "label at " + y[0] + ", line at " + y[1]);
        assertTrue(y[1] - y[2] < 20, "the line is near the top: " + (y[1] - y[2]));
    }

    @Test
    void yTickLabelsOfAShortPlotUnderLargeFontsKeepApartAndTheXLabelGivesWay() throws Exception {
        Object[] r = FxTestSupport.onFx(() -> {
            Axes a = new Axes().setXLabel("iteration");
            Theme big = Theme.PROJECTOR.scaledText(2);
            a.layout(0, 0, 400, 170, new Range(0, 100), new Range(0, 1), big, "System", 0);
            double[] v = a.yTicks().values();
            double closest = Double.MAX_VALUE;
            for (int i = 1; i < v.length; i++) {
                closest = Math.min(closest, Math.abs(a.toPixelY(v[i]) - a.toPixelY(v[i - 1])));
            }
            return new Object[] {closest, TextMetrics.height(a.tickFont()), v.length, a.height()};
        });
        assertTrue((double) r[0] >= 1.5 * (double) r[1], "y ticks " + r[0] + " px apart, labels " + r[1] + " px high");
        assertTrue((int) r[2] >= 2, "at least two y ticks");
        assertTrue((double) r[3] >= 40, "the plot keeps 40 px: " + r[3]);
    }
}

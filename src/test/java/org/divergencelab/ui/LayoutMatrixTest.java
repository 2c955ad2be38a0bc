package org.divergencelab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

import org.divergencelab.lesson.Scenes;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.plot.PlotWidget;
import org.divergencelab.ui.theme.Theme;
import org.divergencelab.ui.theme.ThemeManager;
import org.divergencelab.ui.util.Export;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every tab × {1280×720, 1920×1080} × {light, dark, projector} × {en, zh_TW} × {no caption, caption S13}, in one
 * window whose settings are switched, then the Training tab in compare mode, every tab at 4K (3840×2160) and every
 * tab at 200 % font size at 1920×1080. Every plot widget showing must keep at least {@link #MIN_W}×{@link #MIN_H}
 * pixels (a scene caption or the projector's large fonts once squashed them to 0–20 px strips), the area inside its
 * axes at least {@link #MIN_PLOT_W}×{@link #MIN_PLOT_H}, and no two of its texts (title, tick labels, axis labels,
 * legend) may overlap: their bounds are measured from the widget's own SVG rendering (the same paint code as the
 * screen). Writes the projector renders with the caption to {@code target/screenshots/layout/} to look at.
 */
public class LayoutMatrixTest {
    /** The smallest plot that still reads: room for tick labels, a title and a few data pixels. */
    public static final double MIN_W = 120;
    public static final double MIN_H = 80;
    /** The smallest data area inside the axes: a curve or a cloud of points still shows its shape. */
    public static final double MIN_PLOT_W = 60;
    public static final double MIN_PLOT_H = 40;
    /** Two texts overlap when their boxes share more than this many pixels in both directions (a box is the font's
     * ascent to descent: a rotated label's descent may touch a tick label without any ink meeting). */
    static final double OVERLAP_PX = 3;
    private static final Path OUT = Path.of("target", "screenshots", "layout");

    private MainWindow window;

    /**
     * The window in a 1920×1080 scene that is never shown (the headless screen is smaller), sized to each matrix
     * size through its max size (the holder lays it out top-left).
     */
    @BeforeEach
    void start() throws Exception {
        window = offScreenWindow();
    }

    /** The main window in a 3840×2160 scene that is never shown (large enough for the 4K rows), laid out top-left. */
    static MainWindow offScreenWindow() throws Exception {
        return FxTestSupport.onFx(() -> {
            MainWindow w = new MainWindow(new I18n(I18n.ENGLISH), new ThemeManager());
            StackPane holder = new StackPane(w.root());
            holder.setAlignment(javafx.geometry.Pos.TOP_LEFT);
            w.attach(new Scene(holder, 3840, 2160));
            return w;
        });
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            window.dispose();
        }).get();
    }

    /**
     * The whole matrix with every check (widget sizes, plot areas, overlapping texts), plus compare mode, 4K and
     * 200 % font size: about 40 s on a quiet 2-core machine, part of the default suite since its 287 problems were
     * fixed (issue 13). All its problems go to {@code target/layout-problems.txt}.
     */
    @Test
    void plotAreasAndTextsHoldInTheFullMatrixWithCompareMode4kAndLargeFonts() throws Exception {
        matrix();
    }

    private void matrix() throws Exception {
        List<String> failures = new ArrayList<>();
        int[] checked = {0};
        FxTestSupport.onFx(() -> {
            window.showGallery();
            return null;
        });
        List<String> tabs = FxTestSupport.onFx(() -> window.views().getTabs().stream()
                .map(t -> t.getId().substring("tab-".length())).toList());
        for (boolean withCaption : new boolean[] {false, true}) {
            if (withCaption) {
                FxTestSupport.onFx(() -> {
                    window.scenes().open(Scenes.get("S13"));
                    return null;
                });
            }
            for (int[] size : new int[][] {{1280, 720}, {1920, 1080}}) {
                for (Theme theme : Theme.builtIns()) {
                    for (Locale locale : List.of(I18n.ENGLISH, I18n.TRADITIONAL)) {
                        for (String tab : tabs) {
                            String tag = tab + "-" + size[0] + "x" + size[1] + "-" + theme.id() + "-" + locale
                                    + (withCaption ? "-S13" : "");
                            FxTestSupport.onFx(() -> {
                                check(tag, size, theme, locale, tab, failures, checked);
                                if (theme == Theme.PROJECTOR && withCaption && tab.equals("training")) {
                                    Export.writePng(Export.snapshot(window.root(), 1), OUT.resolve("window-" + tag + ".png"));
                                }
                                return null;
                            });
                        }
                    }
                }
            }
        }
        extraRows(tabs, failures, checked);
        report(failures, checked);
    }

    /** Compare mode, 4K and 200 % font size. */
    private void extraRows(List<String> tabs, List<String> failures, int[] checked) throws Exception {
        // Compare mode (two panels side by side): the Training tab, every theme and language, both sizes.
        FxTestSupport.onFx(() -> {
            window.selectView("training");
            ((javafx.scene.control.ToggleButton) window.root().lookup("#compare")).setSelected(true);
            return null;
        });
        FxTestSupport.await("two panels", () -> window.training().session().latest() != null
                && window.training().session().latest().panels().size() == 2);
        for (int[] size : new int[][] {{1280, 720}, {1920, 1080}}) {
            for (Theme theme : Theme.builtIns()) {
                for (Locale locale : List.of(I18n.ENGLISH, I18n.TRADITIONAL)) {
                    String tag = "training-compare-" + size[0] + "x" + size[1] + "-" + theme.id() + "-" + locale;
                    FxTestSupport.onFx(() -> {
                        check(tag, size, theme, locale, "training", failures, checked);
                        return null;
                    });
                }
            }
        }
        FxTestSupport.onFx(() -> {
            ((javafx.scene.control.ToggleButton) window.root().lookup("#compare")).setSelected(false);
            return null;
        });
        // 4K, and 200 % font size at 1920×1080: every tab, every theme, English and 繁體.
        for (int scale : new int[] {100, 200}) {
            int[] size = scale == 100 ? new int[] {3840, 2160} : new int[] {1920, 1080};
            for (Theme theme : Theme.builtIns()) {
                for (Locale locale : List.of(I18n.ENGLISH, I18n.TRADITIONAL)) {
                    for (String tab : tabs) {
                        String tag = tab + "-" + size[0] + "x" + size[1] + "-" + theme.id() + "-" + locale + "-" + scale + "%";
                        FxTestSupport.onFx(() -> {
                            window.themes().setFontScale(scale);
                            check(tag, size, theme, locale, tab, failures, checked);
                            if (scale == 200 && theme == Theme.LIGHT && locale == I18n.ENGLISH && tab.equals("training")) {
                                Export.writePng(Export.snapshot(window.root(), 1), OUT.resolve("window-" + tag + ".png"));
                            }
                            return null;
                        });
                    }
                }
            }
        }
        FxTestSupport.onFx(() -> {
            window.themes().setFontScale(100);
            return null;
        });
    }

    private void report(List<String> failures, int[] checked) throws Exception {
        java.nio.file.Files.createDirectories(Path.of("target"));
        java.nio.file.Files.write(Path.of("target", "layout-problems.txt"), failures);
        System.out.println("LayoutMatrixTest: " + checked[0] + " plots checked, " + failures.size() + " too small");
        failures.stream().limit(60).forEach(System.out::println);
        assertTrue(checked[0] > 100, "the matrix found the plots (" + checked[0] + ")");
        assertTrue(failures.isEmpty(), failures.size() + " problems (plots below " + MIN_W + "×" + MIN_H + ", plot areas below "
                + MIN_PLOT_W + "×" + MIN_PLOT_H + ", overlapping texts):\n"
                + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    /** Lays the window out at {@code size} in {@code theme} and {@code locale} on {@code tab}, and checks every plot. */
    private void check(String tag, int[] size, Theme theme, Locale locale, String tab, List<String> failures, int[] checked) {
        window.themes().setTheme(theme);
        window.i18n().setLocale(locale);
        Region r = (Region) window.root();
        r.setMaxSize(size[0], size[1]);
        r.setPrefSize(size[0], size[1]);
        window.selectView(tab);
        Parent root = window.root();
        for (int pass = 0; pass < 3; pass++) {
            root.getScene().getRoot().applyCss();
            root.getScene().getRoot().layout();
        }
        checkPlots(tag, window.views().getSelectionModel().getSelectedItem().getContent(), failures, checked);
    }

    /**
     * Checks every plot widget showing under {@code content}: at least {@link #MIN_W}×{@link #MIN_H}, its data area
     * at least {@link #MIN_PLOT_W}×{@link #MIN_PLOT_H}, no two of its texts overlapping; problems go to
     * {@code failures} tagged {@code tag}.
     */
    static void checkPlots(String tag, Node content, List<String> failures, int[] checked) {
        for (PlotWidget p : plots(content)) {
            Bounds b = p.getLayoutBounds();
            checked[0]++;
            String what = String.format("%s: %s %s", tag, p.getClass().getSimpleName(), p.getId());
            if (b.getWidth() < MIN_W || b.getHeight() < MIN_H) {
                failures.add(String.format("%s is %.0f×%.0f", what, b.getWidth(), b.getHeight()));
                continue;
            }
            List<TextBox> texts = texts(p.toSvg(b.getWidth(), b.getHeight())); // also lays the axes out at this size
            // (a widget that draws without its axes, as WarpedGrid's 1-D map, leaves them unlaid: 0×0 or 1×1)
            if (p instanceof org.divergencelab.ui.plot.XYPlot xy && xy.axes().width() * xy.axes().height() > 1
                    && (xy.axes().width() < MIN_PLOT_W || xy.axes().height() < MIN_PLOT_H)) {
                failures.add(String.format("%s: plot area %.0f×%.0f inside %.0f×%.0f", what, xy.axes().width(),
                        xy.axes().height(), b.getWidth(), b.getHeight()));
            }
            String overlap = firstOverlap(texts);
            if (overlap != null) {
                failures.add(what + ": texts overlap: " + overlap);
            }
        }
    }

    /** A text's box in the widget's pixels, and the text. */
    record TextBox(String text, double x0, double y0, double x1, double y1) {
        boolean overlaps(TextBox o) {
            return Math.min(x1, o.x1) - Math.max(x0, o.x0) > OVERLAP_PX && Math.min(y1, o.y1) - Math.max(y0, o.y0) > OVERLAP_PX;
        }
    }

    private static final java.util.regex.Pattern SVG_TEXT = java.util.regex.Pattern.compile(
            "<text x=\"([-0-9.]+)\" y=\"([-0-9.]+)\" text-anchor=\"(\\w+)\"[^>]*? font-family=\"([^\"]*?)(?:, sans-serif)?\" "
                    + "font-size=\"([0-9.]+)\"( font-weight=\"bold\")?(?: transform=\"rotate\\(([-0-9.]+) [^)]*\\)\")?[^>]*>([^<]*)</text>");

    /** Every text of an SVG rendering with its box, measured with the font it is drawn in (y is its baseline). */
    static List<TextBox> texts(String svg) {
        List<TextBox> out = new ArrayList<>();
        java.util.regex.Matcher m = SVG_TEXT.matcher(svg);
        while (m.find()) {
            String text = m.group(8).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
            if (text.isBlank()) {
                continue;
            }
            javafx.scene.text.Text t = new javafx.scene.text.Text(text);
            t.setFont(javafx.scene.text.Font.font(m.group(4), m.group(6) != null ? javafx.scene.text.FontWeight.BOLD
                    : javafx.scene.text.FontWeight.NORMAL, Double.parseDouble(m.group(5))));
            t.setTextOrigin(javafx.geometry.VPos.BASELINE);
            Bounds tb = t.getLayoutBounds();
            double x = Double.parseDouble(m.group(1));
            double y = Double.parseDouble(m.group(2));
            double w = tb.getWidth();
            double left = switch (m.group(3)) {
                case "middle" -> -w / 2;
                case "end" -> -w;
                default -> 0;
            };
            // the box relative to the anchor point, then turned as the text is
            double[][] corners = {{left, tb.getMinY()}, {left + w, tb.getMinY()}, {left, tb.getMaxY()}, {left + w, tb.getMaxY()}};
            double deg = m.group(7) == null ? 0 : Double.parseDouble(m.group(7));
            double cos = Math.cos(Math.toRadians(deg));
            double sin = Math.sin(Math.toRadians(deg));
            double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
            for (double[] c : corners) {
                double cx = x + c[0] * cos - c[1] * sin;
                double cy = y + c[0] * sin + c[1] * cos;
                x0 = Math.min(x0, cx);
                y0 = Math.min(y0, cy);
                x1 = Math.max(x1, cx);
                y1 = Math.max(y1, cy);
            }
            out.add(new TextBox(text, x0, y0, x1, y1));
        }
        return out;
    }

    /** The first pair of overlapping texts, described, or null. */
    static String firstOverlap(List<TextBox> texts) {
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                TextBox a = texts.get(i);
                TextBox b = texts.get(j);
                if (a.overlaps(b)) {
                    return String.format("'%s' [%.0f,%.0f–%.0f,%.0f] and '%s' [%.0f,%.0f–%.0f,%.0f]", a.text(), a.x0(), a.y0(),
                            a.x1(), a.y1(), b.text(), b.x0(), b.y0(), b.x1(), b.y1());
                }
            }
        }
        return null;
    }

    /** The plot widgets that show under {@code n} (visible all the way up, scroll panes' contents included). */
    public static List<PlotWidget> plots(Node n) {
        List<PlotWidget> out = new ArrayList<>();
        collect(n, out);
        return out;
    }

    private static void collect(Node n, List<PlotWidget> out) {
        if (n == null || !n.isVisible()) {
            return;
        }
        if (n instanceof PlotWidget p) {
            out.add(p);
            return;
        }
        if (n instanceof ScrollPane sp) {
            collect(sp.getContent(), out);
            return;
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }
}

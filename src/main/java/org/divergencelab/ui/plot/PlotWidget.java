package org.divergencelab.ui.plot;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import org.divergencelab.ui.theme.Theme;
import org.divergencelab.ui.theme.Themed;

/**
 * Base of every plot widget: a {@link Region} holding one {@link Canvas} that is repainted through a
 * {@link Painter}, so the same {@link #paint} produces the on-screen picture and the SVG export.
 *
 * <p>Setting data calls {@link #invalidate()}, which only marks the widget dirty and requests a layout;
 * the actual repaint happens once in the next layout pass. Ten data updates between two frames therefore
 * cost one repaint. Everything here runs on the FX thread.
 */
public abstract class PlotWidget extends Region implements Themed {

    private final Canvas canvas = new Canvas();
    private CanvasPainter painter = new CanvasPainter(canvas.getGraphicsContext2D());
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final StringProperty fontFamily = new SimpleStringProperty(this, "fontFamily",
            Font.getDefault().getFamily());
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private boolean dirty = true;
    private long lastPaintNanos;
    private long paintCount;

    protected PlotWidget() {
        getStyleClass().add("plot-widget");
        getChildren().add(canvas);
        theme.addListener((o, a, b) -> invalidate());
        fontFamily.addListener((o, a, b) -> invalidate());
        title.addListener((o, a, b) -> invalidate());
        // Out of the scene (its tab hidden) a widget keeps no raster buffers: they have the size of the largest
        // frame it ever drew (full screen, 200 % fonts). The canvas keeps its picture; a new painter allocates on
        // the next paint.
        sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                painter = new CanvasPainter(canvas.getGraphicsContext2D());
            }
        });
        setMinSize(120, 90);
        setPrefSize(480, 360);
    }

    /** The theme whose colours and sizes the widget draws with. */
    @Override
    public final ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public final Theme getTheme() {
        return theme.get();
    }

    public final void setTheme(Theme t) {
        theme.set(t);
    }

    /** Font family for all text of the widget (the app sets a CJK-capable one for Chinese). */
    @Override
    public final StringProperty fontFamilyProperty() {
        return fontFamily;
    }

    /** Title drawn above the plot; empty for none. Bind it to an i18n string. */
    public final StringProperty titleProperty() {
        return title;
    }

    public final String getTitle() {
        return title.get();
    }

    public final void setTitle(String s) {
        title.set(s == null ? "" : s);
    }

    /** Marks the picture stale; it is repainted once in the next layout pass. */
    public final void invalidate() {
        dirty = true;
        requestLayout();
    }

    /** Repaints now at the current size (for exports and tests that do not wait for a pulse). */
    public final void repaintNow() {
        resizeCanvas();
        repaint();
    }

    /** Nanoseconds the last repaint took on the FX thread (issuing the drawing commands). */
    public final long lastPaintNanos() {
        return lastPaintNanos;
    }

    /** How many times the widget has repainted (lets tests prove coalescing). */
    public final long paintCount() {
        return paintCount;
    }

    /** The widget drawn as an SVG document of the given size. */
    public final String toSvg(double width, double height) {
        SvgPainter svg = new SvgPainter(width, height);
        paintAll(svg, width, height);
        return svg.toSvg();
    }

    /** The widget drawn as an SVG document at its current size. */
    public final String toSvg() {
        return toSvg(Math.max(1, getWidth()), Math.max(1, getHeight()));
    }

    /**
     * The widget drawn into an image of {@code width × height} at {@code scale} device pixels per unit, on
     * a canvas of its own: a sharp PNG for a slide (a plain snapshot of the on-screen canvas would only
     * upscale its pixels). FX thread only.
     */
    public final javafx.scene.image.WritableImage renderImage(double width, double height, double scale) {
        if (!(width > 0) || !(height > 0) || !(scale > 0)) {
            throw new IllegalArgumentException("image size and scale must be positive, got " + width + "x" + height
                    + " at " + scale);
        }
        Canvas c = new Canvas(Math.ceil(width * scale), Math.ceil(height * scale));
        javafx.scene.canvas.GraphicsContext g = c.getGraphicsContext2D();
        g.scale(scale, scale);
        CanvasPainter cp = new CanvasPainter(g);
        cp.beginFrame(scale);
        paintAll(cp, width, height);
        cp.endFrame();
        javafx.scene.SnapshotParameters sp = new javafx.scene.SnapshotParameters();
        sp.setFill(javafx.scene.paint.Color.TRANSPARENT);
        return c.snapshot(sp, null);
    }

    @Override
    protected void layoutChildren() {
        boolean resized = resizeCanvas();
        if (dirty || resized) {
            repaint();
        }
    }

    private boolean resizeCanvas() {
        double w = Math.max(1, Math.floor(getWidth()));
        double h = Math.max(1, Math.floor(getHeight()));
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            return true;
        }
        return false;
    }

    private void repaint() {
        long t0 = System.nanoTime();
        painter.beginFrame(getScene() != null && getScene().getWindow() != null
                ? getScene().getWindow().getOutputScaleX() : 1);
        paintAll(painter, canvas.getWidth(), canvas.getHeight());
        painter.endFrame();
        showShortened();
        dirty = false;
        paintCount++;
        lastPaintNanos = System.nanoTime() - t0;
    }

    /** The painter drawing this widget now (tests: a widget out of the scene gets a fresh, empty one). */
    final CanvasPainter painter() {
        return painter;
    }

    /** The title as the last paint broke it into lines (empty when there is no title). */
    public final java.util.List<String> titleLines() {
        return titleLines;
    }

    private java.util.List<String> titleLines = java.util.List.of();

    /** A title takes a second line only if the content below keeps this many title-line heights. */
    private static final double MIN_CONTENT_LINES = 4;

    /** Texts the last paint cut with "…" (a title, legend entries), in full: the widget's tooltip shows them. */
    private final java.util.Set<String> shortened = new java.util.LinkedHashSet<>();
    private javafx.scene.control.Tooltip shortenedTip;

    /** Notes that the paint in progress shows {@code full} cut short: hovering the widget shows it whole. */
    protected final void noteShortened(String full) {
        shortened.add(full);
    }

    /** The texts the last paint cut short, in full (tests). */
    public final java.util.List<String> shortenedTexts() {
        return java.util.List.copyOf(shortened);
    }

    /** The on-screen widget's tooltip: what its last paint cut short, in full (none when nothing was). */
    private void showShortened() {
        if (shortened.isEmpty()) {
            if (shortenedTip != null) {
                javafx.scene.control.Tooltip.uninstall(this, shortenedTip);
                shortenedTip = null;
            }
            return;
        }
        if (shortenedTip == null) {
            shortenedTip = new javafx.scene.control.Tooltip();
            shortenedTip.setWrapText(true);
            shortenedTip.setMaxWidth(600);
            javafx.scene.control.Tooltip.install(this, shortenedTip);
        }
        String text = String.join("\n", shortened);
        if (!text.equals(shortenedTip.getText())) {
            shortenedTip.setText(text);
        }
    }

    private void paintAll(Painter p, double w, double h) {
        titleLines = java.util.List.of();
        shortened.clear();
        Theme t = theme.get();
        p.setFill(t.background());
        p.fillRect(0, 0, w, h);
        double top = 0;
        String s = title.get();
        if (s != null && !s.isEmpty()) {
            Font f = titleFont();
            java.util.List<String> lines = wrap(s, f, w - 12);
            double lh = TextMetrics.height(f);
            if (lines.size() > 1 && h - lines.size() * lh - 6 < MIN_CONTENT_LINES * lh) {
                // a second title line would squash a short plot (a chart at 200 % font): one line, cut with "…"
                lines = java.util.List.of(ellipsize(s, f, w - 12));
            }
            titleLines = lines;
            if (String.join(" ", lines).contains("…") && !s.contains("…")) {
                noteShortened(s);
            }
            p.setFont(f);
            p.setFill(t.foreground());
            for (int i = 0; i < lines.size(); i++) {
                p.fillText(lines.get(i), w / 2, 4 + i * lh, TextAlignment.CENTER, VPos.TOP);
            }
            top = lh * lines.size() + 6;
        }
        paint(p, 0, top, w, h - top);
    }

    /**
     * Breaks {@code text} into lines no wider than {@code max}: at a space where one fits, never inside a word
     * of Latin letters or digits (a word that does not fit ends its line in "…"), anywhere between CJK
     * characters. At most two lines; the second ends in "…" when it still does not fit.
     */
    static java.util.List<String> wrap(String text, Font f, double max) {
        java.util.List<String> out = new java.util.ArrayList<>();
        String rest = text;
        while (!rest.isEmpty() && out.size() < 2) {
            if (TextMetrics.width(rest, f) <= max || out.size() == 1) {
                out.add(out.size() == 1 ? ellipsize(rest, f, max) : rest);
                return out;
            }
            int fit = 1;
            while (fit < rest.length() && TextMetrics.width(rest.substring(0, fit + 1), f) <= max) {
                fit++;
            }
            int cut = fit;
            while (cut > 0 && insideWord(rest, cut)) {
                cut--;
            }
            if (cut == 0) {
                // the first word alone is wider than the line: it ends the title, shortened
                out.add(ellipsize(rest, f, max));
                return out;
            }
            out.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        return out;
    }

    /** Whether a break before index {@code i} would split a word (letters, digits, brackets, punctuation of it). */
    private static boolean insideWord(String s, int i) {
        return !breakable(s.charAt(i - 1)) && !breakable(s.charAt(i));
    }

    /** Spaces, and CJK characters (a line may break before or after any of them). */
    private static boolean breakable(char c) {
        return Character.isWhitespace(c) || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || c >= '\u3000' && c <= '\u30ff' || c >= '\uff00' && c <= '\uffef';
    }

    /** {@code s} cut to {@code max} pixels with "…" (unchanged when it fits): titles, legend entries. */
    static String ellipsize(String s, Font f, double max) {
        if (TextMetrics.width(s, f) <= max) {
            return s;
        }
        int n = s.length();
        while (n > 1 && TextMetrics.width(s.substring(0, n) + "…", f) > max) {
            n--;
        }
        return s.substring(0, n) + "…";
    }

    /** The font of the title. */
    protected final Font titleFont() {
        return Font.font(fontFamily.get(), FontWeight.BOLD, theme.get().fontSize() * 1.3);
    }

    /** A font of this widget's family at {@code scale} × the theme's base size. */
    protected final Font font(double scale, FontWeight weight) {
        return Font.font(fontFamily.get(), weight, theme.get().fontSize() * scale);
    }

    /** The widget's font family. */
    protected final String family() {
        return fontFamily.get();
    }

    /**
     * Draws the widget's content into the rectangle {@code [x, x+w] × [y, y+h]} (below the title). The
     * background is already filled.
     */
    protected abstract void paint(Painter p, double x, double y, double w, double h);
}

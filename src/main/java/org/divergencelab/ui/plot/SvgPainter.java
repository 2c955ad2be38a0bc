package org.divergencelab.ui.plot;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Locale;

import javax.imageio.ImageIO;

import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * {@link Painter} that writes an SVG 1.1 document. Lines, points and text stay vectors; rasters (heatmap
 * cells) are embedded as a PNG image with pixelated scaling, which keeps a 128×128 field to one element.
 */
public final class SvgPainter implements Painter {

    private final StringBuilder body = new StringBuilder(1 << 16);
    private final double width;
    private final double height;
    private Color stroke = Color.BLACK;
    private Color fill = Color.BLACK;
    private double lineWidth = 1;
    private double[] dashes;
    private Font font = Font.getDefault();
    private int clipId;
    private int openGroups;

    public SvgPainter(double width, double height) {
        this.width = width;
        this.height = height;
    }

    /** The finished document. */
    public String toSvg() {
        StringBuilder sb = new StringBuilder(body.length() + 256);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" ")
                .append("version=\"1.1\" width=\"").append(n(width)).append("\" height=\"").append(n(height))
                .append("\" viewBox=\"0 0 ").append(n(width)).append(' ').append(n(height)).append("\">\n");
        sb.append(body);
        for (int i = 0; i < openGroups; i++) {
            sb.append("</g>\n");
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    @Override
    public void setStroke(Color c) {
        stroke = c;
    }

    @Override
    public void setFill(Color c) {
        fill = c;
    }

    @Override
    public void setLineWidth(double w) {
        lineWidth = w;
    }

    @Override
    public void setLineDashes(double... d) {
        dashes = d == null || d.length == 0 ? null : d.clone();
    }

    @Override
    public void setFont(Font f) {
        font = f;
    }

    @Override
    public Font getFont() {
        return font;
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        body.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append('"');
        strokeAttrs();
        body.append("/>\n");
    }

    @Override
    public void strokePolyline(double[] xs, double[] ys, int n) {
        if (n < 2) {
            return;
        }
        body.append("<polyline fill=\"none\" points=\"");
        points(xs, ys, n);
        body.append('"');
        strokeAttrs();
        body.append("/>\n");
    }

    @Override
    public void strokeSegments(double[] xy, int n) {
        if (n <= 0) {
            return;
        }
        body.append("<path fill=\"none\" d=\"");
        for (int i = 0; i < n; i++) {
            int k = 4 * i;
            body.append('M').append(n(xy[k])).append(' ').append(n(xy[k + 1])).append('L').append(n(xy[k + 2]))
                    .append(' ').append(n(xy[k + 3]));
        }
        body.append('"');
        strokeAttrs();
        body.append("/>\n");
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        if (n < 3) {
            return;
        }
        body.append("<polygon points=\"");
        points(xs, ys, n);
        body.append('"');
        fillAttrs();
        body.append("/>\n");
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        body.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append('"');
        fillAttrs();
        body.append("/>\n");
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        body.append("<rect fill=\"none\" x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"")
                .append(n(w)).append("\" height=\"").append(n(h)).append('"');
        strokeAttrs();
        body.append("/>\n");
    }

    @Override
    public void fillCircle(double cx, double cy, double r) {
        body.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                .append('"');
        fillAttrs();
        body.append("/>\n");
    }

    @Override
    public void strokeCircle(double cx, double cy, double r) {
        body.append("<circle fill=\"none\" cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"")
                .append(n(r)).append('"');
        strokeAttrs();
        body.append("/>\n");
    }

    @Override
    public void fillText(String text, double x, double y, TextAlignment align, VPos baseline) {
        text(text, x, y, align, baseline, null);
    }

    @Override
    public void fillTextRotated(String text, double x, double y, double degrees, TextAlignment align, VPos baseline) {
        text(text, x, y, align, baseline, "rotate(" + n(degrees) + ' ' + n(x) + ' ' + n(y) + ')');
    }

    private void text(String text, double x, double y, TextAlignment align, VPos baseline, String transform) {
        String anchor = switch (align) {
            case CENTER -> "middle";
            case RIGHT -> "end";
            default -> "start";
        };
        // Baseline placed explicitly from the font's metrics, as JavaFX places it: not every SVG renderer
        // honours dominant-baseline.
        double top = TextMetrics.baseline(font);
        double h = TextMetrics.height(font);
        double dy = switch (baseline) {
            case TOP -> top;
            case CENTER -> top - h / 2;
            case BOTTOM -> top - h;
            default -> 0;
        };
        body.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y + dy)).append("\" text-anchor=\"")
                .append(anchor).append("\" stroke=\"none\" font-family=\"")
                .append(escape(font.getFamily())).append(", sans-serif\" font-size=\"").append(n(font.getSize()))
                .append('"');
        String style = font.getStyle().toLowerCase(Locale.ROOT);
        if (style.contains("bold")) {
            body.append(" font-weight=\"bold\"");
        }
        if (transform != null) {
            body.append(" transform=\"").append(transform).append('"');
        }
        fillAttrs();
        body.append('>').append(escape(text)).append("</text>\n");
    }

    /** Rasters up to this many cells become rectangles: crisp in every renderer (a plan γ, a colour bar). */
    static final int RECT_RASTER_LIMIT = 4096;

    @Override
    public void drawRaster(int[] argb, int w, int h, double x, double y, double dw, double dh) {
        if ((long) w * h <= RECT_RASTER_LIMIT) {
            rasterAsRects(argb, w, h, x, y, dw / w, dh / h);
            return;
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, w, h, argb, 0, w);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a " + w + "x" + h + " raster for SVG", e);
        }
        body.append("<image x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(dw))
                .append("\" height=\"").append(n(dh)).append("\" preserveAspectRatio=\"none\" ")
                .append("style=\"image-rendering:pixelated;image-rendering:crisp-edges\" xlink:href=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png.toByteArray())).append("\"/>\n");
    }

    /** One rect per horizontal run of equal colour; transparent cells are left out. */
    private void rasterAsRects(int[] argb, int w, int h, double x, double y, double cw, double ch) {
        body.append("<g shape-rendering=\"crispEdges\">\n");
        for (int r = 0; r < h; r++) {
            int c = 0;
            while (c < w) {
                int col = argb[r * w + c];
                int end = c + 1;
                while (end < w && argb[r * w + end] == col) {
                    end++;
                }
                int a = col >>> 24;
                if (a != 0) {
                    body.append("<rect x=\"").append(n(x + c * cw)).append("\" y=\"").append(n(y + r * ch))
                            .append("\" width=\"").append(n((end - c) * cw)).append("\" height=\"").append(n(ch))
                            .append("\" fill=\"").append(String.format(Locale.ROOT, "#%06x", col & 0xffffff))
                            .append('"');
                    if (a < 255) {
                        body.append(" fill-opacity=\"").append(n(a / 255.0)).append('"');
                    }
                    body.append("/>\n");
                }
                c = end;
            }
        }
        body.append("</g>\n");
    }

    @Override
    public void pushClip(double x, double y, double w, double h) {
        int id = ++clipId;
        body.append("<clipPath id=\"clip").append(id).append("\"><rect x=\"").append(n(x)).append("\" y=\"")
                .append(n(y)).append("\" width=\"").append(n(w)).append("\" height=\"").append(n(h))
                .append("\"/></clipPath>\n<g clip-path=\"url(#clip").append(id).append(")\">\n");
        openGroups++;
    }

    @Override
    public void popClip() {
        if (openGroups == 0) {
            throw new IllegalStateException("popClip without pushClip");
        }
        body.append("</g>\n");
        openGroups--;
    }

    private void points(double[] xs, double[] ys, int n) {
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                body.append(' ');
            }
            body.append(n(xs[i])).append(',').append(n(ys[i]));
        }
    }

    private void strokeAttrs() {
        body.append(" stroke=\"").append(rgb(stroke)).append("\" stroke-width=\"").append(n(lineWidth)).append('"');
        if (stroke.getOpacity() < 1) {
            body.append(" stroke-opacity=\"").append(n(stroke.getOpacity())).append('"');
        }
        if (dashes != null) {
            body.append(" stroke-dasharray=\"");
            for (int i = 0; i < dashes.length; i++) {
                body.append(i == 0 ? "" : ",").append(n(dashes[i]));
            }
            body.append('"');
        }
    }

    private void fillAttrs() {
        body.append(" fill=\"").append(rgb(fill)).append('"');
        if (fill.getOpacity() < 1) {
            body.append(" fill-opacity=\"").append(n(fill.getOpacity())).append('"');
        }
    }

    private static String rgb(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    /** Two decimals are a hundredth of a pixel: finer than any screen, and keeps files small. */
    private static String n(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        double r = Math.round(v * 100) / 100.0;
        if (r == Math.rint(r)) {
            return Long.toString((long) r);
        }
        return Double.toString(r);
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}

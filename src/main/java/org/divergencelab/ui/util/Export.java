package org.divergencelab.ui.util;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;

import org.divergencelab.ui.plot.PlotWidget;
import org.divergencelab.ui.theme.Theme;
import org.divergencelab.ui.theme.ThemeManager;
import org.divergencelab.io.AtomicFiles;

/**
 * PNG and SVG export of nodes and widgets. Everything here must run on the FX thread (snapshots are an FX
 * operation); from another thread wrap the call in {@link HeadlessFx#call}.
 */
public final class Export {

    private Export() {
    }

    /**
     * The file name an export proposes: {@code divergence-lab-S13-2026-12-02.png} for what is shown (the open
     * scene's id, else the view's id) and the day, so a lecturer's exports of one scene on different days do
     * not overwrite each other. Characters a file system might refuse become '-'.
     */
    public static String defaultName(String shown, java.time.LocalDate day, String extension) {
        String what = shown == null || shown.isBlank() ? "window" : shown.strip().replaceAll("[^A-Za-z0-9_-]+", "-");
        return "divergence-lab-" + what + "-" + day + "." + extension;
    }

    /** {@code file} with {@code .extension} appended unless its name already ends so (any letter case). */
    public static Path withExtension(Path file, String extension) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith("." + extension.toLowerCase(java.util.Locale.ROOT))
                ? file : file.resolveSibling(name + "." + extension);
    }

    /** A snapshot of {@code node} at {@code scale} × its size (2 for a crisp slide). */
    public static WritableImage snapshot(Node node, double scale) {
        requireFx();
        if (!(scale > 0)) {
            throw new IllegalArgumentException("export scale must be > 0, got " + scale);
        }
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        if (scale != 1) {
            params.setTransform(Transform.scale(scale, scale));
        }
        return node.snapshot(params, null);
    }

    /** Writes {@code node} as PNG at 1×. */
    public static void png(Node node, Path file) throws IOException {
        png(node, file, 1);
    }

    /** Writes {@code node} as PNG at {@code scale} ×. */
    public static void png(Node node, Path file, double scale) throws IOException {
        writePng(snapshot(node, scale), file);
    }

    /**
     * Writes a plot widget as a sharp PNG of {@code width × height} at {@code scale} (redrawn at that
     * resolution, not an upscaled screen copy).
     */
    public static void png(PlotWidget widget, Path file, double width, double height, double scale)
            throws IOException {
        requireFx();
        writePng(widget.renderImage(width, height, scale), file);
    }

    /** Writes an image as PNG, creating parent folders. */
    public static void writePng(WritableImage image, Path file) throws IOException {
        BufferedImage img = SwingFXUtils.fromFXImage(image, null);
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer available for " + file);
            }
        });
    }

    /** Writes a plot widget as SVG at its current size. */
    public static void svg(PlotWidget widget, Path file) throws IOException {
        svg(widget, file, widget.getWidth(), widget.getHeight());
    }

    /** Writes a plot widget as SVG at the given size. */
    public static void svg(PlotWidget widget, Path file, double width, double height) throws IOException {
        requireFx();
        if (!(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException("SVG size must be positive, got " + width + "x" + height
                    + " (lay the widget out or pass a size)");
        }
        AtomicFiles.writeString(file, widget.toSvg(width, height));
    }

    /**
     * Renders {@code root} off screen at {@code width × height} in {@code theme} (its stylesheets applied,
     * a layout pass done) and returns the snapshot: the headless path for a {@code render} command.
     */
    public static WritableImage renderOffscreen(Parent root, double width, double height, Theme theme,
            double scale) {
        requireFx();
        Scene scene = new Scene(root, width, height);
        ThemeManager tm = new ThemeManager();
        tm.setTheme(theme);
        tm.attach(scene);
        applyTheme(root, theme);
        root.applyCss();
        root.layout();
        // Widgets paint in layout; a second pass settles nodes whose size depended on the first.
        root.applyCss();
        root.layout();
        return snapshot(root, scale);
    }

    /** Sets {@code theme} on every plot widget under {@code node} whose theme is not bound elsewhere. */
    private static void applyTheme(Node node, Theme theme) {
        if (node instanceof PlotWidget w && !w.themeProperty().isBound()) {
            w.setTheme(theme);
        }
        if (node instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                applyTheme(c, theme);
            }
        }
    }

    private static void requireFx() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("export must run on the JavaFX application thread (use HeadlessFx.call)");
        }
    }
}

package org.divergencelab.ui.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import javafx.scene.layout.StackPane;

import org.divergencelab.ui.FxTestSupport;
import org.divergencelab.ui.plot.Field;
import org.divergencelab.ui.plot.Heatmap;
import org.divergencelab.ui.plot.HeatmapLayer;
import org.divergencelab.ui.plot.ScatterLayer;
import org.divergencelab.ui.plot.ScatterPlot;
import org.divergencelab.ui.theme.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ExportTest {

    @TempDir
    Path dir;

    private static ScatterPlot scatter() {
        ScatterPlot p = new ScatterPlot();
        p.setTitle("Samples <real & fake>");
        p.setAxisLabels("x", "y");
        p.setSeries(new ScatterLayer("real", new double[] {0, 1, 2}, new double[] {0, 1, 0}, Theme.REAL),
                new ScatterLayer("generated", new double[] {0.5, 1.5}, new double[] {0.5, -0.5}, Theme.GENERATED));
        return p;
    }

    @Test
    void defaultNameIsWhatIsShownAndTheDay() {
        java.time.LocalDate day = java.time.LocalDate.of(2026, 12, 2);
        assertEquals("divergence-lab-S13-2026-12-02.png", Export.defaultName("S13", day, "png"));
        assertEquals("divergence-lab-training-2026-01-09.svg", Export.defaultName("training", java.time.LocalDate.of(2026, 1, 9), "svg"));
        assertEquals("divergence-lab-window-2026-12-02.png", Export.defaultName(null, day, "png"));
        assertEquals("divergence-lab-a-b-2026-12-02.png", Export.defaultName("a/b", day, "png"), "no path separators");
    }

    @Test
    void pngIsAppendedWhenMissing() {
        Path dir = Path.of("slides");
        assertEquals(dir.resolve("export-s13.png"), Export.withExtension(dir.resolve("export-s13"), "png"));
        assertEquals(dir.resolve("s13.PNG"), Export.withExtension(dir.resolve("s13.PNG"), "png"), "kept in any case");
        assertEquals(dir.resolve("s13.png"), Export.withExtension(dir.resolve("s13.png"), "png"));
        assertEquals(dir.resolve("s13.svg.png"), Export.withExtension(dir.resolve("s13.svg"), "png"));
        assertEquals(Path.of("fig.v2.png"), Export.withExtension(Path.of("fig.v2"), "png"));
    }

    @Test
    void pngHasTheExpectedSizeAndIsNotBlank() throws Exception {
        Path file = dir.resolve("sub/scatter.png");
        FxTestSupport.onFx(() -> {
            StackPane root = new StackPane(scatter());
            Export.writePng(Export.renderOffscreen(root, 400, 300, Theme.DARK, 2), file);
            return null;
        });
        BufferedImage img = ImageIO.read(file.toFile());
        assertEquals(800, img.getWidth(), "2x scale");
        assertEquals(600, img.getHeight());
        // Background of the dark theme in a corner, and at least a real-data blue somewhere.
        int corner = img.getRGB(2, 2) & 0xffffff;
        assertEquals(0x1e1f22, corner, "dark background, got " + Integer.toHexString(corner));
        boolean sawBlue = false;
        for (int y = 0; y < img.getHeight() && !sawBlue; y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int c = img.getRGB(x, y);
                int r = (c >> 16) & 0xff;
                int b = c & 0xff;
                if (b > 180 && r < 130) {
                    sawBlue = true;
                    break;
                }
            }
        }
        assertTrue(sawBlue, "the real-data points are drawn");
    }

    @Test
    void widgetPngIsRedrawnAtTheAskedScale() throws Exception {
        Path file = dir.resolve("crisp.png");
        FxTestSupport.onFx(() -> {
            Export.png(scatter(), file, 300, 200, 3);
            return null;
        });
        BufferedImage img = ImageIO.read(file.toFile());
        assertEquals(900, img.getWidth());
        assertEquals(600, img.getHeight());
        assertTrue(org.divergencelab.ui.ScreenshotsTest.distinctColours(img) > 20, "not blank");
    }

    @Test
    void svgIsWellFormedAndEscapesText() throws Exception {
        Path file = dir.resolve("scatter.svg");
        FxTestSupport.onFx(() -> {
            Export.svg(scatter(), file, 480, 360);
            return null;
        });
        String svg = Files.readString(file, StandardCharsets.UTF_8);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertEquals("480", doc.getDocumentElement().getAttribute("width"));
        assertEquals(5, doc.getElementsByTagName("circle").getLength() - 2, "5 points + 2 legend swatches");
        assertTrue(svg.contains("Samples &lt;real &amp; fake&gt;"));
    }

    @Test
    void svgOfAHeatmapEmbedsOneRaster() throws Exception {
        String svg = FxTestSupport.onFx(() -> {
            double[] v = new double[96 * 96];
            for (int i = 0; i < v.length; i++) {
                v[i] = Math.sin(i * 0.01);
            }
            Heatmap h = new Heatmap();
            h.setField(HeatmapLayer.of(new Field(v, 96, 96, 0, 1, 0, 1)).contours(3).build());
            return h.toSvg(500, 400);
        });
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        // The 96×96 field is one embedded PNG; the 1×256 colour bar is small enough for crisp rects.
        assertEquals(1, svg.split("<image ", -1).length - 1);
        assertTrue(svg.contains("shape-rendering=\"crispEdges\""), "colour bar as rects");
        assertTrue(svg.contains("<path "), "contours");
    }

    @Test
    void exportOffTheFxThreadSaysHow() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Export.snapshot(new StackPane(), 1));
        assertTrue(e.getMessage().contains("HeadlessFx.call"));
    }
}

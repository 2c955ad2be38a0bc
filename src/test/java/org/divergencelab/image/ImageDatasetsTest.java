package org.divergencelab.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDatasetsTest {

    private static float[] all(ImageDataset d) {
        float[] v = new float[d.count() * d.dim()];
        for (int i = 0; i < d.count(); i++) {
            d.copyImage(i, v, i * d.dim());
        }
        return v;
    }

    @Test
    void shapesAreSeededAndInRange() {
        ImageDataset a = ProceduralShapes.generate(20, 28, 1, 5);
        ImageDataset b = ProceduralShapes.generate(20, 28, 1, 5);
        assertArrayEquals(all(a), all(b), "same seed, same images");
        assertTrue(!java.util.Arrays.equals(all(a), all(ProceduralShapes.generate(20, 28, 1, 6))), "seed matters");
        ImageDataset rgb = ProceduralShapes.generate(5, 16, 3, 1);
        assertEquals(3 * 16 * 16, rgb.dim());
    }

    @Test
    void discCoverageIsItsArea() {
        // the rasterised disc's total coverage against πr² (4x4 supersampling: edge error well under 2 %)
        float[] cover = new float[40 * 40];
        double r = 11.3;
        ProceduralShapes.rasterise(0, 20.2, 19.7, r, 0.3, 40, cover);
        double sum = 0;
        for (float c : cover) {
            sum += c;
        }
        assertEquals(Math.PI * r * r, sum, 0.02 * Math.PI * r * r);
    }

    @Test
    void facesHaveColourAndVary() {
        ImageDataset f = ProceduralFaces.generate(6, 32, 3);
        assertEquals(3, f.channels());
        // the centre is skin (red > blue), the corner background (near white)
        assertTrue(f.pixel(0, 0, 20, 16) > f.pixel(0, 2, 20, 16), "skin is warm");
        assertTrue(f.pixel(0, 0, 0, 0) > 0.7, "background is light");
        assertTrue(!java.util.Arrays.equals(all(ProceduralFaces.generate(1, 32, 3)), all(ProceduralFaces.generate(1, 32, 4))));
    }

    @Test
    void digitsRenderWithInkAndAreSeeded() {
        ImageDataset d = ProceduralDigits.generate(20, 28, 9);
        assertArrayEquals(all(d), all(ProceduralDigits.generate(20, 28, 9)));
        for (int i = 0; i < 20; i++) {
            double ink = 0;
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    ink += (d.pixel(i, 0, y, x) + 1) / 2;
                }
            }
            ink /= 28 * 28;
            assertTrue(ink > 0.03 && ink < 0.5, "digit " + (i % 10) + " ink fraction " + ink);
        }
        assertEquals(3, d.nearest(all(d), 3 * d.dim()), "an image's nearest training image is itself");
    }

    private static byte[] idx(int magic, int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(data);
        return bytes.toByteArray();
    }

    @Test
    void idxImagesAndLabelsRoundTrip(@TempDir Path dir) throws IOException {
        byte[] px = new byte[3 * 4 * 5];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (i * 4);
        }
        Path images = dir.resolve("imgs-idx3-ubyte");
        Files.write(images, idx(0x803, new int[] {3, 4, 5}, px));
        ImageDataset d = IdxReader.readImages(images, 0);
        assertEquals(3, d.count());
        assertEquals(5, d.width());
        assertEquals(4, d.height());
        assertEquals((2 * 20 + 1 * 5 + 3) * 4 / 127.5 - 1, d.pixel(2, 0, 1, 3), 1e-6);
        assertEquals(2, IdxReader.readImages(images, 2).count(), "limit");
        Path gz = dir.resolve("imgs.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(idx(0x803, new int[] {3, 4, 5}, px));
        }
        assertArrayEquals(all(d), all(IdxReader.readImages(gz, 0)));
        Path labels = dir.resolve("labels-idx1-ubyte");
        Files.write(labels, idx(0x801, new int[] {3}, new byte[] {7, 0, (byte) 200}));
        assertArrayEquals(new int[] {7, 0, 200}, IdxReader.readLabels(labels));
    }

    @Test
    void malformedIdxFilesSayWhatIsWrong(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad");
        Files.write(bad, idx(0x12340803, new int[] {1, 2, 2}, new byte[4]));
        assertTrue(assertThrows(IOException.class, () -> IdxReader.readImages(bad, 0)).getMessage().contains("not an IDX file"));
        Files.write(bad, idx(0x0D03, new int[] {1, 2, 2}, new byte[16]));
        assertTrue(assertThrows(IOException.class, () -> IdxReader.readImages(bad, 0)).getMessage().contains("element type 0xd"));
        Files.write(bad, idx(0x801, new int[] {4}, new byte[4]));
        assertTrue(assertThrows(IOException.class, () -> IdxReader.readImages(bad, 0)).getMessage().contains("1 dimensions, expected 3"));
        Files.write(bad, idx(0x803, new int[] {5, 2, 2}, new byte[7]));
        IOException t = assertThrows(IOException.class, () -> IdxReader.readImages(bad, 0));
        assertTrue(t.getMessage().contains("truncated") && t.getMessage().contains(bad.toString()), t.getMessage());
        Files.write(bad, idx(0x803, new int[] {1, 65, 2}, new byte[130]));
        assertTrue(assertThrows(IOException.class, () -> IdxReader.readImages(bad, 0)).getMessage().contains("larger than 64x64"));
        Files.write(bad, new byte[2]);
        assertTrue(assertThrows(IOException.class, () -> IdxReader.readImages(bad, 0)).getMessage().contains("shorter than an IDX header"));
    }

    @Test
    void imageFolderScalesAndConverts(@TempDir Path dir) throws IOException {
        BufferedImage red = new BufferedImage(10, 20, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 10; x++) {
                red.setRGB(x, y, 0xff0000);
            }
        }
        ImageIO.write(red, "png", dir.resolve("a.png").toFile());
        BufferedImage grey = new BufferedImage(30, 30, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 30; x++) {
                grey.setRGB(x, y, 0x808080);
            }
        }
        ImageIO.write(grey, "jpg", dir.resolve("b.jpg").toFile());
        Files.writeString(dir.resolve("notes.txt"), "ignored");
        ImageDataset rgb = ImageFolder.read(dir, 8, 3, 0);
        assertEquals(2, rgb.count());
        assertEquals(1.0, rgb.pixel(0, 0, 4, 4), 1e-6);
        assertEquals(-1.0, rgb.pixel(0, 1, 4, 4), 1e-6);
        // JPEG of flat 0x80 grey decodes to 128 ± 1
        assertEquals(128 / 127.5 - 1, rgb.pixel(1, 2, 3, 3), 2 / 127.5);
        ImageDataset g = ImageFolder.read(dir, 8, 1, 1);
        assertEquals(1, g.count());
        assertEquals(0.299 * 255 / 127.5 - 1, g.pixel(0, 0, 2, 2), 1e-5, "BT.601 luma of pure red");
        Files.writeString(dir.resolve("c.png"), "not a png");
        IOException e = assertThrows(IOException.class, () -> ImageFolder.read(dir, 8, 1, 0));
        assertTrue(e.getMessage().contains("c.png"), e.getMessage());
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertTrue(assertThrows(IOException.class, () -> ImageFolder.read(empty, 8, 1, 0)).getMessage().contains("no .png"));
    }

    @Test
    void datasetRejectsBadValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ImageDataset("x", 2, 2, 1, new float[] {0, 0, 1.5f, 0}));
        assertTrue(e.getMessage().contains("1.5") && e.getMessage().contains("index 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ImageDataset("x", 65, 1, 1, new float[65]));
        ImageDataset d = ProceduralShapes.generate(4, 8, 1, 1);
        float[] batch = new float[3 * d.dim()];
        d.sampleBatch(new SplittableRandom(1), 3, batch);
        assertThrows(IllegalArgumentException.class, () -> d.copyImage(4, batch, 0));
    }
}

package org.divergencelab.ui.record;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * An endlessly looping animated GIF through the JDK's own writer (no dependency). Each frame gets its own
 * palette: the exact colours when there are at most 256 (the themes' flat colours and lines stay crisp), else
 * a median cut of its colour histogram; no dithering. Only the rectangle that changed since the previous frame
 * is stored (the rest stays: disposal "doNotDispose"), which keeps a recording of one moving plot small. The
 * output depends on the pixels only, so the same frames give the same bytes.
 */
public final class GifWriter extends FrameWriter {
    private final ImageOutputStream out;
    private final ImageWriter writer;
    private final int fps;
    private int[] previous;

    public GifWriter(Path file, int fps) throws IOException {
        if (fps < MIN_FPS || fps > MAX_GIF_FPS) {
            throw new IllegalArgumentException("GIF fps must be in " + MIN_FPS + ".." + MAX_GIF_FPS + ", got " + fps);
        }
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("gif");
        if (!it.hasNext()) {
            throw new IOException("this Java has no GIF writer");
        }
        this.fps = fps;
        this.writer = it.next();
        Files.deleteIfExists(file);
        this.out = ImageIO.createImageOutputStream(file.toFile());
        writer.setOutput(out);
        writer.prepareWriteSequence(null);
    }

    /** Delay of frame {@code i} in 1/100 s: rounded so that the delays add up to the exact running time. */
    static int delayCentis(int i, int fps) {
        return (int) (Math.round((i + 1) * 100.0 / fps) - Math.round(i * 100.0 / fps));
    }

    @Override
    public void add(BufferedImage frame) throws IOException {
        int w = frame.getWidth();
        int h = frame.getHeight();
        requireSize(w, h);
        int[] px = opaque(frame.getRGB(0, 0, w, h, null, 0, w));
        // The rectangle that changed (all of it for the first frame; one pixel when nothing did).
        int x0 = 0;
        int y0 = 0;
        int x1 = w - 1;
        int y1 = h - 1;
        if (previous != null) {
            x0 = w;
            y0 = h;
            x1 = -1;
            y1 = -1;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if (px[y * w + x] != previous[y * w + x]) {
                        x0 = Math.min(x0, x);
                        x1 = Math.max(x1, x);
                        y0 = Math.min(y0, y);
                        y1 = Math.max(y1, y);
                    }
                }
            }
            if (x1 < 0) {
                x0 = x1 = y0 = y1 = 0;
            }
        }
        int cw = x1 - x0 + 1;
        int ch = y1 - y0 + 1;
        int[] crop = new int[cw * ch];
        for (int y = 0; y < ch; y++) {
            System.arraycopy(px, (y0 + y) * w + x0, crop, y * cw, cw);
        }
        BufferedImage indexed = indexed(crop, cw, ch);
        IIOMetadata meta = writer.getDefaultImageMetadata(new ImageTypeSpecifier(indexed), null);
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode descriptor = child(root, "ImageDescriptor");
        descriptor.setAttribute("imageLeftPosition", Integer.toString(x0));
        descriptor.setAttribute("imageTopPosition", Integer.toString(y0));
        descriptor.setAttribute("imageWidth", Integer.toString(cw));
        descriptor.setAttribute("imageHeight", Integer.toString(ch));
        descriptor.setAttribute("interlaceFlag", "FALSE");
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "doNotDispose");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(delayCentis(frames(), fps)));
        gce.setAttribute("transparentColorIndex", "0");
        if (frames() == 0) {
            // NETSCAPE2.0 application extension: loop count 0 = forever.
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0});
            apps.appendChild(app);
        }
        meta.setFromTree(format, root);
        writer.writeToSequence(new IIOImage(indexed, null, meta), null);
        previous = px;
        added();
    }

    @Override
    void finish() throws IOException {
        writer.endWriteSequence();
    }

    @Override
    void release() throws IOException {
        writer.dispose();
        out.close();
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode n = new IIOMetadataNode(name);
        root.appendChild(n);
        return n;
    }

    /** Pixels with alpha composited onto white (a GIF here has no transparency). */
    private static int[] opaque(int[] argb) {
        for (int i = 0; i < argb.length; i++) {
            int c = argb[i];
            int a = c >>> 24;
            if (a != 255) {
                int r = (((c >> 16) & 255) * a + 255 * (255 - a)) / 255;
                int g = (((c >> 8) & 255) * a + 255 * (255 - a)) / 255;
                int b = ((c & 255) * a + 255 * (255 - a)) / 255;
                argb[i] = 0xFF000000 | r << 16 | g << 8 | b;
            }
        }
        return argb;
    }

    /** The pixels as an 8-bit indexed image with their own palette (exact, or a median cut). */
    static BufferedImage indexed(int[] rgb, int w, int h) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int c : rgb) {
            counts.merge(c & 0xFFFFFF, 1, Integer::sum);
        }
        int[] colours = counts.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        int[] weights = new int[colours.length];
        for (int i = 0; i < colours.length; i++) {
            weights[i] = counts.get(colours[i]);
        }
        Palette p = Palette.of(colours, weights, 256);
        Map<Integer, Integer> index = new HashMap<>(colours.length * 2);
        for (int i = 0; i < colours.length; i++) {
            index.put(colours[i], p.indexOf[i]);
        }
        int n = Math.max(2, p.size());
        int bits = 1;
        while ((1 << bits) < n) {
            bits++;
        }
        byte[] r = new byte[1 << bits];
        byte[] g = new byte[1 << bits];
        byte[] b = new byte[1 << bits];
        for (int i = 0; i < p.size(); i++) {
            r[i] = (byte) (p.colours[i] >> 16);
            g[i] = (byte) (p.colours[i] >> 8);
            b[i] = (byte) p.colours[i];
        }
        IndexColorModel cm = new IndexColorModel(bits, 1 << bits, r, g, b);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, cm);
        byte[] data = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < rgb.length; i++) {
            data[i] = (byte) (int) index.get(rgb[i] & 0xFFFFFF);
        }
        return img;
    }

    /**
     * A palette of at most {@code max} colours for a colour histogram: the colours themselves when they fit,
     * else Heckbert's median cut (split the box with the most pixels × widest channel at its weighted median,
     * each box's colour the weighted mean). Deterministic: the input is sorted and ties keep their order.
     */
    record Palette(int[] colours, int[] indexOf) {
        int size() {
            return colours.length;
        }

        static Palette of(int[] colours, int[] weights, int max) {
            int n = colours.length;
            if (n <= max) {
                int[] idx = new int[n];
                Arrays.setAll(idx, i -> i);
                return new Palette(colours.clone(), idx);
            }
            List<int[]> boxes = new ArrayList<>(); // each: the indices of its colours
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            boxes.add(all);
            while (boxes.size() < max) {
                int best = -1;
                double bestScore = 0;
                int bestChannel = 0;
                for (int k = 0; k < boxes.size(); k++) {
                    int[] box = boxes.get(k);
                    if (box.length < 2) {
                        continue;
                    }
                    long pixels = 0;
                    int[] lo = {255, 255, 255};
                    int[] hi = {0, 0, 0};
                    for (int i : box) {
                        pixels += weights[i];
                        for (int ch = 0; ch < 3; ch++) {
                            int v = channel(colours[i], ch);
                            lo[ch] = Math.min(lo[ch], v);
                            hi[ch] = Math.max(hi[ch], v);
                        }
                    }
                    int channel = 0;
                    for (int ch = 1; ch < 3; ch++) {
                        if (hi[ch] - lo[ch] > hi[channel] - lo[channel]) {
                            channel = ch;
                        }
                    }
                    double score = (double) pixels * (hi[channel] - lo[channel]);
                    if (score > bestScore) {
                        bestScore = score;
                        best = k;
                        bestChannel = channel;
                    }
                }
                if (best < 0) {
                    break;
                }
                int ch = bestChannel;
                int[] box = boxes.get(best);
                Integer[] sorted = Arrays.stream(box).boxed().toArray(Integer[]::new);
                Arrays.sort(sorted, Comparator.comparingInt((Integer i) -> channel(colours[i], ch)));
                long total = 0;
                for (int i : box) {
                    total += weights[i];
                }
                long acc = 0;
                int cut = 1;
                for (int j = 0; j < sorted.length - 1; j++) {
                    acc += weights[sorted[j]];
                    cut = j + 1;
                    if (2 * acc >= total) {
                        break;
                    }
                }
                int[] a = new int[cut];
                int[] b = new int[sorted.length - cut];
                for (int j = 0; j < sorted.length; j++) {
                    if (j < cut) {
                        a[j] = sorted[j];
                    } else {
                        b[j - cut] = sorted[j];
                    }
                }
                boxes.set(best, a);
                boxes.add(b);
            }
            int[] palette = new int[boxes.size()];
            int[] idx = new int[n];
            for (int k = 0; k < boxes.size(); k++) {
                double[] sum = new double[3];
                long wsum = 0;
                for (int i : boxes.get(k)) {
                    for (int ch = 0; ch < 3; ch++) {
                        sum[ch] += (double) weights[i] * channel(colours[i], ch);
                    }
                    wsum += weights[i];
                    idx[i] = k;
                }
                int r = (int) Math.round(sum[0] / wsum);
                int g = (int) Math.round(sum[1] / wsum);
                int bl = (int) Math.round(sum[2] / wsum);
                palette[k] = r << 16 | g << 8 | bl;
            }
            return new Palette(palette, idx);
        }

        private static int channel(int rgb, int ch) {
            return (rgb >> (16 - 8 * ch)) & 255;
        }
    }
}

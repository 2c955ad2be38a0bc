package org.divergencelab.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

/**
 * A folder of PNG/JPEG images as a dataset: each file is scaled to size×size (bilinear, aspect ratio
 * not kept, as for the lecture's pre-cropped faces) and converted to grey or RGB. Files are taken in name
 * order. Needs java.desktop (ImageIO).
 */
public final class ImageFolder {
    private ImageFolder() {
    }

    /**
     * @throws IOException naming the folder when it has no PNG/JPEG files, or the file that cannot be decoded
     */
    public static ImageDataset read(Path folder, int size, int channels, int limit) throws IOException {
        if (size < 4 || size > ImageDataset.MAX_SIDE) {
            throw new IllegalArgumentException("image size must be 4.." + ImageDataset.MAX_SIDE + ", got " + size);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        }
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + ": not a folder");
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            s.filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg");
            }).sorted().forEach(files::add);
        }
        if (files.isEmpty()) {
            throw new IOException(folder + ": no .png/.jpg/.jpeg files");
        }
        if (limit > 0 && files.size() > limit) {
            files = files.subList(0, limit);
        }
        int plane = size * size;
        float[] px = new float[files.size() * channels * plane];
        BufferedImage scaled = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            BufferedImage src;
            try {
                src = ImageIO.read(f.toFile());
            } catch (IOException e) {
                throw new IOException(f + ": cannot decode image: " + e.getMessage(), e);
            }
            if (src == null) {
                throw new IOException(f + ": not a readable PNG/JPEG image");
            }
            Graphics2D g = scaled.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(src, 0, 0, size, size, null);
            } finally {
                g.dispose();
            }
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int rgb = scaled.getRGB(x, y);
                    int r = (rgb >> 16) & 0xff;
                    int gg = (rgb >> 8) & 0xff;
                    int b = rgb & 0xff;
                    if (channels == 1) {
                        double lum = 0.299 * r + 0.587 * gg + 0.114 * b; // ITU-R BT.601 luma
                        px[i * plane + y * size + x] = (float) (lum / 127.5 - 1);
                    } else {
                        int base = i * 3 * plane + y * size + x;
                        px[base] = r / 127.5f - 1f;
                        px[base + plane] = gg / 127.5f - 1f;
                        px[base + 2 * plane] = b / 127.5f - 1f;
                    }
                }
            }
        }
        return new ImageDataset(folder.getFileName() + "-" + size, size, size, channels, px);
    }
}

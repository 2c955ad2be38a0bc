package org.divergencelab.image;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Digits 0–9 rendered from the JDK's logical fonts with random font, style, size, rotation and offset
 * (java.awt in headless mode), white on black like MNIST. Needs the java.desktop module (fonts): on a
 * java.base-only runtime use {@link ProceduralShapes} or an IDX file instead.
 */
public final class ProceduralDigits {
    private static final String[] FONTS = {Font.SANS_SERIF, Font.SERIF, Font.MONOSPACED, Font.DIALOG};

    private ProceduralDigits() {
    }

    /** {@code count} grey digit images of side {@code size} (8..64), digit i%10 for image i, from {@code seed}. */
    public static ImageDataset generate(int count, int size, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("digits: count must be >= 1, got " + count);
        }
        if (size < 8 || size > ImageDataset.MAX_SIDE) {
            throw new IllegalArgumentException("digits: size must be 8.." + ImageDataset.MAX_SIDE + ", got " + size);
        }
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // rendering only, never a window
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int plane = size * size;
        float[] px = new float[count * plane];
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        int[] row = new int[size];
        for (int i = 0; i < count; i++) {
            Graphics2D g = img.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setColor(java.awt.Color.BLACK);
                g.fillRect(0, 0, size, size);
                g.setColor(java.awt.Color.WHITE);
                int style = rng.nextInt(2) == 0 ? Font.PLAIN : Font.BOLD;
                float pt = (float) (size * (0.7 + 0.25 * rng.nextDouble()));
                Font font = new Font(FONTS[rng.nextInt(FONTS.length)], style, 12).deriveFont(pt);
                g.setFont(font);
                String digit = Integer.toString(i % 10);
                FontMetrics fm = g.getFontMetrics();
                double w = fm.stringWidth(digit);
                double h = fm.getAscent() - fm.getDescent() * 0.3;
                double dx = (rng.nextDouble() - 0.5) * size * 0.15;
                double dy = (rng.nextDouble() - 0.5) * size * 0.15;
                double angle = (rng.nextDouble() - 0.5) * Math.toRadians(30);
                AffineTransform t = new AffineTransform();
                t.translate(size / 2.0 + dx, size / 2.0 + dy);
                t.rotate(angle);
                g.transform(t);
                g.drawString(digit, (float) (-w / 2), (float) (h / 2));
            } finally {
                g.dispose();
            }
            for (int y = 0; y < size; y++) {
                img.getRaster().getPixels(0, y, size, 1, row);
                for (int x = 0; x < size; x++) {
                    px[i * plane + y * size + x] = row[x] / 127.5f - 1f;
                }
            }
        }
        return new ImageDataset("digits-" + size, size, size, 1, px);
    }
}

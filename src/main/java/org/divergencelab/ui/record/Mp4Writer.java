package org.divergencelab.ui.record;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jcodec.api.SequenceEncoder;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rational;

/**
 * An MP4 with one H.264 video track in 4:2:0 (yuv420p, what browsers play) through jcodec, pure Java. The
 * width and height of a 4:2:0 picture must be even: an odd last column or row is dropped.
 */
public final class Mp4Writer implements AnimationEncoder {
    private final SeekableByteChannel channel;
    private final SequenceEncoder encoder;
    private int width;
    private int height;
    private int frames;

    public Mp4Writer(Path file, int fps) throws IOException {
        if (fps < MIN_FPS || fps > MAX_FPS) {
            throw new IllegalArgumentException("MP4 fps must be in " + MIN_FPS + ".." + MAX_FPS + ", got " + fps);
        }
        Files.deleteIfExists(file);
        channel = NIOUtils.writableChannel(file.toFile());
        try {
            encoder = SequenceEncoder.createWithFps(channel, Rational.R(fps, 1));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void add(BufferedImage frame) throws IOException {
        int w = frame.getWidth() & ~1;
        int h = frame.getHeight() & ~1;
        if (w < 2 || h < 2) {
            throw new IllegalArgumentException("an MP4 frame must be at least 2x2, got " + frame.getWidth() + "x"
                    + frame.getHeight());
        }
        if (frames == 0) {
            width = w;
            height = h;
        } else if (w != width || h != height) {
            throw new IllegalArgumentException("frame " + frames + " is " + frame.getWidth() + "x"
                    + frame.getHeight() + ", the animation is " + width + "x" + height);
        }
        int[] px = frame.getRGB(0, 0, w, h, null, 0, frame.getWidth());
        Picture pic = Picture.create(w, h, ColorSpace.RGB);
        byte[] data = pic.getPlaneData(0);
        // jcodec's RGB plane: R, G, B interleaved, as signed values (v − 128).
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int c = px[y * frame.getWidth() + x];
                int o = 3 * (y * w + x);
                data[o] = (byte) (((c >> 16) & 255) - 128);
                data[o + 1] = (byte) (((c >> 8) & 255) - 128);
                data[o + 2] = (byte) ((c & 255) - 128);
            }
        }
        encoder.encodeNativeFrame(pic);
        frames++;
    }

    @Override
    public int frames() {
        return frames;
    }

    @Override
    public void close() throws IOException {
        try {
            if (frames == 0) {
                throw new IOException("an animation needs at least one frame");
            }
            encoder.finish();
        } finally {
            channel.close();
        }
    }
}

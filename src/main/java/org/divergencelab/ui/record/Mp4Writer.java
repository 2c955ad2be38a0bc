package org.divergencelab.ui.record;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

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
public final class Mp4Writer extends FrameWriter {
    private final Path file;
    private final SeekableByteChannel channel;
    private final SequenceEncoder encoder;

    public Mp4Writer(Path file, int fps) throws IOException {
        if (fps < MIN_FPS || fps > MAX_FPS) {
            throw new IllegalArgumentException("MP4 fps must be in " + MIN_FPS + ".." + MAX_FPS + ", got " + fps);
        }
        this.file = file;
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
        requireSize(w, h);
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
        added();
    }

    @Override
    void finish() throws IOException {
        encoder.finish();
    }

    @Override
    void release() throws IOException {
        channel.close();
    }

    @Override
    void completed() throws IOException {
        clearTimestamps(file);
    }

    /**
     * Sets the creation and modification times of the movie, track and media headers ({@code mvhd}, {@code tkhd},
     * {@code mdhd}) to 0, which MP4 allows (unknown): the muxer writes the wall clock there, and the same frames
     * must give the same bytes.
     */
    static void clearTimestamps(Path mp4) throws IOException {
        try (FileChannel ch = FileChannel.open(mp4, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            clearIn(ch, 0, ch.size());
        }
    }

    private static void clearIn(FileChannel ch, long from, long to) throws IOException {
        long at = from;
        ByteBuffer head = ByteBuffer.allocate(16);
        while (at + 8 <= to) {
            head.clear().limit(16);
            ch.read(head, at);
            long size = Integer.toUnsignedLong(head.getInt(0));
            String type = new String(head.array(), 4, 4, StandardCharsets.ISO_8859_1);
            int headerBytes = 8;
            if (size == 1) {
                size = head.getLong(8);
                headerBytes = 16;
            } else if (size == 0) {
                size = to - at;
            }
            if (size < headerBytes || at + size > to) {
                throw new IOException("malformed MP4 box '" + type + "' at " + at);
            }
            switch (type) {
                case "moov", "trak", "mdia" -> clearIn(ch, at + headerBytes, at + size);
                case "mvhd", "tkhd", "mdhd" -> {
                    ByteBuffer v = ByteBuffer.allocate(1);
                    ch.read(v, at + headerBytes);
                    // version 0: two 32-bit times after version and flags; version 1: two 64-bit times
                    int timeBytes = v.get(0) == 1 ? 16 : 8;
                    ch.write(ByteBuffer.allocate(timeBytes), at + headerBytes + 4);
                }
                default -> { }
            }
            at += size;
        }
    }
}

package org.divergencelab.image;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads MNIST-format IDX files (also gzip-compressed, {@code .gz}): images ({@code 0x00000803}: unsigned
 * bytes, 3 dimensions count×rows×cols) and labels ({@code 0x00000801}: count unsigned bytes). Pixels 0..255
 * become [−1, 1]. Needs only java.base. Every malformed file is an {@link IOException} naming the file and
 * what is wrong (bad magic, unsupported type, sizes, truncation).
 */
public final class IdxReader {
    private IdxReader() {
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        return new DataInputStream(in);
    }

    private static int magic(DataInputStream in, Path file, int dims) throws IOException {
        int magic;
        try {
            magic = in.readInt();
        } catch (EOFException e) {
            throw new IOException(file + ": empty or shorter than an IDX header");
        }
        if ((magic >>> 16) != 0) {
            throw new IOException(file + ": not an IDX file (magic 0x" + Integer.toHexString(magic)
                    + ", the first two bytes must be 0)");
        }
        int type = (magic >>> 8) & 0xff;
        if (type != 0x08) {
            throw new IOException(file + ": IDX element type 0x" + Integer.toHexString(type)
                    + " not supported (only unsigned byte, 0x08)");
        }
        if ((magic & 0xff) != dims) {
            throw new IOException(file + ": IDX file has " + (magic & 0xff) + " dimensions, expected " + dims);
        }
        return magic;
    }

    /** Reads an IDX image file (count×rows×cols unsigned bytes) as a grey dataset, at most {@code limit} images. */
    public static ImageDataset readImages(Path file, int limit) throws IOException {
        try (DataInputStream in = open(file)) {
            magic(in, file, 3);
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (count < 1 || rows < 1 || cols < 1) {
                throw new IOException(file + ": bad IDX sizes " + count + "x" + rows + "x" + cols);
            }
            if (rows > ImageDataset.MAX_SIDE || cols > ImageDataset.MAX_SIDE) {
                throw new IOException(file + ": images are " + rows + "x" + cols + ", larger than "
                        + ImageDataset.MAX_SIDE + "x" + ImageDataset.MAX_SIDE);
            }
            int n = limit > 0 ? Math.min(limit, count) : count;
            byte[] raw = new byte[n * rows * cols];
            try {
                in.readFully(raw);
            } catch (EOFException e) {
                throw new IOException(file + ": truncated: header says " + count + " images of " + rows + "x" + cols
                        + " but the data ends before image " + n);
            }
            float[] px = new float[raw.length];
            for (int i = 0; i < raw.length; i++) {
                px[i] = (raw[i] & 0xff) / 127.5f - 1f;
            }
            return new ImageDataset(file.getFileName().toString(), cols, rows, 1, px);
        }
    }

    /** Reads an IDX label file (count unsigned bytes). */
    public static int[] readLabels(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            magic(in, file, 1);
            int count = in.readInt();
            if (count < 0) {
                throw new IOException(file + ": negative label count " + count);
            }
            byte[] raw = new byte[count];
            try {
                in.readFully(raw);
            } catch (EOFException e) {
                throw new IOException(file + ": truncated: header says " + count + " labels");
            }
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = raw[i] & 0xff;
            }
            return labels;
        }
    }
}

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

    /** Most pixels read from one IDX file (2^28, 1 GiB as floats; MNIST's 60000×28×28 is 47 M). */
    public static final long MAX_PIXELS = 1L << 28;

    private static DataInputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        if (file.getFileName().toString().endsWith(".gz")) {
            try {
                in = new GZIPInputStream(in);
            } catch (java.util.zip.ZipException | EOFException e) {
                in.close();
                throw new IOException(file + ": not a gzip file (the name ends in .gz but the content is not"
                        + " gzip-compressed" + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
            }
        }
        return new DataInputStream(in);
    }

    /** The next header integer, or a message saying where the file ends. */
    private static int header(DataInputStream in, Path file, int index, int dims) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new IOException(file + ": file ends inside the IDX header (it has " + (4 + 4 * dims)
                    + " bytes; the file ends before byte " + (4 + 4 * index + 4) + ")");
        }
    }

    /** Fills {@code raw}, or says how many of its bytes the file had. */
    private static void fill(DataInputStream in, Path file, byte[] raw, String what) throws IOException {
        int got;
        try {
            got = in.readNBytes(raw, 0, raw.length);
        } catch (java.util.zip.ZipException | EOFException e) {
            throw new IOException(file + ": the compressed data is corrupt or cut short (" + e.getMessage() + ")");
        }
        if (got < raw.length) {
            throw new IOException(file + ": file ends after " + got + " of " + raw.length + " data bytes (" + what
                    + ")");
        }
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
            int count = header(in, file, 0, 3);
            int rows = header(in, file, 1, 3);
            int cols = header(in, file, 2, 3);
            if (count < 1 || rows < 1 || cols < 1) {
                throw new IOException(file + ": bad IDX sizes " + count + "x" + rows + "x" + cols);
            }
            if (rows > ImageDataset.MAX_SIDE || cols > ImageDataset.MAX_SIDE) {
                throw new IOException(file + ": images are " + rows + "x" + cols + ", larger than "
                        + ImageDataset.MAX_SIDE + "x" + ImageDataset.MAX_SIDE);
            }
            int n = limit > 0 ? Math.min(limit, count) : count;
            long pixels = (long) n * rows * cols; // in long: 1,048,577 images of 64x64 overflow int
            if (pixels > MAX_PIXELS) {
                throw new IOException(file + ": header says " + n + " images of " + rows + "x" + cols + " = " + pixels
                        + " pixels; at most " + MAX_PIXELS + " are read");
            }
            byte[] raw = new byte[(int) pixels];
            fill(in, file, raw, "truncated: header says " + count + " images of " + rows + "x" + cols);
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
            int count = header(in, file, 0, 1);
            if (count < 0) {
                throw new IOException(file + ": negative label count " + count);
            }
            if (count > MAX_PIXELS) {
                throw new IOException(file + ": header says " + count + " labels; at most " + MAX_PIXELS + " are read");
            }
            byte[] raw = new byte[count];
            fill(in, file, raw, "truncated: header says " + count + " labels");
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = raw[i] & 0xff;
            }
            return labels;
        }
    }
}

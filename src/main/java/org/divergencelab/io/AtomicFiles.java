package org.divergencelab.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one way the app writes a file it produces (state files, experiment and generator JSON, exports, CSVs,
 * PNG/GIF/MP4): into a temporary file beside the target, flushed to the disk, then renamed over the target in
 * one step. A crash, a full disk or a killed process leaves the old file or the new one, never half of one;
 * a failed write removes its temporary file. Parent folders are created.
 *
 * <p>The rename is {@link StandardCopyOption#ATOMIC_MOVE}; where the file system cannot (some network and
 * FAT-style file systems) it falls back to {@link StandardCopyOption#REPLACE_EXISTING}, still one rename. The
 * temporary file is {@code .NAME.<random>.tmp} in the same folder (a rename never crosses file systems), created
 * with the default permissions, so the result looks like a file written directly.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes {@code text} as UTF-8 to {@code file}, atomically. */
    public static void writeString(Path file, CharSequence text) throws IOException {
        write(file, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** What writes the new content into the stream it is given. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes what {@code body} writes to {@code file}, atomically. */
    public static void write(Path file, Body body) throws IOException {
        try (Pending p = begin(file)) {
            try (FileChannel ch = FileChannel.open(p.temp(), StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(ch);
                body.writeTo(out);
                out.flush();
                ch.force(true);
            }
            p.commit();
        }
    }

    /**
     * Starts an atomic write whose content a library writes to a path of its own choosing (an image or video
     * encoder): write {@link Pending#temp()}, then {@link Pending#commit()}; closing without commit deletes it.
     */
    public static Pending begin(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path parent = target.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        String name = target.getFileName().toString();
        for (int attempt = 0; ; attempt++) {
            Path temp = target.resolveSibling("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                    + ".tmp");
            try {
                Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return new Pending(target, temp);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
    }

    /** An atomic write under way: the temporary file, and the target it replaces on {@link #commit()}. */
    public static final class Pending implements AutoCloseable {
        private final Path target;
        private final Path temp;
        private boolean committed;

        private Pending(Path target, Path temp) {
            this.target = target;
            this.temp = temp;
        }

        /** The temporary file to write (beside the target). */
        public Path temp() {
            return temp;
        }

        /** The file this write replaces. */
        public Path target() {
            return target;
        }

        /** Renames the temporary file over the target. */
        public void commit() throws IOException {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        }

        /** Deletes the temporary file unless committed. */
        @Override
        public void close() {
            if (!committed) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot remove the temporary file " + temp, e);
                }
            }
        }
    }
}

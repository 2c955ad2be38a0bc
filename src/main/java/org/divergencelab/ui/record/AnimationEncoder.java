package org.divergencelab.ui.record;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.divergencelab.io.AtomicFiles;

/**
 * Writes frames of one size, one after another, to an animation file at a fixed frame rate: GIF
 * ({@link GifWriter}) or MP4 with H.264 ({@link Mp4Writer}), chosen by the file's extension. Frames are
 * streamed (nothing but the current frame is held), from any thread but the FX thread.
 */
public interface AnimationEncoder extends AutoCloseable {
    /** Frame rates accepted (browsers play GIF delays of 1/100 s only from 2/100 s on: GIF stops at 50). */
    int MIN_FPS = 1;
    int MAX_FPS = 60;
    int MAX_GIF_FPS = 50;
    /** Extensions understood, in the order the messages list them. */
    List<String> EXTENSIONS = List.of("gif", "mp4");

    /** Appends a frame (the first frame fixes the size; later ones must match it). */
    void add(BufferedImage frame) throws IOException;

    /** Frames written so far. */
    int frames();

    /** Finishes the file (trailer, index); the file is complete only after this. */
    @Override
    void close() throws IOException;

    /** The file's extension, lower case, or "" when it has none. */
    static String extension(Path file) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * Checks that {@code file} has a known extension and {@code fps} suits its format.
     *
     * @throws IllegalArgumentException saying what is wrong and what is accepted
     */
    static void check(Path file, int fps) {
        String ext = extension(file);
        if (!EXTENSIONS.contains(ext)) {
            throw new IllegalArgumentException("the animation file must end in ." + String.join(" or .", EXTENSIONS)
                    + ", got '" + file.getFileName() + "'");
        }
        if (fps < MIN_FPS || fps > MAX_FPS) {
            throw new IllegalArgumentException("fps must be in " + MIN_FPS + ".." + MAX_FPS + ", got " + fps);
        }
        if (ext.equals("gif") && fps > MAX_GIF_FPS) {
            throw new IllegalArgumentException("a GIF plays at most " + MAX_GIF_FPS + " fps (its delays are in 1/100 s "
                    + "and browsers slow shorter ones down), got " + fps + "; use .mp4 or a lower --fps");
        }
    }

    /** Opens the encoder {@code file}'s extension names, creating parent folders; see {@link #check}. */
    static AnimationEncoder open(Path file, int fps) throws IOException {
        check(file, fps);
        // Encoded into a temporary file beside it, renamed over the file when complete (io.AtomicFiles): a
        // stopped recording never leaves half a GIF or an MP4 without its index.
        AtomicFiles.Pending pending = AtomicFiles.begin(file);
        AnimationEncoder encoder;
        try {
            encoder = extension(file).equals("gif") ? new GifWriter(pending.temp(), fps)
                    : new Mp4Writer(pending.temp(), fps);
        } catch (IOException | RuntimeException e) {
            pending.close();
            throw e;
        }
        return new AnimationEncoder() {
            @Override
            public void add(BufferedImage frame) throws IOException {
                encoder.add(frame);
            }

            @Override
            public int frames() {
                return encoder.frames();
            }

            @Override
            public void close() throws IOException {
                try (pending) {
                    encoder.close();
                    pending.commit();
                }
            }
        };
    }
}

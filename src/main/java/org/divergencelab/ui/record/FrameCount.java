package org.divergencelab.ui.record;

import java.io.IOException;

/**
 * What an encoder keeps about the frames it has written: how many, and the size the first one fixed. The
 * encoders ({@link GifWriter}, {@link Mp4Writer}) share it so that a wrong size or an empty file is refused the
 * same way, with the same message, in both formats.
 */
final class FrameCount {
    private int width;
    private int height;
    private int count;

    /**
     * Checks the size of the next frame: the first frame fixes it, each later one must match it.
     *
     * @throws IllegalArgumentException naming the frame and both sizes
     */
    void requireSize(int w, int h) {
        if (count == 0) {
            width = w;
            height = h;
        } else if (w != width || h != height) {
            throw new IllegalArgumentException("frame " + count + " is " + w + "x" + h + ", the animation is "
                    + width + "x" + height);
        }
    }

    /** Counts a frame once it is written. */
    void added() {
        count++;
    }

    /** Frames written so far. */
    int count() {
        return count;
    }

    /** Throws when the animation is closed with no frame. */
    void requireAny() throws IOException {
        if (count == 0) {
            throw new IOException("an animation needs at least one frame");
        }
    }
}

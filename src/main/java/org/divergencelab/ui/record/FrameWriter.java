package org.divergencelab.ui.record;

import java.io.IOException;

/**
 * What the GIF and MP4 writers share: the frame count, the size the first frame fixes, and the order of closing
 * (refuse an empty animation, finish the file, always release it, then any last touch). One home, so that a
 * wrong size or an empty file is refused the same way, with the same message, in both formats.
 */
abstract class FrameWriter implements AnimationEncoder {
    private int width;
    private int height;
    private int frames;

    /**
     * Checks the size of the next frame: the first frame fixes it, each later one must match it.
     *
     * @throws IllegalArgumentException naming the frame and both sizes
     */
    final void requireSize(int w, int h) {
        if (frames == 0) {
            width = w;
            height = h;
        } else if (w != width || h != height) {
            throw new IllegalArgumentException("frame " + frames + " is " + w + "x" + h + ", the animation is "
                    + width + "x" + height);
        }
    }

    /** Counts a frame once it is written. */
    final void added() {
        frames++;
    }

    @Override
    public final int frames() {
        return frames;
    }

    @Override
    public final void close() throws IOException {
        try {
            if (frames == 0) {
                throw new IOException("an animation needs at least one frame");
            }
            finish();
        } finally {
            release();
        }
        completed();
    }

    /** Writes what ends the file (trailer, index); called only when there is a frame. */
    abstract void finish() throws IOException;

    /** Releases the writer and the file, whether or not {@link #finish()} ran or failed. */
    abstract void release() throws IOException;

    /** A last touch to the complete, released file; nothing by default. */
    void completed() throws IOException {
    }
}

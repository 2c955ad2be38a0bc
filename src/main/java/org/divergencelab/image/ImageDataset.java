package org.divergencelab.image;

import java.util.random.RandomGenerator;

/**
 * A set of equally sized images as training data: {@code count} images of {@code channels×height×width}
 * pixels in CHW order (channel planes, then rows; PyTorch's layout), values scaled to [−1, 1] (the range
 * of a tanh generator). One image is one row of {@link #dim()} floats.
 */
public final class ImageDataset {
    /** Largest side and channel count accepted: the lecture's anime faces are 64×64×3. */
    public static final int MAX_SIDE = 64;

    private final String name;
    private final int width;
    private final int height;
    private final int channels;
    private final int count;
    private final float[] pixels;

    /**
     * @param pixels count·channels·height·width values in [−1, 1], CHW per image
     * @throws IllegalArgumentException naming the bad size or the first value outside [−1, 1]
     */
    public ImageDataset(String name, int width, int height, int channels, float[] pixels) {
        if (width < 1 || width > MAX_SIDE || height < 1 || height > MAX_SIDE) {
            throw new IllegalArgumentException(name + ": image size " + width + "x" + height + " outside 1.." + MAX_SIDE);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException(name + ": channels must be 1 or 3, got " + channels);
        }
        int dim = width * height * channels;
        if (pixels.length == 0 || pixels.length % dim != 0) {
            throw new IllegalArgumentException(name + ": " + pixels.length + " values are not a whole number of "
                    + dim + "-value images");
        }
        for (int i = 0; i < pixels.length; i++) {
            float v = pixels[i];
            if (!(v >= -1f && v <= 1f)) {
                throw new IllegalArgumentException(name + ": pixel value " + v + " at index " + i + " outside [-1, 1]");
            }
        }
        this.name = name;
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.count = pixels.length / dim;
        this.pixels = pixels;
    }

    public String name() {
        return name;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int channels() {
        return channels;
    }

    /** Number of images. */
    public int count() {
        return count;
    }

    /** Values per image, channels·height·width. */
    public int dim() {
        return width * height * channels;
    }

    /** Value of channel c at (y, x) of image i, in [−1, 1]. */
    public float pixel(int i, int c, int y, int x) {
        return pixels[i * dim() + (c * height + y) * width + x];
    }

    /** Copies image {@code i} into {@code dst} at {@code offset}. */
    public void copyImage(int i, float[] dst, int offset) {
        if (i < 0 || i >= count) {
            throw new IllegalArgumentException(name + ": image index " + i + " outside 0.." + (count - 1));
        }
        System.arraycopy(pixels, i * dim(), dst, offset, dim());
    }

    /** Fills {@code dst} (batch·dim values) with {@code batch} images drawn uniformly with replacement. */
    public void sampleBatch(RandomGenerator rng, int batch, float[] dst) {
        if (dst.length < batch * dim()) {
            throw new IllegalArgumentException("batch buffer of " + dst.length + " < " + batch + "x" + dim());
        }
        for (int b = 0; b < batch; b++) {
            copyImage(rng.nextInt(count), dst, b * dim());
        }
    }

    /** Index of the training image nearest to {@code image} (squared L2 over all values): the memory-GAN check. */
    public int nearest(float[] image, int offset) {
        int d = dim();
        int best = -1;
        double bestDist = Double.POSITIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            double s = 0;
            int base = i * d;
            for (int j = 0; j < d; j++) {
                double diff = pixels[base + j] - image[offset + j];
                s += diff * diff;
            }
            if (s < bestDist) {
                bestDist = s;
                best = i;
            }
        }
        return best;
    }
}

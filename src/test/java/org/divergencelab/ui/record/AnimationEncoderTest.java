package org.divergencelab.ui.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

import org.jcodec.common.DemuxerTrack;
import org.jcodec.common.DemuxerTrackMeta;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.Packet;
import org.jcodec.containers.mp4.demuxer.MP4Demuxer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GIF and MP4 round trips: what is written is read back (frames, delays, size, pixels), the same bytes twice. */
class AnimationEncoderTest {
    @TempDir
    Path dir;

    /** Frame i: white background, a red square moving right, a blue bar growing, a few grey lines. */
    private static BufferedImage flat(int i, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int c = 0xFFFFFFFF;
                if (y % 10 == 0) {
                    c = 0xFF888888;
                }
                if (x >= 3 * i && x < 3 * i + 8 && y >= 10 && y < 18) {
                    c = 0xFFD62728;
                }
                if (y >= h - 6 && x < 4 * i) {
                    c = 0xFF1F77B4;
                }
                img.setRGB(x, y, c);
            }
        }
        return img;
    }

    /** A smooth gradient of 64 × 64 distinct colours (more than a palette holds). */
    private static BufferedImage gradient(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, 0xFF000000 | (x * 4 % 256) << 16 | (y * 4 % 256) << 8 | 128);
            }
        }
        return img;
    }

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    /** The GIF's frames as shown: each stored rectangle painted over the previous picture (doNotDispose). */
    private static List<int[]> readGif(Path file, int w, int h, List<Integer> delays, boolean[] loops) throws Exception {
        List<int[]> shown = new ArrayList<>();
        ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            r.setInput(in);
            int n = r.getNumImages(true);
            int[] canvas = new int[w * h];
            for (int i = 0; i < n; i++) {
                BufferedImage part = r.read(i);
                IIOMetadataNode root = (IIOMetadataNode) r.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode d = (IIOMetadataNode) root.getElementsByTagName("ImageDescriptor").item(0);
                int left = Integer.parseInt(d.getAttribute("imageLeftPosition"));
                int top = Integer.parseInt(d.getAttribute("imageTopPosition"));
                IIOMetadataNode gce = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
                delays.add(Integer.parseInt(gce.getAttribute("delayTime")));
                if (i == 0) {
                    IIOMetadataNode app = (IIOMetadataNode) root.getElementsByTagName("ApplicationExtension").item(0);
                    loops[0] = app != null && "NETSCAPE".equals(app.getAttribute("applicationID"))
                            && ((byte[]) app.getUserObject())[1] == 0 && ((byte[]) app.getUserObject())[2] == 0;
                }
                for (int y = 0; y < part.getHeight(); y++) {
                    for (int x = 0; x < part.getWidth(); x++) {
                        canvas[(top + y) * w + left + x] = part.getRGB(x, y);
                    }
                }
                shown.add(canvas.clone());
            }
            IIOMetadataNode stream = (IIOMetadataNode) r.getStreamMetadata().getAsTree("javax_imageio_gif_stream_1.0");
            IIOMetadataNode screen = (IIOMetadataNode) stream.getElementsByTagName("LogicalScreenDescriptor").item(0);
            assertEquals(w, Integer.parseInt(screen.getAttribute("logicalScreenWidth")));
            assertEquals(h, Integer.parseInt(screen.getAttribute("logicalScreenHeight")));
        } finally {
            r.dispose();
        }
        return shown;
    }

    @Test
    void aGifReadsBackFrameByFrameWithItsDelaysLoopAndExactColours() throws Exception {
        int w = 64;
        int h = 48;
        int n = 12;
        Path f = dir.resolve("a.gif");
        try (AnimationEncoder enc = AnimationEncoder.open(f, 20)) {
            for (int i = 0; i < n; i++) {
                enc.add(flat(i, w, h));
            }
            assertEquals(n, enc.frames());
        }
        List<Integer> delays = new ArrayList<>();
        boolean[] loops = new boolean[1];
        List<int[]> shown = readGif(f, w, h, delays, loops);
        assertEquals(n, shown.size());
        assertTrue(loops[0], "NETSCAPE2.0 loop forever");
        for (int i = 0; i < n; i++) {
            assertEquals(5, delays.get(i), "20 fps = 5/100 s per frame");
            // Four colours fit a palette exactly: every pixel of every frame comes back unchanged.
            assertArrayEquals(pixels(flat(i, w, h)), shown.get(i), "frame " + i);
        }
        // Only the changed rectangle is stored: the file is much smaller than 12 full frames.
        assertTrue(Files.size(f) < 12 * 400, "size " + Files.size(f));
    }

    @Test
    void moreThan256ColoursAreMedianCutToAPaletteCloseToEveryPixel() throws Exception {
        Path f = dir.resolve("g.gif");
        BufferedImage g = gradient(64, 64);
        try (AnimationEncoder enc = AnimationEncoder.open(f, 10)) {
            enc.add(g);
        }
        int[] back = readGif(f, 64, 64, new ArrayList<>(), new boolean[1]).get(0);
        int[] want = pixels(g);
        int worst = 0;
        for (int i = 0; i < want.length; i++) {
            for (int sh = 0; sh <= 16; sh += 8) {
                worst = Math.max(worst, Math.abs((want[i] >> sh & 255) - (back[i] >> sh & 255)));
            }
        }
        // 4096 colours on a 64 × 64 grid of steps of 4 in red and green, 256 boxes of about 4 × 4 colours:
        // each box spans 3 steps = 12 levels per channel, so its mean is at most 6 levels (+1 rounding) away.
        assertTrue(worst <= 8, "worst channel error " + worst);
    }

    @Test
    void gifDelaysAddUpToTheExactRunningTime() {
        for (int fps = 1; fps <= AnimationEncoder.MAX_GIF_FPS; fps++) {
            int sum = 0;
            for (int i = 0; i < fps; i++) {
                int d = GifWriter.delayCentis(i, fps);
                assertTrue(d >= 2, fps + " fps: delay " + d + " would be slowed down by browsers");
                sum += d;
            }
            assertEquals(100, sum, fps + " fps: one second");
        }
        assertEquals(3, GifWriter.delayCentis(0, 30));
        assertEquals(4, GifWriter.delayCentis(1, 30));
    }

    @Test
    void theSameFramesGiveTheSameBytes() throws Exception {
        for (String ext : List.of("gif", "mp4")) {
            byte[][] files = new byte[2][];
            for (int k = 0; k < 2; k++) {
                Path f = dir.resolve("d" + k + "." + ext);
                try (AnimationEncoder enc = AnimationEncoder.open(f, 15)) {
                    for (int i = 0; i < 6; i++) {
                        enc.add(i % 2 == 0 ? flat(i, 64, 48) : gradient(64, 48));
                    }
                }
                files[k] = Files.readAllBytes(f);
            }
            assertArrayEquals(files[0], files[1], ext);
        }
    }

    @Test
    void anMp4HasOneH264TrackWithEveryFrameAtTheFrameRate() throws Exception {
        Path f = dir.resolve("a.mp4");
        int n = 30;
        // Odd size: the last column and row are dropped (4:2:0 needs even sizes).
        try (AnimationEncoder enc = AnimationEncoder.open(f, 15)) {
            for (int i = 0; i < n; i++) {
                enc.add(flat(i % 16, 97, 65));
            }
        }
        try (SeekableByteChannel ch = NIOUtils.readableChannel(new File(f.toString()))) {
            MP4Demuxer demux = MP4Demuxer.createMP4Demuxer(ch);
            assertEquals(1, demux.getVideoTracks().size());
            DemuxerTrack track = demux.getVideoTracks().get(0);
            DemuxerTrackMeta meta = track.getMeta();
            assertEquals(org.jcodec.common.Codec.H264, meta.getCodec());
            assertEquals(96, meta.getVideoCodecMeta().getSize().getWidth());
            assertEquals(64, meta.getVideoCodecMeta().getSize().getHeight());
            assertEquals(n, meta.getTotalFrames());
            assertEquals(2.0, meta.getTotalDuration(), 1e-9, "30 frames at 15 fps");
            int packets = 0;
            Packet p;
            while ((p = track.nextFrame()) != null) {
                assertEquals(1.0 / 15, p.getDurationD(), 1e-9);
                packets++;
            }
            assertEquals(n, packets);
        }
    }

    @Test
    void badFilesAndRatesAreRefusedWithTheirReason() {
        IllegalArgumentException ext = assertThrows(IllegalArgumentException.class,
                () -> AnimationEncoder.check(Path.of("x.avi"), 20));
        assertTrue(ext.getMessage().contains(".gif or .mp4"), ext.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AnimationEncoder.check(Path.of("noext"), 20));
        assertThrows(IllegalArgumentException.class, () -> AnimationEncoder.check(Path.of("x.mp4"), 0));
        assertThrows(IllegalArgumentException.class, () -> AnimationEncoder.check(Path.of("x.mp4"), 61));
        IllegalArgumentException gif = assertThrows(IllegalArgumentException.class,
                () -> AnimationEncoder.check(Path.of("x.gif"), 55));
        assertTrue(gif.getMessage().contains("at most 50"), gif.getMessage());
        AnimationEncoder.check(Path.of("X.GIF"), 50);
        AnimationEncoder.check(Path.of("x.mp4"), 60);
    }

    @Test
    void framesOfAnotherSizeAreRefused() throws Exception {
        try (AnimationEncoder enc = AnimationEncoder.open(dir.resolve("s.gif"), 10)) {
            enc.add(flat(0, 64, 48));
            assertThrows(IllegalArgumentException.class, () -> enc.add(flat(1, 60, 48)));
        }
    }

    @Test
    void theRecordersDefaultNameFollowsTheSceneOrTheView() {
        assertEquals("divergence-lab-training.gif", Recorder.defaultName(null, "training", "gif"));
        assertEquals("divergence-lab-window.mp4", Recorder.defaultName(null, null, "mp4"));
        assertEquals(Path.of("a", "b.gif"), Recorder.withExtension(Path.of("a", "b.gif"), "gif"));
        assertEquals(Path.of("a", "b.png.mp4"), Recorder.withExtension(Path.of("a", "b.png"), "mp4"));
    }
}

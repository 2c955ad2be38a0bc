package org.divergencelab.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the app's small text inputs (JSON files, sample CSVs) safely: only regular files (so {@code /dev/zero}
 * or a FIFO cannot make it read forever), at most a stated number of bytes (checked before allocating), strictly
 * UTF-8 with a message that names the file and the first bad byte (typically a Latin-1 file), a leading BOM
 * dropped. Every problem is an {@link IllegalArgumentException} naming the file.
 */
public final class TextFiles {
    /** Largest text input read, in bytes (64 MiB: well above a 1,000,000-row CSV of two doubles). */
    public static final long MAX_BYTES = 64L << 20;

    private TextFiles() {
    }

    /** The text of {@code file}; {@code what} names it in messages ("samples file", "experiment file"). */
    public static String readUtf8(Path file, String what) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(what + " " + file + " does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(what + " " + file + " is not a regular file (a folder or a device); "
                    + "give a text file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(what + " " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + what + " " + file + ": " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException(what + " " + file + " is larger than " + (MAX_BYTES >> 20)
                    + " MiB; the app reads text files up to that size");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (MalformedInputException e) {
            int at = firstBadByte(bytes);
            throw new IllegalArgumentException(what + " " + file + " is not UTF-8 text: byte 0x"
                    + String.format("%02X", bytes[at] & 0xff) + " at offset " + at + " (line " + lineOf(bytes, at)
                    + ") is not valid UTF-8; it is probably Latin-1/Windows-1252: save it as UTF-8");
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(what + " " + file + " is not UTF-8 text: " + e.getMessage());
        }
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    private static int firstBadByte(byte[] b) {
        var dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b);
        var out = java.nio.CharBuffer.allocate(b.length + 1);
        var r = dec.decode(in, out, true);
        return r.isError() ? in.position() : 0;
    }

    private static int lineOf(byte[] b, int at) {
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (b[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}

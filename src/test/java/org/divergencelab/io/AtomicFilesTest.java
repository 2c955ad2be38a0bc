package org.divergencelab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void replacesTheFileAndLeavesNothingElse() throws IOException {
        Path f = dir.resolve("state.dlab");
        AtomicFiles.writeString(f, "first");
        AtomicFiles.writeString(f, "second, longer");
        assertEquals("second, longer", Files.readString(f));
        assertEquals(List.of("state.dlab"), names());
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndRemovesItsTemporaryFile() throws IOException {
        Path f = dir.resolve("generator.json");
        AtomicFiles.writeString(f, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write("half of the new".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("old", Files.readString(f));
        assertEquals(List.of("generator.json"), names());
    }

    @Test
    void createsParentFoldersAndAPendingWriteWithoutCommitLeavesNoFile() throws IOException {
        Path f = dir.resolve("a/b/c.gif");
        try (AtomicFiles.Pending p = AtomicFiles.begin(f)) {
            Files.writeString(p.temp(), "frames");
            assertEquals(f.getParent(), p.temp().getParent());
        }
        assertEquals(List.of(), Files.list(f.getParent()).toList());
        try (AtomicFiles.Pending p = AtomicFiles.begin(f)) {
            Files.writeString(p.temp(), "frames");
            p.commit();
        }
        assertEquals("frames", Files.readString(f));
    }
}

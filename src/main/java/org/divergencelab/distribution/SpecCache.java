package org.divergencelab.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed distributions by spec string, shared by the training experiments and the sandbox. A
 * {@code samples(FILE)} spec reads a CSV (1–3 s for 200 000 lines), an experiment is copied on every field
 * edit and its distribution asked for on every training frame, and the sandbox re-derives its state on every
 * drag, so each spec is parsed once and reused while every sample file it read keeps its size and
 * modification time (a rewritten file is read again). Distributions are immutable, so one instance serves
 * every thread. Holds the last {@value #CAPACITY} specs (analytic ones are tiny; a 200 000-point cloud is 3 MB).
 */
public final class SpecCache {
    /** Specs kept. */
    public static final int CAPACITY = 64;

    private record Stamp(Path file, long size, FileTime modified) {
        /** The file's stamp now; null when it cannot be read (then nothing is cached). */
        static Stamp of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(file, a.size(), a.lastModifiedTime());
            } catch (IOException e) {
                return null;
            }
        }

        boolean current() {
            return equals(of(file));
        }
    }

    private record Cached(Distribution distribution, List<Stamp> files) {
        boolean current() {
            for (Stamp s : files) {
                if (!s.current()) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final Map<String, Cached> ENTRIES = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > CAPACITY;
        }
    };
    private static final Map<String, Integer> PARSES = new ConcurrentHashMap<>();

    private SpecCache() {
    }

    /**
     * The distribution of {@code spec} ({@code samples(...)} paths relative to the working directory), parsed
     * now only when it is new or a sample file changed.
     *
     * @throws SpecException (an IllegalArgumentException) for a bad spec or an unreadable file
     */
    public static Distribution parse(String spec) {
        Cached e;
        synchronized (ENTRIES) {
            e = ENTRIES.get(spec);
        }
        if (e != null && e.current()) {
            return e.distribution();
        }
        // Parsed outside the lock: a long CSV read on the training thread must not block the FX thread's lookups.
        // Each file is stamped before it is read: a change during the read makes the next lookup read it again.
        List<Stamp> stamps = new ArrayList<>();
        Distribution d = SpecParser.parse(spec, Path.of(""), f -> stamps.add(Stamp.of(f)));
        PARSES.merge(spec, 1, Integer::sum);
        if (stamps.contains(null)) {
            return d;
        }
        synchronized (ENTRIES) {
            ENTRIES.put(spec, new Cached(d, List.copyOf(stamps)));
        }
        return d;
    }

    /** How many times {@code spec} was actually parsed so far (for tests and diagnostics). */
    public static int parses(String spec) {
        return PARSES.getOrDefault(spec, 0);
    }
}

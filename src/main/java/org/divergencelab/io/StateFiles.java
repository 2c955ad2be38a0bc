package org.divergencelab.io;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What every versioned state file of the app (sandbox state, training state) checks the same way: the text
 * is JSON, an object, of the expected {@code "format"}, with a {@code "version"} this build can read; and the
 * typed field reads whose messages name the file and the field. Each file kind then reads its own fields.
 */
public final class StateFiles {
    /**
     * The extension of the app's own state files (training and sandbox state), the one the installers associate
     * with the app; the content decides what a file is (its {@code "format"}), so {@code .json} files of the same
     * content, as earlier versions wrote them, open too.
     */
    public static final String EXTENSION = "dlab";
    /** File-chooser patterns: save as {@link #EXTENSION}; open that or JSON. */
    public static final String SAVE_PATTERN = "*." + EXTENSION;
    public static final String[] OPEN_PATTERNS = {"*." + EXTENSION, "*.json"};

    private StateFiles() {
    }

    /** {@code file}, with {@code .dlab} added when its name has no extension (a name typed in a save dialog). */
    public static Path withExtension(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return name.isEmpty() || name.contains(".") ? file : file.resolveSibling(name + "." + EXTENSION);
    }

    /** The file's text (UTF-8); an unreadable file is a {@link StateFileException} naming it. */
    public static String read(Path file) throws StateFileException {
        try {
            return TextFiles.readUtf8(file, "state file");
        } catch (RuntimeException e) {
            throw new StateFileException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Parses {@code text} and checks its header: a JSON object whose {@code "format"} is {@code format} and whose
     * {@code "version"} is 1..{@code maxVersion}.
     *
     * @param source names the file in messages
     * @param kind   what the format is called in messages ("sandbox state", "training state")
     * @return the top-level object
     */
    public static Map<?, ?> open(String text, String source, String format, long maxVersion, String kind)
            throws StateFileException {
        Object root;
        try {
            root = Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new StateFileException(source + ": not valid JSON: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> m)) {
            throw new StateFileException(source + ": expected a JSON object at the top level, found "
                    + Json.typeName(root), null);
        }
        Object f = m.get("format");
        if (!format.equals(f)) {
            throw new StateFileException(source + ": not a " + kind + " (\"format\" is "
                    + (f instanceof String s ? "\"" + s + "\"" : Json.typeName(f)) + ", expected \"" + format + "\")",
                    null);
        }
        long version = integer(m, "version", source, "");
        if (version > maxVersion) {
            throw new StateFileException(source + ": written by a newer version of Divergence Lab (file version "
                    + version + ", this build reads up to " + maxVersion + "); update the app to open it", null);
        }
        if (version < 1) {
            throw new StateFileException(source + ": bad version " + version + " (must be 1.." + maxVersion + ")",
                    null);
        }
        return m;
    }

    /** Field {@code prefix + key} as a string. */
    public static String string(Map<?, ?> m, String key, String source, String prefix) throws StateFileException {
        if (!(m.get(key) instanceof String s)) {
            throw new StateFileException(source + ": field \"" + prefix + key + "\" must be a string, found "
                    + found(m, key), null);
        }
        return s;
    }

    /** Field {@code prefix + key} as an integer. */
    public static long integer(Map<?, ?> m, String key, String source, String prefix) throws StateFileException {
        if (!(m.get(key) instanceof Long l)) {
            throw new StateFileException(source + ": field \"" + prefix + key + "\" must be an integer, found "
                    + found(m, key), null);
        }
        return l;
    }

    /** Field {@code prefix + key} as a boolean. */
    public static boolean bool(Map<?, ?> m, String key, String source, String prefix) throws StateFileException {
        if (!(m.get(key) instanceof Boolean b)) {
            throw new StateFileException(source + ": field \"" + prefix + key + "\" must be true or false, found "
                    + found(m, key), null);
        }
        return b;
    }

    /** Refuses a field of {@code m} not in {@code known}, naming it ({@code prefix + key}) and the known ones. */
    public static void unknown(Map<?, ?> m, Set<String> known, String source, String prefix) throws StateFileException {
        for (Object k : m.keySet()) {
            if (!known.contains(String.valueOf(k))) {
                throw new StateFileException(source + ": unknown field \"" + prefix + k + "\"; known: "
                        + new TreeSet<>(known), null);
            }
        }
    }

    private static String found(Map<?, ?> m, String key) {
        if (!m.containsKey(key)) {
            return "nothing";
        }
        Object v = m.get(key);
        // numbers and booleans with their value ("number 3.5"), strings quoted, the rest by type
        if (v instanceof Number || v instanceof Boolean) {
            return Json.typeName(v) + " " + v;
        }
        return v instanceof String str ? "string \"" + str + "\"" : Json.typeName(v);
    }
}

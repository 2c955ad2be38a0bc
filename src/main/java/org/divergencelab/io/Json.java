package org.divergencelab.io;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * The app's JSON facade over Jackson's streaming parser and generator (jackson-core). Values map to Java as:
 * object → {@code Map<String,Object>} (insertion-ordered, unmodifiable), array → {@code List<Object>}
 * (unmodifiable), string → String, true/false → Boolean, null → {@link #NULL}, numbers → Long when written
 * without fraction or exponent and within long range, else Double. Doubles are written in Java's shortest
 * round-trip form ({@link Double#toString}), so write → parse reproduces every finite double exactly. NaN and
 * ±∞ have no JSON form and are rejected by the writer.
 *
 * <p>Reading is bounded ({@link #MAX_DEPTH} nesting levels, {@link #MAX_NUMBER_LENGTH}-character numbers,
 * {@link #MAX_DOCUMENT_CHARS} characters), duplicate keys are refused, and a leading byte-order mark is
 * skipped; every problem is a {@link ParseException} with its line and column.
 */
public final class Json {

    /** The JSON null (a distinct object so maps can hold it). */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** Deepest nesting of arrays/objects read (the app's files nest 3 levels; this stops stack exhaustion). */
    public static final int MAX_DEPTH = 200;
    /** Longest number literal read, in characters (a double needs at most ~25). */
    public static final int MAX_NUMBER_LENGTH = 100;
    /** Largest document read, in characters (16 MiB; the app's files are a few KiB). */
    public static final int MAX_DOCUMENT_CHARS = 16 << 20;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxDocumentLength(MAX_DOCUMENT_CHARS)
                    .maxStringLength(MAX_DOCUMENT_CHARS)
                    .build())
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Json() {
    }

    /** A syntax error (or a read limit hit) with its 1-based line and column. */
    public static final class ParseException extends IllegalArgumentException {
        private final int line;
        private final int column;

        ParseException(String message, int line, int column) {
            super("invalid JSON at line " + line + ", column " + column + ": " + message);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    /** Parses one JSON value (the whole text must be that value plus whitespace; a leading BOM is skipped). */
    public static Object parse(String text) {
        String body = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        if (body.length() > MAX_DOCUMENT_CHARS) {
            throw new ParseException("the text has " + body.length() + " characters; at most " + MAX_DOCUMENT_CHARS
                    + " are read", 1, 1);
        }
        try (JsonParser p = FACTORY.createParser(body)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new ParseException("unexpected end of input, expected a value", 1, 1);
            }
            Object v = value(p, t);
            JsonToken after = p.nextToken();
            if (after != null) {
                throw error(p.currentTokenLocation(), "unexpected " + after.asString() + " after the end of the value");
            }
            return v;
        } catch (StreamConstraintsException e) {
            throw error(e.getLocation(), constraint(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw error(e.getLocation(), plain(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String source cannot fail to read
        }
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String key = p.currentName();
                    m.put(key, value(p, p.nextToken()));
                }
                return Collections.unmodifiableMap(m);
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
                    l.add(value(p, v));
                }
                return Collections.unmodifiableList(l);
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return NULL;
            }
            case VALUE_NUMBER_INT -> {
                JsonParser.NumberType nt = p.getNumberType();
                return nt == JsonParser.NumberType.BIG_INTEGER ? (Object) p.getDoubleValue() : (Object) p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            default -> throw error(p.currentTokenLocation(), "unexpected " + t);
        }
    }

    private static ParseException error(JsonLocation at, String message) {
        int line = at == null || at.getLineNr() < 1 ? 1 : at.getLineNr();
        int column = at == null || at.getColumnNr() < 1 ? 1 : at.getColumnNr();
        return new ParseException(message, line, column);
    }

    /** Jackson's message, shortened and with the app's wording for the common cases. */
    private static String plain(String jackson) {
        String m = jackson == null ? "malformed" : jackson;
        int cut = m.indexOf("\n at [Source");
        if (cut >= 0) {
            m = m.substring(0, cut);
        }
        if (m.contains("was expecting a colon")) {
            return "expected ':' after the key (" + m + ")";
        }
        if (m.contains("Duplicate Object property") || m.contains("Duplicate field")) {
            return "duplicate key (" + m + ")";
        }
        if (m.contains("end-of-input")) {
            return "unexpected end of input (" + m + ")";
        }
        // a full-width or other non-ASCII digit: JSON numbers are ASCII 0-9 only
        int code = m.indexOf("(code ");
        if (code >= 0) {
            int end = code + 6;
            while (end < m.length() && Character.isDigit(m.charAt(end))) {
                end++;
            }
            try {
                int c = Integer.parseInt(m.substring(code + 6, end));
                if (c > 127 && Character.isDigit(c)) {
                    return "non-ASCII digit '" + new String(Character.toChars(c)) + "' (U+"
                            + String.format("%04X", c) + "); numbers must use the digits 0-9 (" + m + ")";
                }
            } catch (RuntimeException ignored) {
                // not a code we can read: keep Jackson's message as it is
            }
        }
        return m;
    }

    private static String constraint(String jackson) {
        String m = jackson == null ? "" : jackson;
        if (m.contains("nesting depth")) {
            return "nested deeper than " + MAX_DEPTH + " levels (" + m + ")";
        }
        if (m.contains("Number value length") || m.contains("number length")) {
            return "a number longer than " + MAX_NUMBER_LENGTH + " characters (" + m + ")";
        }
        return "too large (" + m + ")";
    }

    /** Pretty-printed JSON (two-space indent, one member per line, lists of scalars on one line, trailing newline). */
    public static String write(Object value) {
        StringWriter out = new StringWriter();
        Layout layout = new Layout();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(layout);
            write(g, layout, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter cannot fail
        }
        return out.append('\n').toString();
    }

    private static void write(JsonGenerator g, Layout layout, Object v) throws IOException {
        if (v == null || v == NULL) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("JSON has no representation for " + d);
            }
            g.writeNumber(Double.toString(d)); // Java's shortest round-trip text, exactly as the files always had
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, layout, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            // short lists of numbers (layer widths) read better on one line
            layout.inline.add(l.stream().noneMatch(x -> x instanceof Map || x instanceof List));
            g.writeStartArray();
            for (Object x : l) {
                write(g, layout, x);
            }
            g.writeEndArray();
        } else {
            throw new IllegalArgumentException("cannot write " + v.getClass().getName() + " as JSON");
        }
    }

    /**
     * The files' layout: members one per line with two-space indent, {@code "key": value}, empty containers as
     * {@code {}}/{@code []}, and arrays of scalars on one line ({@code [1, 2]}).
     */
    private static final class Layout implements PrettyPrinter {
        /** Per open array, whether it is written on one line (pushed by the writer before writeStartArray). */
        final List<Boolean> inline = new ArrayList<>();
        private final List<Boolean> open = new ArrayList<>();
        private int depth;

        private void newline(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
            g.writeRaw("  ".repeat(depth));
        }

        private boolean inlineArray() {
            return open.get(open.size() - 1);
        }

        @Override
        public void writeRootValueSeparator(JsonGenerator g) {
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            g.writeRaw('{');
            open.add(false);
            depth++;
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) throws IOException {
            newline(g);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            newline(g);
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            depth--;
            open.remove(open.size() - 1);
            if (entries > 0) {
                newline(g);
            }
            g.writeRaw('}');
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            g.writeRaw('[');
            open.add(inline.remove(inline.size() - 1));
            depth++;
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            if (!inlineArray()) {
                newline(g);
            }
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            if (inlineArray()) {
                g.writeRaw(", ");
            } else {
                g.writeRaw(',');
                newline(g);
            }
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            depth--;
            boolean one = inlineArray();
            open.remove(open.size() - 1);
            if (values > 0 && !one) {
                newline(g);
            }
            g.writeRaw(']');
        }
    }

    /** A human name of a JSON value's type, for error messages. */
    public static String typeName(Object v) {
        if (v == null || v == NULL) {
            return "null";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Boolean) {
            return "boolean";
        }
        if (v instanceof Number) {
            return "number";
        }
        if (v instanceof Map) {
            return "object";
        }
        if (v instanceof List) {
            return "array";
        }
        return v.getClass().getSimpleName();
    }
}

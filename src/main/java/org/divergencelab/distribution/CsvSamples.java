package org.divergencelab.distribution;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.divergencelab.io.TextFiles;

/**
 * Loads a point cloud from CSV (read by Apache Commons CSV): one sample per row, 1 or 2 numeric columns, an
 * optional header row (quoted or not, e.g. R's {@code "x","y"}), and an optional last column headed
 * {@code weight} (or {@code w}, {@code mass}). Separators: comma, semicolon (then a decimal comma {@code 0,5} is
 * read as 0.5), tab, or runs of spaces; lines starting with {@code #} are comments; UTF-8 with or without BOM,
 * LF or CRLF. Cells must be plain decimal numbers ({@code 1}, {@code -2.5}, {@code 1e-3}); Java-only forms
 * ({@code 0x1p3}, {@code 1f}, {@code 2d}), non-ASCII digits, NaN and ∞ are refused. At most {@link #MAX_ROWS}
 * rows. Every problem is an {@link IllegalArgumentException} naming the file, the row (line) and the column.
 */
public final class CsvSamples {
    /** Most data rows read (a sample cloud beyond this is better subsampled first). */
    public static final int MAX_ROWS = 1_000_000;

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d+,\\d+([eE][+-]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private CsvSamples() {
    }

    /** Reads {@code file}. */
    public static PointCloud load(Path file) {
        String text = TextFiles.readUtf8(file, "samples file");
        char delimiter = delimiter(text);
        boolean commas = delimiter == ',';
        if (delimiter == ' ') {
            // runs of spaces/tabs separate columns: make them one comma (no quoting in such files)
            text = Pattern.compile("[ \\t]+").matcher(text).replaceAll(",").replaceAll("(?m)^,|,$", "");
            text = text.replace(",\r", "\r");
            delimiter = ',';
        }
        if (!text.endsWith("\n")) {
            text += "\n"; // so the parser's line count after a record is that record's line
        }
        List<CSVRecord> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setCommentMarker('#')
                .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord r : parser) {
                if (records.size() > MAX_ROWS) { // the header, then at most MAX_ROWS rows
                    throw new IllegalArgumentException("samples file " + file + " has more than " + MAX_ROWS
                            + " rows; subsample it first");
                }
                records.add(r);
                lines.add(parser.getCurrentLineNumber());
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // the parser's own words, not its wrapper's (an UncheckedIOException's message is the cause's class + text)
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new IllegalArgumentException("samples file " + file + " is not valid CSV: " + root.getMessage());
        }
        return fromRecords(file, records, lines, delimiter == ';', commas);
    }

    /** The column separator: ';' or ',' or tab if the first data-looking line has one, else spaces. */
    private static char delimiter(String text) {
        for (String line : text.split("\r?\n", 50)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (t.indexOf(';') >= 0) {
                return ';';
            }
            if (t.indexOf(',') >= 0) {
                return ',';
            }
            if (t.indexOf('\t') >= 0) {
                return '\t';
            }
            return ' ';
        }
        return ',';
    }

    private static PointCloud fromRecords(Path file, List<CSVRecord> records, List<Long> lines,
            boolean decimalComma, boolean commas) {
        int first = 0;
        boolean weighted = false;
        int columns;
        if (records.isEmpty()) {
            throw new IllegalArgumentException("samples file " + file + " has no data lines (it is empty)");
        }
        CSVRecord head = records.get(0);
        if (looksLikeHeader(head)) {
            first = 1;
            columns = head.size();
            weighted = columns >= 2 && isWeightName(head.get(columns - 1));
            int dim = weighted ? columns - 1 : columns;
            if (dim != 1 && dim != 2) {
                throw new IllegalArgumentException(file + " line " + lines.get(0) + ": header has "
                        + dim + " coordinate columns; expected 1 or 2");
            }
        } else {
            columns = head.size();
            if (columns != 1 && columns != 2) {
                throw new IllegalArgumentException(file + " line " + lines.get(0) + ": " + columns
                        + " columns; expected 1 or 2 numeric columns (x or x,y)");
            }
        }
        int n = records.size() - first;
        if (n == 0) {
            throw new IllegalArgumentException("samples file " + file + " has no data lines (it is empty apart from"
                    + " its header)");
        }
        if (n > MAX_ROWS) {
            throw new IllegalArgumentException("samples file " + file + " has more than " + MAX_ROWS
                    + " rows; subsample it first");
        }
        if (commas && first == 0 && columns == 2 && looksLikeDecimalCommas(records)) {
            throw new IllegalArgumentException("samples file " + file + " is ambiguous: every line looks like one"
                    + " number with a decimal comma (e.g. '" + String.join(",", records.get(0).values())
                    + "') as much as like two integer columns; write decimals with '.', or add a header row"
                    + " (x,y) if these really are 2-D integer points");
        }
        int dim = weighted ? columns - 1 : columns;
        double[] coords = new double[n * dim];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            CSVRecord r = records.get(first + i);
            long line = lines.get(first + i);
            if (r.size() != columns) {
                throw new IllegalArgumentException(file + " line " + line + ": " + r.size() + " columns, expected "
                        + columns + " like the first line");
            }
            for (int k = 0; k < columns; k++) {
                double v = number(file, line, k + 1, r.get(k), decimalComma);
                if (k < dim) {
                    coords[i * dim + k] = v;
                } else {
                    if (v < 0) {
                        throw new IllegalArgumentException(file + " line " + line + ": negative weight " + r.get(k));
                    }
                    weights[i] = v;
                }
            }
            if (!weighted) {
                weights[i] = 1;
            }
        }
        double max = Arrays.stream(weights).max().orElse(0);
        if (!(max > 0)) {
            throw new IllegalArgumentException("samples file " + file + ": the weights sum to 0");
        }
        return PointCloud.weighted(dim, coords, weights);
    }

    /** One cell as a finite number, or a message naming line, column and why not. */
    private static double number(Path file, long line, int column, String cell, boolean decimalComma) {
        String where = file + " line " + line + " column " + column + ": ";
        String s = decimalComma && DECIMAL_COMMA.matcher(cell).matches() ? cell.replace(',', '.') : cell;
        if (!NUMBER.matcher(s).matches()) {
            for (int i = 0; i < cell.length(); i++) {
                char c = cell.charAt(i);
                if (c > 127 && Character.isDigit(c)) {
                    throw new IllegalArgumentException(where + "'" + cell + "' has the non-ASCII digit '" + c
                            + "' (U+" + String.format("%04X", (int) c) + "); write numbers with the digits 0-9");
                }
            }
            String lower = cell.toLowerCase(Locale.ROOT);
            if (lower.contains("nan") || lower.contains("inf")) {
                throw new IllegalArgumentException(where + cell + " is not a finite number");
            }
            throw new IllegalArgumentException(where + "'" + cell + "' is not a number (plain decimal numbers"
                    + " only, like -2.5 or 1e-3)");
        }
        double v = Double.parseDouble(s);
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(where + cell + " is not a finite number (beyond ±1.8e308)");
        }
        return v;
    }

    /**
     * Whether header-less integer pairs look like one column written with decimal commas ({@code 0,5},
     * {@code 1,25}, {@code 0,05}): every row is an integer then unsigned digits, and the digits after the
     * comma have a leading zero somewhere or differ in length between rows (fractions do; pairs of small
     * integers such as {@code 0,1}/{@code 1,1} need not). Such files are refused rather than read as 2-D.
     */
    private static boolean looksLikeDecimalCommas(List<CSVRecord> records) {
        int width = -1;
        boolean varies = false;
        boolean leadingZero = false;
        for (CSVRecord r : records) {
            if (r.size() != 2 || !INTEGER.matcher(r.get(0)).matches() || !DIGITS.matcher(r.get(1)).matches()) {
                return false;
            }
            String frac = r.get(1);
            leadingZero |= frac.length() > 1 && frac.charAt(0) == '0';
            varies |= width >= 0 && frac.length() != width;
            width = frac.length();
        }
        return leadingZero || varies;
    }

    private static boolean looksLikeHeader(CSVRecord r) {
        for (String f : r) {
            String s = f.toLowerCase(Locale.ROOT);
            if (s.isEmpty() || s.equals("nan") || s.contains("infinity") || s.equals("inf")) {
                return false;
            }
            if (!Character.isLetter(s.charAt(0)) || s.matches("[0-9.eE+-]+")) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWeightName(String s) {
        String t = s.toLowerCase(Locale.ROOT);
        return t.equals("weight") || t.equals("w") || t.equals("mass");
    }
}

package org.divergencelab.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Loads a point cloud from CSV: one sample per line, 1 or 2 numeric columns (comma, semicolon or
 * whitespace separated), an optional header line, and an optional last column headed {@code weight} (or
 * {@code w}). Every problem is an {@link IllegalArgumentException} naming the file, the line and the problem.
 */
public final class CsvSamples {
    private CsvSamples() {
    }

    /** Reads {@code file}. */
    public static PointCloud load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("samples file " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read samples file " + file + ": " + e.getMessage());
        }
        int columns = -1;
        boolean weighted = false;
        int firstData = -1;
        double[] coords = new double[16];
        double[] weights = new double[8];
        int n = 0;
        for (int li = 0; li < lines.size(); li++) {
            String line = lines.get(li).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s*[,;]\\s*|\\s+");
            int lineNo = li + 1;
            if (columns < 0 && firstData < 0 && looksLikeHeader(f)) {
                firstData = lineNo; // header: remember its shape
                weighted = f.length >= 2 && isWeightName(f[f.length - 1]);
                columns = f.length;
                int dim = weighted ? f.length - 1 : f.length;
                if (dim != 1 && dim != 2) {
                    throw new IllegalArgumentException(file + " line " + lineNo + ": header has " + dim
                            + " coordinate columns; expected 1 or 2");
                }
                continue;
            }
            if (columns < 0) {
                columns = f.length;
                if (columns != 1 && columns != 2) {
                    throw new IllegalArgumentException(file + " line " + lineNo + ": " + columns
                            + " columns; expected 1 or 2 numeric columns (x or x,y)");
                }
            }
            if (f.length != columns) {
                throw new IllegalArgumentException(file + " line " + lineNo + ": " + f.length
                        + " columns, expected " + columns + " like the first line");
            }
            int dim = weighted ? columns - 1 : columns;
            if ((n + 1) * dim > coords.length) {
                coords = java.util.Arrays.copyOf(coords, coords.length * 2);
            }
            if (n + 1 > weights.length) {
                weights = java.util.Arrays.copyOf(weights, weights.length * 2);
            }
            for (int k = 0; k < columns; k++) {
                double v;
                try {
                    v = Double.parseDouble(f[k]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + " line " + lineNo + " column " + (k + 1) + ": '"
                            + f[k] + "' is not a number");
                }
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(file + " line " + lineNo + " column " + (k + 1) + ": "
                            + f[k] + " is not a finite number");
                }
                if (k < dim) {
                    coords[n * dim + k] = v;
                } else {
                    if (v < 0) {
                        throw new IllegalArgumentException(file + " line " + lineNo + ": negative weight " + f[k]);
                    }
                    weights[n] = v;
                }
            }
            if (!weighted) {
                weights[n] = 1;
            }
            n++;
        }
        if (n == 0) {
            throw new IllegalArgumentException("samples file " + file + " has no data lines (it is empty"
                    + (firstData > 0 ? " apart from its header" : "") + ")");
        }
        int dim = weighted ? columns - 1 : columns;
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += weights[i];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("samples file " + file + ": the weights sum to 0");
        }
        return PointCloud.weighted(dim, java.util.Arrays.copyOf(coords, n * dim), java.util.Arrays.copyOf(weights, n));
    }

    private static boolean looksLikeHeader(String[] fields) {
        for (String f : fields) {
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
        String t = s.toLowerCase(Locale.ROOT).replace("\"", "");
        return t.equals("weight") || t.equals("w") || t.equals("mass");
    }
}

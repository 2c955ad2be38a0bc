package org.divergencelab.distribution;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser of distribution specs:
 *
 * <pre>
 * spec   := NAME [ '(' args ')' ]
 * args   := arg { ',' arg }
 * arg    := NUMBER | NUMBER '*' spec | spec        (weights only inside mixture)
 * NAME   := letter { letter | digit | '_' }
 * NUMBER := ['+'|'-'] digits ['.' digits] [('e'|'E') ['+'|'-'] digits]
 * </pre>
 *
 * {@code samples(PATH)} takes a raw file path (everything up to the closing parenthesis). Whitespace is
 * ignored between tokens. Every error is a {@link SpecException} pointing at the offending character.
 */
public final class SpecParser {
    private final String text;
    private final Path baseDir;
    private final java.util.function.Consumer<Path> onSampleFile;
    private int pos;

    private SpecParser(String text, Path baseDir, java.util.function.Consumer<Path> onSampleFile) {
        this.text = text;
        this.baseDir = baseDir;
        this.onSampleFile = onSampleFile;
    }

    /** Parses {@code spec}; {@code samples(...)} paths are relative to the working directory. */
    public static Distribution parse(String spec) {
        return parse(spec, Path.of(""));
    }

    /** Parses {@code spec}; {@code samples(...)} paths are resolved against {@code baseDir}. */
    public static Distribution parse(String spec, Path baseDir) {
        return parse(spec, baseDir, f -> { });
    }

    /**
     * Parses {@code spec} and tells {@code onSampleFile} every {@code samples(...)} file it reads (resolved
     * against {@code baseDir}), so a cache can tell when the result is stale.
     */
    public static Distribution parse(String spec, Path baseDir, java.util.function.Consumer<Path> onSampleFile) {
        if (spec == null) {
            throw new IllegalArgumentException("distribution spec is null");
        }
        SpecParser p = new SpecParser(spec, baseDir, onSampleFile);
        p.skipSpace();
        if (p.pos >= spec.length()) {
            throw new SpecException(spec, 0, "empty spec; expected a distribution such as normal(0,1)");
        }
        Distribution d = p.parseSpec();
        p.skipSpace();
        if (p.pos < spec.length()) {
            throw p.error("unexpected '" + spec.charAt(p.pos) + "' after the end of the spec");
        }
        return d;
    }

    /**
     * A command-line argument: a CSV file of samples when it names an existing file or ends in {@code .csv},
     * a spec otherwise.
     */
    public static Distribution parseSpecOrFile(String arg) {
        String t = arg.trim();
        Path path = Path.of(t.isEmpty() ? "." : t);
        if (t.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") || (java.nio.file.Files.isRegularFile(path))) {
            return new Empirical(CsvSamples.load(path), "samples(" + t + ")");
        }
        return parse(arg);
    }

    /** One parsed argument: a number, a distribution, or a weighted distribution. */
    private record Arg(int at, Double number, Distribution dist) {
        boolean isNumber() {
            return dist == null;
        }
    }

    /** Deepest nesting of distributions in a spec (real specs nest 3-4; this keeps the recursion far from the stack's end). */
    public static final int MAX_DEPTH = 64;
    /** Most mixture components one spec may build (ring, grid, checkerboard, mixture), checked before allocating. */
    public static final int MAX_COMPONENTS = 10_000;

    private int depth;

    private Distribution parseSpec() {
        if (++depth > MAX_DEPTH) {
            throw error("distributions nested deeper than " + MAX_DEPTH + " levels");
        }
        try {
            return parseSpecAt();
        } finally {
            depth--;
        }
    }

    private Distribution parseSpecAt() {
        skipSpace();
        int start = pos;
        if (pos >= text.length() || !Character.isLetter(text.charAt(pos))) {
            throw error(pos >= text.length() ? "unexpected end; expected a distribution name"
                    : "expected a distribution name (normal, uniform, point, mixture, ...), found '"
                            + text.charAt(pos) + "'");
        }
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        String name = text.substring(start, pos);
        skipSpace();
        if (name.equals("eightgaussians") || name.equals("eight_gaussians")) {
            if (peek() == '(') {
                expect('(');
                expect(')');
            }
            // The WGAN-GP toy: centres at radius 2 with std 0.02, all divided by 1.414.
            return ring(8, 2 / 1.414, 0.02 / 1.414, "eightgaussians");
        }
        if (peek() != '(') {
            throw error("expected '(' after '" + name + "'");
        }
        pos++;
        if (name.equals("samples")) {
            return parseSamples(start);
        }
        if (name.equals("generator")) {
            return parseGenerator();
        }
        List<Arg> args = new ArrayList<>();
        skipSpace();
        if (peek() != ')') {
            while (true) {
                args.add(parseArg(name.equals("mixture")));
                skipSpace();
                char c = peek();
                if (c == ',') {
                    pos++;
                    continue;
                }
                if (c == ')') {
                    break;
                }
                throw error(pos >= text.length() ? "unexpected end; expected ',' or ')' in " + name + "(...)"
                        : "expected ',' or ')' in " + name + "(...), found '" + c + "'");
            }
        }
        int close = pos;
        pos++;
        try {
            return build(name, start, close, args);
        } catch (SpecException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new SpecException(text, start, e.getMessage());
        }
    }

    private Arg parseArg(boolean weighted) {
        skipSpace();
        int at = pos;
        char c = peek();
        if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
            double v = parseNumber();
            skipSpace();
            if (peek() == '*') {
                if (!weighted) {
                    throw error("a weight 'w*D' is only allowed inside mixture(...)");
                }
                pos++;
                Distribution d = parseSpec();
                return new Arg(at, v, d);
            }
            return new Arg(at, v, null);
        }
        if (Character.isLetter(c)) {
            return new Arg(at, weighted ? 1.0 : null, parseSpec());
        }
        throw error(pos >= text.length() ? "unexpected end; expected a number or a distribution"
                : "expected a number or a distribution, found '" + c + "'");
    }

    private double parseNumber() {
        int start = pos;
        if (peek() == '+' || peek() == '-') {
            pos++;
        }
        int digits = 0;
        while (Character.isDigit(peek())) {
            pos++;
            digits++;
        }
        if (peek() == '.') {
            pos++;
            while (Character.isDigit(peek())) {
                pos++;
                digits++;
            }
        }
        if (digits == 0) {
            throw error("expected digits of a number");
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!Character.isDigit(peek())) {
                throw error("expected the exponent digits of a number");
            }
            while (Character.isDigit(peek())) {
                pos++;
            }
        }
        double v = Double.parseDouble(text.substring(start, pos));
        if (!Double.isFinite(v)) {
            throw new SpecException(text, start, "number out of range");
        }
        return v;
    }

    private Distribution parseSamples(int start) {
        int open = pos;
        int close = text.indexOf(')', pos);
        if (close < 0) {
            throw new SpecException(text, text.length(), "expected ')' closing samples(FILE.csv)");
        }
        String file = text.substring(open, close).trim();
        if (file.isEmpty()) {
            throw new SpecException(text, open, "expected a CSV file name in samples(FILE.csv)");
        }
        pos = close + 1;
        Path path = baseDir.resolve(file);
        onSampleFile.accept(path);
        return new Empirical(CsvSamples.load(path), "samples(" + file + ")");
    }

    /** {@code generator(FILE.json)}: P_G of a saved generator (raw path up to ')', like samples). */
    private Distribution parseGenerator() {
        int open = pos;
        int close = text.indexOf(')', pos);
        if (close < 0) {
            throw new SpecException(text, text.length(), "expected ')' closing generator(FILE.json)");
        }
        String file = text.substring(open, close).trim();
        if (file.isEmpty()) {
            throw new SpecException(text, open, "expected a generator file name in generator(FILE.json)");
        }
        pos = close + 1;
        try {
            return GeneratorDistribution.load(baseDir.resolve(file), file);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new SpecException(text, open, e.getMessage());
        }
    }

    private Distribution build(String name, int at, int close, List<Arg> args) {
        switch (name) {
            case "normal" -> {
                double[] a = numbers(name, at, close, args, 2, 2);
                return new Normal1(a[0], a[1]);
            }
            case "uniform" -> {
                double[] a = numbers(name, at, close, args, 2, 2);
                return new Uniform1(a[0], a[1]);
            }
            case "point" -> {
                return new PointMass(numbers(name, at, close, args, 1, 2));
            }
            case "normal2" -> {
                double[] a = numbers(name, at, close, args, 4, 5);
                return new Normal2(a[0], a[1], a[2], a[3], a.length == 5 ? a[4] : 0);
            }
            case "segment" -> {
                double[] a = numbers(name, at, close, args, 4, 4);
                return new Segment(a[0], a[1], a[2], a[3]);
            }
            case "box" -> {
                double[] a = numbers(name, at, close, args, 4, 4);
                return new Box(a[0], a[1], a[2], a[3]);
            }
            case "ring" -> {
                double[] a = numbers(name, at, close, args, 3, 3);
                int k = integer(args.get(0), "ring k");
                components("ring", k);
                return ring(k, a[1], a[2], "ring(" + k + "," + Specs.fmt(a[1]) + "," + Specs.fmt(a[2]) + ")");
            }
            case "grid" -> {
                double[] a = numbers(name, at, close, args, 3, 3);
                int k = integer(args.get(0), "grid k");
                components("grid", (long) k * k);
                Specs.requirePositive("grid spacing", a[1]);
                Specs.requirePositive("grid sigma", a[2]);
                List<Double> w = new ArrayList<>();
                List<Distribution> c = new ArrayList<>();
                double off = (k - 1) / 2.0;
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        w.add(1.0);
                        c.add(new Normal2((i - off) * a[1], (j - off) * a[1], a[2], a[2], 0));
                    }
                }
                return new Mixture(w, c, "grid(" + k + "," + Specs.fmt(a[1]) + "," + Specs.fmt(a[2]) + ")");
            }
            case "checkerboard" -> {
                double[] a = numbers(name, at, close, args, 1, 1);
                int n = integer(args.get(0), "checkerboard n");
                components("checkerboard", (long) n * n / 2);
                // An n x n board on [-2, 2]^2; the squares with even i + j carry the mass.
                List<Double> w = new ArrayList<>();
                List<Distribution> c = new ArrayList<>();
                double s = 4.0 / n;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        if ((i + j) % 2 == 0) {
                            w.add(1.0);
                            c.add(new Box(-2 + i * s, -2 + j * s, -2 + (i + 1) * s, -2 + (j + 1) * s));
                        }
                    }
                }
                return new Mixture(w, c, "checkerboard(" + Specs.fmt(a[0]) + ")");
            }
            case "swissroll" -> {
                double[] a = numbers(name, at, close, args, 1, 1);
                return new CurveToy(CurveToy.Kind.SWISSROLL, 0, a[0]);
            }
            case "moons" -> {
                double[] a = numbers(name, at, close, args, 1, 1);
                return new CurveToy(CurveToy.Kind.MOONS, 0, a[0]);
            }
            case "spiral" -> {
                double[] a = numbers(name, at, close, args, 2, 2);
                return new CurveToy(CurveToy.Kind.SPIRAL, a[0], a[1]);
            }
            case "drawn" -> {
                double[] a = numbers(name, at, close, args, 3, Integer.MAX_VALUE);
                if (a.length % 2 != 1) {
                    throw new SpecException(text, close, "drawn(sigma, x1, y1, x2, y2, ...) needs pairs of "
                            + "coordinates after sigma; found an odd one");
                }
                Specs.requirePositive("drawn sigma", a[0]);
                List<Double> w = new ArrayList<>();
                List<Distribution> c = new ArrayList<>();
                StringBuilder s = new StringBuilder("drawn(").append(Specs.fmt(a[0]));
                for (int i = 1; i < a.length; i += 2) {
                    w.add(1.0);
                    c.add(new Normal2(a[i], a[i + 1], a[0], a[0], 0));
                    s.append(',').append(Specs.fmt(a[i])).append(',').append(Specs.fmt(a[i + 1]));
                }
                return new Mixture(w, c, s.append(')').toString());
            }
            case "translate" -> {
                if (args.size() < 2 || args.size() > 3 || args.get(args.size() - 1).isNumber()) {
                    throw new SpecException(text, at,
                            "expected translate(dx,D) for 1-D or translate(dx,dy,D) for 2-D");
                }
                double[] shift = new double[args.size() - 1];
                for (int i = 0; i < shift.length; i++) {
                    Arg g = args.get(i);
                    if (!g.isNumber()) {
                        throw new SpecException(text, g.at(), "expected a number (offset) here");
                    }
                    shift[i] = g.number();
                }
                Arg d = args.get(args.size() - 1);
                if (d.dist().dimension() != shift.length) {
                    throw new SpecException(text, d.at(), "translate with " + shift.length + " offset(s) needs a "
                            + shift.length + "-D distribution, but " + d.dist().spec() + " is "
                            + d.dist().dimension() + "-D");
                }
                return Translated.of(d.dist(), shift);
            }
            case "mixture" -> {
                if (args.isEmpty()) {
                    throw new SpecException(text, close, "expected at least one component 'w*D' in mixture(...)");
                }
                components("mixture", args.stream().mapToLong(g -> g.dist() instanceof Mixture m
                        ? m.components().size() : 1).sum());
                List<Double> w = new ArrayList<>();
                List<Distribution> c = new ArrayList<>();
                int dim = 0;
                for (Arg g : args) {
                    if (g.isNumber()) {
                        throw new SpecException(text, g.at(), "expected a component 'w*D' (e.g. 0.5*normal(0,1)), "
                                + "found a bare number");
                    }
                    if (g.number() < 0) {
                        throw new SpecException(text, g.at(), "mixture weight must be >= 0, got " + g.number());
                    }
                    if (dim == 0) {
                        dim = g.dist().dimension();
                    } else if (g.dist().dimension() != dim) {
                        throw new SpecException(text, g.at(), "component is " + g.dist().dimension()
                                + "-D but the first component is " + dim + "-D");
                    }
                    w.add(g.number());
                    c.add(g.dist());
                }
                double total = w.stream().mapToDouble(Double::doubleValue).sum();
                if (!(total > 0)) {
                    throw new SpecException(text, at, "mixture weights sum to " + total
                            + "; at least one must be positive");
                }
                return new Mixture(w, c);
            }
            default -> throw new SpecException(text, at, "unknown distribution '" + name + "'; expected one of "
                    + "normal, uniform, point, mixture, samples, normal2, segment, box, ring, grid, swissroll, moons, "
                    + "spiral, checkerboard, translate, drawn, eightgaussians, generator");
        }
    }

    static Mixture ring(int k, double radius, double sigma, String spec) {
        if (k < 1) {
            throw new IllegalArgumentException("ring k must be >= 1, got " + k);
        }
        Specs.requirePositive("ring radius", radius);
        Specs.requirePositive("ring sigma", sigma);
        List<Double> w = new ArrayList<>();
        List<Distribution> c = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double th = 2 * Math.PI * i / k;
            w.add(1.0);
            c.add(new Normal2(radius * Math.cos(th), radius * Math.sin(th), sigma, sigma, 0));
        }
        return new Mixture(w, c, spec);
    }

    private double[] numbers(String name, int at, int close, List<Arg> args, int min, int max) {
        if (args.size() < min || args.size() > max) {
            String want = min == max ? Integer.toString(min) : max == Integer.MAX_VALUE ? "at least " + min
                    : min + " to " + max;
            throw new SpecException(text, args.size() > max ? args.get(max).at() : close,
                    name + "(...) takes " + want + " numbers, got " + args.size());
        }
        double[] v = new double[args.size()];
        for (int i = 0; i < v.length; i++) {
            Arg g = args.get(i);
            if (!g.isNumber()) {
                throw new SpecException(text, g.at(), "expected a number as argument " + (i + 1) + " of " + name);
            }
            v[i] = g.number();
        }
        return v;
    }

    private static void components(String name, long count) {
        if (count > MAX_COMPONENTS) {
            throw new IllegalArgumentException(name + " would have " + count + " components; at most "
                    + MAX_COMPONENTS + " are allowed");
        }
    }

    private int integer(Arg g, String what) {
        double v = g.number();
        if (v != Math.rint(v) || v < 1 || v > 10_000) {
            throw new SpecException(text, g.at(), what + " must be an integer in [1, 10000], got " + Specs.fmt(v));
        }
        return (int) v;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c) {
        skipSpace();
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private SpecException error(String problem) {
        return new SpecException(text, pos, problem);
    }
}

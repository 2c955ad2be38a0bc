package org.divergencelab.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parsed {@code --name value} options of one command. Options may repeat ({@code --set a=1 --set b=2});
 * a bare {@code --flag} has no value. Every option a command never asked about is reported as unknown by
 * {@link #requireAllUsed()}, so a typo never silently runs with defaults.
 */
public final class Arguments {
    private final Map<String, List<String>> options = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();
    private final Set<String> used = new LinkedHashSet<>();

    private Arguments() {
    }

    /** Parses {@code args}; options taking no value must be listed in {@code flags}. */
    public static Arguments parse(List<String> args, Set<String> flags) {
        Arguments a = new Arguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--") && arg.length() > 2) {
                String name = arg.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq > 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else if (!flags.contains(name)) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("option --" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                a.options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                a.positional.add(arg);
            }
        }
        return a;
    }

    public boolean has(String name) {
        used.add(name);
        return options.containsKey(name);
    }

    /** The last value of {@code --name}, or {@code fallback} when absent. */
    public String get(String name, String fallback) {
        used.add(name);
        List<String> v = options.get(name);
        return v == null ? fallback : v.get(v.size() - 1);
    }

    public String require(String name) {
        String v = get(name, null);
        if (v == null) {
            throw new UsageException("missing required option --" + name);
        }
        return v;
    }

    public List<String> all(String name) {
        used.add(name);
        return options.getOrDefault(name, Collections.emptyList());
    }

    public int getInt(String name, int fallback, int min, int max) {
        String v = get(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            int x = Integer.parseInt(v.trim());
            if (x < min || x > max) {
                throw new UsageException("--" + name + " " + v + " is out of range [" + min + ", " + max + "]");
            }
            return x;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " expects an integer, got '" + v + "'");
        }
    }

    public long getLong(String name, long fallback) {
        String v = get(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " expects an integer, got '" + v + "'");
        }
    }

    public double getDouble(String name, double fallback) {
        String v = get(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            double x = Double.parseDouble(v.trim());
            if (!Double.isFinite(x)) {
                throw new UsageException("--" + name + " must be finite, got '" + v + "'");
            }
            return x;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " expects a number, got '" + v + "'");
        }
    }

    public List<String> positional() {
        return Collections.unmodifiableList(positional);
    }

    /** Throws if an option was given that the command never read. */
    public void requireAllUsed() {
        for (String name : options.keySet()) {
            if (!used.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
        }
    }
}

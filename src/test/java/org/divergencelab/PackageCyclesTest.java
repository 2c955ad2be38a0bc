package org.divergencelab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's packages form no cycle, every sub-package counting as a package of its own (ui, ui.lesson and ui.theme
 * are three). The graph is read from the compiled classes by jdeps, so every reference in the bytecode counts
 * (imports, fully qualified names, signatures), not only imports. A cycle fails with its packages, one loop
 * through them and the class-level references that close it. By hand: {@code src/bench/package-graph.sh}.
 */
class PackageCyclesTest {
    private static final String ROOT = "org.divergencelab";
    /** A line of {@code jdeps -verbose:package|class}: {@code   from   -> to   where}. */
    private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s+.*$");

    @Test
    void packagesFormNoCycle() throws Exception {
        Path classes = mainClasses();
        Map<String, Set<String>> graph = packageGraph(classes);
        // the graph is the real one: every package with classes is in it, and it has the app's known layers
        assertEquals(packagesWithClasses(classes), graph.keySet(), "jdeps saw every package of " + classes);
        assertTrue(graph.get(ROOT + ".autodiff").contains(ROOT + ".compute"), "autodiff -> compute: " + graph);
        assertTrue(graph.get(ROOT + ".ui").contains(ROOT + ".ui.theme"), "ui -> ui.theme: " + graph);
        List<List<String>> knots = stronglyConnected(graph);
        assertTrue(knots.isEmpty(), () -> describe(knots, graph, classes));
    }

    /** The whole check (compile, jdeps, graph, components) on two packages that need each other. */
    @Test
    void aPlantedCycleIsFound(@TempDir Path dir) throws IOException {
        Path src = dir.resolve("src");
        Path out = dir.resolve("classes");
        Files.createDirectories(out);
        Path a = write(src, "a/A.java", "package " + ROOT + ".planted.a;\npublic class A { "
                + ROOT + ".planted.b.B b; }\n");
        Path b = write(src, "b/B.java", "package " + ROOT + ".planted.b;\npublic class B { "
                + "public Object c() { return new " + ROOT + ".planted.c.C(); } }\n");
        Path c = write(src, "c/C.java", "package " + ROOT + ".planted.c;\npublic class C { "
                + "static Class<?> a = " + ROOT + ".planted.a.A.class; }\n");
        Path d = write(src, "d/D.java", "package " + ROOT + ".planted.d;\npublic class D { "
                + ROOT + ".planted.a.A a; }\n");
        JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", out.toString(), a.toString(), b.toString(), c.toString(),
                d.toString()), "javac");

        Map<String, Set<String>> graph = packageGraph(out);
        List<List<String>> knots = stronglyConnected(graph);
        String p = ROOT + ".planted.";
        assertEquals(List.of(List.of(p + "a", p + "b", p + "c")), knots, "the a -> b -> c -> a loop, d outside: " + graph);
        String report = describe(knots, graph, out);
        assertTrue(report.contains(p + "a -> " + p + "b -> " + p + "c -> " + p + "a"), report);
        assertTrue(report.contains(p + "c.C -> " + p + "a.A"), report);
    }

    @Test
    void componentsOfAGraph() {
        Map<String, Set<String>> g = new TreeMap<>();
        g.put("a", Set.of("b"));
        g.put("b", Set.of("a", "c"));
        g.put("c", Set.of("c", "d")); // a package's references to itself are no cycle
        g.put("d", Set.of("e"));
        g.put("e", Set.of("f"));
        g.put("f", Set.of("d"));
        g.put("g", Set.of("a", "d"));
        assertEquals(List.of(List.of("a", "b"), List.of("d", "e", "f")), stronglyConnected(g));
        assertEquals(List.of("d", "e", "f", "d"), loop(List.of("d", "e", "f"), g));
    }

    private static Path write(Path root, String file, String text) throws IOException {
        Path f = root.resolve(file);
        Files.createDirectories(f.getParent());
        return Files.writeString(f, text);
    }

    /** The directory the app's classes were compiled to ({@code target/classes}). */
    private static Path mainClasses() throws URISyntaxException {
        return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static String jdeps(String... args) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps")
                .orElseThrow(() -> new IllegalStateException("this JDK has no jdeps tool"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = jdeps.run(new PrintWriter(out), new PrintWriter(err), args);
        assertEquals(0, rc, () -> "jdeps " + String.join(" ", args) + ":\n" + err);
        return out.toString();
    }

    /** Edges between the app's classes or packages in jdeps' verbose output (references to itself dropped). */
    private static Map<String, Set<String>> edges(String verbose) {
        Map<String, Set<String>> g = new TreeMap<>();
        for (String line : verbose.split("\\R")) {
            Matcher m = EDGE.matcher(line);
            if (m.matches() && ours(m.group(1))) {
                Set<String> to = g.computeIfAbsent(m.group(1), k -> new TreeSet<>());
                if (ours(m.group(2)) && !m.group(2).equals(m.group(1))) {
                    to.add(m.group(2));
                }
            }
        }
        return g;
    }

    private static boolean ours(String name) {
        return name.equals(ROOT) || name.startsWith(ROOT + ".");
    }

    /** Package -> the app's packages it references, for every package of {@code classes}. */
    static Map<String, Set<String>> packageGraph(Path classes) {
        return edges(jdeps("-verbose:package", "-filter:none", classes.toString()));
    }

    private static Set<String> packagesWithClasses(Path classes) throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f.getParent()).toString().replace(f.getFileSystem().getSeparator(), "."))
                    .filter(PackageCyclesTest::ours)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** Tarjan's strongly connected components with more than one package, each sorted, in order of first member. */
    static List<List<String>> stronglyConnected(Map<String, Set<String>> g) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<List<String>> out = new ArrayList<>();
        for (String v : new TreeSet<>(g.keySet())) {
            if (!index.containsKey(v)) {
                strongConnect(v, g, index, low, stack, onStack, out);
            }
        }
        out.sort((x, y) -> x.get(0).compareTo(y.get(0)));
        return out;
    }

    private static void strongConnect(String v, Map<String, Set<String>> g, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<List<String>> out) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : g.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                strongConnect(w, g, index, low, stack, onStack, out);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> component = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                component.sort(null);
                out.add(component);
            }
        }
    }

    /** A shortest loop from the component's first package back to it, inside the component. */
    static List<String> loop(List<String> component, Map<String, Set<String>> g) {
        String start = component.get(0);
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String v = queue.poll();
            for (String w : new TreeSet<>(g.getOrDefault(v, Set.of()))) {
                if (w.equals(v)) {
                    continue; // a package's references to itself are no cycle
                }
                if (w.equals(start)) {
                    List<String> path = new ArrayList<>(List.of(start));
                    for (String x = v; !x.equals(start); x = cameFrom.get(x)) {
                        path.add(1, x);
                    }
                    path.add(start);
                    return path;
                }
                if (component.contains(w) && !cameFrom.containsKey(w)) {
                    cameFrom.put(w, v);
                    queue.add(w);
                }
            }
        }
        throw new IllegalStateException("no loop through " + component);
    }

    /**
     * Each knot: its packages, one loop through them, and for each step of the loop the class references that make
     * it (the first {@value #SHOWN}).
     */
    private static String describe(List<List<String>> knots, Map<String, Set<String>> g, Path classes) {
        Map<String, Set<String>> byClass = edges(jdeps("-verbose:class", "-filter:none", classes.toString()));
        StringBuilder b = new StringBuilder("package cycles in " + classes + ":\n");
        for (List<String> k : knots) {
            List<String> loop = loop(k, g);
            b.append("- ").append(k).append("\n  loop: ").append(String.join(" -> ", loop)).append('\n');
            for (int i = 0; i + 1 < loop.size(); i++) {
                String p = loop.get(i);
                String q = loop.get(i + 1);
                List<String> refs = new ArrayList<>();
                byClass.forEach((from, tos) -> tos.stream()
                        .filter(to -> packageOf(from).equals(p) && packageOf(to).equals(q))
                        .forEach(to -> refs.add(from + " -> " + to)));
                b.append("    ").append(p).append(" -> ").append(q).append(": ")
                        .append(String.join(", ", refs.subList(0, Math.min(SHOWN, refs.size()))))
                        .append(refs.size() > SHOWN ? " and " + (refs.size() - SHOWN) + " more" : "").append('\n');
            }
        }
        return b.toString();
    }

    /** Class references shown per step of a loop. */
    private static final int SHOWN = 3;

    private static String packageOf(String className) {
        return className.substring(0, className.lastIndexOf('.'));
    }
}

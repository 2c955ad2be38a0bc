package org.divergencelab;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Entry point of {@code divergence-lab.jar}: no arguments opens the app, {@code COMMAND [options]} runs a
 * headless command (see {@code --help}).
 *
 * <p>This class alone is compiled for Java 17 and touches the rest of the app only by reflection, so that
 * it can run on whatever {@code java} is first on the PATH and re-launch the app on a JDK 25 with the
 * flags the app needs ({@code --add-modules jdk.incubator.vector} for the SIMD kernels, which a manifest
 * cannot request). It does not extend {@code javafx.application.Application}: a fat jar whose main class
 * is an Application refuses to start with JavaFX on the class path.
 */
public final class Main {

    static final int REQUIRED_FEATURE = 25;
    /** Set on the re-launched JVM so that it never re-launches again. */
    static final String RELAUNCHED_PROPERTY = "divergencelab.relaunched";
    /** Set to any value to stay in the current JVM even without the vector module (scalar kernels). */
    static final String NO_RELAUNCH_ENV = "DIVERGENCE_LAB_NO_RELAUNCH";
    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        boolean relaunched = System.getProperty(RELAUNCHED_PROPERTY) != null;
        if (Runtime.version().feature() < REQUIRED_FEATURE) {
            Optional<Path> java = relaunched ? Optional.empty() : findJava25();
            if (java.isEmpty()) {
                System.err.println("Divergence Lab needs Java " + REQUIRED_FEATURE + " or newer; this is Java "
                        + Runtime.version() + ". Install a JDK 25 (e.g. Temurin 25) or set JAVA_HOME to one.");
                System.exit(1);
            }
            System.exit(relaunch(java.get(), args));
        }
        if (!relaunched && System.getenv(NO_RELAUNCH_ENV) == null
                && ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()
                && java.lang.module.ModuleFinder.ofSystem().find(VECTOR_MODULE).isPresent()) {
            Optional<Path> self = ProcessHandle.current().info().command().map(Paths::get);
            if (self.isPresent() && Files.isExecutable(self.get())) {
                System.exit(relaunch(self.get(), args));
            }
        }
        System.exit(runHere(args));
    }

    /** Runs the app in this JVM: {@code Commands.run(args, System.out, System.err)}. */
    private static int runHere(String[] args) throws Exception {
        Class<?> commands = Class.forName("org.divergencelab.cli.Commands");
        try {
            return (int) commands.getMethod("run", String[].class, PrintStream.class, PrintStream.class)
                    .invoke(null, args, System.out, System.err);
        } catch (java.lang.reflect.InvocationTargetException e) {
            // Commands.run reports what it can; what escapes it (an Error in the app's start-up) is shown as
            // itself, not as the reflection wrapper around it.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            System.err.println("error: " + cause);
            return 1;
        }
    }

    /** JAVA_HOME first, then the usual install folders; the newest JDK of at least version 25 wins. */
    static Optional<Path> findJava25() {
        List<Path> homes = new ArrayList<>();
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null) {
            homes.add(Paths.get(javaHome));
        }
        for (String root : new String[] {"/usr/lib/jvm", "/usr/java", "/opt/java", "/Library/Java/JavaVirtualMachines",
                System.getProperty("user.home") + "/.sdkman/candidates/java"}) {
            Path dir = Paths.get(root);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    s.sorted(Comparator.reverseOrder()).forEach(p -> {
                        homes.add(p);
                        homes.add(p.resolve("Contents/Home"));
                    });
                } catch (IOException e) {
                    // an unreadable folder just holds no candidate
                }
            }
        }
        for (Path home : homes) {
            Path java = home.resolve("bin").resolve(File.separatorChar == '\\' ? "java.exe" : "java");
            if (Files.isExecutable(java) && featureOf(home) >= REQUIRED_FEATURE) {
                return Optional.of(java);
            }
        }
        return Optional.empty();
    }

    /** The feature version a JDK's {@code release} file declares, or 0 when unknown. */
    private static int featureOf(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    String major = v.split("[.+-]")[0];
                    return Integer.parseInt(major);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a JDK we can read: skip it
        }
        return 0;
    }

    private static int relaunch(Path java, String[] args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("--add-modules");
        command.add(VECTOR_MODULE);
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(gcFlags());
        // Keep the system properties the user gave (-Dprism.order=sw, -Dglass.platform=Monocle, ...).
        for (String name : System.getProperties().stringPropertyNames()) {
            if (isUserProperty(name)) {
                command.add("-D" + name + "=" + System.getProperty(name));
            }
        }
        command.add("-D" + RELAUNCHED_PROPERTY + "=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        for (String a : args) {
            command.add(a);
        }
        try {
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (IOException e) {
            if (Runtime.version().feature() < REQUIRED_FEATURE) {
                throw e;
            }
            // Could not start a second JVM: carry on here with the scalar kernels.
            return runHere(args);
        }
    }

    /**
     * The collector flags for the re-launched JVM: the ones the user gave this JVM ({@code -XX:+Use...GC}, e.g.
     * {@code java -XX:+UseSerialGC -jar divergence-lab.jar}), which the re-launch would otherwise drop. No
     * default is forced: on the 2-core machine the serial collector's pauses were shorter than G1's under load
     * (2-13 ms against a median 7-12 ms, up to 94 ms), but the frame-time p99 of 6-s windows did not separate
     * from the machine's noise, and a serial full collection in a long lecture session was not measured
     * (docs/benchmarks.md).
     */
    static List<String> gcFlags() {
        List<String> out = new ArrayList<>();
        for (String a : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-XX:+Use") && a.endsWith("GC")) {
                out.add(a);
            }
        }
        return out;
    }

    private static boolean isUserProperty(String name) {
        return name.startsWith("prism.") || name.startsWith("glass.") || name.startsWith("monocle.")
                || name.startsWith("testfx.") || name.startsWith("divergencelab.") || name.startsWith("javafx.")
                || name.equals("java.awt.headless") || name.equals("user.language") || name.equals("user.country");
    }
}

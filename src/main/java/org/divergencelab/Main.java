package org.divergencelab;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
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
    /** Set on the re-launched JVM: the launcher's pid, which it watches (it ends when the launcher is gone). */
    static final String PARENT_PROPERTY = "divergencelab.launcher.pid";
    /** Exit status of a re-launched JVM whose launcher was killed: 128 + SIGTERM, as if it had been TERMed. */
    static final int EXIT_LAUNCHER_GONE = 143;
    /** How long a stopping launcher lets the child finish its files before killing it. */
    static final long CHILD_GRACE_MS = 3000;
    static final long PARENT_POLL_MS = 250;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        boolean relaunched = System.getProperty(RELAUNCHED_PROPERTY) != null;
        if (relaunched) {
            watchParent();
        }
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
        if (Runtime.version().feature() < REQUIRED_FEATURE) {
            // a flag this older JVM knew may be gone in 25: the user's options must not stop the app starting
            command.add("-XX:+IgnoreUnrecognizedVMOptions");
        }
        command.addAll(userJvmOptions(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        command.add("-D" + RELAUNCHED_PROPERTY + "=true");
        command.add("-D" + PARENT_PROPERTY + "=" + ProcessHandle.current().pid());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        for (String a : args) {
            command.add(a);
        }
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            if (Runtime.version().feature() < REQUIRED_FEATURE) {
                throw e;
            }
            // Could not start a second JVM: carry on here with the scalar kernels.
            return runHere(args);
        }
        // TERM, Ctrl-C or System.exit here end the child too (it finishes its files in its own hooks); a KILL
        // cannot be caught here, so the child also watches this process (watchParent).
        Thread stop = new Thread(() -> stopChild(child), "divergence-lab: stop the relaunched JVM");
        Runtime.getRuntime().addShutdownHook(stop);
        int code = child.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs and finds the child ended
        }
        return code;
    }

    /** Asks the child to end (TERM: its shutdown hooks run), then forces it after {@link #CHILD_GRACE_MS}. */
    private static void stopChild(Process child) {
        if (!child.isAlive()) {
            return;
        }
        child.destroy();
        try {
            if (!child.waitFor(CHILD_GRACE_MS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                child.destroyForcibly();
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
        }
    }

    /**
     * The JVM options the user gave this JVM ({@code -Xmx2g}, {@code -Xss8m}, {@code -Dprism.order=sw},
     * {@code -XX:+UseSerialGC}, ...), for the re-launched JVM, which would otherwise drop them. Left out: the
     * launcher's own markers, and a debugger agent (its port is already taken by this JVM).
     */
    static List<String> userJvmOptions(List<String> inputArguments) {
        List<String> out = new ArrayList<>();
        for (String a : inputArguments) {
            if (a.startsWith("-D" + RELAUNCHED_PROPERTY + "=") || a.startsWith("-D" + PARENT_PROPERTY + "=")
                    || a.startsWith("-agentlib:jdwp") || a.startsWith("-Xrunjdwp")) {
                continue;
            }
            out.add(a);
        }
        return out;
    }

    /**
     * In the re-launched JVM: ends it when the launcher that started it is gone (killed with KILL, so its
     * shutdown hook never ran). Polls every {@link #PARENT_POLL_MS} ms on a daemon thread: the JDK's own
     * {@code onExit} for a process that is not our child polls with a growing sleep of up to 5 s. The exit
     * runs the shutdown hooks, so a training marks its run interrupted.
     */
    static void watchParent() {
        String property = System.getProperty(PARENT_PROPERTY);
        if (property == null) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(property);
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> launcher = ProcessHandle.of(pid);
        Thread watch = new Thread(() -> {
            while (true) {
                // reparented (the launcher died) or not alive any more (also catches a reused pid's start time)
                boolean gone = launcher.isEmpty() || !launcher.get().isAlive()
                        || ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) != pid;
                if (gone) {
                    System.err.println("divergence-lab: the launching process " + pid + " ended; stopping");
                    System.exit(EXIT_LAUNCHER_GONE);
                }
                try {
                    Thread.sleep(PARENT_POLL_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "divergence-lab: watch the launcher");
        watch.setDaemon(true);
        watch.start();
    }
}

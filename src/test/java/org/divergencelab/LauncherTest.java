package org.divergencelab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.divergencelab.io.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as a user meets it: started as its own process without the vector module, it re-launches the
 * app in a second JVM. That JVM gets the user's JVM options, and it never outlives the launcher: a TERM on the
 * launcher stops it (shutdown hook), a KILL is noticed by it (it watches the launcher) — within 5 s, and the
 * training it ran says "interrupted" in run.json.
 */
class LauncherTest {
    /** How long the stopped child may take to be gone (the launcher watch polls every 250 ms). */
    private static final long GONE_WITHIN_MS = 5000;

    @TempDir
    Path dir;

    private final List<ProcessHandle> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        // a failed assertion must not leave a training JVM behind
        started.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void userOptionsReachTheChildAndTermStopsIt() throws Exception {
        Process launcher = startTraining("-Xmx300m", "-Xss4m", "-Ddivergencelab.test.marker=kept");
        ProcessHandle child = childOf(launcher);
        List<String> childArgs = List.of(child.info().arguments().orElse(new String[0]));
        assertTrue(childArgs.contains("-Xmx300m"), "child command line: " + childArgs);
        assertTrue(childArgs.contains("-Xss4m"), "child command line: " + childArgs);
        assertTrue(childArgs.contains("-Ddivergencelab.test.marker=kept"), "child command line: " + childArgs);
        awaitTraining();

        launcher.destroy(); // SIGTERM
        assertGone(child);
        assertTrue(launcher.waitFor(GONE_WITHIN_MS, TimeUnit.MILLISECONDS), "the launcher did not end after TERM");
        assertEquals("interrupted", runStatus());
    }

    @Test
    void killedLauncherTakesTheChildWithIt() throws Exception {
        Process launcher = startTraining();
        ProcessHandle child = childOf(launcher);
        awaitTraining();

        launcher.destroyForcibly(); // SIGKILL: no hook runs in the launcher
        assertGone(child);
        assertEquals("interrupted", runStatus());
    }

    /** {@code java OPTIONS -cp CLASSPATH org.divergencelab.Main train ...} for a run far longer than the test. */
    private Process startTraining(String... jvmOptions) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "train", "--preset", "ring8-wgan-gp", "--set", "critic.widths=[8]", "--set", "generator.widths=[8]",
                "--set", "evaluation.every=1", "--iterations", "100000000", "--out", dir.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolveSibling(dir.getFileName() + "-launcher.log").toFile());
        pb.environment().remove(Main.NO_RELAUNCH_ENV);
        Process p = pb.start();
        started.add(p.toHandle());
        return p;
    }

    /** The re-launched JVM (the launcher's one child), waiting up to 60 s for the launcher to start it. */
    private ProcessHandle childOf(Process launcher) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> c = launcher.toHandle().children().findFirst();
            if (c.isPresent()) {
                started.add(c.get());
                return c.get();
            }
            assertTrue(launcher.isAlive(), "the launcher ended without re-launching");
            Thread.sleep(50);
        }
        throw new AssertionError("no re-launched JVM within 60 s");
    }

    /** Waits (up to 60 s) until the child trains: run.json says "running" and metrics.csv has a row. */
    private void awaitTraining() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Path metrics = dir.resolve("metrics.csv");
        while (System.nanoTime() < deadline) {
            if (Files.exists(metrics) && Files.readAllLines(metrics).size() >= 2) {
                assertEquals("running", runStatus());
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the child did not start training within 60 s");
    }

    private static void assertGone(ProcessHandle child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GONE_WITHIN_MS);
        while (child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(child.isAlive(), "the re-launched JVM " + child.pid() + " survived its launcher by "
                + GONE_WITHIN_MS + " ms");
    }

    private String runStatus() throws IOException {
        @SuppressWarnings("unchecked")
        var root = (java.util.Map<String, Object>) Json.parse(Files.readString(dir.resolve("run.json")));
        return (String) root.get("status");
    }
}

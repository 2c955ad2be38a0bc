package org.divergencelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

/**
 * macOS's "open documents" events without AWT or JavaFX: files that come before the window are queued and handed
 * on, in order and on the given thread, once it is ready; later ones go straight on; one failing file does not stop
 * the others; AWT is asked on macOS with a display only.
 */
class OpenDocumentsTest {

    /** Stands in for Platform.runLater: keeps the tasks until {@link #runAll}, as the FX thread would. */
    private static final class Queue implements java.util.concurrent.Executor {
        final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        int runAll() {
            int n = 0;
            for (Runnable r; (r = tasks.poll()) != null; n++) {
                r.run();
            }
            return n;
        }
    }

    @Test
    void filesBeforeTheWindowWaitAndThenOpenInOrderOnTheGivenThread() {
        Queue fx = new Queue();
        OpenDocuments docs = new OpenDocuments(fx);
        List<Path> opened = new ArrayList<>();
        docs.offer(List.of(Path.of("/tmp/launch.dlab")));
        docs.offer(List.of(Path.of("/tmp/b.dlab"), Path.of("/tmp/c.dlab")));
        assertEquals(List.of(Path.of("/tmp/launch.dlab"), Path.of("/tmp/b.dlab"), Path.of("/tmp/c.dlab")),
                docs.pending());
        assertTrue(fx.tasks.isEmpty(), "nothing handed on before the window");

        docs.ready(opened::add);
        assertTrue(docs.pending().isEmpty(), "the queue is handed on");
        assertTrue(opened.isEmpty(), "opened on the FX thread, not in ready()'s caller");
        assertEquals(3, fx.runAll());
        assertEquals(List.of(Path.of("/tmp/launch.dlab"), Path.of("/tmp/b.dlab"), Path.of("/tmp/c.dlab")), opened);

        // a second double-click while the app runs
        docs.offer(List.of(Path.of("/tmp/d.dlab")));
        assertTrue(docs.pending().isEmpty());
        assertEquals(1, fx.runAll());
        assertEquals(Path.of("/tmp/d.dlab"), opened.get(3));
    }

    @Test
    void aFileThatFailsDoesNotStopTheOthers() {
        Queue fx = new Queue();
        OpenDocuments docs = new OpenDocuments(fx);
        List<Path> opened = new ArrayList<>();
        docs.ready(file -> {
            if (file.toString().contains("bad")) {
                throw new IllegalStateException("cannot open " + file);
            }
            opened.add(file);
        });
        PrintStream stderr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            docs.offer(List.of(Path.of("bad.dlab"), Path.of("good.dlab")));
            assertEquals(2, fx.runAll());
        } finally {
            System.setErr(stderr);
        }
        assertEquals(List.of(Path.of("good.dlab")), opened);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("could not open bad.dlab"), err.toString());
    }

    @Test
    void aNewWindowTakesOverLaterFiles() {
        Queue fx = new Queue();
        OpenDocuments docs = new OpenDocuments(fx);
        List<Path> first = new ArrayList<>();
        List<Path> second = new ArrayList<>();
        docs.ready(first::add);
        docs.ready(second::add);
        docs.offer(List.of(Path.of("x.dlab")));
        fx.runAll();
        assertEquals(List.of(), first);
        assertEquals(List.of(Path.of("x.dlab")), second);
    }

    /** Events come on AWT's thread while the FX thread builds the window: every file is opened exactly once. */
    @Test
    void filesOfferedWhileTheWindowGetsReadyAreEachOpenedOnce() throws Exception {
        for (int round = 0; round < 20; round++) {
            Queue fx = new Queue();
            OpenDocuments docs = new OpenDocuments(fx);
            List<Path> opened = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int id = t;
                Thread sender = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    for (int i = 0; i < 50; i++) {
                        docs.offer(List.of(Path.of("f" + id + "-" + i + ".dlab")));
                    }
                });
                sender.start();
                senders.add(sender);
            }
            go.countDown();
            docs.ready(opened::add);
            for (Thread sender : senders) {
                sender.join();
            }
            fx.runAll();
            assertEquals(200, opened.size(), "round " + round);
            assertEquals(200, new HashSet<>(opened).size(), "no file twice, round " + round);
            // each sender's files in the order it sent them
            for (int t = 0; t < 4; t++) {
                String prefix = "f" + t + "-";
                List<Path> mine = opened.stream().filter(p -> p.toString().startsWith(prefix)).toList();
                for (int i = 0; i < 50; i++) {
                    assertEquals(Path.of(prefix + i + ".dlab"), mine.get(i), "round " + round);
                }
            }
        }
    }

    @Test
    void awtIsAskedOnMacOsWithADisplayOnly() {
        assertTrue(OpenDocuments.asksDesktop("Mac OS X", () -> false));
        assertFalse(OpenDocuments.asksDesktop("Mac OS X", () -> true), "headless");
        assertFalse(OpenDocuments.asksDesktop("Linux", () -> {
            throw new AssertionError("not even the headless check off macOS");
        }));
        assertFalse(OpenDocuments.asksDesktop("Windows 11", () -> false));
        assertFalse(OpenDocuments.asksDesktop(null, () -> false));
    }

    @Test
    void offMacOsNothingIsInstalledAndNothingSaid() {
        org.junit.jupiter.api.Assumptions.assumeFalse(System.getProperty("os.name").toLowerCase().startsWith("mac"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertFalse(OpenDocuments.installDesktopHandler(new OpenDocuments(Runnable::run),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }
}

package org.divergencelab.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Commands.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEveryCommand() {
        assertThat(run("--help"), is(0));
        for (Command c : Commands.all()) {
            assertThat(out.toString(StandardCharsets.UTF_8), containsString(c.name()));
        }
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertThat(run("frobnicate"), is(2));
        assertThat(err.toString(StandardCharsets.UTF_8), containsString("unknown command 'frobnicate'"));
    }

    @Test
    void unknownOptionIsRejectedNotIgnored() {
        assertThat(run("bench", "--workload", "x", "--repaets", "3"), is(2));
        assertThat(err.toString(StandardCharsets.UTF_8), containsString("unknown option --repaets"));
    }

    @Test
    void unknownWorkloadNamesTheList() {
        assertThat(run("bench", "--workload", "nope"), is(2));
        assertThat(err.toString(StandardCharsets.UTF_8), containsString("unknown workload 'nope'"));
    }

    @Test
    void missingValueIsAUsageError() {
        assertThat(run("bench", "--workload"), is(2));
        assertThat(err.toString(StandardCharsets.UTF_8), containsString("--workload needs a value"));
    }

    @Test
    void outIntoAFileIsAClearInputError(@TempDir Path dir) throws Exception {
        // --out names a folder below a plain file: the folder cannot be made. Exit 2 (bad input) with the path,
        // not a raw FileSystemException and exit 1.
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        assertThat(run("train", "--preset", "two-lines-gan", "--iterations", "1", "--out",
                file.resolve("run").toString()), is(2));
        assertThat(err.toString(StandardCharsets.UTF_8), containsString(file.toString()));
        assertThat(err.toString(StandardCharsets.UTF_8), not(containsString("Exception")));
    }
}

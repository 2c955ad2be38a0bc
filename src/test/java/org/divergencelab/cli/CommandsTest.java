package org.divergencelab.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {

    private final CliRun cli = new CliRun();

    @Test
    void helpListsEveryCommand() {
        assertThat(cli.run("--help"), is(0));
        for (Command c : Commands.all()) {
            assertThat(cli.out(), containsString(c.name()));
        }
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertThat(cli.run("frobnicate"), is(2));
        assertThat(cli.err(), containsString("unknown command 'frobnicate'"));
    }

    @Test
    void unknownOptionIsRejectedNotIgnored() {
        assertThat(cli.run("bench", "--workload", "x", "--repaets", "3"), is(2));
        assertThat(cli.err(), containsString("unknown option --repaets"));
    }

    @Test
    void unknownWorkloadNamesTheList() {
        assertThat(cli.run("bench", "--workload", "nope"), is(2));
        assertThat(cli.err(), containsString("unknown workload 'nope'"));
    }

    @Test
    void missingValueIsAUsageError() {
        assertThat(cli.run("bench", "--workload"), is(2));
        assertThat(cli.err(), containsString("--workload needs a value"));
    }

    @Test
    void outIntoAFileIsAClearInputError(@TempDir Path dir) throws Exception {
        // --out names a folder below a plain file: the folder cannot be made. Exit 2 (bad input) with the path,
        // not a raw FileSystemException and exit 1.
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        assertThat(cli.run("train", "--preset", "two-lines-gan", "--iterations", "1", "--out",
                file.resolve("run").toString()), is(2));
        assertThat(cli.err(), containsString(file.toString()));
        assertThat(cli.err(), not(containsString("Exception")));
    }
}

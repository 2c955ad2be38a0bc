package org.divergencelab.cli;

import java.io.PrintStream;

/** One headless command of {@code divergence-lab.jar COMMAND [options]}. */
public interface Command {

    /** The word that selects this command on the command line. */
    String name();

    /** One line for {@code --help}. */
    String summary();

    /** The full usage text for {@code COMMAND --help}. */
    String usage();

    /**
     * Runs the command. Results go to {@code out}, diagnostics to {@code err}.
     *
     * @return the process exit status: 0 on success, 2 for bad usage or input, 1 for other failures
     */
    int run(Arguments args, PrintStream out, PrintStream err) throws Exception;
}

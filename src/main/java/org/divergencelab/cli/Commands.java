package org.divergencelab.cli;

import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.divergencelab.ui.LabApp;

/** The command registry and dispatcher behind {@code divergence-lab.jar COMMAND [options]}. */
public final class Commands {

    /** Every headless command, in the order {@code --help} lists them. Add new commands here. */
    static List<Command> all() {
        return List.of(
                new BenchCommand(),
                new MeasureCommand(),
                new TrainCommand(),
                new ExportCommand(),
                new RenderCommand(),
                new SelfTestCommand(),
                new ImageTrainCommand(),
                new ScenesCommand());
    }

    private Commands() {
    }

    /** Runs the command named by {@code args[0]}, or opens the app when there are no arguments. */
    /** Whether a lone argument names a file rather than a mistyped command: it has an extension or a folder. */
    private static boolean looksLikeFile(String arg) {
        return arg.contains(".") || arg.contains("/") || arg.contains(java.io.File.separator);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            LabApp.launchApp(args);
            return 0;
        }
        String first = args[0];
        if (first.equals("--help") || first.equals("-h") || first.equals("help")) {
            printHelp(out);
            return 0;
        }
        Map<String, Command> byName = new LinkedHashMap<>();
        for (Command c : all()) {
            byName.put(c.name(), c);
        }
        Command command = byName.get(first);
        if (command == null && args.length == 1 && !first.startsWith("-") && looksLikeFile(first)) {
            // divergence-lab FILE: a double-clicked state or scene file opens in the app (ui.FileArgument)
            Path file = Path.of(first);
            if (!Files.isRegularFile(file)) {
                err.println("error: " + file + ": no such file to open (give a training or sandbox state, a scene "
                        + "file, or a command; see --help)");
                return 2;
            }
            LabApp.launchApp(args);
            return 0;
        }
        if (command == null) {
            err.println("error: unknown command '" + first + "'");
            printHelp(err);
            return 2;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println(command.usage());
            return 0;
        }
        try {
            Arguments parsed = Arguments.parse(rest, flagsOf(command));
            return command.run(parsed, out, err);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(command.usage());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (FileSystemException e) {
            // A file that cannot be read or written (missing folder, no permission): the user can act on it.
            err.println("error: " + e.getFile() + ": " + fileProblem(e));
            return 2;
        } catch (java.io.IOException e) {
            // a file the command read is malformed (IDX, gzip): the message names it and the problem
            err.println("error: " + e.getMessage());
            return 2;
        } catch (StackOverflowError e) {
            err.println("error: the input is nested too deeply to read");
            return 2;
        } catch (OutOfMemoryError e) {
            err.println("error: out of memory (heap limit " + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MiB): the input or the requested sizes are too large");
            return 2;
        } catch (Exception | Error e) {
            err.println("error: " + e);
            return 1;
        }
    }

    private static String fileProblem(FileSystemException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        return e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
    }

    private static Set<String> flagsOf(Command command) {
        return command instanceof FlagOptions f ? f.flags() : Set.of();
    }

    static void printHelp(PrintStream out) {
        out.println("Divergence Lab: see why GANs train the way they do.");
        out.println();
        out.println("usage: java -jar divergence-lab.jar                  open the app");
        out.println("       java -jar divergence-lab.jar COMMAND [options] run a headless command");
        out.println("       java -jar divergence-lab.jar COMMAND --help    options of one command");
        out.println();
        out.println("commands:");
        for (Command c : all()) {
            out.printf("  %-10s %s%n", c.name(), c.summary());
        }
    }

    /** Implemented by commands that take options without a value. */
    public interface FlagOptions {
        Set<String> flags();
    }
}

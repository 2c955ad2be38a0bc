package org.divergencelab.cli;

import java.io.PrintStream;
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
                new RenderCommand(),
                new SelfTestCommand(),
                new ImageTrainCommand(),
                new ScenesCommand());
    }

    private Commands() {
    }

    /** Runs the command named by {@code args[0]}, or opens the app when there are no arguments. */
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
        } catch (Exception e) {
            err.println("error: " + e);
            return 1;
        }
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

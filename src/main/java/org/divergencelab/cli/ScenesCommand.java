package org.divergencelab.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.divergencelab.lesson.Scene;
import org.divergencelab.lesson.Scenes;

/** {@code scenes [--lang en|zh_TW|zh_CN]}: lists the lecture scenes, one per line: id, mode, title, citation. */
public final class ScenesCommand implements Command {

    @Override
    public String name() {
        return "scenes";
    }

    @Override
    public String summary() {
        return "list the lecture scenes (render one with render --scene ID)";
    }

    @Override
    public String usage() {
        return """
                usage: scenes [--lang en|zh_TW|zh_CN]

                Lists every lecture scene: its id, the tab it opens (training or sandbox), its title and the
                lecture passage it reproduces (seed file under shared/lecture and its lines).
                Render one headlessly with: render --scene ID --out FILE.png [--size WxH]
                """;
    }

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) {
        Locale locale = switch (args.get("lang", "en")) {
            case "en" -> Locale.ENGLISH;
            case "zh_TW" -> Locale.TRADITIONAL_CHINESE;
            case "zh_CN" -> Locale.SIMPLIFIED_CHINESE;
            default -> throw new UsageException("--lang must be en, zh_TW or zh_CN, got '" + args.get("lang", "") + "'");
        };
        args.requireAllUsed();
        for (Scene s : Scenes.all()) {
            out.printf(Locale.ROOT, "%-4s %-8s %s  [%s]%n", s.id(), s.mode().name().toLowerCase(Locale.ROOT),
                    s.title().in(locale), s.citation());
        }
        return 0;
    }
}

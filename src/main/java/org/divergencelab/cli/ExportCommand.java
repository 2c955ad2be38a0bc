package org.divergencelab.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import org.divergencelab.export.TorchExport;
import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.Presets;

/**
 * {@code export (--config FILE.json | --preset NAME) [--set key=value ...] --out DIR}: writes the experiment as
 * a standalone PyTorch program ({@link TorchExport}).
 */
public final class ExportCommand implements Command {

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "write an experiment as a standalone PyTorch script (train.py + init_weights.json)";
    }

    @Override
    public String usage() {
        return """
                usage: export (--config FILE.json | --preset NAME) [--set key=value ...] --out DIR

                Writes the experiment (after --set, as in train) as a standalone PyTorch program:
                  DIR/train.py           the experiment's data sampler, G, D, objective, optimisers and k_D/k_G
                                         schedule; python3 DIR/train.py --iterations N --device cpu|cuda --out RUN
                                         writes RUN/metrics.csv with our columns (the exact truths left empty);
                                         torchrun --nproc_per_node=G DIR/train.py --ddp --device cuda runs on G GPUs
                  DIR/init_weights.json  G and D as our Trainer initialises them from the experiment's seed
                python3 DIR/train.py --check RUN replays 'train ... --dump-batches K --out RUN': every step redone
                from our recorded training state with the recorded inputs, its loss compared with ours (exit 0 when
                every step is within 1e-4 relative); the free run from the initial weights alone is printed too.
                Supported: objectives minimax, non_saturating, lsgan, wgan_clip, wgan_gp, linear_critic; dense
                networks without layer or spectral normalisation; trainer options off; data specs built of normal,
                uniform, point, normal2, segment, box, ring, grid, mixture, swissroll, moons, spiral,
                checkerboard, eightgaussians. Presets:""" + " " + String.join(", ", Presets.names()) + """

                Exit status 0; 2 for bad input or an experiment the export does not support.""";
    }

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) throws Exception {
        TrainCommand.ExperimentSource source = TrainCommand.ExperimentSource.of(args);
        Path dir = Path.of(args.require("out"));
        args.requireAllUsed();
        Experiment exp = source.experiment();
        TorchExport.write(exp, dir);
        out.println("exported " + exp.name() + " to " + dir.resolve(TorchExport.SCRIPT) + " and "
                + dir.resolve(TorchExport.WEIGHTS));
        return 0;
    }
}

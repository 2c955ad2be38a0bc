package org.divergencelab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every benchmark workload, in the order {@code bench --list} prints them. Add new workloads here. */
public final class Workloads {
    private Workloads() {
    }

    public static List<Workload> all() {
        // one line per group of workloads
        List<Workload> all = new ArrayList<>();
        all.addAll(GemmWorkload.all());
        all.addAll(ToyGanWorkload.all());
        all.addAll(TransportWorkload.all());
        all.addAll(SandboxEstimatesWorkload.all());
        all.addAll(ImageGanWorkload.all());
        all.addAll(GeneratorTruthWorkload.all());
        return List.copyOf(all);
    }

    public static Optional<Workload> find(String name) {
        return all().stream().filter(w -> w.name().equals(name)).findFirst();
    }
}

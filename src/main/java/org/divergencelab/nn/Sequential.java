package org.divergencelab.nn;

import java.util.ArrayList;
import java.util.List;

import org.divergencelab.autodiff.Parameter;
import org.divergencelab.autodiff.Tape;
import org.divergencelab.autodiff.Var;

/** Layers applied in order (for convolutional models, where {@link Mlp}'s builder does not fit). */
public final class Sequential implements Layer {
    private final String name;
    private final List<Layer> layers;

    public Sequential(String name, List<Layer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("sequential '" + name + "' needs at least one layer");
        }
        this.name = name;
        this.layers = List.copyOf(layers);
    }

    @Override
    public Var forward(Tape tape, Var x) {
        Var h = x;
        for (Layer l : layers) {
            h = l.forward(tape, h);
        }
        return h;
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        for (Layer l : layers) {
            all.addAll(l.parameters());
        }
        return List.copyOf(all);
    }

    public List<Layer> layers() {
        return layers;
    }

    @Override
    public String name() {
        return name;
    }
}

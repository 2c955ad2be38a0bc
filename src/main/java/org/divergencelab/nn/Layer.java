package org.divergencelab.nn;

import java.util.List;

import org.divergencelab.autodiff.Parameter;
import org.divergencelab.autodiff.Tape;
import org.divergencelab.autodiff.Var;

/** One stage of a network: maps a batch (rows = samples) to a batch on a {@link Tape}. */
public interface Layer {

    /** The output for input {@code x} (batch × inputs), recorded on {@code tape}. */
    Var forward(Tape tape, Var x);

    /** Trainable parameters (empty for activations). */
    List<Parameter> parameters();

    /** A short name for read-outs, e.g. {@code "dense1"}. */
    String name();
}

package org.divergencelab.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.Trainer;
import org.divergencelab.nn.Activation;
import org.divergencelab.nn.Dense;
import org.divergencelab.nn.Layer;
import org.divergencelab.nn.Mlp;

/**
 * The layers and initial weights of an experiment's G and D as a JSON tree: what the PyTorch export loads
 * instead of re-implementing our initialisation. Each network is a list of layers in forward order: dense
 * layers carry W in our layout (fanIn×fanOut, row-major, y = x·W + b) and b; activations carry their kind
 * and α. Float32 values are widened to double exactly, so JSON round-trips them bit for bit.
 */
public final class NetworkWeights {

    private NetworkWeights() {
    }

    /** G and D as the Trainer initialises them from the experiment's seed. */
    public static Map<String, Object> initial(Experiment e) {
        return of(new Trainer(e));
    }

    /** The trainer's G and D now. */
    static Map<String, Object> of(Trainer t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("G", layers(t.generator()));
        m.put("D", layers(t.critic()));
        return m;
    }

    /** The network's layers; an IllegalArgumentException names a layer kind the export cannot write. */
    static List<Object> layers(Mlp net) {
        List<Object> out = new ArrayList<>();
        for (Layer layer : net.layers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (layer instanceof Dense d) {
                if (d.spectralNorm() != null) {
                    throw new IllegalArgumentException("the PyTorch export does not support spectral normalisation ("
                            + d.name() + ")");
                }
                m.put("type", "dense");
                m.put("name", d.name());
                m.put("in", (long) d.fanIn());
                m.put("out", (long) d.fanOut());
                m.put("W", values(d.weight().value()));
                m.put("b", values(d.bias().value()));
            } else if (layer instanceof Activation a) {
                m.put("type", "activation");
                m.put("kind", a.kind().name().toLowerCase(java.util.Locale.ROOT));
                m.put("alpha", a.alpha());
            } else {
                throw new IllegalArgumentException("the PyTorch export does not support the layer '" + layer.name()
                        + "' (" + layer.getClass().getSimpleName() + "); use dense layers and activations only");
            }
            out.add(m);
        }
        return out;
    }

    private static List<Object> values(org.divergencelab.compute.Tensor t) {
        double[] v = new double[t.rows() * t.cols()];
        t.backend().copyOut(t, v);
        return list(v);
    }

    /** The values as JSON numbers (Doubles). */
    static List<Object> list(double[] v) {
        List<Object> out = new ArrayList<>(v.length);
        for (double x : v) {
            out.add(x);
        }
        return out;
    }
}

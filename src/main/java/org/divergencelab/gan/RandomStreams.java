package org.divergencelab.gan;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The random streams of one run, each split off {@code SplittableRandom(seed)}. The one place that says which
 * stream is which: {@link Stream}'s order is the order of the splits, so adding a stream at the end keeps every
 * existing run bit-identical, and re-deriving one stream (say, a new evaluation batch) needs no counting.
 */
final class RandomStreams {

    /** The streams, in split order (do not reorder: it fixes every run's numbers). */
    enum Stream {
        /** Initial generator weights. */
        GENERATOR_INIT,
        /** Initial critic weights. */
        CRITIC_INIT,
        /** Real data batches. */
        DATA,
        /** Latent z of the training batches. */
        LATENT,
        /** ε of the penalties' interpolates. */
        PENALTY,
        /** Instance noise. */
        INSTANCE_NOISE,
        /** Which old fakes the replay buffer hands out. */
        REPLAY,
        /** The fixed evaluation batch (real samples, then z). */
        EVALUATION,
        /** The draws of the generator's true divergences (Monte Carlo, OT and its floor): the same every evaluation. */
        TRUTH,
        /** A conditional GAN's labels: the generator step's y and the mismatched negatives' wrong y'. */
        LABEL
    }

    private RandomStreams() {
    }

    /** Every stream of the run with {@code seed}. */
    static Map<Stream, SplittableRandom> all(long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        Map<Stream, SplittableRandom> out = new EnumMap<>(Stream.class);
        for (Stream s : Stream.values()) {
            out.put(s, root.split());
        }
        return out;
    }

    /** The stream {@code s} of the run with {@code seed}, in the state {@link #all} hands it out. */
    static SplittableRandom of(long seed, Stream s) {
        SplittableRandom root = new SplittableRandom(seed);
        for (int i = 0; i < s.ordinal(); i++) {
            root.split();
        }
        return root.split();
    }
}

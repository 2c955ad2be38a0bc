package org.divergencelab.ui.lesson;

import java.util.List;
import java.util.Map;

/**
 * Predict, observe, explain: a question a lecture stop asks before the scene plays, its answers (texts in the
 * i18n bundles under {@code predict.<scene>.*}), which one the scene will show, and the explanation shown
 * beside the answer given.
 *
 * @param scene   the scene id
 * @param answers how many answers ({@code predict.<scene>.a0} …)
 * @param correct the index of the answer the scene shows
 */
public record Prediction(String scene, int answers, int correct) {

    /** The stops that ask first: JS stuck at log 2 (S3), W1 shrinking (S10), mode collapse (S13). */
    private static final Map<String, Prediction> ALL = Map.of(
            "S3", new Prediction("S3", 3, 1),
            "S10", new Prediction("S10", 3, 0),
            "S13", new Prediction("S13", 3, 2));

    public Prediction {
        if (answers < 2 || correct < 0 || correct >= answers) {
            throw new IllegalArgumentException("prediction " + scene + ": answers " + answers + ", correct " + correct);
        }
    }

    /** The prediction of scene {@code id}, or null when it asks none. */
    public static Prediction of(String id) {
        return ALL.get(id);
    }

    /** The scene ids that ask a prediction. */
    public static List<String> scenes() {
        return ALL.keySet().stream().sorted().toList();
    }

    public String questionKey() {
        return "predict." + scene + ".question";
    }

    public String answerKey(int k) {
        return "predict." + scene + ".a" + k;
    }

    public String resultKey() {
        return "predict." + scene + ".result";
    }
}

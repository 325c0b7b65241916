package org.finrec.eval;

import java.util.Objects;

/**
 * The figures of one recommender on one {@link PropensityTask}.
 *
 * @param recommender the recommender's name
 * @param modelVersion the model version evaluated
 * @param task the task's {@link PropensityTask#description() description}
 * @param auc the area under the ROC curve of the scores against the labels, NaN scores counting as the lowest
 * @param positives how many test customers held the product, 1 or more
 * @param negatives how many did not, 1 or more
 * @param noOpinion how many scores were NaN (the recommender had no opinion), 0 to {@code positives + negatives}
 */
public record PropensityResult(String recommender, String modelVersion, String task, double auc, int positives,
        int negatives, int noOpinion) {

    /**
     * Validates the components.
     *
     * @param recommender the recommender's name
     * @param modelVersion the model version
     * @param task the task description
     * @param auc the AUC
     * @param positives the number of holders
     * @param negatives the number of non-holders
     * @param noOpinion the number of NaN scores
     */
    public PropensityResult {
        Objects.requireNonNull(recommender, "recommender");
        Objects.requireNonNull(task, "task");
    }
}

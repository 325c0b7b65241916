package org.finrec.recommender.cf.internal;

import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.api.data.Trainer;

/**
 * Trains a {@link UserKnnModel}. User kNN is lazy: training builds the feedback matrix and precomputes what is
 * cheap (the distinct {@link HoldingProfiles holding profiles}, each one's norm, and for Euclidean the profiles
 * ordered by size); neighbours are found at scoring time, so that customers who changed since training, and
 * customers never seen, are served from what they have now. Similarity {@link Similarity#COSINE}, {@link Similarity#PEARSON} or {@link Similarity#EUCLIDEAN};
 * {@link Similarity#ADJUSTED_COSINE} is an item-kNN measure and is rejected.
 */
final class UserKnnTrainer implements Trainer<CfModel> {

    private final CfSettings settings;

    UserKnnTrainer(CfSettings settings) {
        if (settings.similarity() == Similarity.ADJUSTED_COSINE) {
            throw new IllegalArgumentException("similarity ADJUSTED_COSINE applies to item kNN only; user kNN takes"
                    + " COSINE, PEARSON or EUCLIDEAN");
        }
        this.settings = settings;
    }

    @Override
    public UserKnnModel train(Dataset dataset, ProgressListener progress) {
        progress.progress("building the feedback matrix", 0, -1);
        FeedbackMatrix matrix = FeedbackMatrix.from(dataset, settings.positiveKinds());
        if (matrix.items() == 0) {
            throw new IllegalArgumentException("dataset " + dataset.name() + " has no products to recommend");
        }
        progress.progress("user kNN ready", matrix.users(), matrix.users());
        return UserKnnModel.of(null, matrix, settings.similarity(), settings.neighbours());
    }
}

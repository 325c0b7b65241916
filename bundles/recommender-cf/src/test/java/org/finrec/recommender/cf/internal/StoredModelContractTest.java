package org.finrec.recommender.cf.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.api.model.ModelLineage;
import org.finrec.api.model.ModelStore;
import org.finrec.api.spi.Recommender;
import org.finrec.api.spi.RecommenderContractTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** Every algorithm passes the recommender contract when its model is saved and served from the store. */
class StoredModelContractTest {

    /** Trains with the component's defaults, saves, loads, and serves the loaded model. */
    static Recommender trainedSavedAndLoaded(Algorithm algorithm, Dataset data, Path store) {
        CfSettings settings = CfSettings.defaults(algorithm);
        CfModel model = settings.algorithm().trainer(settings).train(data, ProgressListener.NONE);
        ModelStore models = ModelStore.at(store);
        try {
            models.save("stored", model, algorithm.codec(), ModelLineage.of("test", Map.of(), data));
            CfModel loaded = models.load("stored", model.version(), algorithm.codec());
            return new CfRecommender("stored", loaded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Nested
    class UserKnn extends RecommenderContractTest {
        @TempDir
        Path store;

        @Override
        protected Recommender train(Dataset data) {
            return trainedSavedAndLoaded(Algorithm.USER_KNN, data, store);
        }

        @Override
        protected void swapModel(Recommender recommender, Dataset data) {
            CfRecommender loaded = (CfRecommender) trainedSavedAndLoaded(Algorithm.USER_KNN, data, store);
            ((CfRecommender) recommender).serve(loaded.servingModel());
        }
    }

    @Nested
    class ItemKnn extends RecommenderContractTest {
        @TempDir
        Path store;

        @Override
        protected Recommender train(Dataset data) {
            return trainedSavedAndLoaded(Algorithm.ITEM_KNN, data, store);
        }

        @Override
        protected void swapModel(Recommender recommender, Dataset data) {
            CfRecommender loaded = (CfRecommender) trainedSavedAndLoaded(Algorithm.ITEM_KNN, data, store);
            ((CfRecommender) recommender).serve(loaded.servingModel());
        }
    }

    @Nested
    class Als extends RecommenderContractTest {
        @TempDir
        Path store;

        @Override
        protected Recommender train(Dataset data) {
            return trainedSavedAndLoaded(Algorithm.ALS, data, store);
        }

        @Override
        protected void swapModel(Recommender recommender, Dataset data) {
            CfRecommender loaded = (CfRecommender) trainedSavedAndLoaded(Algorithm.ALS, data, store);
            ((CfRecommender) recommender).serve(loaded.servingModel());
        }
    }

    @Nested
    class Bpr extends RecommenderContractTest {
        @TempDir
        Path store;

        @Override
        protected Recommender train(Dataset data) {
            return trainedSavedAndLoaded(Algorithm.BPR, data, store);
        }

        @Override
        protected void swapModel(Recommender recommender, Dataset data) {
            CfRecommender loaded = (CfRecommender) trainedSavedAndLoaded(Algorithm.BPR, data, store);
            ((CfRecommender) recommender).serve(loaded.servingModel());
        }
    }
}
